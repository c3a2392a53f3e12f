//! PostgreSQL's reports for the signed-in cache (crate::signed_in): the triggers of migration
//! 0006 send `NOTIFY termin_auth '<account id>'`, and every instance listens.

use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;

use crate::signed_in::SignedIn;

/// The NOTIFY channel of migration 0006's triggers. The payload is an account id, or `*` for
/// "forget everything" (a TRUNCATE).
pub(super) const AUTH_CHANNEL: &str = "termin_auth";

/// Starts the listener on the cache's first use.
pub(super) fn start(cache: &Arc<SignedIn>, pool: &PgPool) {
    if cache.first_use() {
        tokio::spawn(listen(pool.clone(), Arc::downgrade(cache)));
    }
}

/// Listens on [`AUTH_CHANNEL`] for as long as the cache exists; reconnects after a lost
/// connection, with the cache switched off until it listens again.
async fn listen(pool: PgPool, cache: Weak<SignedIn>) {
    loop {
        let listener = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen(AUTH_CHANNEL).await?;
            Ok::<_, sqlx::Error>(listener)
        }
        .await;
        let Some(signed_in) = cache.upgrade() else {
            return;
        };
        let mut listener = match listener {
            Ok(listener) => listener,
            Err(e) => {
                tracing::warn!(error = %e, "LISTEN {AUTH_CHANNEL} failed; signed-in cache off, retrying");
                drop(signed_in);
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        signed_in.set_live(true);
        drop(signed_in);
        loop {
            let notice = listener.try_recv().await;
            let Some(signed_in) = cache.upgrade() else {
                return;
            };
            match notice {
                Ok(Some(notice)) => signed_in.notice(notice.payload()),
                // `Ok(None)`: the connection was lost; notices may have been missed.
                Ok(None) | Err(_) => {
                    signed_in.set_live(false);
                    tracing::warn!("LISTEN {AUTH_CHANNEL} lost; signed-in cache off, reconnecting");
                    break;
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
