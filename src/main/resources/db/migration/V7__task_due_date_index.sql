-- Task lists are sorted by due date (every Tasklist filter of ours; issue 7, benchmark figure 2).
-- With the task query's authorization check as subqueries (engine/AuthorizationQueries), a page is
-- read along this index and stops after one page, instead of sorting all of a district's
-- open tasks.
CREATE INDEX IF NOT EXISTS MP_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);
