//! Dated cases of the deadline engine (domain.md §5; api.md "Deadline arithmetic"),
//! 2025–2028. Every expected date was worked out by hand from the rules and the calendar,
//! never by calling the code under test; the reasoning is next to each row.
//!
//! The Czech public holidays of these years (domain.md §5), with their weekdays:
//! - 2025: 1 Jan We · Good Friday 18 Apr · Easter Monday 21 Apr · 1 May Th · 8 May Th ·
//!   5 Jul Sa · 6 Jul Su · 28 Sep Su · 28 Oct Tu · 17 Nov Mo · 24–26 Dec We–Fr
//! - 2026: 1 Jan Th · GF 3 Apr · EM 6 Apr · 1 May Fr · 8 May Fr · 5 Jul Su · 6 Jul Mo ·
//!   28 Sep Mo · 28 Oct We · 17 Nov Tu · 24–26 Dec Th–Sa
//! - 2027: 1 Jan Fr · GF 26 Mar · EM 29 Mar · 1 May Sa · 8 May Sa · 5 Jul Mo · 6 Jul Tu ·
//!   28 Sep Tu · 28 Oct Th · 17 Nov We · 24–26 Dec Fr–Su
//! - 2028 (leap year): 1 Jan Sa · GF 14 Apr · EM 17 Apr · 1 May Mo · 8 May Mo · 5 Jul We ·
//!   6 Jul Th · 28 Sep Th · 28 Oct Sa · 17 Nov Fr · 24–26 Dec Su–Tu
//!
//! Summer time starts on 29 Mar 2026 and ends on 25 Oct 2026; deadlines are civil dates, so
//! the rows on those days must come out exactly like any other Sunday.
//!
//! Day-of-year arithmetic used below ("day N"): cumulative month ends in a common year are
//! Jan 31, Feb 59, Mar 90, Apr 120, May 151, Jun 181, Jul 212, Aug 243, Sep 273, Oct 304,
//! Nov 334, Dec 365; in 2028 add 1 from March on.

use jiff::civil::Date;
use termin_domain::Authority;
use termin_domain::deadlines::{
    DeadlineRules, Event, EventInput, ExtensionWindow, StayKind, obligations,
};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// Which variant of the input / rules a row uses.
#[derive(Clone, Copy)]
enum Opt {
    None,
    CollectPermit,
    LongTerm,
    Permanent,
    Rule2011,
}

struct Row {
    event: &'static str,
    date: &'static str,
    opt: Opt,
    id: &'static str,
    earliest: Option<&'static str>,
    deadline: &'static str,
    basis: &'static str,
}

const fn row(
    event: &'static str,
    date: &'static str,
    id: &'static str,
    deadline: &'static str,
    basis: &'static str,
) -> Row {
    Row {
        event,
        date,
        opt: Opt::None,
        id,
        earliest: None,
        deadline,
        basis,
    }
}

const fn window(
    event: &'static str,
    date: &'static str,
    id: &'static str,
    earliest: &'static str,
    deadline: &'static str,
    basis: &'static str,
) -> Row {
    Row {
        event,
        date,
        opt: Opt::None,
        id,
        earliest: Some(earliest),
        deadline,
        basis,
    }
}

impl Row {
    const fn with(self, opt: Opt) -> Row {
        Row { opt, ..self }
    }
}

