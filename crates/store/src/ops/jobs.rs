//! The job queue: jobs written in the transaction of their cause, claimed with a lease by the
//! workers of any instance, finished or retried.

use jiff::{SignedDuration, Timestamp};

use crate::rows::Columns;
use crate::sql::{Backend, Dialect, Statement, count_from, query, secs};
use crate::*;

/// Inserts a job in the caller's transaction; a second job with the same dedupe key is not
/// created.
pub(crate) async fn insert_job<D: Dialect>(
    conn: &mut D::Connection,
    job: &NewJob,
    now: Timestamp,
) -> sqlx::Result<()> {
    query::<D>(
        "INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .arg(job.kind.as_str())
    .arg(job.payload.to_string())
    .arg(secs(job.run_at))
    .arg(job.dedupe_key.clone())
    .arg(secs(now))
    .run(conn)
    .await?;
    Ok(())
}

/// Claims up to `limit` due jobs for `lease`; a crashed worker's lease runs out.
pub(crate) async fn claim_jobs<B: Backend>(
    b: &B,
    now: Timestamp,
    lease: SignedDuration,
    limit: u32,
) -> Result<Vec<Job>, StoreError> {
    let until = now.checked_add(lease).unwrap_or(Timestamp::MAX);
    let mut tx = b.begin().await?;
    let rows = query::<B::Db>(B::Db::CLAIM_JOBS)
        .arg(secs(until))
        .arg(secs(now))
        .arg(i64::from(limit))
        .all(&mut *tx)
        .await?;
    tx.commit().await?;
    rows.iter()
        .map(|row| {
            let row = crate::rows::Sql::<B::Db>(row);
            let payload = row.text("payload")?;
            Ok(Job {
                id: row.int("id")?,
                kind: row.text("kind")?,
                payload: serde_json::from_str(&payload)
                    .map_err(|e| StoreError::Corrupt(format!("job payload: {e}")))?,
                attempts: count_from(row.int("attempts")?),
            })
        })
        .collect()
}

/// Marks jobs done. The payload may carry a one-time link for a mail: it is not kept once
/// sent.
pub(crate) async fn finish_jobs<B: Backend>(
    b: &B,
    ids: &[i64],
    now: Timestamp,
) -> Result<(), StoreError> {
    if ids.is_empty() {
        return Ok(());
    }
    let ids =
        serde_json::to_string(ids).map_err(|e| StoreError::Corrupt(format!("job ids: {e}")))?;
    query::<B::Db>(B::Db::FINISH_JOBS)
        .arg(secs(now))
        .arg(ids)
        .run(&mut *b.writer().await?)
        .await?;
    Ok(())
}

/// Records a failure: tried again at `retry_at`, or given up (done, the error kept for the
/// operator).
pub(crate) async fn fail_job<B: Backend>(
    b: &B,
    id: i64,
    error: &str,
    retry_at: Option<Timestamp>,
) -> Result<(), StoreError> {
    let mut conn = b.writer().await?;
    match retry_at {
        Some(at) => {
            query::<B::Db>(
                "UPDATE jobs SET last_error = $1, run_at = $2, locked_until = NULL WHERE id = $3",
            )
            .arg(error)
            .arg(secs(at))
            .arg(id)
            .run(&mut *conn)
            .await?
        }
        None => {
            query::<B::Db>(
                "UPDATE jobs SET last_error = $1, done_at = run_at, locked_until = NULL
                  WHERE id = $2",
            )
            .arg(error)
            .arg(id)
            .run(&mut *conn)
            .await?
        }
    };
    Ok(())
}

/// Jobs not yet done (for tests and the operator).
pub(crate) async fn pending_jobs<B: Backend>(b: &B) -> Result<u64, StoreError> {
    let row = query::<B::Db>("SELECT COUNT(*) AS n FROM jobs WHERE done_at IS NULL")
        .one(&mut *b.read().await?)
        .await?;
    Ok(u64::try_from(crate::rows::Sql::<B::Db>(&row).int("n")?).unwrap_or(0))
}
