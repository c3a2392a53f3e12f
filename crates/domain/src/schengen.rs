//! The Schengen short-stay rule "90 days in any 180-day period" (domain.md §5, end;
//! api.md `POST /calc/schengen`).
//!
//! Every day with any presence counts, the entry and exit days included, and the 180-day
//! window ends on the day being checked: `[on − 179 days, on]` (S4's "Schengen calculator").
//! The limits are [`SchengenRules`] with the sources' values as defaults.

use jiff::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Why a stay history or a question about it was refused. Each has a stable
/// [`code`](SchengenError::code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SchengenError {
    /// A stay whose exit is before its entry.
    #[error("a stay exits before it enters")]
    ExitBeforeEntry,
    /// Two stays share more than a boundary day (see [`Stays::new`]).
    #[error("two stays overlap")]
    OverlappingStays,
    /// No day can be spent from the planned entry on without breaking the rule.
    #[error("no days left: entering on that day would break the 90/180 rule")]
    NoDaysLeft,
    /// The configured limits are not usable.
    #[error("invalid Schengen rules: {0}")]
    InvalidRules(&'static str),
}

impl SchengenError {
    /// The stable kebab-case code for the API's problem details.
    pub fn code(&self) -> &'static str {
        match self {
            SchengenError::ExitBeforeEntry => "exit-before-entry",
            SchengenError::OverlappingStays => "overlapping-stays",
            SchengenError::NoDaysLeft => "no-days-left",
            SchengenError::InvalidRules(_) => "invalid-rules",
        }
    }
}

/// One stay in the Schengen area, entry and exit day included. Can only be built with
/// `exit ≥ entry` ([`Stay::new`], also when deserialised).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "RawStay")]
pub struct Stay {
    entry: Date,
    exit: Date,
}

#[derive(Deserialize)]
struct RawStay {
    entry: Date,
    exit: Date,
}

impl TryFrom<RawStay> for Stay {
    type Error = SchengenError;
    fn try_from(raw: RawStay) -> Result<Stay, SchengenError> {
        Stay::new(raw.entry, raw.exit)
    }
}

impl Stay {
    /// A stay from `entry` to `exit`, both days of presence; `exit-before-entry` otherwise.
    pub fn new(entry: Date, exit: Date) -> Result<Stay, SchengenError> {
        if exit < entry {
            return Err(SchengenError::ExitBeforeEntry);
        }
        Ok(Stay { entry, exit })
    }

    pub fn entry(&self) -> Date {
        self.entry
    }

    pub fn exit(&self) -> Date {
        self.exit
    }

