//! The deadline engine of the guidance: from an event in a foreigner's life (arrival, a
//! permit about to expire, a lost card …) to the obligations it creates, each with the
//! authority, the window and the last day (domain.md §5; api.md "Calculators" and
//! "Deadline arithmetic").
//!
//! Three kinds of arithmetic, exactly as api.md fixes them:
//! - **"N working days"** ([`Basis::WorkingDays`]) count the working days *after* the event
//!   day ([`add_working_days`]); the result is always a working day.
//! - **"N days"** ([`Basis::Days`]) count calendar days after the event day; a last day on a
//!   Saturday, Sunday or public holiday moves to the **next** working day (Administrative
//!   Procedure Code, Act 500/2004 Coll., § 40 odst. 1 písm. c).
//! - **"By the last day of validity"** ([`Basis::LastDayOfValidity`] and the other
//!   before-expiry rules): a last day on a non-working day moves to the **preceding** working
//!   day, as the sources say (domain.md §5, S1). "From N days before expiry" gives the
//!   `earliest` day, `expiry − N days`, unshifted.
//!
//! Dates are civil dates in Europe/Prague; summer time never moves a date. Every number is a
//! field of [`DeadlineRules`] with the sources' value as default.

use std::fmt;
use std::str::FromStr;

use jiff::Span;
use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

use crate::calendar::{
    add_working_days, next_working_day_on_or_after, previous_working_day_on_or_before,
};
use crate::catalog::Authority;

/// What happened (api.md "Deadline events"). The serde form is the stable kebab-case id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", try_from = "String", into = "&'static str")]
pub enum Event {
    /// Arrival in the Czech Republic; `date` is the day of entry.
    Arrival,
    /// A long-term visa is about to expire; `date` is its last day of validity.
    VisaExpiry,
    /// A long-term residence permit is about to expire; `date` is its last day of validity.
    PermitExpiry,
    /// An employee card is about to expire; `date` is its last day of validity.
    EmployeeCardExpiry,
    /// A permanent-residence card is about to expire; `date` is its last day of validity.
    PermanentCardExpiry,
    /// Biometric data were captured at an office; `date` is the day of capture.
    BiometricsCaptured,
    /// The surname or given name changed.
    NameChange,
    /// Marriage or divorce.
    MaritalStatusChange,
    /// Another change of the data written in the residence card (domain.md §5 "card data").
    CardDataChange,
    /// A new passport; `date` is the day of issue or of the return to the Czech Republic
    /// with it, whichever is later (S1).
    NewPassport,
    /// A change of the place of stay; needs [`EventInput::stay`].
    AddressChange,
    /// A passport or residence card was lost or stolen; `date` is when it was found out.
    LostDocument,
    /// A child was born in the Czech Republic; `date` is the birth date.
    ChildBorn,
    /// A visa was refused; `date` is the day the notice was received.
    VisaRefused,
    /// A registered letter was deposited at the post office (notice left in the mailbox).
    LetterDeposited,
    /// A notice of a letter was posted on the office's official board (S1).
    NoticePosted,
}

impl Event {
    /// Every event, in the order of domain.md §5.
    pub const ALL: [Event; 16] = [
        Event::Arrival,
        Event::VisaExpiry,
        Event::PermitExpiry,
        Event::EmployeeCardExpiry,
        Event::PermanentCardExpiry,
        Event::BiometricsCaptured,
        Event::NameChange,
        Event::MaritalStatusChange,
        Event::CardDataChange,
        Event::NewPassport,
        Event::AddressChange,
        Event::LostDocument,
        Event::ChildBorn,
        Event::VisaRefused,
        Event::LetterDeposited,
        Event::NoticePosted,
    ];

    /// The stable id (api.md), also the suffix of the Fluent key `event-<id>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Event::Arrival => "arrival",
            Event::VisaExpiry => "visa-expiry",
            Event::PermitExpiry => "permit-expiry",
            Event::EmployeeCardExpiry => "employee-card-expiry",
            Event::PermanentCardExpiry => "permanent-card-expiry",
            Event::BiometricsCaptured => "biometrics-captured",
            Event::NameChange => "name-change",
            Event::MaritalStatusChange => "marital-status-change",
            Event::CardDataChange => "card-data-change",
            Event::NewPassport => "new-passport",
            Event::AddressChange => "address-change",
            Event::LostDocument => "lost-document",
            Event::ChildBorn => "child-born",
            Event::VisaRefused => "visa-refused",
            Event::LetterDeposited => "letter-deposited",
            Event::NoticePosted => "notice-posted",
        }
    }

    /// Parses a stable id; anything else is [`DeadlineError::UnknownEvent`].
    pub fn parse(s: &str) -> Result<Event, DeadlineError> {
        Event::ALL
            .into_iter()
            .find(|e| e.as_str() == s)
            .ok_or(DeadlineError::UnknownEvent)
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Event {
    type Err = DeadlineError;
    fn from_str(s: &str) -> Result<Event, DeadlineError> {
        Event::parse(s)
    }
}

impl TryFrom<String> for Event {
    type Error = DeadlineError;
    fn try_from(s: String) -> Result<Event, DeadlineError> {
        Event::parse(&s)
    }
}

impl From<Event> for &'static str {
    fn from(e: Event) -> &'static str {
        e.as_str()
    }
}

