//! Guidance (issue 5): the deadline and Schengen 90/180 calculators, public and without an
//! account. The rules are the domain's; this only parses the question and words the answer.

use fluent_templates::fluent_bundle::FluentValue;
use jiff::civil::Date;
use termin_domain::Language;
use termin_domain::deadlines::{
    self, Basis, DeadlineRules, Event, EventInput, Obligation, StayKind,
};
use termin_domain::schengen::{SchengenReport, SchengenRules, Stay, Stays};

use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;

/// More stays than anyone lists; beyond it the question is refused rather than computed.
pub const MAX_STAYS: usize = 500;

fn day(value: &str, field: &'static str) -> Result<Date, AppError> {
    value
        .trim()
        .parse()
        .map_err(|_| AppError::InvalidInput(vec![(field, "field-date-invalid")]))
}

/// One event, as asked: `{event, date, stay?, visa_to_collect_permit?}`.
pub struct DeadlineQuestion<'a> {
    pub event: &'a str,
    pub date: &'a str,
    pub stay: Option<&'a str>,
    pub visa_to_collect_permit: bool,
}

pub fn deadlines(question: &DeadlineQuestion<'_>) -> Result<Vec<Obligation>, AppError> {
    let event = Event::parse(question.event.trim()).map_err(|e| AppError::Deadline(e.code()))?;
    let date = day(question.date, "date")?;
    let mut input = EventInput::new(event, date);
    if let Some(stay) = question.stay.filter(|s| !s.trim().is_empty()) {
        input = input
            .with_stay(StayKind::parse(stay.trim()).map_err(|e| AppError::Deadline(e.code()))?);
    }
    if question.visa_to_collect_permit {
        input = input.collecting_permit();
    }
    deadlines::obligations(&input, &DeadlineRules::default())
        .map_err(|e| AppError::Deadline(e.code()))
}

/// The answer of the Schengen calculator.
pub struct SchengenAnswer {
    pub report: SchengenReport,
    pub latest_exit: Option<Date>,
}

/// `stays` as `(entry, exit)` text pairs; `on` defaults to today; `plan_entry` asks for the
/// latest exit of a stay beginning that day.
pub fn schengen(
    state: &AppState,
    stays: &[(String, String)],
    on: Option<&str>,
    plan_entry: Option<&str>,
) -> Result<SchengenAnswer, AppError> {
    if stays.len() > MAX_STAYS {
        return Err(AppError::InvalidInput(vec![(
            "stays",
            "field-too-many-stays",
        )]));
    }
    let mut parsed = Vec::with_capacity(stays.len());
    for (entry, exit) in stays {
        let stay = Stay::new(day(entry, "entry")?, day(exit, "exit")?)
            .map_err(|e| AppError::Schengen(e.code()))?;
        parsed.push(stay);
    }
    let stays = Stays::new(parsed).map_err(|e| AppError::Schengen(e.code()))?;
    let rules = SchengenRules::default();
    let today = termin_domain::time::local_date(state.now());
    let plan = plan_entry.map(|p| day(p, "plan_entry")).transpose()?;
    let on = match on {
        Some(on) => day(on, "on")?,
        None => plan.unwrap_or(today),
    };
    let report = rules.report(&stays, on);
    let latest_exit = plan
        .map(|plan| rules.latest_exit(&stays, plan))
        .transpose()
        .map_err(|e| AppError::Schengen(e.code()))?;
    Ok(SchengenAnswer {
        report,
        latest_exit,
    })
}

/// The rule of a deadline in words ("3 working days"), with the numbers of the rule in force.
pub fn basis_text(lang: Language, basis: &Basis) -> String {
    let key = format!("basis-{}", basis.kind());
    let n = |v: u32| FluentValue::from(v);
    match *basis {
        Basis::WorkingDays(days) | Basis::Days(days) => {
            i18n::t_args(lang, &key, &[("days", n(days))])
        }
        Basis::LastDayOfValidity { window_days } => {
            i18n::t_args(lang, &key, &[("window_days", n(window_days))])
        }
        Basis::DaysBeforeExpiry { window_days, days } => i18n::t_args(
            lang,
            &key,
            &[("window_days", n(window_days)), ("days", n(days))],
        ),
        Basis::WindowBeforeExpiry { earliest, latest } => i18n::t_args(
            lang,
            &key,
            &[("earliest", n(earliest)), ("latest", n(latest))],
        ),
        Basis::AtOnce => i18n::t(lang, &key),
    }
}
