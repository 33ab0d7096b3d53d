-- Indexes the engine lacks for a district's task list at scale (issue 7, benchmark figure 2).
-- Tasklist asks for a district's open tasks sorted by due date (filter 全部任务, first page).
-- The engine indexes ACT_RU_TASK by tenant alone, so with 100,000 open cases the database reads
-- and sorts all of a district's tasks for every page; with (tenant, due date) it reads the
-- first page in order. Runs after the engine has created its schema (SchemaMigrationOrder).
CREATE INDEX IF NOT EXISTS MP_IDX_TASK_TENANT_DUE ON ACT_RU_TASK (TENANT_ID_, DUE_DATE_);