const W3: &str = "3-working-days";
const LAST: &str = "last-day-of-validity";

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // ── arrival: register with the Foreign Police, 3 working days after the day of entry ──
    // Wed 16 Apr 2025: Thu 17 (1), Good Friday 18, weekend, Easter Monday 21, Tue 22 (2), Wed 23 (3).
    row("arrival", "2025-04-16", "police-registration", "2025-04-23", W3),
    // Thu 2 Apr 2026: GF 3, weekend, EM 6, Tue 7 (1), Wed 8 (2), Thu 9 (3).
    row("arrival", "2026-04-02", "police-registration", "2026-04-09", W3),
    // Thu 25 Mar 2027: GF 26, weekend, EM 29, Tue 30 (1), Wed 31 (2), Thu 1 Apr (3).
    row("arrival", "2027-03-25", "police-registration", "2027-04-01", W3),
    // Thu 13 Apr 2028: GF 14, weekend, EM 17, Tue 18 (1), Wed 19 (2), Thu 20 (3).
    row("arrival", "2028-04-13", "police-registration", "2028-04-20", W3),
    // Fri 27 Mar 2026, summer time starts Sun 29: Mon 30 (1), Tue 31 (2), Wed 1 Apr (3).
    row("arrival", "2026-03-27", "police-registration", "2026-04-01", W3),
    // Fri 23 Oct 2026, summer time ends Sun 25: Mon 26 (1), Tue 27 (2), Wed 28 holiday, Thu 29 (3).
    row("arrival", "2026-10-23", "police-registration", "2026-10-29", W3),
    // Fri 26 Sep 2025: 28 Sep is a Sunday anyway; Mon 29 (1), Tue 30 (2), Wed 1 Oct (3).
    row("arrival", "2025-09-26", "police-registration", "2025-10-01", W3),
    // Fri 25 Sep 2026: Mon 28 Sep holiday; Tue 29 (1), Wed 30 (2), Thu 1 Oct (3).
    row("arrival", "2026-09-25", "police-registration", "2026-10-01", W3),
    // Mon 28 Feb 2028: Tue 29 Feb (1, leap day), Wed 1 Mar (2), Thu 2 Mar (3).
    row("arrival", "2028-02-28", "police-registration", "2028-03-02", W3),
    // Fri 2 Jul 2027: Mon 5 and Tue 6 Jul holidays; Wed 7 (1), Thu 8 (2), Fri 9 (3).
    row("arrival", "2027-07-02", "police-registration", "2027-07-09", W3),
    // Fri 27 Oct 2028: Sat 28 Oct (holiday on a Saturday), Sun; Mon 30 (1), Tue 31 (2), Wed 1 Nov (3).
    row("arrival", "2028-10-27", "police-registration", "2028-11-01", W3),
    // Wed 31 Dec 2025: Thu 1 Jan holiday; Fri 2 (1), Mon 5 (2), Tue 6 (3).
    row("arrival", "2025-12-31", "police-registration", "2026-01-06", W3),
    // Visa granted to collect a permit, Wed 23 Dec 2026: 24–26 holidays (26 a Saturday), Sun 27;
    // Mon 28 (1), Tue 29 (2), Wed 30 (3).
    row("arrival", "2026-12-23", "biometrics-after-arrival", "2026-12-30", W3).with(Opt::CollectPermit),

    // ── visa-expiry: from 120 days before to the last day, which moves BACK to a working day ──
    // Easter Monday 6 Apr 2026 → Sun 5, Sat 4, GF 3 → Thu 2 Apr. Earliest: day 96 − 120 = −24
    // → 2025 day 341 = 7 Dec 2025.
    window("visa-expiry", "2026-04-06", "apply-long-term-residence", "2025-12-07", "2026-04-02", LAST),
    // Sun 26 Dec 2027 → Sat 25, Fri 24 (both holidays) → Thu 23 Dec. Earliest: day 360 − 120 =
    // 240 = 28 Aug 2027.
    window("visa-expiry", "2027-12-26", "apply-long-term-residence", "2027-08-28", "2027-12-23", LAST),
    // Tue 29 Feb 2028 is a working day. Earliest: day 60 − 120 = −60 → 2027 day 305 = 1 Nov 2027.
    window("visa-expiry", "2028-02-29", "apply-long-term-residence", "2027-11-01", "2028-02-29", LAST),
    // Mon 17 Nov 2025 (holiday) → Fri 14 Nov. Earliest: day 321 − 120 = 201 = 20 Jul 2025.
    window("visa-expiry", "2025-11-17", "apply-long-term-residence", "2025-07-20", "2025-11-14", LAST),
    // Tue 26 Dec 2028 (holiday) → Mon 25 holiday, Sun 24, Sat 23 → Fri 22 Dec. Earliest: leap
    // day 361 − 120 = 241 = 28 Aug 2028.
    window("visa-expiry", "2028-12-26", "apply-long-term-residence", "2028-08-28", "2028-12-22", LAST),

    // ── permit-expiry: the same rule for the extension ──
    // Fri 26 Dec 2025 (holiday) → 25, 24 holidays → Tue 23 Dec. Earliest: day 360 − 120 = 240 =
    // 28 Aug 2025.
    window("permit-expiry", "2025-12-26", "apply-extension", "2025-08-28", "2025-12-23", LAST),
    // Sun 29 Mar 2026 (summer time starts) → Fri 27 Mar. Earliest: day 88 − 120 = −32 → 2025
    // day 333 = 29 Nov 2025.
    window("permit-expiry", "2026-03-29", "apply-extension", "2025-11-29", "2026-03-27", LAST),
    // Sun 25 Oct 2026 (summer time ends) → Fri 23 Oct. Earliest: day 298 − 120 = 178 = 27 Jun.
    window("permit-expiry", "2026-10-25", "apply-extension", "2026-06-27", "2026-10-23", LAST),
    // Easter Monday 29 Mar 2027 → Sun, Sat, GF 26 → Thu 25 Mar. Earliest: day 88 − 120 → 2026
    // day 333 = 29 Nov 2026.
    window("permit-expiry", "2027-03-29", "apply-extension", "2026-11-29", "2027-03-25", LAST),
    // Thu 28 Sep 2028 (holiday) → Wed 27 Sep. Earliest: leap day 272 − 120 = 152 = 31 May 2028.
    window("permit-expiry", "2028-09-28", "apply-extension", "2028-05-31", "2028-09-27", LAST),
    // Wed 1 Mar 2028. Earliest: leap day 61 − 120 = −59 → 2027 day 306 = 2 Nov 2027 (the
    // window crosses 29 Feb).
    window("permit-expiry", "2028-03-01", "apply-extension", "2027-11-02", "2028-03-01", LAST),
    // The 2011 rule (S3), Mon 20 Apr 2026: 90 days before = day 110 − 90 = 20 = 20 Jan; 14 days
    // before = Easter Monday 6 Apr → Sun, Sat, GF 3 → Thu 2 Apr.
    window("permit-expiry", "2026-04-20", "apply-extension", "2026-01-20", "2026-04-02", "90-to-14-days-before-expiry").with(Opt::Rule2011),

    // ── employee-card-expiry: at least 30 days before; earliest 120 days before ──
    // Sun 31 May 2026: −30 = Fri 1 May (holiday) → Thu 30 Apr. Earliest: day 151 − 120 = 31 =
    // 31 Jan 2026.
    window("employee-card-expiry", "2026-05-31", "apply-extension", "2026-01-31", "2026-04-30", "30-days-before-expiry"),
    // Mon 25 Jan 2027: −30 = Sat 26 Dec 2026 → 25, 24 holidays → Wed 23 Dec 2026. Earliest:
    // day 25 − 120 = −95 → 2026 day 270 = 27 Sep 2026.
    window("employee-card-expiry", "2027-01-25", "apply-extension", "2026-09-27", "2026-12-23", "30-days-before-expiry"),
    // Thu 30 Mar 2028 (leap day 90): −30 = day 60 = Tue 29 Feb, a working day. Earliest:
    // 90 − 120 = −30 → 2027 day 335 = 1 Dec 2027.
    window("employee-card-expiry", "2028-03-30", "apply-extension", "2027-12-01", "2028-02-29", "30-days-before-expiry"),

    // ── permanent-card-expiry: within 90 days before expiry ──
    // Sat 8 May 2027 (also a holiday) → Fri 7 May. Earliest: day 128 − 90 = 38 = 7 Feb 2027.
    window("permanent-card-expiry", "2027-05-08", "apply-new-card", "2027-02-07", "2027-05-07", LAST),
    // Sun 6 Jul 2025 → Sat 5 (holiday) → Fri 4 Jul. Earliest: day 187 − 90 = 97 = 7 Apr 2025.
    window("permanent-card-expiry", "2025-07-06", "apply-new-card", "2025-04-07", "2025-07-04", LAST),

    // ── biometrics-captured: collect the card within 60 days; last day moves FORWARD ──
    // Wed 29 Oct 2025 + 60 = Sun 28 Dec → Mon 29 Dec.
    row("biometrics-captured", "2025-10-29", "card-pickup", "2025-12-29", "60-days"),
    // Wed 4 Feb 2026 (day 35) + 60 = day 95 = Easter Sunday 5 Apr → EM 6 → Tue 7 Apr.
    row("biometrics-captured", "2026-02-04", "card-pickup", "2026-04-07", "60-days"),
    // Mon 14 Feb 2028 (day 45) + 60 = leap day 105 = Good Friday 14 Apr → weekend, EM 17 → Tue 18.
    row("biometrics-captured", "2028-02-14", "card-pickup", "2028-04-18", "60-days"),
    // Fri 30 Jul 2027 (day 211) + 60 = day 271 = Tue 28 Sep (holiday) → Wed 29 Sep.
    row("biometrics-captured", "2027-07-30", "card-pickup", "2027-09-29", "60-days"),

    // ── name, marital status, card data: 3 working days ──
    // Tue 23 Dec 2025: 24–26 holidays, weekend; Mon 29 (1), Tue 30 (2), Wed 31 (3).
    row("name-change", "2025-12-23", "report-change", "2025-12-31", W3),
    // Mon 16 Nov 2026: Tue 17 holiday; Wed 18 (1), Thu 19 (2), Fri 20 (3).
    row("marital-status-change", "2026-11-16", "report-change", "2026-11-20", W3),
    // Wed 15 Nov 2028: Thu 16 (1), Fri 17 holiday, weekend, Mon 20 (2), Tue 21 (3).
    row("card-data-change", "2028-11-15", "report-change", "2028-11-21", W3),

    // ── new-passport: 3 (calendar) days; last day moves forward ──
    // Wed 22 Dec 2027 + 3 = Sat 25 (holiday) → Sun 26 (holiday) → Mon 27 Dec.
    row("new-passport", "2027-12-22", "report-change", "2027-12-27", "3-days"),
    // Tue 28 Apr 2026 + 3 = Fri 1 May (holiday) → weekend → Mon 4 May.
    row("new-passport", "2026-04-28", "report-change", "2026-05-04", "3-days"),
    // Sat 26 Feb 2028 + 3 = Tue 29 Feb, a working day.
    row("new-passport", "2028-02-26", "report-change", "2028-02-29", "3-days"),

    // ── address-change ──
    // Long-term, Fri 27 Nov 2026 + 30 = Sun 27 Dec → Mon 28 Dec.
    row("address-change", "2026-11-27", "report-address-change", "2026-12-28", "30-days").with(Opt::LongTerm),
    // Long-term, Wed 19 Mar 2025 + 30 = GF 18 Apr → weekend, EM 21 → Tue 22 Apr.
    row("address-change", "2025-03-19", "report-address-change", "2025-04-22", "30-days").with(Opt::LongTerm),
    // Permanent, Tue 1 Dec 2026, 30 working days: Dec 2–4 (3), 7–11 (8), 14–18 (13), 21–23 (16),
    // 24–25 holidays, 28–31 (20), 1 Jan holiday, Jan 4–8 (25), 11–15 (30) → Fri 15 Jan 2027.
    row("address-change", "2026-12-01", "report-address-change", "2027-01-15", "30-working-days").with(Opt::Permanent),
    // Permanent, Mon 10 Apr 2028: Apr 11–13 (3), GF 14, EM 17, 18–21 (7), 24–28 (12), Mon 1 May
    // holiday, 2–5 (16), Mon 8 May holiday, 9–12 (20), 15–19 (25), 22–26 (30) → Fri 26 May.
    row("address-change", "2028-04-10", "report-address-change", "2028-05-26", "30-working-days").with(Opt::Permanent),

    // ── lost-document: the police at once, OAMP 3 working days ──
    row("lost-document", "2027-12-23", "report-loss-to-police", "2027-12-23", "at-once"),
    // Thu 23 Dec 2027: Fri 24 holiday, weekend (25, 26); Mon 27 (1), Tue 28 (2), Wed 29 (3).
    row("lost-document", "2027-12-23", "report-lost-document", "2027-12-29", W3),
    // Fri 22 Dec 2028: weekend, Mon 25 and Tue 26 holidays; Wed 27 (1), Thu 28 (2), Fri 29 (3).
    row("lost-document", "2028-12-22", "report-lost-document", "2028-12-29", W3),

    // ── child-born: 60 days ──
    // Sat 1 Jan 2028 (day 1) + 60 = leap day 61 = Wed 1 Mar.
    row("child-born", "2028-01-01", "apply-child-residence", "2028-03-01", "60-days"),
    // Sat 25 Oct 2025 + 60 = Wed 24 Dec (holiday) → 25, 26 holidays, weekend → Mon 29 Dec.
    row("child-born", "2025-10-25", "apply-child-residence", "2025-12-29", "60-days"),

    // ── visa-refused: 15 days from the notice ──
    // Sun 13 Sep 2026 + 15 = Mon 28 Sep (holiday) → Tue 29 Sep.
    row("visa-refused", "2026-09-13", "appeal-visa-refusal", "2026-09-29", "15-days"),
    // Fri 10 Dec 2027 + 15 = Sat 25 Dec → Sun 26 → Mon 27 Dec.
    row("visa-refused", "2027-12-10", "appeal-visa-refusal", "2027-12-27", "15-days"),
    // Sat 10 Oct 2026 + 15 = Sun 25 Oct (summer time ends) → Mon 26 Oct.
    row("visa-refused", "2026-10-10", "appeal-visa-refusal", "2026-10-26", "15-days"),

    // ── letter-deposited: deemed delivered after 10 days (Act 500/2004 § 24, shifted by § 40) ──
    // Mon 15 Dec 2025 + 10 = Thu 25 Dec (holiday) → Fri 26 holiday, weekend → Mon 29 Dec.
    row("letter-deposited", "2025-12-15", "letter-delivered", "2025-12-29", "10-days"),
    // Thu 19 Mar 2026 + 10 = Sun 29 Mar (summer time starts) → Mon 30 Mar.
    row("letter-deposited", "2026-03-19", "letter-delivered", "2026-03-30", "10-days"),
    // Sun 7 Nov 2027 + 10 = Wed 17 Nov (holiday) → Thu 18 Nov.
    row("letter-deposited", "2027-11-07", "letter-delivered", "2027-11-18", "10-days"),
    // Notice on the office board, Fri 13 Oct 2028 + 15 = Sat 28 Oct (holiday) → Sun → Mon 30 Oct.
    row("notice-posted", "2028-10-13", "letter-delivered", "2028-10-30", "15-days"),
];

