-- One row per election, counting the changes of its cases in case_report. The statistics keep each
-- election's grouped counts in memory and recount an election only when its version has moved, so
-- the briefing over every election costs as much as the elections that changed since the last request.
create table case_report_version (
    election_id varchar(64) not null primary key,
    version     bigint      not null
);

insert into case_report_version (election_id, version) select id, 0 from election;
