//! Prometheus metrics at `GET /metrics`: a handful of counters and gauges kept in atomics.
//! (Written out by hand: six numbers do not need a metrics framework and its build time.)

use std::fmt::Write;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};

#[derive(Default)]
pub struct Metrics {
    pub bookings: AtomicU64,
    pub slot_full: AtomicU64,
    pub booking_refusals: AtomicU64,
    pub cancellations: AtomicU64,
    pub check_ins: AtomicU64,
    pub calls: AtomicU64,
    pub jobs_done: AtomicU64,
    pub job_failures: AtomicU64,
    pub sse_clients: AtomicI64,
    /// Sum and count of seconds from check-in to call, for the average queue wait.
    pub queue_wait_seconds_sum: AtomicU64,
    pub queue_wait_count: AtomicU64,
}

impl Metrics {
    pub fn inc(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, value: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        };
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        counter(
            "termin_bookings_total",
            "Appointments booked.",
            get(&self.bookings),
        );
        counter(
            "termin_booking_slot_full_total",
            "Booking attempts refused because the slot was full.",
            get(&self.slot_full),
        );
        counter(
            "termin_booking_refusals_total",
            "Booking attempts refused for any other rule.",
            get(&self.booking_refusals),
        );
        counter(
            "termin_cancellations_total",
            "Appointments cancelled by their client.",
            get(&self.cancellations),
        );
        counter(
            "termin_check_ins_total",
            "Kiosk check-ins.",
            get(&self.check_ins),
        );
        counter(
            "termin_calls_total",
            "Clients called to a counter.",
            get(&self.calls),
        );
        counter(
            "termin_jobs_done_total",
            "Background jobs finished.",
            get(&self.jobs_done),
        );
        counter(
            "termin_job_failures_total",
            "Background job attempts that failed.",
            get(&self.job_failures),
        );
        counter(
            "termin_queue_wait_seconds_sum",
            "Seconds from check-in to call, summed.",
            get(&self.queue_wait_seconds_sum),
        );
        counter(
            "termin_queue_wait_seconds_count",
            "Calls counted in termin_queue_wait_seconds_sum.",
            get(&self.queue_wait_count),
        );
        let _ = writeln!(
            out,
            "# HELP termin_sse_clients Display streams open now.\n# TYPE termin_sse_clients gauge\ntermin_sse_clients {}",
            self.sse_clients.load(Ordering::Relaxed)
        );
        out
    }
}
