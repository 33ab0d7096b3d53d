-- When the protection center triaged a case: the supervision reports measure report-to-triage.
ALTER TABLE protection_case ADD COLUMN triaged_at TIMESTAMP WITH TIME ZONE;
