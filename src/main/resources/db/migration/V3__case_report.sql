-- The auditors' reporting table: one row per ViolationCase process instance, kept up to date from
-- the engine's history events inside the engine's own transaction (see audit.CaseReportHistoryHandler).
-- The case list and the statistics read only this table; the engine's history is read only for the
-- timeline of one case, by process instance id.

create table case_report (
    process_instance_id   varchar(64)    not null primary key,
    case_number           varchar(64),
    process_definition_id varchar(100),
    process_version       int,
    election_id           varchar(64),
    region                varchar(200),
    code                  varchar(10),
    article               varchar(20),
    part                  varchar(20),
    offender_kind         varchar(30),
    offender_name         varchar(300),
    offender_iin          varchar(12),
    offender_bin          varchar(12),
    district_commission   varchar(20),
    source                varchar(30),
    committed_on          date,
    started_at            timestamp,
    ended_at              timestamp,
    case_status           varchar(10)    default 'OPEN' not null,
    outcome               varchar(40),
    registration          varchar(30),
    registration_reason   varchar(2000),
    consent_requested     boolean        default false not null,
    consent_granted       boolean,
    ruling_outcome        varchar(20),
    fine_mci              numeric(12, 2),
    fine_tenge            bigint,
    abbreviated           boolean
);

create index case_report_case_number on case_report (case_number);
create index case_report_election on case_report (election_id, committed_on);
create index case_report_committed_on on case_report (committed_on);
create index case_report_region on case_report (region);
create index case_report_article on case_report (article);
create index case_report_offender_kind on case_report (offender_kind);
create index case_report_status on case_report (case_status, outcome);
create index case_report_started_at on case_report (started_at);
