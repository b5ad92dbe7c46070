-- The application's own tables, beside the engine's in the same database.

create table election (
    id          varchar(64)  not null primary key,
    name        varchar(200) not null,
    election_level varchar(20) not null,
    voting_day  date         not null,
    time_zone   varchar(64)  not null,
    created_at  timestamp    not null,
    updated_at  timestamp    not null
);

-- One row per calendar year; case numbers are <year>-<number within the year>.
create table case_number_counter (
    case_year   int not null primary key,
    last_number int not null
);

-- Monthly calculation index (MCI) in tenge, per year; fines are priced at the rate of the year
-- the offence was committed.
create table mci_rate (
    rate_year int            not null primary key,
    tenge     numeric(12, 2) not null
);

insert into mci_rate (rate_year, tenge) values (2023, 3450);
insert into mci_rate (rate_year, tenge) values (2024, 3692);
insert into mci_rate (rate_year, tenge) values (2025, 3932);
insert into mci_rate (rate_year, tenge) values (2026, 4325);
