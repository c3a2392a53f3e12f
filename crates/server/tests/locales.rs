//! Every message exists in all five languages with the same variables, every page is shown in
//! the reader's own language, and every error code of the API has its message.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LANGUAGES: [&str; 5] = ["cs", "en", "uk", "ru", "vi"];

fn locale_dir(lang: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(lang)
}

/// The `.ftl` files of one language.
fn files(lang: &str) -> BTreeSet<String> {
    std::fs::read_dir(locale_dir(lang))
        .expect("locale folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ftl"))
        .collect()
}

/// message id → variables used, for every `.ftl` file of one language.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = locale_dir(lang);
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
fn every_language_has_every_message_with_the_same_variables() {
    let en = messages("en");
    for lang in LANGUAGES {
        assert_eq!(files(lang), files("en"), "files of {lang}");
        let other = messages(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
        assert!(extra.is_empty(), "only in {lang}: {extra:?}");
        for (id, vars) in &other {
            assert_eq!(vars, &en[id], "variables of {id} in {lang}");
        }
    }
}

#[test]
fn every_language_shows_pages_in_itself_not_the_fallback() {
    use termin_domain::Language;
    for lang in Language::ALL {
        // A message that exists only in English would come back in English here.
        assert!(termin_server::i18n::has(lang, "site-name"), "{lang:?}");
        let date = jiff::civil::date(2026, 3, 30);
        let text = termin_server::i18n::long_date(lang, date);
        assert!(
            text.contains("30") && text.contains("2026"),
            "{lang:?}: {text}"
        );
    }
}

#[test]
fn every_api_error_code_has_a_message_in_every_language() {
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
        AppError::PickupAtOtherOffice,
        AppError::Deadline("unknown-event"),
        AppError::Deadline("missing-stay"),
        AppError::Schengen("no-days-left"),
        AppError::Schengen("overlapping-stays"),
        AppError::Unavailable,
        AppError::Internal,
    ];
    use termin_domain::Language;
    for error in &all {
        let english = error.message(Language::En);
        for lang in [Language::Cs, Language::Uk, Language::Ru, Language::Vi] {
            // A text equal to the English one would be the fallback: the key is missing.
            assert_ne!(
                error.message(lang),
                english,
                "error-{} has no {lang:?} text",
                error.code()
            );
        }
        assert!(
            !english.starts_with("error-") && !english.contains('{'),
            "{english}"
        );
    }
}