fn input(r: &Row) -> (EventInput, DeadlineRules) {
    let event = Event::parse(r.event).unwrap();
    let mut input = EventInput::new(event, d(r.date));
    let mut rules = DeadlineRules::default();
    match r.opt {
        Opt::None => {}
        Opt::CollectPermit => input = input.collecting_permit(),
        Opt::LongTerm => input = input.with_stay(StayKind::LongTerm),
        Opt::Permanent => input = input.with_stay(StayKind::Permanent),
        Opt::Rule2011 => rules.extension_window = ExtensionWindow::Rule2011,
    }
    (input, rules)
}

#[test]
fn every_dated_case_matches_the_hand_computed_deadline() {
    assert!(ROWS.len() >= 40, "the brief asks for at least 40 rows");
    let mut failures = Vec::new();
    for r in ROWS {
        let (input, rules) = input(r);
        let list = obligations(&input, &rules).unwrap();
        let Some(o) = list.iter().find(|o| o.id == r.id) else {
            failures.push(format!("{} {}: no obligation {}", r.event, r.date, r.id));
            continue;
        };
        let got = (o.earliest, o.deadline, o.basis.code());
        let want = (r.earliest.map(d), d(r.deadline), r.basis.to_owned());
        if got != want {
            failures.push(format!(
                "{} {} {}: got {got:?}, want {want:?}",
                r.event, r.date, r.id
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_rows_cover_every_event_and_every_required_obligation_id() {
    for e in Event::ALL {
        assert!(ROWS.iter().any(|r| r.event == e.as_str()), "no row for {e}");
    }
    // api.md "Obligation ids are stable; at least: …"
    for id in [
        "police-registration",
        "apply-long-term-residence",
        "apply-extension",
        "card-pickup",
        "report-change",
        "report-address-change",
        "report-lost-document",
        "apply-child-residence",
        "appeal-visa-refusal",
    ] {
        assert!(ROWS.iter().any(|r| r.id == id), "no row for {id}");
    }
}

/// Which obligations each event creates, and whom they are for (domain.md §1: the guidance
/// must always say which authority a step belongs to).
#[test]
fn each_event_creates_the_expected_obligations_with_their_authority() {
    use Authority::{Oamp, Police};
    let day = d("2026-06-10");
    let cases: &[(EventInput, &[(&str, Authority)])] = &[
        (
            EventInput::new(Event::Arrival, day),
            &[("police-registration", Police)],
        ),
        (
            EventInput::new(Event::Arrival, day).collecting_permit(),
            &[
                ("police-registration", Police),
                ("biometrics-after-arrival", Oamp),
            ],
        ),
        (
            EventInput::new(Event::VisaExpiry, day),
            &[("apply-long-term-residence", Oamp)],
        ),
        (
            EventInput::new(Event::PermitExpiry, day),
            &[("apply-extension", Oamp)],
        ),
        (
            EventInput::new(Event::EmployeeCardExpiry, day),
            &[("apply-extension", Oamp)],
        ),
        (
            EventInput::new(Event::PermanentCardExpiry, day),
            &[("apply-new-card", Oamp)],
        ),
        (
            EventInput::new(Event::BiometricsCaptured, day),
            &[("card-pickup", Oamp)],
        ),
        (
            EventInput::new(Event::NameChange, day),
            &[("report-change", Oamp)],
        ),
        (
            EventInput::new(Event::MaritalStatusChange, day),
            &[("report-change", Oamp)],
        ),
        (
            EventInput::new(Event::CardDataChange, day),
            &[("report-change", Oamp)],
        ),
        (
            EventInput::new(Event::NewPassport, day),
            &[("report-change", Oamp)],
        ),
        (
            EventInput::new(Event::AddressChange, day).with_stay(StayKind::LongTerm),
            &[("report-address-change", Oamp)],
        ),
        (
            EventInput::new(Event::AddressChange, day).with_stay(StayKind::Permanent),
            &[("report-address-change", Oamp)],
        ),
        (
            EventInput::new(Event::LostDocument, day),
            &[
                ("report-loss-to-police", Police),
                ("report-lost-document", Oamp),
            ],
        ),
        (
            EventInput::new(Event::ChildBorn, day),
            &[("apply-child-residence", Oamp)],
        ),
        (
            EventInput::new(Event::VisaRefused, day),
            &[("appeal-visa-refusal", Oamp)],
        ),
        (
            EventInput::new(Event::LetterDeposited, day),
            &[("letter-delivered", Oamp)],
        ),
        (
            EventInput::new(Event::NoticePosted, day),
            &[("letter-delivered", Oamp)],
        ),
    ];
    for (input, want) in cases {
        let got: Vec<(&str, Authority)> = obligations(input, &DeadlineRules::default())
            .unwrap()
            .into_iter()
            .map(|o| (o.id, o.authority))
            .collect();
        assert_eq!(&got, want, "{:?}", input.event);
    }
}

#[test]
fn the_visa_application_must_be_at_the_office_but_the_extension_may_be_posted() {
    let visa = obligations(
        &EventInput::new(Event::VisaExpiry, d("2026-06-10")),
        &DeadlineRules::default(),
    )
    .unwrap();
    assert_eq!(visa[0].note, Some("must-be-at-office-on-last-day"));
    assert!(!visa[0].representative_allowed);
    let permit = obligations(
        &EventInput::new(Event::PermitExpiry, d("2026-06-10")),
        &DeadlineRules::default(),
    )
    .unwrap();
    assert_eq!(permit[0].note, Some("posting-suffices"));
    assert!(permit[0].representative_allowed);
    assert_eq!(permit[0].visit_type, Some("long-term-residence-extension"));
}

#[test]
fn a_police_step_is_never_a_visit_to_book_here() {
    for e in Event::ALL {
        let mut input = EventInput::new(e, d("2027-12-24"));
        if e == Event::AddressChange {
            input = input.with_stay(StayKind::Permanent);
        }
        for o in obligations(&input, &DeadlineRules::default()).unwrap() {
            if o.authority == Authority::Police {
                assert_eq!(o.visit_type, None, "{}", o.id);
            }
        }
    }
}
