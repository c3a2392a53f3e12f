//! The life of an appointment as a state machine (style.md: state machines as enums).
//!
//! ```text
//! Booked ──CheckIn──▶ CheckedIn ──Call──▶ Called ──Serve──▶ Served
//!   │                     ▲                 │ ▲
//!   │                     └────SendBack─────┘ └─Recall (call again)
//!   ├──Cancel──▶ Cancelled                  │
//!   └──MarkNoShow──▶ NoShow ◀──MarkNoShow───┘
//! ```
//! Served, Cancelled and NoShow are final: a served client can never be back in the queue.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::values::{ParseError, ValueKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppointmentStatus {
    /// Made; the client has not checked in yet.
    Booked,
    /// PIN entered at the kiosk; waiting to be called.
    CheckedIn,
    /// Called to a counter.
    Called,
    Served,
    /// Cancelled in time (domain.md §2: ≥ 24 h before), by the client or by staff.
    Cancelled,
    /// Lapsed: not checked in by the end of the check-in window, or did not come when called
    /// (domain.md §2).
    NoShow,
}

impl AppointmentStatus {
    pub const ALL: [AppointmentStatus; 6] = [
        AppointmentStatus::Booked,
        AppointmentStatus::CheckedIn,
        AppointmentStatus::Called,
        AppointmentStatus::Served,
        AppointmentStatus::Cancelled,
        AppointmentStatus::NoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AppointmentStatus::Booked => "booked",
            AppointmentStatus::CheckedIn => "checked-in",
            AppointmentStatus::Called => "called",
            AppointmentStatus::Served => "served",
            AppointmentStatus::Cancelled => "cancelled",
            AppointmentStatus::NoShow => "no-show",
        }
    }

    pub fn parse(s: &str) -> Result<AppointmentStatus, ParseError> {
        AppointmentStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or(ParseError::new(
                ValueKind::AppointmentStatus,
                "is not a known status",
            ))
    }

    /// Still holds its slot: booked, checked in or called.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            AppointmentStatus::Booked | AppointmentStatus::CheckedIn | AppointmentStatus::Called
        )
    }

    /// No transition leads out of it.
    pub fn is_final(self) -> bool {
        !self.is_active()
    }

    /// The state after `t`, or an error if `t` is not allowed from this state.
    pub fn apply(self, t: Transition) -> Result<AppointmentStatus, InvalidTransition> {
        use AppointmentStatus::*;
        use Transition::*;
        let next = match (self, t) {
            (Booked, CheckIn) => CheckedIn,
            // domain.md §2: cancelling is for appointments not yet started; once checked in
            // the client is in the queue.
            (Booked, Cancel) => Cancelled,
            (Booked, MarkNoShow) => NoShow,
            (CheckedIn, Call) => Called,
            (Called, Recall) => Called,
            // Sent on to another counter; shown again on the display with the new counter.
            (Called, Transfer) => Called,
            (Called, Serve) => Served,
            // Staff put the client back in the waiting queue (e.g. a document missing).
            (Called, SendBack) => CheckedIn,
            // Called but never came to the counter.
            (Called, MarkNoShow) => NoShow,
            (from, transition) => return Err(InvalidTransition { from, transition }),
        };
        Ok(next)
    }
}

impl fmt::Display for AppointmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for AppointmentStatus {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<AppointmentStatus, ParseError> {
        AppointmentStatus::parse(s)
    }
}

/// Something that happens to an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transition {
    /// The PIN was entered at the kiosk.
    CheckIn,
    /// Called to a counter.
    Call,
    /// Called again (shown again on the display).
    Recall,
    Serve,
    /// Back from the counter to the waiting queue.
    SendBack,
    /// Handed over to another counter.
    Transfer,
    Cancel,
    MarkNoShow,
}

