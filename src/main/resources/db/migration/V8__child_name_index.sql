-- A report about a child without an ID number finds the child by name and district
-- (registry/Children.byNameAndBirth). Without this index every such report read the whole
-- child table, which grows with every child ever reported.
CREATE INDEX IF NOT EXISTS IX_CHILD_NAME_DISTRICT ON child (name, district);
