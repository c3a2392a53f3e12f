//! Czech public holidays and working days (domain.md §5).
//!
//! "Working day" = Monday–Friday that is not a Czech public holiday. Every deadline in
//! working days (3 working days to register, to report a lost card, …) is computed here.
//!
//! The list is today's law (zákon č. 245/2000 Sb., Good Friday since 2016) applied to every
//! year: the system deals with present and future dates.

use jiff::civil::{Date, Weekday};

/// A Czech public holiday. `id` is stable and names the Fluent message with the Czech name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Holiday {
    pub date: Date,
    pub id: &'static str,
}

/// The fixed-date holidays (month, day, id); Good Friday and Easter Monday move with Easter.
// domain.md §5: 1 Jan, 1 May, 8 May, 5 Jul, 6 Jul, 28 Sep, 28 Oct, 17 Nov, 24–26 Dec.
const FIXED: [(i8, i8, &str); 11] = [
    (1, 1, "new-year"),
    (5, 1, "labour-day"),
    (5, 8, "liberation-day"),
    (7, 5, "cyril-methodius"),
    (7, 6, "jan-hus"),
    (9, 28, "statehood-day"),
    (10, 28, "independence-day"),
    (11, 17, "freedom-day"),
    (12, 24, "christmas-eve"),
    (12, 25, "christmas-day"),
    (12, 26, "st-stephen"),
];

/// Easter Sunday of `year` in the Gregorian calendar (the "anonymous Gregorian algorithm",
/// Meeus/Jones/Butcher). Valid for every year jiff can represent.
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114) / 31; // 3 or 4
    let day = (h + l - 7 * m + 114) % 31 + 1; // 1..=31
    Date::new(year, month as i8, day as i8)
        .expect("Easter is always a valid date in March or April")
}

/// All 13 Czech public holidays of `year`, sorted by date.
pub fn holidays(year: i16) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let mut days: Vec<Holiday> = FIXED
        .iter()
        .map(|&(month, day, id)| Holiday {
            date: Date::new(year, month, day).expect("fixed holidays are valid dates"),
            id,
        })
        .collect();
    // Easter falls between 22 March and 25 April, so these never leave the year.
    let good_friday = easter.saturating_sub(jiff::Span::new().days(2));
    let easter_monday = easter.saturating_add(jiff::Span::new().days(1));
    days.push(Holiday {
        date: good_friday,
        id: "good-friday",
    });
    days.push(Holiday {
        date: easter_monday,
        id: "easter-monday",
    });
    days.sort_by_key(|h| h.date);
    days
}

/// The public holiday on `date`, if any.
pub fn holiday_on(date: Date) -> Option<Holiday> {
    let fixed = FIXED
        .iter()
        .find(|&&(month, day, _)| date.month() == month && date.day() == day);
    if let Some(&(_, _, id)) = fixed {
        return Some(Holiday { date, id });
    }
    // Only Easter can make a day in March or April a holiday; skip the computation otherwise.
    if !(3..=4).contains(&date.month()) {
        return None;
    }
    holidays(date.year()).into_iter().find(|h| h.date == date)
}

/// Monday–Friday and not a public holiday (domain.md §5).
pub fn is_working_day(date: Date) -> bool {
    !matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday) && holiday_on(date).is_none()
}

/// The date `n` working days after `date`: the days counted are those after `date`, so
/// "3 working days from a Friday" ends on the Wednesday. `n == 0` returns `date` itself.
///
/// Saturates at [`Date::MAX`] (31 Dec 9999) instead of panicking.
pub fn add_working_days(date: Date, n: u32) -> Date {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return Date::MAX,
        }
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// `date` if it is a working day, otherwise the next working day. Saturates at [`Date::MAX`].
pub fn next_working_day_on_or_after(date: Date) -> Date {
    let mut day = date;
    while !is_working_day(day) {
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => return Date::MAX,
        }
    }
    day
}

