-- Every booking writes each index of appointments and jobs, and every sent mail rewrites its
-- job's. Two are covered by others (docs/benchmarks.md):
-- appointments(account_id, start_at) by appointments(account_id, status), since an account
-- has few appointments to sort; jobs(done_at, run_at) by the partial jobs_pending.
DROP INDEX appointments_account;
DROP INDEX jobs_due;
