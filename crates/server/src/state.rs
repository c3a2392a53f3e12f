//! What every handler shares: the store, the catalogue, the settings and the clock.

use std::ops::Deref;
use std::sync::Arc;

use termin_domain::time::{Clock, DevClock};
use termin_domain::{BookingPolicy, Catalog};
use termin_store::Store;

use crate::config::Config;
use crate::mail::Mailer;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub store: Arc<dyn Store>,
    pub catalog: Catalog,
    pub config: Config,
    pub clock: Arc<dyn Clock>,
    /// Present only with `--dev-clock`: tests move time forward through the API.
    pub dev_clock: Option<Arc<DevClock>>,
    pub mailer: Mailer,
    /// Verified when an e-mail is unknown, so that both answers take as long (api.md).
    pub dummy_hash: String,
    /// "Something happened on the floor of office X": wakes the display streams, which then
    /// read the new events from the database (so a PostgreSQL NOTIFY can feed it too).
    pub floor_bus: tokio::sync::broadcast::Sender<String>,
    pub metrics: crate::metrics::Metrics,
    /// Slots lately seen full: a rush's refusals without a database read.
    pub full_slots: crate::services::full_slots::FullSlots,
    /// Booked counts behind availability answers, at most 200 ms old.
    pub slot_uses: crate::services::slot_uses::SlotUses,
    /// The slots of each office's visit types over the horizon, worked out once a day.
    pub slot_calendar: crate::services::slot_calendar::SlotCalendar,
}

impl AppState {
    pub fn new(inner: Inner) -> Self {
        Self(Arc::new(inner))
    }

    pub fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }

    pub fn policy(&self) -> &BookingPolicy {
        &self.config.policy
    }

    /// Tells the display streams of this instance, and through the database those of every
    /// other instance, that an office's floor changed.
    pub fn floor_changed(&self, office: &str) {
        // No receiver (no display connected) is not an error.
        let _ = self.floor_bus.send(office.to_string());
        let store = self.store.clone();
        let office = office.to_string();
        tokio::spawn(async move {
            if let Err(e) = store.publish_floor_change(&office).await {
                tracing::warn!(error = %e, "could not tell other instances about a floor change");
            }
        });
    }
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