/// The kind of residence of someone who moves (domain.md §5: the thresholds and deadlines
/// of an address change differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", try_from = "String", into = "&'static str")]
pub enum StayKind {
    /// Long-term visa or long-term residence permit.
    LongTerm,
    /// Permanent residence.
    Permanent,
}

impl StayKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StayKind::LongTerm => "long-term",
            StayKind::Permanent => "permanent",
        }
    }

    /// Parses `long-term` or `permanent`; anything else is [`DeadlineError::UnknownStay`].
    pub fn parse(s: &str) -> Result<StayKind, DeadlineError> {
        match s {
            "long-term" => Ok(StayKind::LongTerm),
            "permanent" => Ok(StayKind::Permanent),
            _ => Err(DeadlineError::UnknownStay),
        }
    }
}

impl TryFrom<String> for StayKind {
    type Error = DeadlineError;
    fn try_from(s: String) -> Result<StayKind, DeadlineError> {
        StayKind::parse(&s)
    }
}

impl From<StayKind> for &'static str {
    fn from(s: StayKind) -> &'static str {
        s.as_str()
    }
}

/// The question put to the calculator: `POST /calc/deadlines {event, date, ...}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventInput {
    pub event: Event,
    /// The day of the event (see each [`Event`] for which day that is).
    pub date: Date,
    /// Required for [`Event::AddressChange`], refused for every other event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stay: Option<StayKind>,
    /// For [`Event::Arrival`]: the long-term visa was granted to collect a residence permit,
    /// so biometrics are due within 3 working days too (domain.md §4, §5; S3, S4). Refused
    /// for every other event.
    #[serde(default)]
    pub visa_to_collect_permit: bool,
}

impl EventInput {
    /// An input with no options.
    pub fn new(event: Event, date: Date) -> EventInput {
        EventInput {
            event,
            date,
            stay: None,
            visa_to_collect_permit: false,
        }
    }

    /// The same input with the kind of stay set (for an address change).
    pub fn with_stay(self, stay: StayKind) -> EventInput {
        EventInput {
            stay: Some(stay),
            ..self
        }
    }

    /// The same input for an arrival on a visa granted to collect a permit.
    pub fn collecting_permit(self) -> EventInput {
        EventInput {
            visa_to_collect_permit: true,
            ..self
        }
    }
}

/// Which "apply for an extension" window the permit-expiry rule uses (domain.md §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExtensionWindow {
    /// S1 (current law): from 120 days before to the last day of validity.
    #[default]
    Current,
    /// S3 (leaflet of April 2011): from 90 to 14 days before expiry. Kept for comparison and
    /// for an operator who must apply it; the newer source is the default.
    #[serde(rename = "rule-2011")]
    Rule2011,
}

/// Every number of domain.md §5, with the sources' values as defaults. Loadable from
/// configuration (`[deadlines]` in TOML); unknown keys are refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeadlineRules {
    /// Register the place of stay with the Foreign Police after arrival: 3 working days
    /// (S1, and the Act on the Residence of Foreigners § 93; S4 says "3 days").
    pub police_registration_working_days: u32,
    /// Biometrics after arrival on a visa granted to collect a permit (S3, S4).
    pub arrival_biometrics_working_days: u32,
    /// "From 120 days before to the last day of validity" for a visa → permit application
    /// and for a permit extension (S1). For the employee card it is the earliest day too.
    pub application_window_days: u32,
    /// Which rule the permit extension follows.
    pub extension_window: ExtensionWindow,
    /// The 2011 rule (S3): not earlier than 90 days before expiry …
    pub rule2011_earliest_days_before: u32,
    /// … and not later than 14 days before expiry.
    pub rule2011_latest_days_before: u32,
    /// Employee card: apply at least 30 days before expiry (S1).
    pub employee_card_days_before_expiry: u32,
    /// Permanent-residence card: apply within 90 days before expiry (S3).
    pub permanent_card_window_days: u32,
    /// Collect the card within 60 days of capturing biometrics (S1–S4).
    pub card_pickup_days: u32,
    /// Report a change of name, marital status or card data: 3 working days (S1, S3; S4
    /// says "3 days").
    pub change_report_working_days: u32,
    /// Report a new passport: 3 days from issue or return (S1).
    pub new_passport_days: u32,
    /// Report a new address, long-term stay (new address for more than 30 days): 30 days.
    pub address_long_term_days: u32,
    /// Report a new address, permanent residence (more than 180 days): 30 working days.
    pub address_permanent_working_days: u32,
    /// Report a lost passport or card to OAMP: 3 working days (and to the police at once).
    pub lost_document_working_days: u32,
    /// Apply for the residence of a child born in the Czech Republic: 60 days (S1).
    pub child_born_days: u32,
    /// Ask for a review of a visa refusal: 15 days from the notice (S4).
    pub visa_appeal_days: u32,
    /// A registered letter counts as delivered 10 days after deposit (S1, § 24 of Act
    /// 500/2004).
    pub letter_deemed_delivered_days: u32,
    /// A letter announced on the office's official board counts as delivered after 15 days.
    pub public_notice_days: u32,
    /// Event dates before this are refused: the holiday list is today's law, and guidance
    /// about long-past events helps nobody.
    pub earliest_event_date: Date,
    /// Event dates after this are refused.
    pub latest_event_date: Date,
}

