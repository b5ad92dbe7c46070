-- The deadlines view and the operators' metrics count the open triage tasks of complaints by joining the
-- engine's task table to the complaint by its triage's process instance.
create index complaint_process_instance on complaint (process_instance_id);
