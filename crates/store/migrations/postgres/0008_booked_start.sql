-- appointments(status, start_at) served one query, the no-show sweep (status = 'booked' AND
-- start_at <= …), but without statistics (a new database, or any table before autovacuum's
-- first ANALYZE) the planner rated `status = 'booked'` as one row and chose this index over the
-- primary key for `WHERE id = $1 AND status = 'booked'`: every cancellation read every booked
-- appointment, and a steady mix slowed to a third within 20 s (docs/benchmarks.md). A partial
-- index on start_at gives the sweep the same range and offers nothing to a lookup by id.
DROP INDEX appointments_status_start;
CREATE INDEX appointments_booked_start ON appointments(start_at) WHERE status = 'booked';