impl Default for DeadlineRules {
    fn default() -> DeadlineRules {
        DeadlineRules {
            police_registration_working_days: 3,
            arrival_biometrics_working_days: 3,
            application_window_days: 120,
            extension_window: ExtensionWindow::Current,
            rule2011_earliest_days_before: 90,
            rule2011_latest_days_before: 14,
            employee_card_days_before_expiry: 30,
            permanent_card_window_days: 90,
            card_pickup_days: 60,
            change_report_working_days: 3,
            new_passport_days: 3,
            address_long_term_days: 30,
            address_permanent_working_days: 30,
            lost_document_working_days: 3,
            child_born_days: 60,
            visa_appeal_days: 15,
            letter_deemed_delivered_days: 10,
            public_notice_days: 15,
            earliest_event_date: date(1990, 1, 1),
            latest_event_date: date(2100, 12, 31),
        }
    }
}

/// The longest period any rule may have: ten years. Bigger numbers are configuration
/// mistakes, and would make working-day counting slow.
const MAX_RULE_DAYS: u32 = 3660;

/// The longest run of consecutive non-working days in the Czech calendar is 5 (Saturday
/// 22 December to Wednesday 26 December), so moving a last day back never crosses more.
/// A before-expiry window must be longer than that plus its last day, or `earliest` could
/// fall after the moved `deadline`.
const MIN_WINDOW_MARGIN_DAYS: u32 = 7;

impl DeadlineRules {
    /// Checks that the numbers make sense: every period at most ten years, every
    /// before-expiry window at least a week longer than its closing margin, and the event
    /// date range not empty. [`obligations`] calls it, so bad configuration is an error value,
    /// never a panic or an endless loop.
    pub fn validate(&self) -> Result<(), DeadlineError> {
        let periods = [
            (
                "police_registration_working_days",
                self.police_registration_working_days,
            ),
            (
                "arrival_biometrics_working_days",
                self.arrival_biometrics_working_days,
            ),
            ("application_window_days", self.application_window_days),
            (
                "rule2011_earliest_days_before",
                self.rule2011_earliest_days_before,
            ),
            (
                "rule2011_latest_days_before",
                self.rule2011_latest_days_before,
            ),
            (
                "employee_card_days_before_expiry",
                self.employee_card_days_before_expiry,
            ),
            (
                "permanent_card_window_days",
                self.permanent_card_window_days,
            ),
            ("card_pickup_days", self.card_pickup_days),
            (
                "change_report_working_days",
                self.change_report_working_days,
            ),
            ("new_passport_days", self.new_passport_days),
            ("address_long_term_days", self.address_long_term_days),
            (
                "address_permanent_working_days",
                self.address_permanent_working_days,
            ),
            (
                "lost_document_working_days",
                self.lost_document_working_days,
            ),
            ("child_born_days", self.child_born_days),
            ("visa_appeal_days", self.visa_appeal_days),
            (
                "letter_deemed_delivered_days",
                self.letter_deemed_delivered_days,
            ),
            ("public_notice_days", self.public_notice_days),
        ];
        for (field, days) in periods {
            if days > MAX_RULE_DAYS {
                return Err(DeadlineError::InvalidRules {
                    field,
                    reason: "longer than ten years",
                });
            }
        }
        let windows = [
            ("application_window_days", self.application_window_days, 0),
            (
                "permanent_card_window_days",
                self.permanent_card_window_days,
                0,
            ),
            (
                "rule2011_earliest_days_before",
                self.rule2011_earliest_days_before,
                self.rule2011_latest_days_before,
            ),
            (
                "application_window_days",
                self.application_window_days,
                self.employee_card_days_before_expiry,
            ),
        ];
        for (field, window, closes_before) in windows {
            if window < closes_before.saturating_add(MIN_WINDOW_MARGIN_DAYS) {
                return Err(DeadlineError::InvalidRules {
                    field,
                    reason: "the window is shorter than a week before its last day",
                });
            }
        }
        if self.earliest_event_date > self.latest_event_date {
            return Err(DeadlineError::InvalidRules {
                field: "earliest_event_date",
                reason: "after latest_event_date",
            });
        }
        Ok(())
    }
}

