//! The booking rules as the database applies them, each written once for both dialects.
//!
//! `termin_domain::BookingPolicy` (domain/src/policy.rs) is the rule; these are the same rules
//! as SQL conditions, for the statements that must apply them inside the database (a booking
//! that counts no-shows in the statement that takes the place, the sweep that writes
//! no-shows, the counts read for the policy). Each is a macro that expands to a string
//! literal, so statements are assembled with `concat!` at compile time; the arguments are the
//! table alias prefix (`""` or `"n."`) and the SQL expressions of the values (`"$2"`,
//! `":now"`, `"i.created_at"`), since statements bind them differently. Both dialects read
//! these texts the same way. `tests/agreement.rs` runs random histories through
//! `BookingPolicy` and through both backends and checks that they agree.

/// "An appointment still `booked` when its check-in window has closed is a no-show"
/// (domain.md §2): true of an appointment row `a` at `now`, with `closes` the window after
/// the start (`BookingPolicy::checkin_closes_after`, seconds).
macro_rules! no_show_due {
    ($a:literal, $now:literal, $closes:literal) => {
        concat!(
            $a,
            "status = 'booked' AND ",
            $a,
            "start_at <= ",
            $now,
            " - ",
            $closes
        )
    };
}

/// The instant of a no-show: written ones carry it (the sweep writes start + window, a clerk
/// the moment of the click); a due one happens when its window closes.
macro_rules! no_show_at {
    ($a:literal, $closes:literal) => {
        concat!(
            "CASE WHEN ",
            $a,
            "status = 'no-show' THEN ",
            $a,
            "status_changed_at ELSE ",
            $a,
            "start_at + ",
            $closes,
            " END"
        )
    };
}

/// A no-show (written, or due by [`no_show_due`]) whose instant ([`no_show_at`]) falls in
/// (`since`, `until`]. Written with the columns themselves, so that it reads the index.
macro_rules! no_show_between {
    ($a:literal, $since:literal, $until:literal, $closes:literal) => {
        concat!(
            "(",
            $a,
            "status = 'no-show' AND ",
            $a,
            "status_changed_at > ",
            $since,
            " AND ",
            $a,
            "status_changed_at <= ",
            $until,
            " OR ",
            $a,
            "status = 'booked' AND ",
            $a,
            "start_at > ",
            $since,
            " - ",
            $closes,
            " AND ",
            $a,
            "start_at <= ",
            $until,
            " - ",
            $closes,
            ")"
        )
    };
}

/// The quick bound of the no-show block (`BookingPolicy::blocked_until`): fewer no-shows of
/// the account in (`since`, `now`] than the limit. A booking that passes it cannot be
/// blocked (`since` reaches back a no-show window and a block); one that fails it is decided
/// by the policy on the instants ([`no_show_between`]).
macro_rules! fewer_no_shows_than {
    ($account:literal, $since:literal, $now:literal, $closes:literal, $limit:literal) => {
        concat!(
            "(SELECT count(*) FROM appointments n WHERE n.account_id = ",
            $account,
            " AND ",
            crate::rules::no_show_between!("n.", $since, $now, $closes),
            ") < ",
            $limit
        )
    };
}

/// A cancellation by the client (not a release by staff) in (`since`, `until`]: what the
/// 10-in-90-days rule counts (`BookingPolicy::check_cancel`).
macro_rules! client_cancellation_between {
    ($a:literal, $since:literal, $until:literal) => {
        concat!(
            $a,
            "status = 'cancelled' AND ",
            $a,
            "cancelled_by_client AND ",
            $a,
            "status_changed_at > ",
            $since,
            " AND ",
            $a,
            "status_changed_at <= ",
            $until
        )
    };
}

/// The statuses of an appointment that holds its place (and its PIN).
macro_rules! active {
    ($a:literal) => {
        concat!($a, "status IN ('booked', 'checked-in', 'called')")
    };
}

/// The instants of an account's no-shows in (`$3`, `$4`], oldest first: `$1` the account,
/// `$2` the check-in window in seconds.
pub(crate) const NO_SHOW_INSTANTS: &str = concat!(
    "SELECT ",
    no_show_at!("", "$2"),
    " AS at FROM appointments WHERE account_id = $1 AND ",
    no_show_between!("", "$3", "$4", "$2"),
    " ORDER BY at"
);

/// The instants of an account's client cancellations in (`$2`, `$3`], oldest first: `$1` the
/// account.
pub(crate) const CANCELLATION_INSTANTS: &str = concat!(
    "SELECT status_changed_at FROM appointments WHERE account_id = $1 AND ",
    client_cancellation_between!("", "$2", "$3"),
    " ORDER BY status_changed_at"
);

pub(crate) use {active, fewer_no_shows_than, no_show_between, no_show_due};