/// `date` if it is a working day, otherwise the nearest preceding working day: the rule for
/// a last day of a deadline that falls on a weekend or holiday (domain.md §5, S1).
/// Saturates at [`Date::MIN`].
pub fn previous_working_day_on_or_before(date: Date) -> Date {
    let mut day = date;
    while !is_working_day(day) {
        match day.yesterday() {
            Ok(prev) => day = prev,
            Err(_) => return Date::MIN,
        }
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_sunday_matches_known_years() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2028), date(2028, 4, 16));
        // The extremes of the possible range.
        assert_eq!(easter_sunday(1818), date(1818, 3, 22));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
        assert_eq!(easter_sunday(2000), date(2000, 4, 23));
    }

    #[test]
    fn easter_is_always_a_sunday_between_22_march_and_25_april() {
        for year in [-9999, -1, 0, 1, 1583, 1900, 2100, 4099, 9999] {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), Weekday::Sunday, "{year}");
            assert!(e >= date(year, 3, 22) && e <= date(year, 4, 25), "{year}");
        }
    }

    #[test]
    fn good_friday_2026_is_3_april_and_easter_monday_is_6_april() {
        assert_eq!(
            holiday_on(date(2026, 4, 3)).map(|h| h.id),
            Some("good-friday")
        );
        assert_eq!(
            holiday_on(date(2026, 4, 6)).map(|h| h.id),
            Some("easter-monday")
        );
        // Easter Sunday is a Sunday, not a separate public holiday.
        assert_eq!(holiday_on(date(2026, 4, 5)), None);
        assert!(!is_working_day(date(2026, 4, 3)));
        assert!(!is_working_day(date(2026, 4, 6)));
        assert!(is_working_day(date(2026, 4, 2)));
        assert!(is_working_day(date(2026, 4, 7)));
    }

    #[test]
    fn every_year_has_the_13_holidays_sorted_by_date() {
        for year in 2016..=2040 {
            let list = holidays(year);
            assert_eq!(list.len(), 13, "{year}");
            assert!(list.windows(2).all(|w| w[0].date < w[1].date), "{year}");
            let mut ids: Vec<&str> = list.iter().map(|h| h.id).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), 13, "{year}");
            assert!(list.iter().all(|h| h.date.year() == year));
        }
    }

    #[test]
    fn the_2026_holidays_are_exactly_the_statutory_dates() {
        let got: Vec<(Date, &str)> = holidays(2026).into_iter().map(|h| (h.date, h.id)).collect();
        assert_eq!(
            got,
            vec![
                (date(2026, 1, 1), "new-year"),
                (date(2026, 4, 3), "good-friday"),
                (date(2026, 4, 6), "easter-monday"),
                (date(2026, 5, 1), "labour-day"),
                (date(2026, 5, 8), "liberation-day"),
                (date(2026, 7, 5), "cyril-methodius"),
                (date(2026, 7, 6), "jan-hus"),
                (date(2026, 9, 28), "statehood-day"),
                (date(2026, 10, 28), "independence-day"),
                (date(2026, 11, 17), "freedom-day"),
                (date(2026, 12, 24), "christmas-eve"),
                (date(2026, 12, 25), "christmas-day"),
                (date(2026, 12, 26), "st-stephen"),
            ]
        );
    }

    #[test]
    fn holiday_on_agrees_with_the_yearly_list() {
        for year in [2024, 2025, 2026, 2027, 2028] {
            let list = holidays(year);
            let mut day = date(year, 1, 1);
            while day.year() == year {
                let expected = list.iter().find(|h| h.date == day).copied();
                assert_eq!(holiday_on(day), expected, "{day}");
                day = day.tomorrow().unwrap();
            }
        }
    }

    #[test]
    fn weekends_are_not_working_days() {
        assert!(!is_working_day(date(2026, 1, 10))); // Saturday
        assert!(!is_working_day(date(2026, 1, 11))); // Sunday
        assert!(is_working_day(date(2026, 1, 12))); // Monday
    }

    #[test]
    fn three_working_days_from_a_friday_end_on_wednesday() {
        assert_eq!(add_working_days(date(2026, 1, 9), 3), date(2026, 1, 14));
    }

    #[test]
    fn working_days_skip_the_easter_weekend() {
        // Thursday 2 April 2026 + 1 working day: Good Friday, the weekend and Easter Monday
        // are skipped.
        assert_eq!(add_working_days(date(2026, 4, 2), 1), date(2026, 4, 7));
    }

    #[test]
    fn working_days_skip_christmas_and_new_year() {
        // Wednesday 23 Dec 2026: 24, 25, 26 Dec are holidays, 27 Dec a Sunday.
        assert_eq!(add_working_days(date(2026, 12, 23), 1), date(2026, 12, 28));
        // 28, 29, 30, 31 Dec, then 1 Jan 2027 (holiday, Friday) and the weekend.
        assert_eq!(add_working_days(date(2026, 12, 23), 5), date(2027, 1, 4));
        // From Christmas Eve itself (a holiday) the count still starts the day after.
        assert_eq!(add_working_days(date(2026, 12, 24), 3), date(2026, 12, 30));
    }

    #[test]
    fn zero_working_days_is_the_same_date() {
        assert_eq!(add_working_days(date(2026, 12, 26), 0), date(2026, 12, 26));
    }

    #[test]
    fn next_and_previous_working_day() {
        // Saturday 26 Dec 2026 (also St Stephen's): next is Monday 28, previous Wednesday 23.
        assert_eq!(
            next_working_day_on_or_after(date(2026, 12, 26)),
            date(2026, 12, 28)
        );
        assert_eq!(
            previous_working_day_on_or_before(date(2026, 12, 26)),
            date(2026, 12, 23)
        );
        // Easter Monday 2026 → Thursday 2 April before Good Friday.
        assert_eq!(
            previous_working_day_on_or_before(date(2026, 4, 6)),
            date(2026, 4, 2)
        );
        // A working day is its own answer.
        assert_eq!(
            next_working_day_on_or_after(date(2026, 4, 7)),
            date(2026, 4, 7)
        );
        assert_eq!(
            previous_working_day_on_or_before(date(2026, 4, 7)),
            date(2026, 4, 7)
        );
    }

    #[test]
    fn date_arithmetic_saturates_at_the_end_of_the_calendar() {
        assert_eq!(add_working_days(date(9999, 12, 30), 5), Date::MAX);
    }
}