/// The rule a deadline comes from. Serialised as its [`code`](Basis::code), e.g.
/// `"3-working-days"`; the numbers are inside for the Fluent message (`basis-<kind>` with
/// `$days`, see [`Basis::kind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// N working days after the event day (weekends and Czech holidays skipped).
    WorkingDays(u32),
    /// N calendar days after the event day; a last day on a non-working day moves to the
    /// next working day (Act 500/2004 § 40).
    Days(u32),
    /// From `window_days` before expiry to the last day of validity; a last day on a
    /// non-working day moves to the preceding working day (domain.md §5, S1).
    LastDayOfValidity { window_days: u32 },
    /// From `window_days` before expiry until at least `days` before expiry (the employee
    /// card, S1); the last day moves back to a working day like the last day of validity.
    DaysBeforeExpiry { window_days: u32, days: u32 },
    /// From `earliest` to `latest` days before expiry (the 2011 rule, S3); the last day moves
    /// back to a working day.
    WindowBeforeExpiry { earliest: u32, latest: u32 },
    /// At once: the deadline is the event day itself (reporting a loss to the police, S1).
    AtOnce,
}

impl Basis {
    /// The stable code of the API's `basis` field: `3-working-days`, `60-days`,
    /// `last-day-of-validity`, `30-days-before-expiry`, `90-to-14-days-before-expiry`,
    /// `at-once`.
    pub fn code(&self) -> String {
        match *self {
            Basis::WorkingDays(n) => format!("{n}-working-days"),
            Basis::Days(n) => format!("{n}-days"),
            Basis::LastDayOfValidity { .. } => "last-day-of-validity".to_owned(),
            Basis::DaysBeforeExpiry { days, .. } => format!("{days}-days-before-expiry"),
            Basis::WindowBeforeExpiry { earliest, latest } => {
                format!("{earliest}-to-{latest}-days-before-expiry")
            }
            Basis::AtOnce => "at-once".to_owned(),
        }
    }

    /// The rule without its numbers, for the Fluent key `basis-<kind>`: `working-days`,
    /// `days`, `last-day-of-validity`, `days-before-expiry`, `window-before-expiry`,
    /// `at-once`.
    pub fn kind(&self) -> &'static str {
        match self {
            Basis::WorkingDays(_) => "working-days",
            Basis::Days(_) => "days",
            Basis::LastDayOfValidity { .. } => "last-day-of-validity",
            Basis::DaysBeforeExpiry { .. } => "days-before-expiry",
            Basis::WindowBeforeExpiry { .. } => "window-before-expiry",
            Basis::AtOnce => "at-once",
        }
    }

    /// How a last day that is not a working day moves under this rule: `Some(true)` to the
    /// next working day, `Some(false)` to the preceding one, `None` when it does not move
    /// (working days are always working days; "at once" is the event day itself).
    pub fn moves_forward(&self) -> Option<bool> {
        match self {
            Basis::Days(_) => Some(true),
            Basis::LastDayOfValidity { .. }
            | Basis::DaysBeforeExpiry { .. }
            | Basis::WindowBeforeExpiry { .. } => Some(false),
            Basis::WorkingDays(_) | Basis::AtOnce => None,
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}

impl Serialize for Basis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One thing the foreigner must do (api.md `obligations[]`).
///
/// `id` is stable and names the Fluent message of the action (`obligation-<id>`); `note`,
/// when present, names a warning (`obligation-note-<note>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Obligation {
    pub id: &'static str,
    pub authority: Authority,
    /// The first day the step may be taken, when the rule has one (before-expiry windows);
    /// `None` means "from the event on".
    pub earliest: Option<Date>,
    /// The last day.
    pub deadline: Date,
    pub basis: Basis,
    /// Someone with a power of attorney may act instead (domain.md §4; matches the visit
    /// type's `representative_allowed` when there is one).
    pub representative_allowed: bool,
    /// The step needs an office that can capture biometrics (matches the visit type's
    /// `requires_bio` when there is one).
    pub needs_bio_office: bool,
    /// The visit type to book at an OAMP office; `None` for the police and for steps that
    /// are not an office visit.
    pub visit_type: Option<&'static str>,
    /// A warning to show with it (Fluent key suffix).
    pub note: Option<&'static str>,
}

/// Why the calculator cannot answer. Each has a stable [`code`](DeadlineError::code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// Not one of [`Event::ALL`].
    #[error("unknown event")]
    UnknownEvent,
    /// `stay` is not `long-term` or `permanent`.
    #[error("unknown kind of stay")]
    UnknownStay,
    /// The event date is before [`DeadlineRules::earliest_event_date`].
    #[error("the date {date} is too far in the past (earliest {earliest})")]
    DateTooEarly { date: Date, earliest: Date },
    /// The event date is after [`DeadlineRules::latest_event_date`].
    #[error("the date {date} is too far in the future (latest {latest})")]
    DateTooLate { date: Date, latest: Date },
    /// An address change without the kind of stay.
    #[error("an address change needs the kind of stay (long-term or permanent)")]
    MissingStay,
    /// An option was given to an event it does not apply to.
    #[error("the option {option} does not apply to the event {event}")]
    OptionNotApplicable { option: &'static str, event: Event },
    /// The configured rules are not usable.
    #[error("invalid deadline rules: {field}: {reason}")]
    InvalidRules {
        field: &'static str,
        reason: &'static str,
    },
}

