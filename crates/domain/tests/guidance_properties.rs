//! Properties of the guidance calculators that must hold for every input (domain.md §5;
//! api.md "Calculators", "Deadline arithmetic").
//!
//! The Schengen properties compare against a naive oracle written here (a bitmap of days of
//! presence, every window counted day by day), not against the module's own arithmetic.

use jiff::Span;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use termin_domain::calendar::is_working_day;
use termin_domain::deadlines::{
    Basis, DeadlineRules, Event, EventInput, ExtensionWindow, StayKind, obligations,
};
use termin_domain::schengen::{SchengenError, Stay, Stays, days_used, latest_exit};

fn plus(d: Date, n: i64) -> Date {
    d.checked_add(Span::new().days(n)).unwrap()
}

/// Any date from 1990 to the end of 2099.
fn any_date() -> impl Strategy<Value = Date> {
    (0i64..(110 * 365)).prop_map(|n| plus(date(1990, 1, 1), n))
}

fn any_event() -> impl Strategy<Value = Event> {
    proptest::sample::select(Event::ALL.to_vec())
}

/// A valid input for the event: the options it needs, randomly the ones it may have.
fn any_input() -> impl Strategy<Value = EventInput> {
    (any_event(), any_date(), any::<bool>()).prop_map(|(event, day, flag)| {
        let input = EventInput::new(event, day);
        match event {
            Event::AddressChange if flag => input.with_stay(StayKind::Permanent),
            Event::AddressChange => input.with_stay(StayKind::LongTerm),
            Event::Arrival if flag => input.collecting_permit(),
            _ => input,
        }
    })
}

/// Rules with every number random (0–400 days), kept only when they validate.
fn any_rules() -> impl Strategy<Value = DeadlineRules> {
    (proptest::collection::vec(0u32..400, 17), any::<bool>())
        .prop_map(|(n, rule2011)| DeadlineRules {
            police_registration_working_days: n[0],
            arrival_biometrics_working_days: n[1],
            application_window_days: n[2],
            extension_window: if rule2011 {
                ExtensionWindow::Rule2011
            } else {
                ExtensionWindow::Current
            },
            rule2011_earliest_days_before: n[3],
            rule2011_latest_days_before: n[4],
            employee_card_days_before_expiry: n[5],
            permanent_card_window_days: n[6],
            card_pickup_days: n[7],
            change_report_working_days: n[8],
            new_passport_days: n[9],
            address_long_term_days: n[10],
            address_permanent_working_days: n[11],
            lost_document_working_days: n[12],
            child_born_days: n[13],
            visa_appeal_days: n[14],
            letter_deemed_delivered_days: n[15],
            public_notice_days: n[16],
            ..DeadlineRules::default()
        })
        .prop_filter("rules must validate", |r| r.validate().is_ok())
}

/// The day the rule names before any move: the event day plus (or, before expiry, minus)
/// the rule's days.
fn nominal_last_day(basis: Basis, day: Date) -> Date {
    match basis {
        Basis::Days(n) => plus(day, i64::from(n)),
        Basis::LastDayOfValidity { .. } => day,
        Basis::DaysBeforeExpiry { days, .. } => plus(day, -i64::from(days)),
        Basis::WindowBeforeExpiry { latest, .. } => plus(day, -i64::from(latest)),
        Basis::WorkingDays(_) | Basis::AtOnce => day,
    }
}

fn working_days_between(after: Date, up_to: Date) -> u32 {
    let mut n = 0;
    let mut d = after;
    while d < up_to {
        d = d.tomorrow().unwrap();
        if is_working_day(d) {
            n += 1;
        }
    }
    n
}

