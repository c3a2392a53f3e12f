//! Every user-facing string comes from the Fluent files in `locales/` (cs, en, uk, ru, vi).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use termin_domain::Language;

fluent_templates::static_loader! {
    pub static LOCALES = {
        locales: "../../locales",
        fallback_language: "en",
        // Without this, every placeable is wrapped in invisible U+2068/U+2069 (stack.md).
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<HashMap<Language, LanguageIdentifier>> = LazyLock::new(|| {
    Language::ALL
        .iter()
        .map(|l| (*l, l.as_str().parse().expect("language tags are valid")))
        .collect()
});

fn id(lang: Language) -> &'static LanguageIdentifier {
    &IDS[&lang]
}

/// The message `key` in `lang`.
pub fn t(lang: Language, key: &str) -> String {
    LOCALES.lookup(id(lang), key)
}

/// The message `key` in `lang` with arguments.
pub fn t_args(lang: Language, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (Cow::Owned((*k).to_string()), v.clone()))
        .collect();
    LOCALES.lookup_with_args(id(lang), key, &map)
}

/// Does `lang` itself (not the fallback) define `key`, a message without variables?
pub fn has(lang: Language, key: &str) -> bool {
    LOCALES
        .lookup_single_language::<&str>(id(lang), key, None)
        .is_ok()
}

/// The best of our languages for an `Accept-Language` header, if any fits.
pub fn negotiate(accept_language: &str) -> Option<Language> {
    let mut ranges: Vec<(f32, usize, Language)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            let lang = Language::parse(&primary).ok()?;
            (q > 0.0).then_some((q, i, lang))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges.first().map(|r| r.2)
}

fn weekday_number(w: Weekday) -> i8 {
    w.to_monday_one_offset()
}

/// "pondělí 30. března 2026" / "Monday 30 March 2026": month and weekday names per language.
pub fn long_date(lang: Language, date: Date) -> String {
    t_args(
        lang,
        "date-long",
        &[
            (
                "weekday",
                t(lang, &format!("weekday-{}", weekday_number(date.weekday()))).into(),
            ),
            ("day", date.day().into()),
            (
                "month",
                t(lang, &format!("month-genitive-{}", date.month())).into(),
            ),
            ("year", date.year().into()),
        ],
    )
}

/// "30. 3. 2026" style short date.
pub fn short_date(lang: Language, date: Date) -> String {
    t_args(
        lang,
        "date-short",
        &[
            ("day", date.day().into()),
            ("month", date.month().into()),
            ("year", date.year().into()),
        ],
    )
}

/// Local clock time in Prague, "08:30".
pub fn time_of(ts: Timestamp) -> String {
    let local = ts.to_zoned(termin_domain::time::prague());
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// Date and time of an instant in Prague.
pub fn date_time(lang: Language, ts: Timestamp) -> String {
    let local = ts.to_zoned(termin_domain::time::prague());
    t_args(
        lang,
        "date-time",
        &[
            ("date", long_date(lang, local.date()).into()),
            ("time", time_of(ts).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_quality_then_order() {
        assert_eq!(negotiate("uk-UA,uk;q=0.9,en;q=0.8"), Some(Language::Uk));
        assert_eq!(negotiate("de-DE,en;q=0.5,cs;q=0.7"), Some(Language::Cs));
        assert_eq!(negotiate("de, fr"), None);
        assert_eq!(negotiate("vi;q=0, ru"), Some(Language::Ru));
    }

    #[test]
    fn czech_dates_use_genitive_month_names() {
        let d = Date::new(2026, 3, 30).unwrap();
        assert_eq!(long_date(Language::Cs, d), "pondělí 30. března 2026");
        assert_eq!(long_date(Language::En, d), "Monday 30 March 2026");
        assert_eq!(
            long_date(Language::Uk, d),
            "понеділок, 30 березня 2026\u{a0}р."
        );
        assert_eq!(
            long_date(Language::Ru, d),
            "понедельник, 30 марта 2026\u{a0}г."
        );
        assert_eq!(
            long_date(Language::Vi, d),
            "Thứ Hai, ngày 30 tháng 3 năm 2026"
        );
    }
}