impl DeadlineError {
    /// The stable kebab-case code for the API's problem details.
    pub fn code(&self) -> &'static str {
        match self {
            DeadlineError::UnknownEvent => "unknown-event",
            DeadlineError::UnknownStay => "unknown-stay",
            DeadlineError::DateTooEarly { .. } => "date-too-early",
            DeadlineError::DateTooLate { .. } => "date-too-late",
            DeadlineError::MissingStay => "missing-stay",
            DeadlineError::OptionNotApplicable { .. } => "option-not-applicable",
            DeadlineError::InvalidRules { .. } => "invalid-rules",
        }
    }
}

/// `date + n` calendar days, saturating at the end of the calendar (never panics).
fn plus_days(d: Date, n: u32) -> Date {
    Span::new()
        .try_days(i64::from(n))
        .ok()
        .and_then(|span| d.checked_add(span).ok())
        .unwrap_or(Date::MAX)
}

/// `date − n` calendar days, saturating at the start of the calendar.
fn minus_days(d: Date, n: u32) -> Date {
    Span::new()
        .try_days(i64::from(n))
        .ok()
        .and_then(|span| d.checked_sub(span).ok())
        .unwrap_or(Date::MIN)
}

/// Builds one obligation; the dates come from [`Basis`] and the event day.
struct Step {
    id: &'static str,
    authority: Authority,
    visit_type: Option<&'static str>,
    representative_allowed: bool,
    needs_bio_office: bool,
    note: Option<&'static str>,
}

impl Step {
    /// A step at an OAMP office, booked as `visit_type`.
    fn oamp(id: &'static str, visit_type: &'static str, representative: bool, bio: bool) -> Step {
        Step {
            id,
            authority: Authority::Oamp,
            visit_type: Some(visit_type),
            representative_allowed: representative,
            needs_bio_office: bio,
            note: None,
        }
    }

    /// A step that is not an office visit (written appeal, a date to know).
    fn oamp_no_visit(id: &'static str) -> Step {
        Step {
            id,
            authority: Authority::Oamp,
            visit_type: None,
            representative_allowed: false,
            needs_bio_office: false,
            note: None,
        }
    }

    /// A step at the Foreign Police, which this system does not book.
    fn police(id: &'static str, representative: bool) -> Step {
        Step {
            id,
            authority: Authority::Police,
            visit_type: None,
            representative_allowed: representative,
            needs_bio_office: false,
            note: None,
        }
    }

    fn note(self, note: &'static str) -> Step {
        Step {
            note: Some(note),
            ..self
        }
    }

    /// The obligation for an event on `day` (for before-expiry rules: the expiry day).
    fn due(self, basis: Basis, day: Date) -> Obligation {
        let (earliest, deadline) = match basis {
            Basis::WorkingDays(n) => (None, add_working_days(day, n)),
            Basis::Days(n) => (None, next_working_day_on_or_after(plus_days(day, n))),
            Basis::LastDayOfValidity { window_days } => (
                Some(minus_days(day, window_days)),
                previous_working_day_on_or_before(day),
            ),
            Basis::DaysBeforeExpiry { window_days, days } => (
                Some(minus_days(day, window_days)),
                previous_working_day_on_or_before(minus_days(day, days)),
            ),
            Basis::WindowBeforeExpiry { earliest, latest } => (
                Some(minus_days(day, earliest)),
                previous_working_day_on_or_before(minus_days(day, latest)),
            ),
            Basis::AtOnce => (None, day),
        };
        Obligation {
            id: self.id,
            authority: self.authority,
            earliest,
            deadline,
            basis,
            representative_allowed: self.representative_allowed,
            needs_bio_office: self.needs_bio_office,
            visit_type: self.visit_type,
            note: self.note,
        }
    }
}

