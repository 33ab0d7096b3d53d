-- The engine checks a caller's READ_HISTORY (and other process-definition permissions) by
-- joining the caller's grants on the definition key: RESOURCE_TYPE_ = 6 and RESOURCE_ID_ the key
-- or '*'. With one task grant per open task (RESOURCE_TYPE_ 7, 140,000 rows at 100,000 open
-- cases), PostgreSQL intersected the resource id with every grant of the caller and the caller's
-- groups, once per instance: a district worker's history query of 91 cases took 38 ms, 3 ms along
-- this index. Every case-file access check (registry/CaseAccess) and Cockpit's history views
-- ask it (benchmark figures 6a, 6b).
CREATE INDEX IF NOT EXISTS MP_IDX_AUTH_TYPE_RESOURCE ON ACT_RU_AUTHORIZATION (RESOURCE_TYPE_, RESOURCE_ID_);
