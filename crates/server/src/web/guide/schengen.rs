//! The Schengen 90/180 calculator as a page: many stays as rows (more rows by a GET round
//! trip, no script needed), a day to count on and an optional planned entry; the answer in
//! numbers, as a server-drawn SVG timeline of the 180-day window, and as a table.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::civil::Date;
use termin_domain::deadlines::DeadlineRules;
use termin_domain::schengen::{SchengenRules, Stay, Stays};
use termin_domain::time;

use super::Notice;
use super::days_between;
use crate::error::AppError;
use crate::i18n;
use crate::services::guidance as svc;
use crate::state::AppState;
use crate::web::ctx::{Ctx, Errors, Nav, Page, render, views};

/// Empty rows shown at first, and added by "Add more lines".
const ROWS_STEP: usize = 5;
/// More rows than this on one page is not a form anyone fills in by hand.
const MAX_ROWS: usize = 60;

/// One stay row as typed.
pub struct Row {
    pub n: usize,
    pub legend: String,
    pub entry: String,
    pub exit: String,
    pub entry_error: String,
    pub exit_error: String,
}

/// A date typed in a date input (`YYYY-MM-DD`) or, where the browser has none, as
/// `27.3.2026`, `27. 3. 2026` or `27/3/2026`.
fn parse_day(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let parts: Vec<&str> = compact
        .trim_end_matches('.')
        .split(['.', '/', '-'])
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    if !(1000..=9999).contains(&y) {
        return None;
    }
    Date::new(y, m, d).ok()
}

/// A typed date: `Ok(None)` when empty, the message key when it is no date or out of the
/// range the calculators answer for (the deadline rules' range: the same for every tool).
fn checked_day(ctx: &Ctx, s: &str) -> Result<Option<Date>, String> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    let Some(d) = parse_day(s) else {
        return Err(ctx.t("guide-schengen-date-invalid"));
    };
    let range = DeadlineRules::default();
    if d < range.earliest_event_date {
        return Err(ctx.t("deadline-error-date-too-early"));
    }
    if d > range.latest_event_date {
        return Err(ctx.t("deadline-error-date-too-late"));
    }
    Ok(Some(d))
}

/// One bar of the timeline, in the SVG's user units.
pub struct Bar {
    pub x: i64,
    pub width: i64,
    /// Its length in days, inside the bar when it fits, else above it; "" when there is no
    /// room for it at all (the table says it anyway).
    pub label: String,
    pub label_x: i64,
    pub label_inside: bool,
}

/// About 8 units a character at the chart's label size (14 units).
fn label_width(label: &str) -> i64 {
    label.chars().count() as i64 * 8
}

/// Labels above the bars must not run into each other: a label that would is left out.
fn clear_overlapping_labels<'a>(bars: impl Iterator<Item = &'a mut Bar>) {
    let mut last_right = i64::MIN;
    for bar in bars.filter(|b| !b.label_inside && !b.label.is_empty()) {
        let half = label_width(&bar.label) / 2;
        if bar.label_x - half < last_right + 6 {
            bar.label.clear();
        } else {
            last_right = bar.label_x + half;
        }
    }
}

pub struct Tick {
    pub x: i64,
    pub label: String,
}

/// One entry of the legend: its sample (`stay`, `planned`, `window` or `on`) and its words.
pub struct LegendItem {
    pub kind: &'static str,
    pub x: i64,
    pub y: i64,
    pub label: String,
}

