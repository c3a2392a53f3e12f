-- PostgreSQL's migration 0006 adds triggers that tell every instance when an account or a
-- token changes, for the tokens each instance keeps in memory. One SQLite database has one
-- instance, which reads its tokens from the file on every request: nothing to add here.
SELECT 1;
