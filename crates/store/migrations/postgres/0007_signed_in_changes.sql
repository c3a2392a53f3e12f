-- SQLite's migration 0007 logs changes of accounts and tokens in a table that the server
-- reads, for the tokens it keeps in memory. PostgreSQL tells every instance through the
-- NOTIFY triggers of migration 0006: nothing to add here.
SELECT 1;
