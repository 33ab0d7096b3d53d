-- The acceptance date the court gives (受理日期): the judgment's time limit runs from it, not
-- from accepted_at, when the platform heard of the acceptance. NULL when the court's first word
-- on an application was its judgment and it did not say.
ALTER TABLE court_application ADD COLUMN accepted_date DATE;
