-- Indexes for the per-account history of the booking rules and for the job claim (measured
-- in docs/benchmarks.md).
CREATE INDEX appointments_account_status ON appointments(account_id, status);
CREATE INDEX jobs_pending ON jobs(run_at, id) WHERE done_at IS NULL;
