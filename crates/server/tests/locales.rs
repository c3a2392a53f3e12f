//! Every message exists in Czech and English with the same variables, and every error code of
//! the API has its message.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// message id → variables used, for every `.ftl` file of one language.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(lang);
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for entry in std::fs::read_dir(&dir).expect("locale folder") {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() && current.is_none() {
                continue;
            }
            if let Some((id, _)) = line.split_once(" =")
                && !line.starts_with(' ')
                && !id.contains(' ')
            {
                current = Some(id.to_string());
                out.entry(id.to_string()).or_insert_with(BTreeSet::new);
            }
            if let Some(id) = &current {
                let vars = out.get_mut(id).unwrap();
                let mut rest = line;
                while let Some(at) = rest.find("{ $") {
                    let name: String = rest[at + 3..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                    rest = &rest[at + 3..];
                }
            }
        }
    }
    out
}

#[test]
fn czech_and_english_have_the_same_messages_with_the_same_variables() {
    let cs = messages("cs");
    let en = messages("en");
    let only_cs: Vec<_> = cs.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !cs.contains_key(*k)).collect();
    assert!(only_cs.is_empty(), "only in cs: {only_cs:?}");
    assert!(only_en.is_empty(), "only in en: {only_en:?}");
    for (id, vars) in &cs {
        assert_eq!(vars, &en[id], "variables of {id}");
    }
}

#[test]
fn every_api_error_code_has_a_message_in_czech_and_english() {
    use termin_server::error::AppError;
    let all = [
        AppError::BadRequest,
        AppError::PayloadTooLarge,
        AppError::NotFound,
        AppError::Unauthenticated,
        AppError::Forbidden,
        AppError::EmailTaken,
        AppError::InvalidEmail,
        AppError::WeakPassword,
        AppError::InvalidInput(vec![]),
        AppError::InvalidToken,
        AppError::InvalidCredentials,
        AppError::TooManyAttempts {
            retry_after_secs: 60,
        },
        AppError::NotAChild,
        AppError::EmailNotVerified,
        AppError::BookingBlocked {
            until: jiff::Timestamp::UNIX_EPOCH,
            no_shows: 3,
            window_days: 180,
        },
        AppError::NoSuchSlot,
        AppError::SlotFull,
        AppError::AlreadyBooked,
        AppError::VisitTypeNotOffered,
        AppError::SlotInPast,
        AppError::NotYourPerson,
        AppError::RangeTooLong,
        AppError::CancellationTooLate { notice_hours: 24 },
        AppError::CancellationLimitReached {
            retry_after: jiff::Timestamp::UNIX_EPOCH,
            limit: 10,
            window_days: 90,
        },
        AppError::NotCancellable,
        AppError::ClockBackwards,
        AppError::UnknownPin,
        AppError::TooEarly {
            opens_at: jiff::Timestamp::UNIX_EPOCH,
        },
        AppError::TooLate {
            closes_after_minutes: 15,
        },
        AppError::AlreadyCheckedIn,
        AppError::InvalidTransition,
        AppError::WalkInNotAccepted,
        AppError::WalkInClosed,
        AppError::IdempotencyKeyReused,
        AppError::Deadline("unknown-event"),
        AppError::Deadline("missing-stay"),
        AppError::Schengen("no-days-left"),
        AppError::Schengen("overlapping-stays"),
        AppError::Unavailable,
        AppError::Internal,
    ];
    let (cs, en) = (termin_domain::Language::Cs, termin_domain::Language::En);
    for error in &all {
        let (czech, english) = (error.message(cs), error.message(en));
        // A Czech text equal to the English one would be the fallback: the key is missing.
        assert_ne!(czech, english, "error-{} has no Czech text", error.code());
        assert!(
            !english.starts_with("error-") && !english.contains('{'),
            "{english}"
        );
    }
}