/// The legend's entries in rows that fit the chart's width, whatever the language; returns
/// them and the height the chart needs.
fn legend(entries: [(&'static str, String); 4]) -> (Vec<LegendItem>, i64) {
    let (mut x, mut y) = (LEFT, 166);
    let mut items = Vec::new();
    for (kind, label) in entries {
        let width = 30 + label_width(&label);
        if x > LEFT && x + width > LEFT + PLOT {
            x = LEFT;
            y += 24;
        }
        items.push(LegendItem { kind, x, y, label });
        x += width + 32;
    }
    (items, y + 24)
}

/// The timeline: the days from the window's start to its end (or to the planned stay's
/// last day), 780 units wide.
pub struct Chart {
    pub title: String,
    pub desc: String,
    pub window: Bar,
    pub window_label: String,
    pub stays: Vec<Bar>,
    pub planned: Option<Bar>,
    pub on_x: i64,
    pub on_label: String,
    pub ticks: Vec<Tick>,
    pub legend: Vec<LegendItem>,
    /// The height of the drawing: the legend may need a second row.
    pub height: i64,
}

const LEFT: i64 = 10;
const PLOT: i64 = 780;

struct Scale {
    start: Date,
    days: i64,
}

impl Scale {
    fn x(&self, d: Date) -> i64 {
        LEFT + days_between(self.start, d).clamp(0, self.days) * PLOT / self.days
    }

    /// A bar from the start of `from` to the end of `to`, at least 2 units wide.
    fn bar(&self, from: Date, to: Date, label: String) -> Bar {
        let x = self.x(from);
        let end = LEFT + (days_between(self.start, to) + 1).clamp(0, self.days) * PLOT / self.days;
        let width = (end - x).max(2);
        Bar {
            x,
            width,
            label_x: (x + width / 2).clamp(
                LEFT + label_width(&label) / 2,
                LEFT + PLOT - label_width(&label) / 2,
            ),
            label_inside: label_width(&label) + 8 <= width,
            label,
        }
    }
}

pub struct TableRow {
    pub stay: String,
    pub entry: String,
    pub exit: String,
    pub days: String,
    pub in_window: String,
}

pub struct Answer {
    pub used: String,
    pub left: String,
    pub window: String,
    pub latest_label: String,
    pub latest: String,
    /// The no-days-left message instead of a latest exit.
    pub no_days: String,
    pub left_note: String,
    pub chart: Chart,
    pub table: Vec<TableRow>,
}

#[derive(Template)]
#[template(path = "guide_schengen.html")]
struct SchengenView {
    page: Page,
    errors: Errors,
    rows: Vec<Row>,
    row_count: usize,
    on: String,
    on_error: String,
    plan: String,
    plan_error: String,
    answer: Option<Answer>,
    notice: Notice,
}

views!(SchengenView);

fn field<'a>(query: &'a [(String, String)], name: &str) -> &'a str {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// `GET /guide/schengen`: the form, and with stays the answer.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let mut page = ctx.page("guide-schengen-title", Nav::Guide);
    let lang = page.lang;
    let today = time::local_date(state.now());

    // The rows as typed: as many as were asked for, or as the highest one filled in.
    let highest = query
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .filter_map(|(k, _)| {
            k.strip_prefix("entry")
                .or_else(|| k.strip_prefix("exit"))
                .and_then(|n| n.parse::<usize>().ok())
        })
        .filter(|n| (1..=MAX_ROWS).contains(n))
        .max()
        .unwrap_or(0);
    let asked: usize = field(&query, "rows").parse().unwrap_or(ROWS_STEP);
    let more = !field(&query, "more").is_empty();
    let mut row_count = asked.max(highest).clamp(ROWS_STEP, MAX_ROWS);
    if more {
        row_count = (row_count + ROWS_STEP).min(MAX_ROWS);
    }
    let mut rows: Vec<Row> = (1..=row_count)
        .map(|n| Row {
            n,
            legend: page.tn("guide-schengen-stay", "n", n as i64),
            entry: field(&query, &format!("entry{n}")).trim().to_string(),
            exit: field(&query, &format!("exit{n}")).trim().to_string(),
            entry_error: String::new(),
            exit_error: String::new(),
        })
        .collect();
    let on_typed = field(&query, "on").trim().to_string();
    let plan_typed = field(&query, "plan").trim().to_string();
    let asked_to_count = !field(&query, "go").is_empty() || (highest > 0 && !more);

    let mut errors = Errors::default();
    let mut on_error = String::new();
    let mut plan_error = String::new();
    let mut answer = None;
    if asked_to_count {
        let row_message = |n: usize, message: String| {
            page.targs(
                "guide-schengen-row-error",
                &[("n", n.into()), ("message", message.into())],
            )
        };
        // Each row on its own: both days, real dates, the exit not before the entry.
        let mut stays: Vec<(usize, Stay)> = Vec::new();
        for row in &mut rows {
            if row.entry.is_empty() && row.exit.is_empty() {
                continue;
            }
            let entry = match checked_day(&ctx, &row.entry) {
                Ok(None) => Err(ctx.t("guide-schengen-entry-empty")),
                Ok(Some(d)) => Ok(d),
                Err(m) => Err(m),
            };
            let exit = match checked_day(&ctx, &row.exit) {
                Ok(None) => Err(ctx.t("guide-schengen-exit-empty")),
                Ok(Some(d)) => Ok(d),
                Err(m) => Err(m),
            };
            if let Err(m) = &entry {
                row.entry_error = row_message(row.n, m.clone());
                errors.add(&format!("entry{}", row.n), row.entry_error.clone());
            }
            if let Err(m) = &exit {
                row.exit_error = row_message(row.n, m.clone());
                errors.add(&format!("exit{}", row.n), row.exit_error.clone());
            }
            if let (Ok(entry), Ok(exit)) = (entry, exit) {
                match Stay::new(entry, exit) {
                    Ok(stay) => stays.push((row.n, stay)),
                    Err(e) => {
                        row.exit_error =
                            row_message(row.n, ctx.t(&format!("schengen-error-{}", e.code())));
                        errors.add(&format!("exit{}", row.n), row.exit_error.clone());
                    }
                }
            }
        }
        // Overlaps: the domain's own check, pair by pair, so the message names the row.
        for (i, (n, stay)) in stays.iter().enumerate() {
            let clash = stays[..i]
                .iter()
                .any(|(_, earlier)| Stays::new([*earlier, *stay]).is_err());
            if clash {
                let row = &mut rows[n - 1];
                row.entry_error = row_message(*n, ctx.t("schengen-error-overlapping-stays"));
                errors.add(&format!("entry{n}"), row.entry_error.clone());
            }
        }
        if stays.is_empty() && errors.is_empty() {
            errors.add("entry1", ctx.t("guide-schengen-no-stay"));
            rows[0].entry_error = ctx.t("guide-schengen-no-stay");
        }
        let plan = match checked_day(&ctx, &plan_typed) {
            Ok(d) => d,
            Err(m) => {
                plan_error = page.ts("guide-schengen-plan-error", "message", &m);
                errors.add("plan", plan_error.clone());
                None
            }
        };
        // As the API: the planned entry, else today (api.md "Calculators").
        let on = match checked_day(&ctx, &on_typed) {
            Ok(d) => d.or(plan).unwrap_or(today),
            Err(m) => {
                on_error = page.ts("guide-schengen-on-error", "message", &m);
                errors.add("on", on_error.clone());
                today
            }
        };
        if errors.is_empty() {
            match compute(&state, &page, &stays, on, plan) {
                Ok(a) => answer = Some(a),
                Err(AppError::Schengen("overlapping-stays")) => {
                    plan_error = page.ts(
                        "guide-schengen-plan-error",
                        "message",
                        &ctx.t("schengen-error-overlapping-stays"),
                    );
                    errors.add("plan", plan_error.clone());
                }
                Err(e) => errors.general(e.message(lang)),
            }
        }
    }
    page.has_errors = !errors.is_empty();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let notice = Notice::new(&page);
    render(
        status,
        &SchengenView {
            page,
            errors,
            rows,
            row_count,
            on: on_typed,
            on_error,
            plan: plan_typed,
            plan_error,
            answer,
            notice,
        },
    )
}

