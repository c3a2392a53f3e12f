//! The job worker: claims due jobs from the database (a lease, so a crashed worker's jobs come
//! back), runs them, and retries with back-off. It also writes time-decided no-shows.

use std::time::Duration;

use jiff::SignedDuration;
use tokio::sync::watch;

use termin_domain::{OfficeId, VisitTypeId};
use termin_store::{Job, OFFER_LAPSED_JOB, OFFER_MADE_JOB, OfferStatus};

use crate::mail::{self, JOB_KIND, Outgoing};
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
        // Lapsed offers pass their places on within a few seconds.
        if since_sweep.is_multiple_of(4) {
            match state.store.lapse_offers(state.policy(), state.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "waitlist offers lapsed"),
                Err(e) => tracing::warn!(error = %e, "lapsing waitlist offers failed"),
            }
        }
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
                OFFER_MADE_JOB | OFFER_LAPSED_JOB => offer_mail(state, &job).await,
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

/// Sends the mail of a waitlist offer (made, or lapsed), composed now in the request's
/// language. Nothing is sent for an account deleted meanwhile, nor for an offer that was
/// answered before its mail went out.
async fn offer_mail(state: &AppState, job: &Job) -> Result<(), String> {
    let id = job
        .payload
        .get("offer")
        .and_then(serde_json::Value::as_i64)
        .ok_or("bad payload: no offer id")?;
    let notice = state
        .store
        .offer_notice(id)
        .await
        .map_err(|e| e.to_string())?;
    let Some(notice) = notice else {
        return Ok(());
    };
    if job.kind == OFFER_MADE_JOB && notice.offer.status != OfferStatus::Open {
        return Ok(());
    }
    let office = OfficeId::parse(&notice.offer.office_id)
        .ok()
        .and_then(|id| state.catalog.office(&id));
    let visit_type = VisitTypeId::parse(&notice.offer.visit_type_id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id));
    let (Some(office), Some(visit_type)) = (office, visit_type) else {
        return Err(format!(
            "offer {id}: office or visit type not in the catalogue"
        ));
    };
    let base_url = state.config.base_url();
    let outgoing = if job.kind == OFFER_MADE_JOB {
        mail::offer_made(&notice, office, visit_type, &base_url)
    } else {
        mail::offer_lapsed(&notice, office, visit_type, &base_url)
    };
    state
        .mailer
        .send(&state.config.mail_from, &outgoing)
        .await
        .map_err(|e| e.to_string())
}
