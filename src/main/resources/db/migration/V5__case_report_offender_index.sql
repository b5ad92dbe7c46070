-- The intake looks for open cases about the same offender (IIN or BIN), article and day: by the
-- offender's identifier, which narrows the rows to that person's or organisation's few cases.
create index case_report_offender_iin on case_report (offender_iin);
create index case_report_offender_bin on case_report (offender_bin);