/// The obligations an event creates, in the order they fall due (domain.md §5).
///
/// Refuses, with a specific [`DeadlineError`], dates outside the rules' range, an address
/// change without `stay`, options given to events they do not apply to, and unusable rules.
pub fn obligations(
    input: &EventInput,
    rules: &DeadlineRules,
) -> Result<Vec<Obligation>, DeadlineError> {
    rules.validate()?;
    check_input(input, rules)?;
    let r = rules;
    let day = input.date;
    let mut list = match input.event {
        // domain.md §5 arrival; §4 biometrics "within 3 working days of entry on a visa
        // granted to collect a permit" (S3, S4).
        Event::Arrival => {
            let mut list = vec![
                Step::police("police-registration", false)
                    .note("unless-host-registered")
                    .due(Basis::WorkingDays(r.police_registration_working_days), day),
            ];
            if input.visa_to_collect_permit {
                list.push(
                    Step::oamp("biometrics-after-arrival", "biometrics", false, true)
                        .note("bring-valid-passport")
                        .due(Basis::WorkingDays(r.arrival_biometrics_working_days), day),
                );
            }
            list
        }
        // domain.md §5: from 120 days before to the last day of the visa; the application
        // must be *at the office* on the last day (S1), so posting on the last day is late.
        Event::VisaExpiry => vec![
            Step::oamp(
                "apply-long-term-residence",
                "long-term-residence",
                false,
                true,
            )
            .note("must-be-at-office-on-last-day")
            .due(
                Basis::LastDayOfValidity {
                    window_days: r.application_window_days,
                },
                day,
            ),
        ],
        // domain.md §5: same window; posting by registered mail on the last day suffices
        // (S1). The older 90-to-14-days rule of S3 (2011) is a configuration choice.
        Event::PermitExpiry => {
            let step = Step::oamp(
                "apply-extension",
                "long-term-residence-extension",
                true,
                true,
            )
            .note("posting-suffices");
            match r.extension_window {
                ExtensionWindow::Current => vec![step.due(
                    Basis::LastDayOfValidity {
                        window_days: r.application_window_days,
                    },
                    day,
                )],
                ExtensionWindow::Rule2011 => vec![step.due(
                    Basis::WindowBeforeExpiry {
                        earliest: r.rule2011_earliest_days_before,
                        latest: r.rule2011_latest_days_before,
                    },
                    day,
                )],
            }
        }
        // domain.md §5: at least 30 days before expiry (S1, in the extension section whose
        // window opens 120 days before). Moving a weekend last day *forward* would break
        // "at least 30 days", so it moves back like the last day of validity.
        Event::EmployeeCardExpiry => vec![
            Step::oamp(
                "apply-extension",
                "long-term-residence-extension",
                true,
                true,
            )
            .note("posting-suffices")
            .due(
                Basis::DaysBeforeExpiry {
                    window_days: r.application_window_days,
                    days: r.employee_card_days_before_expiry,
                },
                day,
            ),
        ],
        // domain.md §5: within 90 days before expiry (S3): a window closing on the last day of
        // validity. The card is booked under the permanent-residence agenda (Praha I).
        Event::PermanentCardExpiry => vec![
            Step::oamp("apply-new-card", "permanent-residence", false, true).due(
                Basis::LastDayOfValidity {
                    window_days: r.permanent_card_window_days,
                },
                day,
            ),
        ],
        // domain.md §4, §5: collect in person at the same office within 60 days, otherwise
        // the procedure is stopped.
        Event::BiometricsCaptured => vec![
            Step::oamp("card-pickup", "card-pickup", false, true)
                .note("same-office-as-biometrics")
                .due(Basis::Days(r.card_pickup_days), day),
        ],
        // domain.md §5: 3 working days; a new name means a new card (S1).
        Event::NameChange | Event::CardDataChange => vec![
            Step::oamp("report-change", "change-report", true, true)
                .note("new-card-needed")
                .due(Basis::WorkingDays(r.change_report_working_days), day),
        ],
        Event::MaritalStatusChange => vec![
            Step::oamp("report-change", "change-report", true, true)
                .due(Basis::WorkingDays(r.change_report_working_days), day),
        ],
        // domain.md §5: 3 (calendar) days from issue or from the return with it (S1).
        Event::NewPassport => vec![
            Step::oamp("report-change", "change-report", true, true)
                .note("from-issue-or-return")
                .due(Basis::Days(r.new_passport_days), day),
        ],
        // domain.md §5: long-term stay, new address for more than 30 days: 30 days;
        // permanent residence, for more than 180 days: 30 working days.
        Event::AddressChange => {
            let step = Step::oamp("report-address-change", "change-report", true, true);
            match input.stay {
                Some(StayKind::LongTerm) => vec![
                    step.note("new-address-over-30-days")
                        .due(Basis::Days(r.address_long_term_days), day),
                ],
                Some(StayKind::Permanent) => vec![
                    step.note("new-address-over-180-days")
                        .due(Basis::WorkingDays(r.address_permanent_working_days), day),
                ],
                None => return Err(DeadlineError::MissingStay),
            }
        }
        // domain.md §4, §5: the police at once, OAMP within 3 working days; both may be done
        // through a representative (S1).
        Event::LostDocument => vec![
            Step::police("report-loss-to-police", true).due(Basis::AtOnce, day),
            Step::oamp("report-lost-document", "lost-document", true, true)
                .note("new-card-needed")
                .due(Basis::WorkingDays(r.lost_document_working_days), day),
        ],
        // domain.md §5: apply for the same type of residence as a parent within 60 days.
        Event::ChildBorn => vec![
            Step::oamp("apply-child-residence", "child-born", false, true)
                .note("same-residence-type-as-parent")
                .due(Basis::Days(r.child_born_days), day),
        ],
        // domain.md §5 (S4): a written request to the Ministry of the Interior within 15 days
        // of the notice; the answer comes within 60 days.
        Event::VisaRefused => vec![
            Step::oamp_no_visit("appeal-visa-refusal")
                .note("answer-within-60-days")
                .due(Basis::Days(r.visa_appeal_days), day),
        ],
        // domain.md §5, §9 (S1): deemed delivered even if never collected. The § 40 shift
        // applies to the 10th day as to any period in days (NSS 9 As 55/2009, where the 10th
        // day was 25 December 2008).
        Event::LetterDeposited => vec![
            Step::oamp_no_visit("letter-delivered")
                .note("deemed-delivered-even-if-not-collected")
                .due(Basis::Days(r.letter_deemed_delivered_days), day),
        ],
        Event::NoticePosted => vec![
            Step::oamp_no_visit("letter-delivered")
                .note("deemed-delivered-after-public-notice")
                .due(Basis::Days(r.public_notice_days), day),
        ],
    };
    list.sort_by_key(|o| o.deadline);
    Ok(list)
}