/// Checks one obligation against its basis:
/// - "N working days": the deadline is a working day with exactly N working days after the
///   event day up to it (for N = 0, the event day itself);
/// - "N days" (moves forward, Act 500/2004 § 40): the deadline is a working day, on or after
///   event + N, and every day from event + N up to it is not a working day (the nearest);
/// - last day of validity and the other before-expiry rules (move back, domain.md §5): the
///   deadline is a working day, on or before the nominal last day, and every day after it
///   up to the nominal last day is not a working day (the nearest);
/// - "at once": the event day itself, whatever day it is (no move);
/// - everywhere: `earliest ≤ deadline`.
fn check(basis: Basis, day: Date, earliest: Option<Date>, deadline: Date) -> Result<(), String> {
    if let Some(e) = earliest
        && e > deadline
    {
        return Err(format!("earliest {e} after deadline {deadline}"));
    }
    let nominal = nominal_last_day(basis, day);
    match basis {
        Basis::WorkingDays(n) => {
            if n > 0 && !is_working_day(deadline) {
                return Err(format!("{deadline} is not a working day"));
            }
            let counted = working_days_between(day, deadline);
            if counted != n {
                return Err(format!("{counted} working days up to {deadline}, not {n}"));
            }
        }
        Basis::Days(_) => {
            if !is_working_day(deadline) || deadline < nominal {
                return Err(format!(
                    "{deadline} is not the next working day of {nominal}"
                ));
            }
            let mut d = nominal;
            while d < deadline {
                if is_working_day(d) {
                    return Err(format!("skipped working day {d}"));
                }
                d = d.tomorrow().unwrap();
            }
        }
        Basis::LastDayOfValidity { .. }
        | Basis::DaysBeforeExpiry { .. }
        | Basis::WindowBeforeExpiry { .. } => {
            if !is_working_day(deadline) || deadline > nominal {
                return Err(format!(
                    "{deadline} is not the previous working day of {nominal}"
                ));
            }
            let mut d = nominal;
            while d > deadline {
                if is_working_day(d) {
                    return Err(format!("skipped working day {d}"));
                }
                d = d.yesterday().unwrap();
            }
        }
        Basis::AtOnce => {
            if deadline != day {
                return Err(format!("at once is {deadline}, not the event day {day}"));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    // domain.md §5, api.md "Deadline arithmetic", with the sources' defaults.
    #[test]
    fn every_deadline_follows_its_rule_with_the_default_rules(input in any_input()) {
        let list = obligations(&input, &DeadlineRules::default()).unwrap();
        prop_assert!(!list.is_empty());
        for o in &list {
            if let Err(e) = check(o.basis, input.date, o.earliest, o.deadline) {
                prop_assert!(false, "{} {}: {}", input.event, input.date, e);
            }
        }
        // Listed in the order they fall due.
        prop_assert!(list.windows(2).all(|w| w[0].deadline <= w[1].deadline));
    }

    // The same for any configuration that validates: no panic, no `earliest > deadline`.
    #[test]
    fn every_deadline_follows_its_rule_with_any_valid_rules(
        input in any_input(),
        rules in any_rules(),
    ) {
        for o in obligations(&input, &rules).unwrap() {
            if let Err(e) = check(o.basis, input.date, o.earliest, o.deadline) {
                prop_assert!(false, "{} {}: {}", input.event, input.date, e);
            }
        }
    }

    // Never a panic, whatever the date (the calendar's whole range) and options.
    #[test]
    fn any_input_gives_obligations_or_a_coded_error(
        event in any_event(),
        days in -3_000_000i64..2_900_000,
        stay in proptest::option::of(prop_oneof![Just(StayKind::LongTerm), Just(StayKind::Permanent)]),
        collect in any::<bool>(),
    ) {
        let day = plus(date(2000, 1, 1), days);
        let input = EventInput { event, date: day, stay, visa_to_collect_permit: collect };
        match obligations(&input, &DeadlineRules::default()) {
            Ok(list) => prop_assert!(!list.is_empty()),
            Err(e) => prop_assert!(!e.code().is_empty()),
        }
    }
}

// ─── Schengen 90/180 ────────────────────────────────────────────────────────────────────

const BASE: Date = date(2025, 1, 1);
/// Days covered by the oracle's bitmap from BASE: histories and plans stay well inside.
const SPAN: usize = 2000;

fn offset(d: Date) -> i64 {
    i64::from(BASE.until(d).unwrap().get_days())
}

/// A history of up to 12 stays from BASE: each starts `gap` days after the previous exit
/// (0 = the same day, a day-trip out) and lasts 1–60 days.
fn any_history() -> impl Strategy<Value = Vec<Stay>> {
    proptest::collection::vec((0i64..150, 1i64..=60), 0..12).prop_map(|parts| {
        let mut stays = Vec::new();
        let mut next = 0i64;
        for (gap, len) in parts {
            let entry = next + gap;
            let exit = entry + len - 1;
            stays.push(Stay::new(plus(BASE, entry), plus(BASE, exit)).unwrap());
            next = exit;
        }
        stays
    })
}

/// Days of presence as a bitmap indexed by offset from BASE.
fn presence(stays: &[Stay]) -> Vec<bool> {
    let mut days = vec![false; SPAN];
    for s in stays {
        for i in offset(s.entry())..=offset(s.exit()) {
            days[usize::try_from(i).unwrap()] = true;
        }
    }
    days
}

/// Days of presence in the 180-day window ending on offset `end`, counted one by one.
fn naive_window(days: &[bool], end: i64) -> u32 {
    (end - 179..=end)
        .filter(|&i| i >= 0 && days.get(i as usize).copied().unwrap_or(false))
        .count() as u32
}

/// Whether every 180-day window that contains a day of `[from, to]` holds at most 90 days.
fn naive_legal(days: &[bool], from: i64, to: i64) -> bool {
    (from..=to + 179).all(|end| naive_window(days, end) <= 90)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn days_used_is_the_naive_count_and_never_exceeds_180_or_the_stay_days(
        history in any_history(),
        on in 0i64..1900,
    ) {
        let stays = Stays::new(history.clone()).unwrap();
        let used = days_used(&stays, plus(BASE, on));
        let days = presence(&history);
        prop_assert_eq!(used, naive_window(&days, on));
        prop_assert!(used <= 180);
        let stay_days: u32 = history.iter().map(Stay::days).sum();
        prop_assert!(used <= stay_days);
    }

    #[test]
    fn adding_a_stay_never_decreases_days_used(
        history in any_history(),
        keep in 0usize..12,
        on in 0i64..1900,
    ) {
        let keep = keep.min(history.len());
        let fewer = Stays::new(history[..keep].to_vec()).unwrap();
        let more = Stays::new(history.clone()).unwrap();
        let on = plus(BASE, on);
        prop_assert!(days_used(&fewer, on) <= days_used(&more, on));
    }

    // api.md: the last day of a stay beginning on plan_entry that keeps every 180-day window
    // at ≤ 90 days. The answer's stay is legal and one more day is not (it would break a
    // window, or run into a later stay).
    #[test]
    fn latest_exit_is_legal_and_one_more_day_is_not(
        history in any_history(),
        plan in 0i64..1500,
    ) {
        let stays = Stays::new(history.clone()).unwrap();
        let plan_entry = plus(BASE, plan);
        match latest_exit(&stays, plan_entry) {
            Ok(exit) => {
                let x = offset(exit);
                prop_assert!(x >= plan);
                let with = stays.with(Stay::new(plan_entry, exit).unwrap());
                prop_assert!(with.is_ok(), "the answer overlaps the history");
                let mut days = presence(&history);
                for i in plan..=x {
                    days[i as usize] = true;
                }
                prop_assert!(naive_legal(&days, plan, x), "the answer breaks 90/180");
                let longer = stays.with(Stay::new(plan_entry, plus(exit, 1)).unwrap());
                if longer.is_ok() {
                    days[(x + 1) as usize] = true;
                    prop_assert!(!naive_legal(&days, plan, x + 1), "one more day was possible");
                }
            }
            Err(SchengenError::NoDaysLeft) => {
                let mut days = presence(&history);
                days[plan as usize] = true;
                prop_assert!(!naive_legal(&days, plan, plan), "a one-day stay was possible");
            }
            Err(SchengenError::OverlappingStays) => {
                prop_assert!(history.iter().any(|s| s.entry() <= plan_entry && plan_entry < s.exit()));
            }
            Err(e) => prop_assert!(false, "unexpected {e}"),
        }
    }
}
