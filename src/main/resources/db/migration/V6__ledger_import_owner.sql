-- Several nodes share the database: an import belongs to the node that runs it, which renews
-- heartbeat_at while it runs. Only an import whose heartbeat has stopped is abandoned; one that
-- another node is still running is left alone.
ALTER TABLE ledger_import ADD COLUMN owner VARCHAR(100);
ALTER TABLE ledger_import ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