fn check_input(input: &EventInput, rules: &DeadlineRules) -> Result<(), DeadlineError> {
    if input.date < rules.earliest_event_date {
        return Err(DeadlineError::DateTooEarly {
            date: input.date,
            earliest: rules.earliest_event_date,
        });
    }
    if input.date > rules.latest_event_date {
        return Err(DeadlineError::DateTooLate {
            date: input.date,
            latest: rules.latest_event_date,
        });
    }
    match (input.event, input.stay) {
        (Event::AddressChange, None) => return Err(DeadlineError::MissingStay),
        (Event::AddressChange, Some(_)) | (_, None) => {}
        (event, Some(_)) => {
            return Err(DeadlineError::OptionNotApplicable {
                option: "stay",
                event,
            });
        }
    }
    if input.visa_to_collect_permit && input.event != Event::Arrival {
        return Err(DeadlineError::OptionNotApplicable {
            option: "visa-to-collect-permit",
            event: input.event,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::ids::VisitTypeId;

    fn one(input: EventInput) -> Obligation {
        let list = obligations(&input, &DeadlineRules::default()).unwrap();
        assert_eq!(list.len(), 1, "{list:?}");
        list.into_iter().next().unwrap()
    }

    #[test]
    fn every_event_id_round_trips() {
        for e in Event::ALL {
            assert_eq!(Event::parse(e.as_str()), Ok(e));
            assert_eq!(e.as_str().parse::<Event>(), Ok(e));
        }
        assert_eq!(Event::parse("Arrival"), Err(DeadlineError::UnknownEvent));
        assert_eq!(Event::parse(""), Err(DeadlineError::UnknownEvent));
        assert_eq!(DeadlineError::UnknownEvent.code(), "unknown-event");
    }

    #[test]
    fn the_input_deserialises_from_toml_with_kebab_case_ids() {
        let input: EventInput = toml::from_str(
            "event = \"address-change\"\ndate = \"2026-03-02\"\nstay = \"permanent\"",
        )
        .unwrap();
        assert_eq!(
            input,
            EventInput::new(Event::AddressChange, date(2026, 3, 2)).with_stay(StayKind::Permanent)
        );
        let bad = toml::from_str::<EventInput>("event = \"moving\"\ndate = \"2026-03-02\"");
        assert!(bad.is_err());
    }

    #[test]
    fn rules_load_from_toml_with_defaults_for_missing_keys() {
        let rules: DeadlineRules =
            toml::from_str("extension_window = \"rule-2011\"\ncard_pickup_days = 45").unwrap();
        assert_eq!(rules.extension_window, ExtensionWindow::Rule2011);
        assert_eq!(rules.card_pickup_days, 45);
        assert_eq!(rules.application_window_days, 120);
        assert!(toml::from_str::<DeadlineRules>("pickup = 3").is_err());
        let back = toml::to_string(&DeadlineRules::default()).unwrap();
        assert_eq!(
            toml::from_str::<DeadlineRules>(&back).unwrap(),
            DeadlineRules::default()
        );
    }

    #[test]
    fn unusable_rules_are_an_error_not_a_hang() {
        let rules = DeadlineRules {
            card_pickup_days: u32::MAX,
            ..DeadlineRules::default()
        };
        let err = obligations(
            &EventInput::new(Event::BiometricsCaptured, date(2026, 1, 5)),
            &rules,
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid-rules");

        let rules = DeadlineRules {
            rule2011_earliest_days_before: 14,
            rule2011_latest_days_before: 14,
            ..DeadlineRules::default()
        };
        assert_eq!(rules.validate().unwrap_err().code(), "invalid-rules");
    }

    #[test]
    fn inputs_out_of_range_or_with_wrong_options_are_refused() {
        let rules = DeadlineRules::default();
        let err = |input: EventInput| obligations(&input, &rules).unwrap_err().code();
        assert_eq!(
            err(EventInput::new(Event::Arrival, date(1989, 12, 31))),
            "date-too-early"
        );
        assert_eq!(
            err(EventInput::new(Event::Arrival, date(2101, 1, 1))),
            "date-too-late"
        );
        assert_eq!(
            err(EventInput::new(Event::AddressChange, date(2026, 1, 5))),
            "missing-stay"
        );
        assert_eq!(
            err(EventInput::new(Event::Arrival, date(2026, 1, 5)).with_stay(StayKind::LongTerm)),
            "option-not-applicable"
        );
        assert_eq!(
            err(EventInput::new(Event::ChildBorn, date(2026, 1, 5)).collecting_permit()),
            "option-not-applicable"
        );
        // The range ends are inclusive.
        assert!(obligations(&EventInput::new(Event::Arrival, date(1990, 1, 1)), &rules).is_ok());
        assert!(
            obligations(
                &EventInput::new(Event::PermitExpiry, date(2100, 12, 31)),
                &rules
            )
            .is_ok()
        );
    }

    #[test]
    fn arrival_on_a_visa_to_collect_a_permit_adds_biometrics() {
        let input = EventInput::new(Event::Arrival, date(2026, 1, 9)).collecting_permit();
        let list = obligations(&input, &DeadlineRules::default()).unwrap();
        let ids: Vec<&str> = list.iter().map(|o| o.id).collect();
        assert_eq!(ids, ["police-registration", "biometrics-after-arrival"]);
        assert_eq!(list[0].authority, Authority::Police);
        assert_eq!(list[1].authority, Authority::Oamp);
        assert_eq!(list[1].visit_type, Some("biometrics"));
        // Friday + 3 working days = Wednesday, for both.
        assert!(list.iter().all(|o| o.deadline == date(2026, 1, 14)));
    }

    #[test]
    fn the_2011_rule_is_a_configuration_choice() {
        let rules = DeadlineRules {
            extension_window: ExtensionWindow::Rule2011,
            ..DeadlineRules::default()
        };
        // Expiry Monday 2026-06-29: 90 days before = 2026-03-31, 14 days before = Monday
        // 2026-06-15, a working day.
        let list = obligations(
            &EventInput::new(Event::PermitExpiry, date(2026, 6, 29)),
            &rules,
        )
        .unwrap();
        assert_eq!(list[0].earliest, Some(date(2026, 3, 31)));
        assert_eq!(list[0].deadline, date(2026, 6, 15));
        assert_eq!(list[0].basis.code(), "90-to-14-days-before-expiry");
    }

    #[test]
    fn basis_codes_are_stable() {
        assert_eq!(Basis::WorkingDays(3).code(), "3-working-days");
        assert_eq!(Basis::Days(60).code(), "60-days");
        assert_eq!(
            Basis::LastDayOfValidity { window_days: 120 }.code(),
            "last-day-of-validity"
        );
        assert_eq!(
            Basis::DaysBeforeExpiry {
                window_days: 120,
                days: 30
            }
            .code(),
            "30-days-before-expiry"
        );
        assert_eq!(Basis::AtOnce.code(), "at-once");
        let toml = toml::to_string(&std::collections::BTreeMap::from([(
            "basis",
            Basis::WorkingDays(30),
        )]))
        .unwrap();
        assert_eq!(toml.trim(), "basis = \"30-working-days\"");
    }

    #[test]
    fn lost_document_reports_to_the_police_at_once_then_to_oamp() {
        let list = obligations(
            &EventInput::new(Event::LostDocument, date(2026, 1, 9)),
            &DeadlineRules::default(),
        )
        .unwrap();
        assert_eq!(list[0].id, "report-loss-to-police");
        assert_eq!(list[0].authority, Authority::Police);
        assert_eq!(list[0].deadline, date(2026, 1, 9));
        assert_eq!(list[1].id, "report-lost-document");
        assert_eq!(list[1].deadline, date(2026, 1, 14));
    }

    #[test]
    fn visit_types_exist_and_agree_with_the_catalog() {
        let catalog = Catalog::shipped();
        for event in Event::ALL {
            let mut input = EventInput::new(event, date(2026, 6, 1));
            if event == Event::AddressChange {
                input = input.with_stay(StayKind::LongTerm);
            }
            if event == Event::Arrival {
                input = input.collecting_permit();
            }
            for o in obligations(&input, &DeadlineRules::default()).unwrap() {
                match o.visit_type {
                    Some(id) => {
                        let vt = catalog
                            .visit_type(&VisitTypeId::parse(id).unwrap())
                            .unwrap_or_else(|| panic!("{id} is not a shipped visit type"));
                        assert_eq!(o.authority, Authority::Oamp, "{}", o.id);
                        assert_eq!(vt.authority, Authority::Oamp, "{id}");
                        assert_eq!(
                            o.representative_allowed, vt.representative_allowed,
                            "{}",
                            o.id
                        );
                        assert_eq!(o.needs_bio_office, vt.requires_bio, "{}", o.id);
                    }
                    None => assert!(!o.needs_bio_office, "{}", o.id),
                }
            }
        }
    }

    #[test]
    fn a_child_born_obligation_has_no_earliest_day() {
        let o = one(EventInput::new(Event::ChildBorn, date(2026, 1, 5)));
        assert_eq!(o.earliest, None);
        assert_eq!(o.basis, Basis::Days(60));
    }
}
