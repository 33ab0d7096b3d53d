-- The State Council's holiday calendar (SPEC section 11): the days that differ from the plain
-- week. A row is either a day off on a weekday (放假) or a working weekend day (调休上班); every
-- other day is a working day from Monday to Friday. A year is known once its row in
-- work_calendar_year exists: administrators add the next year through PUT /api/work-calendar/{year}
-- when the State Council publishes it (each November), without a rebuild.
CREATE TABLE work_calendar_year (
  calendar_year INT PRIMARY KEY,
  source VARCHAR(200) NOT NULL,
  loaded_by VARCHAR(64) NOT NULL,
  loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE work_calendar_day (
  calendar_day DATE PRIMARY KEY,
  calendar_year INT NOT NULL REFERENCES work_calendar_year (calendar_year),
  working BOOLEAN NOT NULL
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
INSERT INTO work_calendar_year (calendar_year, source, loaded_by, loaded_at)
VALUES (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）', 'system',
  TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+08:00');

INSERT INTO work_calendar_day (calendar_day, calendar_year, working) VALUES
  (DATE '2026-01-01', 2026, FALSE), (DATE '2026-01-02', 2026, FALSE),
  (DATE '2026-01-03', 2026, FALSE),
  (DATE '2026-02-15', 2026, FALSE), (DATE '2026-02-16', 2026, FALSE),
  (DATE '2026-02-17', 2026, FALSE), (DATE '2026-02-18', 2026, FALSE),
  (DATE '2026-02-19', 2026, FALSE), (DATE '2026-02-20', 2026, FALSE),
  (DATE '2026-02-21', 2026, FALSE), (DATE '2026-02-22', 2026, FALSE),
  (DATE '2026-02-23', 2026, FALSE),
  (DATE '2026-04-04', 2026, FALSE), (DATE '2026-04-05', 2026, FALSE),
  (DATE '2026-04-06', 2026, FALSE),
  (DATE '2026-05-01', 2026, FALSE), (DATE '2026-05-02', 2026, FALSE),
  (DATE '2026-05-03', 2026, FALSE), (DATE '2026-05-04', 2026, FALSE),
  (DATE '2026-05-05', 2026, FALSE),
  (DATE '2026-06-19', 2026, FALSE), (DATE '2026-06-20', 2026, FALSE),
  (DATE '2026-06-21', 2026, FALSE),
  (DATE '2026-09-25', 2026, FALSE), (DATE '2026-09-26', 2026, FALSE),
  (DATE '2026-09-27', 2026, FALSE),
  (DATE '2026-10-01', 2026, FALSE), (DATE '2026-10-02', 2026, FALSE),
  (DATE '2026-10-03', 2026, FALSE), (DATE '2026-10-04', 2026, FALSE),
  (DATE '2026-10-05', 2026, FALSE), (DATE '2026-10-06', 2026, FALSE),
  (DATE '2026-10-07', 2026, FALSE),
  (DATE '2026-01-04', 2026, TRUE), (DATE '2026-02-14', 2026, TRUE),
  (DATE '2026-02-28', 2026, TRUE), (DATE '2026-05-09', 2026, TRUE),
  (DATE '2026-09-20', 2026, TRUE), (DATE '2026-10-10', 2026, TRUE);
