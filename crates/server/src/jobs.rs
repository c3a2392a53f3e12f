//! The job worker: claims due jobs from the database (a lease, so a crashed worker's jobs come
//! back), runs them, and retries with back-off. It also writes time-decided no-shows.

use std::time::Duration;

use jiff::SignedDuration;
use tokio::sync::watch;

use crate::mail::{JOB_KIND, Outgoing};
use crate::state::AppState;

const MAX_ATTEMPTS: u32 = 8;
/// Jobs claimed, run and marked done together: one commit marks a whole batch done. A crash
/// between sending and that commit sends the batch's mails again once their lease runs out
/// (at least once, never lost).
const BATCH: u32 = 100;

/// Runs until `shutdown` turns true.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(Duration::from_millis(500));
    let mut since_sweep = 0u32;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = shutdown.changed() => break,
        }
        if *shutdown.borrow() {
            break;
        }
        if let Err(e) = run_due(&state).await {
            tracing::warn!(error = %e, "job round failed");
        }
        since_sweep += 1;
        if since_sweep >= 60 {
            since_sweep = 0;
            match state
                .store
                .sweep_no_shows(state.policy(), state.now())
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "appointments became no-shows"),
                Err(e) => tracing::warn!(error = %e, "no-show sweep failed"),
            }
        }
    }
}

/// Runs every due job once; returns how many ran. Tests call this directly.
pub async fn run_due(state: &AppState) -> Result<usize, termin_store::StoreError> {
    let mut ran = 0;
    loop {
        let now = state.now();
        let jobs = state
            .store
            .claim_jobs(now, SignedDuration::from_mins(5), BATCH)
            .await?;
        if jobs.is_empty() {
            return Ok(ran);
        }
        let mut done = Vec::with_capacity(jobs.len());
        for job in jobs {
            ran += 1;
            let result = match job.kind.as_str() {
                JOB_KIND => match serde_json::from_value::<Outgoing>(job.payload.clone()) {
                    Ok(outgoing) => state
                        .mailer
                        .send(&state.config.mail_from, &outgoing)
                        .await
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(format!("bad payload: {e}")),
                },
                other => Err(format!("unknown job kind {other}")),
            };
            match result {
                Ok(()) => done.push(job.id),
                Err(error) => {
                    crate::metrics::Metrics::inc(&state.metrics.job_failures);
                    tracing::warn!(job = job.id, kind = %job.kind, attempts = job.attempts, %error, "job failed");
                    let retry = (job.attempts < MAX_ATTEMPTS).then(|| {
                        state.now() + SignedDuration::from_secs(30 * i64::from(job.attempts).pow(2))
                    });
                    state.store.fail_job(job.id, &error, retry).await?;
                }
            }
        }
        state.store.finish_jobs(&done, state.now()).await?;
        state
            .metrics
            .jobs_done
            .fetch_add(done.len() as u64, std::sync::atomic::Ordering::Relaxed);
    }
}
