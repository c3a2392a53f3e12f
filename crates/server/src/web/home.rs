//! The home page: what Termín is and where to start.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use jiff::SignedDuration;
use termin_domain::BookingPolicy;

use super::ctx::{Ctx, Nav, Page, ok, views};
use crate::state::AppState;

fn days(d: SignedDuration) -> i64 {
    d.as_hours() / 24
}

/// The rules of domain.md §2 in plain words, with the numbers of this instance's policy
/// (they are configuration, so they are never written into the text).
pub fn policy_rules(page: &Page, policy: &BookingPolicy) -> Vec<String> {
    vec![
        page.t("rule-one-account"),
        page.tn("rule-children", "age", i64::from(policy.child_age_limit)),
        page.t("rule-pin"),
        page.tn(
            "rule-cancel-notice",
            "hours",
            policy.cancel_notice.as_hours(),
        ),
        page.targs(
            "rule-cancel-limit",
            &[
                ("count", FluentValue::from(policy.cancellation_limit)),
                ("days", FluentValue::from(days(policy.cancellation_window))),
            ],
        ),
        page.targs(
            "rule-no-shows",
            &[
                ("count", FluentValue::from(policy.no_show_limit)),
                ("days", FluentValue::from(days(policy.no_show_window))),
                ("block", FluentValue::from(days(policy.block_for))),
            ],
        ),
        page.t("rule-binding"),
    ]
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeView {
    page: Page,
    rules: Vec<String>,
}

views!(HomeView);

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> Response {
    let page = ctx.page("page-home-title", Nav::Home);
    let rules = policy_rules(&page, state.policy());
    ok(&HomeView { page, rules })
}
