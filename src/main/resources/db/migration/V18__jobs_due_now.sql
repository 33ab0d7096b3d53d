-- Job acquisition in due-date order (issue 19). The engine now gives every job a due date
-- (ensure-job-due-date-not-null in application.yaml: an asynchronous step's job is due when it is
-- created) and acquires the most overdue jobs first along MP_IDX_JOB_DUEDATE (V5), stopping after
-- a page. Before, each acquisition asked for "no due date, or due by now": PostgreSQL collected
-- every such job, including the rows of jobs just run and deleted, before it took ten (0.47 ms
-- for each acquisition of the intake's notifications, 0.07 ms in order).
-- The engine no longer acquires a job without a due date: those written before are due now.
UPDATE ACT_RU_JOB SET DUEDATE_ = CURRENT_TIMESTAMP WHERE DUEDATE_ IS NULL;