    /// Days of presence (entry and exit days included, so at least 1).
    pub fn days(&self) -> u32 {
        let n = ordinal(self.exit) - ordinal(self.entry) + 1;
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// A stay history: stays sorted by entry, none overlapping. Leaving and coming back on the
/// same day (one stay's exit is the next one's entry) is allowed; that day counts once.
/// Stays that touch or follow each other without a gap are merged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Stay>", into = "Vec<Stay>")]
pub struct Stays {
    /// Sorted, disjoint, with at least one day of absence between two spans.
    spans: Vec<Stay>,
}

impl TryFrom<Vec<Stay>> for Stays {
    type Error = SchengenError;
    fn try_from(stays: Vec<Stay>) -> Result<Stays, SchengenError> {
        Stays::new(stays)
    }
}

impl From<Stays> for Vec<Stay> {
    fn from(stays: Stays) -> Vec<Stay> {
        stays.spans
    }
}

impl Stays {
    /// Sorts and checks a history: `overlapping-stays` when a stay enters before an earlier
    /// stay has exited (sharing the exit day is allowed).
    pub fn new(stays: impl IntoIterator<Item = Stay>) -> Result<Stays, SchengenError> {
        let mut sorted: Vec<Stay> = stays.into_iter().collect();
        sorted.sort_unstable();
        let mut spans: Vec<Stay> = Vec::with_capacity(sorted.len());
        for stay in sorted {
            match spans.last_mut() {
                Some(last) if stay.entry < last.exit => {
                    return Err(SchengenError::OverlappingStays);
                }
                // Touching (same day) or adjacent (next day): one span of presence.
                Some(last) if ordinal(stay.entry) <= ordinal(last.exit) + 1 => {
                    last.exit = last.exit.max(stay.exit);
                }
                _ => spans.push(stay),
            }
        }
        Ok(Stays { spans })
    }

    /// The periods of presence, sorted, merged where they touch.
    pub fn spans(&self) -> &[Stay] {
        &self.spans
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The history with one more stay, or `overlapping-stays`.
    pub fn with(&self, stay: Stay) -> Result<Stays, SchengenError> {
        Stays::new(self.spans.iter().copied().chain([stay]))
    }

    /// Days of presence in `[from, to]` (both included).
    fn days_between(&self, from: i64, to: i64) -> i64 {
        if from > to {
            return 0;
        }
        // Spans are sorted and disjoint: skip those that end before the window.
        let first = self.spans.partition_point(|s| ordinal(s.exit) < from);
        self.spans[first..]
            .iter()
            .take_while(|s| ordinal(s.entry) <= to)
            .map(|s| ordinal(s.exit).min(to) - ordinal(s.entry).max(from) + 1)
            .sum()
    }
}

/// The limits: at most `max_days` days of presence in any `period_days`-day window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SchengenRules {
    /// 90 (domain.md §5).
    pub max_days: u32,
    /// 180 (domain.md §5).
    pub period_days: u32,
}

impl Default for SchengenRules {
    fn default() -> SchengenRules {
        SchengenRules {
            max_days: 90,
            period_days: 180,
        }
    }
}

/// The answer of `POST /calc/schengen {stays, on}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SchengenReport {
    /// Days of presence in `[window_start, window_end]`.
    pub days_used: u32,
    /// `max_days − days_used`, never below 0. Not the length of a stay that is still
    /// possible (for that see [`latest_exit`]): days leave the window as it moves.
    pub days_remaining: u32,
    /// `on − (period_days − 1)` days.
    pub window_start: Date,
    /// `on`.
    pub window_end: Date,
}

/// Days since 1970-01-01 (negative before). Infallible for every civil date.
fn ordinal(d: Date) -> i64 {
    d.duration_since(jiff::civil::date(1970, 1, 1)).as_secs() / 86_400
}

/// The date `n` days after 1970-01-01, saturating at the ends of the calendar.
fn from_ordinal(n: i64) -> Date {
    let epoch = jiff::civil::date(1970, 1, 1);
    match Span::new().try_days(n).map(|span| epoch.checked_add(span)) {
        Ok(Ok(d)) => d,
        _ if n < 0 => Date::MIN,
        _ => Date::MAX,
    }
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

impl SchengenRules {
    /// Usable limits: a period of 1 to 3660 days and `1 ≤ max_days < period_days` (otherwise
    /// every stay would be legal and "latest exit" would have no answer).
    pub fn validate(&self) -> Result<(), SchengenError> {
        if self.period_days == 0 || self.period_days > 3660 {
            return Err(SchengenError::InvalidRules(
                "period_days must be between 1 and 3660",
            ));
        }
        if self.max_days == 0 || self.max_days >= self.period_days {
            return Err(SchengenError::InvalidRules(
                "max_days must be at least 1 and less than period_days",
            ));
        }
        Ok(())
    }

    /// The period as a number of days, at least 1 (a period of 0 counts as 1 day).
    fn period(&self) -> i64 {
        i64::from(self.period_days.max(1))
    }

    /// Days of presence in the window `[on − (period − 1), on]`, entry and exit days
    /// included. Stays after `on` do not count.
    pub fn days_used(&self, stays: &Stays, on: Date) -> u32 {
        let end = ordinal(on);
        count(stays.days_between(end - self.period() + 1, end))
    }

    /// Days used and left in the window ending on `on`.
    pub fn report(&self, stays: &Stays, on: Date) -> SchengenReport {
        let days_used = self.days_used(stays, on);
        SchengenReport {
            days_used,
            days_remaining: self.max_days.saturating_sub(days_used),
            window_start: from_ordinal(ordinal(on) - self.period() + 1),
            window_end: on,
        }
    }

    /// The last day of a stay entering on `plan_entry` such that every `period`-day window
    /// containing a day of it has at most `max_days` days of presence. Windows that contain
    /// no day of the new stay are not its concern (a past overstay does not block a future
    /// trip forever), but planned stays after it in `stays` are counted: the new stay must
    /// not make them illegal either.
    ///
    /// The new stay may start on the exit day of an earlier stay (that day counts once) and
    /// may last at most until the entry day of a later one. Errors: `overlapping-stays` when
    /// `plan_entry` falls inside a stay of the history, `no-days-left` when not even
    /// `plan_entry` alone is possible, `invalid-rules`.
    ///
    /// Cost: O(stays + max_days × period_days), whatever the length of the history.
    pub fn latest_exit(&self, stays: &Stays, plan_entry: Date) -> Result<Date, SchengenError> {
        self.validate()?;
        let max = i64::from(self.max_days);
        let period = self.period();
        let p = ordinal(plan_entry);
        if stays
            .spans
            .iter()
            .any(|s| ordinal(s.entry) <= p && p < ordinal(s.exit))
        {
            return Err(SchengenError::OverlappingStays);
        }
        // A stay longer than max_days breaks the window that starts on its entry day (max <
        // period), so the exit is at most p + max − 1; and it may not run into a later stay.
        let next_entry = stays
            .spans
            .iter()
            .map(|s| ordinal(s.entry))
            .find(|&e| e > p);
        let hi = next_entry.map_or(p + max - 1, |e| e.min(p + max - 1));

        // Window counts for every window start s in [p − period + 1, hi] (those are the
        // windows that can contain a day of the new stay), from the history alone.
        let first_start = p - period + 1;
        let len = usize::try_from(hi - first_start + 1).unwrap_or(0);
        let mut windows: Vec<i64> = (0..len)
            .map(|i| {
                let s = first_start + i64::try_from(i).unwrap_or(i64::MAX);
                stays.days_between(s, s + period - 1)
            })
            .collect();

        // Add the days p, p+1, … one at a time. Adding day x changes exactly the windows
        // that contain x (starts x − period + 1 ..= x); the others containing earlier days
        // were checked when those days were added, so checking these suffices.
        let mut best = None;
        for x in p..=hi {
            let already_present = stays.days_between(x, x) == 1;
            let from = usize::try_from(x - period + 1 - first_start).unwrap_or(0);
            let to = usize::try_from(x - first_start).unwrap_or(0);
            let mut legal = true;
            for w in &mut windows[from..=to] {
                if !already_present {
                    *w += 1;
                }
                legal &= *w <= max;
            }
            if !legal {
                break;
            }
            best = Some(x);
        }
        best.map(from_ordinal).ok_or(SchengenError::NoDaysLeft)
    }
}

/// [`SchengenRules::days_used`] with the default 90/180.
pub fn days_used(stays: &Stays, on: Date) -> u32 {
    SchengenRules::default().days_used(stays, on)
}

/// [`SchengenRules::report`] with the default 90/180.
pub fn report(stays: &Stays, on: Date) -> SchengenReport {
    SchengenRules::default().report(stays, on)
}

/// [`SchengenRules::latest_exit`] with the default 90/180.
pub fn latest_exit(stays: &Stays, plan_entry: Date) -> Result<Date, SchengenError> {
    SchengenRules::default().latest_exit(stays, plan_entry)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn stay(entry: Date, exit: Date) -> Stay {
        Stay::new(entry, exit).unwrap()
    }

    fn stays(list: &[(Date, Date)]) -> Stays {
        Stays::new(list.iter().map(|&(a, b)| stay(a, b))).unwrap()
    }

    #[test]
    fn exit_before_entry_is_refused() {
        assert_eq!(
            Stay::new(date(2026, 1, 2), date(2026, 1, 1))
                .unwrap_err()
                .code(),
            "exit-before-entry"
        );
        assert_eq!(stay(date(2026, 1, 1), date(2026, 1, 1)).days(), 1);
    }

    #[test]
    fn overlapping_stays_are_refused_but_a_same_day_return_is_not() {
        let err = Stays::new([
            stay(date(2026, 1, 1), date(2026, 1, 10)),
            stay(date(2026, 1, 9), date(2026, 1, 20)),
        ])
        .unwrap_err();
        assert_eq!(err.code(), "overlapping-stays");
        // Out on the 10th and back the same day: 20 days, the 10th counted once.
        let s = stays(&[
            (date(2026, 1, 1), date(2026, 1, 10)),
            (date(2026, 1, 10), date(2026, 1, 20)),
        ]);
        assert_eq!(days_used(&s, date(2026, 1, 31)), 20);
        assert_eq!(s.spans().len(), 1);
    }

    #[test]
    fn ordinals_round_trip() {
        for d in [
            date(1970, 1, 1),
            date(2028, 2, 29),
            date(1900, 3, 1),
            Date::MIN,
            Date::MAX,
        ] {
            assert_eq!(from_ordinal(ordinal(d)), d);
        }
        assert_eq!(ordinal(date(1970, 1, 2)), 1);
        assert_eq!(ordinal(date(1969, 12, 31)), -1);
    }

    // Day-of-year in 2026: month ends Jan 31, Feb 59, Mar 90, Apr 120, May 151, Jun 181,
    // Jul 212, Aug 243, Sep 273, Oct 304, Nov 334, Dec 365.

    #[test]
    fn exactly_90_days_used_leaves_none_until_the_first_day_leaves_the_window() {
        // 1 Jan – 31 Mar 2026 = 31 + 28 + 31 = 90 days.
        let s = stays(&[(date(2026, 1, 1), date(2026, 3, 31))]);
        let r = report(&s, date(2026, 3, 31));
        assert_eq!((r.days_used, r.days_remaining), (90, 0));
        assert_eq!(r.window_start, date(2025, 10, 3)); // 31 Mar − 179 days
        assert_eq!(r.window_end, date(2026, 3, 31));
        // The day after: still 90 in the window, and no new stay is possible.
        assert_eq!(days_used(&s, date(2026, 4, 1)), 90);
        assert_eq!(
            latest_exit(&s, date(2026, 4, 1)).unwrap_err().code(),
            "no-days-left"
        );
        // 29 Jun (day 180): the window [1 Jan, 29 Jun] still holds all 90 days.
        assert_eq!(
            latest_exit(&s, date(2026, 6, 29)),
            Err(SchengenError::NoDaysLeft)
        );
        // 30 Jun (day 181): the window [2 Jan, 30 Jun] holds 89 + 1. Each further day one old
        // day leaves and one new day comes, until the window starts on 1 Apr (day 91), i.e.
        // ends on day 91 + 179 = 270 = 27 Sep with 90 new days; 28 Sep would be the 91st.
        assert_eq!(latest_exit(&s, date(2026, 6, 30)), Ok(date(2026, 9, 27)));
    }

    #[test]
    fn a_stay_straddling_the_window_edge_counts_only_its_days_inside() {
        // 1 Dec 2025 – 10 Jan 2026 (41 days). On 31 May 2026 the window starts on
        // 31 May − 179 days = 3 Dec 2025: 29 December days + 10 January days = 39.
        let s = stays(&[(date(2025, 12, 1), date(2026, 1, 10))]);
        let r = report(&s, date(2026, 5, 31));
        assert_eq!(r.window_start, date(2025, 12, 3));
        assert_eq!((r.days_used, r.days_remaining), (39, 51));
        // A stay entirely after `on` does not count.
        let later = s.with(stay(date(2026, 6, 1), date(2026, 6, 30))).unwrap();
        assert_eq!(days_used(&later, date(2026, 5, 31)), 39);
    }

    #[test]
    fn latest_exit_is_bound_by_an_earlier_window_not_the_one_starting_at_entry() {
        // 80 days from 1 Jan 2026 (to day 80 = 21 Mar), back on 11 Apr (day 101). Every window
        // ending on day x ≤ 180 still holds all 80 old days, so at most 10 new days:
        // 11–20 Apr. The window starting on 11 Apr alone would allow 90.
        let s = stays(&[(date(2026, 1, 1), date(2026, 3, 21))]);
        assert_eq!(latest_exit(&s, date(2026, 4, 11)), Ok(date(2026, 4, 20)));
        assert_eq!(
            days_used(
                &s.with(stay(date(2026, 4, 11), date(2026, 4, 21))).unwrap(),
                date(2026, 4, 21)
            ),
            91
        );
    }

    #[test]
    fn latest_exit_keeps_a_planned_later_stay_legal() {
        // A planned 80-day stay 19 Jul (day 200) – 6 Oct (day 279). Entering on 11 Apr (day
        // 101): the window [11 Apr, 7 Oct] would hold the 80 planned days, so 10 new days.
        // Checking only the windows that end on the new days would have allowed 90.
        let s = stays(&[(date(2026, 7, 19), date(2026, 10, 6))]);
        assert_eq!(latest_exit(&s, date(2026, 4, 11)), Ok(date(2026, 4, 20)));
    }

    #[test]
    fn an_empty_history_allows_90_days() {
        assert_eq!(
            latest_exit(&Stays::default(), date(2028, 2, 1)),
            // 1 Feb + 89 days: 1 Mar is +29 (leap year), 1 Apr +60, 30 Apr +89.
            Ok(date(2028, 4, 30))
        );
    }

    #[test]
    fn the_planned_stay_may_start_on_an_exit_day_but_not_inside_a_stay() {
        let s = stays(&[(date(2026, 1, 1), date(2026, 1, 10))]);
        // Same-day return: 10 Jan already counts, so 80 more days, 11 Jan (day 11) to day 90
        // = 31 Mar: 90 days from 1 Jan.
        assert_eq!(latest_exit(&s, date(2026, 1, 10)), Ok(date(2026, 3, 31)));
        assert_eq!(
            latest_exit(&s, date(2026, 1, 5)).unwrap_err().code(),
            "overlapping-stays"
        );
    }

    #[test]
    fn a_later_stay_caps_the_exit_at_its_entry() {
        let s = stays(&[(date(2026, 2, 1), date(2026, 2, 3))]);
        assert_eq!(latest_exit(&s, date(2026, 1, 20)), Ok(date(2026, 2, 1)));
    }

    #[test]
    fn hundreds_of_stays_are_fast() {
        // 600 two-day trips, one a week, from 2015; then the questions.
        let list: Vec<Stay> = (0..600)
            .map(|i| {
                let entry = date(2015, 1, 5)
                    .checked_add(Span::new().days(7 * i))
                    .unwrap();
                stay(entry, entry.tomorrow().unwrap())
            })
            .collect();
        let s = Stays::new(list).unwrap();
        let start = std::time::Instant::now();
        for k in 0..100 {
            let on = date(2026, 6, 1).checked_add(Span::new().days(k)).unwrap();
            // Two days a week: a 180-day window holds at most 26 trips, 52 days.
            assert!(days_used(&s, on) <= 52);
            let _ = latest_exit(&s, on);
        }
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn rules_are_validated() {
        let bad = SchengenRules {
            max_days: 180,
            period_days: 180,
        };
        assert_eq!(bad.validate().unwrap_err().code(), "invalid-rules");
        assert_eq!(
            bad.latest_exit(&Stays::default(), date(2026, 1, 1))
                .unwrap_err()
                .code(),
            "invalid-rules"
        );
        assert!(SchengenRules::default().validate().is_ok());
    }
}