/// The numbers through the service (as the API), then the picture and the table.
fn compute(
    state: &AppState,
    page: &Page,
    stays: &[(usize, Stay)],
    on: Date,
    plan: Option<Date>,
) -> Result<Answer, AppError> {
    let lang = page.lang;
    let pairs: Vec<(String, String)> = stays
        .iter()
        .map(|(_, s)| (s.entry().to_string(), s.exit().to_string()))
        .collect();
    let on_iso = on.to_string();
    let plan_iso = plan.map(|p| p.to_string());
    let (report, latest, no_days) =
        match svc::schengen(state, &pairs, Some(&on_iso), plan_iso.as_deref()) {
            Ok(a) => (a.report, a.latest_exit, String::new()),
            Err(AppError::Schengen("no-days-left")) => {
                let a = svc::schengen(state, &pairs, Some(&on_iso), None)?;
                (a.report, None, page.t("schengen-error-no-days-left"))
            }
            Err(e) => return Err(e),
        };
    let days = |n: u32| page.tn("guide-schengen-days", "days", i64::from(n));
    let long = |d: Date| i18n::long_date(lang, d);
    let short = |d: Date| i18n::short_date(lang, d);

    // The picture: the window, widened to the planned stay when there is one.
    let end = [Some(report.window_end), plan, latest]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(report.window_end);
    let scale = Scale {
        start: report.window_start,
        days: (days_between(report.window_start, end) + 1).max(1),
    };
    let rules = SchengenRules::default();
    let mut sorted: Vec<Stay> = stays.iter().map(|(_, s)| *s).collect();
    sorted.sort();
    let bars: Vec<Bar> = sorted
        .iter()
        .filter(|s| s.exit() >= scale.start && s.entry() <= end)
        .map(|s| {
            let from = s.entry().max(scale.start);
            let to = s.exit().min(end);
            scale.bar(from, to, days(s.days()))
        })
        .collect();
    let planned_stay = plan.zip(latest).and_then(|(p, l)| Stay::new(p, l).ok());
    let mut planned = planned_stay.map(|s| {
        let mut bar = scale.bar(s.entry(), s.exit(), days(s.days()));
        // Text on hatching is hard to read: the planned stay's label goes above it.
        bar.label_inside = false;
        bar
    });
    let mut bars: Vec<Bar> = bars;
    clear_overlapping_labels(bars.iter_mut().chain(planned.as_mut()));
    let mut ticks = Vec::new();
    let mut d = scale.start.first_of_month();
    while d <= end {
        if d >= scale.start {
            ticks.push(Tick {
                x: scale.x(d),
                label: page.targs(
                    "guide-chart-tick",
                    &[("day", d.day().into()), ("month", d.month().into())],
                ),
            });
        }
        match d.last_of_month().tomorrow() {
            Ok(next) => d = next,
            Err(_) => break,
        }
    }
    let window = scale.bar(report.window_start, report.window_end, String::new());
    let (legend, height) = legend([
        ("stay", page.t("guide-chart-stay")),
        ("planned", page.t("guide-chart-planned")),
        ("window", page.t("guide-chart-window")),
        ("on", page.t("guide-chart-on")),
    ]);
    let chart = Chart {
        // Short dates where a sentence puts them after a preposition (Czech cases).
        title: page.ts("guide-chart-title", "date", &short(report.window_end)),
        desc: page.targs(
            "guide-chart-desc",
            &[
                ("start", short(report.window_start).into()),
                ("end", short(report.window_end).into()),
                ("used", report.days_used.into()),
                ("left", days(report.days_remaining).into()),
            ],
        ),
        window_label: format!(
            "{}: {} – {}",
            page.t("guide-chart-window"),
            short(report.window_start),
            short(report.window_end)
        ),
        window,
        stays: bars,
        planned,
        on_x: scale.x(report.window_end) + PLOT / scale.days / 2,
        on_label: format!("{} {}", page.t("guide-chart-on"), short(report.window_end)),
        ticks,
        legend,
        height,
    };

    let in_window = |s: &Stay| {
        Stays::new([*s])
            .map(|one| rules.days_used(&one, report.window_end))
            .unwrap_or(0)
    };
    let mut table: Vec<TableRow> = sorted
        .iter()
        .enumerate()
        .map(|(i, s)| TableRow {
            stay: page.tn("guide-schengen-stay", "n", i as i64 + 1),
            entry: long(s.entry()),
            exit: long(s.exit()),
            days: days(s.days()),
            in_window: days(in_window(s)),
        })
        .collect();
    if let Some(s) = planned_stay {
        table.push(TableRow {
            stay: page.t("guide-table-planned"),
            entry: long(s.entry()),
            exit: long(s.exit()),
            days: days(s.days()),
            in_window: days(in_window(&s)),
        });
    }
    Ok(Answer {
        used: days(report.days_used),
        left: days(report.days_remaining),
        window: page.targs(
            "guide-schengen-window-value",
            &[
                ("start", long(report.window_start).into()),
                ("end", long(report.window_end).into()),
            ],
        ),
        latest_label: plan
            .map(|p| {
                page.ts(
                    "guide-schengen-latest-label",
                    "date",
                    &i18n::short_date(lang, p),
                )
            })
            .unwrap_or_default(),
        latest: latest.map(long).unwrap_or_default(),
        no_days,
        left_note: page.t("guide-schengen-left-note"),
        chart,
        table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn typed_dates_are_read_in_the_usual_forms() {
        assert_eq!(parse_day("2026-03-27"), Some(date(2026, 3, 27)));
        assert_eq!(parse_day("27.3.2026"), Some(date(2026, 3, 27)));
        assert_eq!(parse_day("27. 3. 2026"), Some(date(2026, 3, 27)));
        assert_eq!(parse_day("27/3/2026"), Some(date(2026, 3, 27)));
        assert_eq!(parse_day("31.2.2026"), None);
        assert_eq!(parse_day("27.3.26"), None);
        assert_eq!(parse_day("tomorrow"), None);
    }

    #[test]
    fn bars_cover_whole_days_and_stay_in_the_plot() {
        let scale = Scale {
            start: date(2026, 1, 1),
            days: 180,
        };
        let all = scale.bar(date(2026, 1, 1), date(2026, 6, 29), String::new());
        assert_eq!((all.x, all.width), (LEFT, PLOT));
        let one = scale.bar(date(2026, 3, 1), date(2026, 3, 1), "1 day".into());
        assert!(one.width >= 2 && !one.label_inside);
        assert_eq!(scale.x(date(2025, 1, 1)), LEFT);
        assert_eq!(scale.x(date(2027, 1, 1)), LEFT + PLOT);
        // Two short stays close together: the second label above would overlap, so it goes.
        let mut pair = [
            scale.bar(date(2026, 3, 1), date(2026, 3, 2), "2 days".into()),
            scale.bar(date(2026, 3, 4), date(2026, 3, 5), "2 days".into()),
        ];
        clear_overlapping_labels(pair.iter_mut());
        assert_eq!(pair[0].label, "2 days");
        assert!(pair[1].label.is_empty());
    }

    #[test]
    fn a_long_legend_takes_a_second_row() {
        let words = |s: &str| s.to_string();
        let (short, height) = legend([
            ("stay", words("Stay")),
            ("planned", words("Planned stay")),
            ("window", words("180-day period")),
            ("on", words("Counted on")),
        ]);
        assert!(short.iter().all(|i| i.y == 166) && height == 190);
        let (long, height) = legend([
            ("stay", words("Пребывание")),
            ("planned", words("Запланированное пребывание")),
            ("window", words("Период 180 дней")),
            (
                "on",
                words("Расчёт на день вместе с очень длинным пояснением"),
            ),
        ]);
        assert!(height > 190);
        for pair in long.windows(2) {
            let a = &pair[0];
            if a.y == pair[1].y {
                assert!(a.x + 30 + label_width(&a.label) < pair[1].x);
            }
        }
    }
}
