-- PostgreSQL's migration 0008 replaces appointments(status, start_at) with a partial index,
-- because its planner chose that index over the primary key while a table had no statistics.
-- SQLite's planner prefers the rowid lookup (`SEARCH appointments USING INTEGER PRIMARY KEY`)
-- and its no-show sweep is planned on this index as it is: nothing to change here.
SELECT 1;
