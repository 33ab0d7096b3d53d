-- Indexes the engine lacks at a city's scale (issue 7, benchmark figures 2 and 3; the query
-- plans are in README, "Benchmarks"). They run after the engine has created its schema
-- (engine/SchemaMigrationOrder).

-- Every task query of a user selects the user's authorizations by user id OR group ids. The
-- engine indexes the group id alone (the user id only behind TYPE_ in a unique key), so each
-- Tasklist page read the whole table: one row per open task (the candidate group's grant).
CREATE INDEX IF NOT EXISTS MP_IDX_AUTH_USER ON ACT_RU_AUTHORIZATION (USER_ID_);

-- Job acquisition skips process instances that have a locked exclusive job: without this
-- index, every acquisition read every job (two timers per open case), a few jobs at a time.
CREATE INDEX IF NOT EXISTS MP_IDX_JOB_LOCK_EXP ON ACT_RU_JOB (LOCK_EXP_TIME_);

-- With nothing due, acquisition finds that out from the index, not by reading every timer.
CREATE INDEX IF NOT EXISTS MP_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_);
