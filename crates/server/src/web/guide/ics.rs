//! A deadline as an iCalendar file (RFC 5545): one all-day event on the last day, with a
//! reminder the day before. Appointments have their own, timed events (`mail::ics`).

use jiff::Timestamp;
use jiff::civil::Date;
use termin_domain::Language;
use termin_domain::catalog::Authority;
use termin_domain::deadlines::Obligation;

use crate::i18n::{self, t, t_args};
use crate::mail::{fold, ics_text as text};
use crate::services::guidance::basis_text;

fn day(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// The calendar file of one obligation. `uid` names the question it answers (event, date,
/// obligation), so adding it twice updates the same event instead of making a second one.
pub fn deadline(o: &Obligation, uid: &str, lang: Language, now: Timestamp) -> String {
    let action = t(lang, &format!("obligation-{}", o.id));
    let authority = match o.authority {
        Authority::Oamp => "authority-oamp",
        Authority::Police => "authority-police",
    };
    let mut description = vec![
        t(lang, &format!("obligation-{}-detail", o.id)),
        basis_text(lang, &o.basis),
        t(lang, authority),
    ];
    if let Some(earliest) = o.earliest {
        description.push(t_args(
            lang,
            "guide-ics-earliest",
            &[("date", i18n::short_date(lang, earliest).into())],
        ));
    }
    if let Some(note) = o.note {
        description.push(t(lang, &format!("obligation-note-{note}")));
    }
    description.push(t(lang, "guidance-disclaimer"));
    let next_day = o.deadline.tomorrow().unwrap_or(o.deadline);
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Termin//OAMP reservations//EN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{uid}@termin"),
        format!("DTSTAMP:{}", now.strftime("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{}", day(o.deadline)),
        format!("DTEND;VALUE=DATE:{}", day(next_day)),
        format!(
            "SUMMARY:{}",
            text(&t_args(
                lang,
                "guide-ics-summary",
                &[("action", action.clone().into())]
            ))
        ),
        format!("DESCRIPTION:{}", text(&description.join("\n\n"))),
        "TRANSP:TRANSPARENT".into(),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        // 9:00 on the day before: an all-day event starts at midnight.
        "TRIGGER:-PT15H".into(),
        format!(
            "DESCRIPTION:{}",
            text(&t_args(
                lang,
                "guide-ics-reminder",
                &[("action", action.into())]
            ))
        ),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use termin_domain::deadlines::{DeadlineRules, Event, EventInput, obligations};

    #[test]
    fn a_deadline_is_an_all_day_event_with_a_reminder() {
        let list = obligations(
            &EventInput::new(Event::BiometricsCaptured, date(2026, 3, 2)),
            &DeadlineRules::default(),
        )
        .unwrap();
        let now: Timestamp = "2026-03-02T10:00:00Z".parse().unwrap();
        let ics = deadline(
            &list[0],
            "deadline-biometrics-captured-2026-03-02-card-pickup",
            Language::En,
            now,
        );
        // 2 March + 60 days = Friday 1 May, a holiday → Monday 4 May.
        assert!(ics.contains("DTSTART;VALUE=DATE:20260504\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20260505\r\n"));
        assert!(ics.contains("SUMMARY:Last day: Collect your residence card in person\r\n"));
        assert!(ics.contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15H\r\n"));
        assert!(ics.contains("UID:deadline-biometrics-captured-2026-03-02-card-pickup@termin"));
        assert!(ics.lines().all(|l| l.len() <= 75), "{ics}");
        assert!(!ics.contains("Unknown localization"));
        let czech = deadline(&list[0], "x", Language::Cs, now);
        assert!(!czech.contains("Unknown localization"));
    }
}