impl Transition {
    pub const ALL: [Transition; 8] = [
        Transition::CheckIn,
        Transition::Call,
        Transition::Recall,
        Transition::Serve,
        Transition::SendBack,
        Transition::Transfer,
        Transition::Cancel,
        Transition::MarkNoShow,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Transition::CheckIn => "check-in",
            Transition::Call => "call",
            Transition::Recall => "recall",
            Transition::Serve => "serve",
            Transition::SendBack => "send-back",
            Transition::Transfer => "transfer",
            Transition::Cancel => "cancel",
            Transition::MarkNoShow => "mark-no-show",
        }
    }
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A transition that is not allowed from the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cannot {transition} an appointment that is {from}")]
pub struct InvalidTransition {
    pub from: AppointmentStatus,
    pub transition: Transition,
}

#[cfg(test)]
mod tests {
    use super::AppointmentStatus::*;
    use super::Transition::*;
    use super::*;

    #[test]
    fn the_happy_path() {
        let served = Booked
            .apply(CheckIn)
            .and_then(|s| s.apply(Call))
            .and_then(|s| s.apply(Serve));
        assert_eq!(served, Ok(Served));
    }

    #[test]
    fn served_can_never_go_back_to_waiting() {
        for t in Transition::ALL {
            assert_eq!(
                Served.apply(t),
                Err(InvalidTransition {
                    from: Served,
                    transition: t
                })
            );
        }
    }

    #[test]
    fn final_states_accept_no_transition() {
        for s in [Served, Cancelled, NoShow] {
            assert!(s.is_final());
            for t in Transition::ALL {
                assert!(s.apply(t).is_err(), "{s} {t}");
            }
        }
    }

    #[test]
    fn called_client_can_be_recalled_sent_back_or_marked_no_show() {
        assert_eq!(Called.apply(Recall), Ok(Called));
        assert_eq!(Called.apply(SendBack), Ok(CheckedIn));
        assert_eq!(Called.apply(MarkNoShow), Ok(NoShow));
    }

    #[test]
    fn only_a_booked_appointment_can_be_cancelled() {
        assert_eq!(Booked.apply(Cancel), Ok(Cancelled));
        for s in [CheckedIn, Called, Served, Cancelled, NoShow] {
            assert!(s.apply(Cancel).is_err(), "{s}");
        }
    }

    #[test]
    fn a_client_must_check_in_before_being_called() {
        assert!(Booked.apply(Call).is_err());
        assert!(Booked.apply(Serve).is_err());
        assert!(CheckedIn.apply(Serve).is_err());
        assert!(CheckedIn.apply(CheckIn).is_err());
    }

    #[test]
    fn the_complete_transition_table() {
        let mut allowed = Vec::new();
        for s in AppointmentStatus::ALL {
            for t in Transition::ALL {
                if let Ok(next) = s.apply(t) {
                    allowed.push((s, t, next));
                }
            }
        }
        assert_eq!(
            allowed,
            [
                (Booked, CheckIn, CheckedIn),
                (Booked, Cancel, Cancelled),
                (Booked, MarkNoShow, NoShow),
                (CheckedIn, Call, Called),
                (Called, Recall, Called),
                (Called, Serve, Served),
                (Called, SendBack, CheckedIn),
                (Called, Transfer, Called),
                (Called, MarkNoShow, NoShow),
            ]
        );
    }

    #[test]
    fn status_round_trips_through_its_text() {
        for s in AppointmentStatus::ALL {
            assert_eq!(AppointmentStatus::parse(s.as_str()), Ok(s));
        }
        assert_eq!(CheckedIn.as_str(), "checked-in");
        assert_eq!(NoShow.as_str(), "no-show");
        assert_eq!(
            AppointmentStatus::parse("done").unwrap_err().kind(),
            ValueKind::AppointmentStatus
        );
    }

    #[test]
    fn active_states_hold_the_slot() {
        let active: Vec<_> = AppointmentStatus::ALL
            .into_iter()
            .filter(|s| s.is_active())
            .collect();
        assert_eq!(active, [Booked, CheckedIn, Called]);
    }

    #[test]
    fn invalid_transition_says_what_was_tried() {
        let err = Served.apply(SendBack).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot send-back an appointment that is served"
        );
    }
}
