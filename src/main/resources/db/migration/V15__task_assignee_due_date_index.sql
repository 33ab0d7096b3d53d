-- 我的任务 (a user's own tasks by due date, every Tasklist's first filter; benchmark figure 2).
-- The engine indexes the assignee alone, so a page either sorted all of a user's tasks or
-- walked the due-date index (V7) past every task due earlier than the user's own, at a city's
-- scale every open triage. Along assignee and due date a page reads just its own tasks.
CREATE INDEX IF NOT EXISTS MP_IDX_TASK_ASSIGNEE_DUE ON ACT_RU_TASK (ASSIGNEE_, DUE_DATE_);
