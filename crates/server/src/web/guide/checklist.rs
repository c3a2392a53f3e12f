//! What to bring for an application (domain.md §6) and what it costs (§7), printable.

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use termin_domain::guidance::{
    self as rules, Application, GENERAL_NOTES, GuidanceRules, Purpose, checklist,
};

use super::Notice;
use crate::web::common::{Question, fee_amount};
use crate::web::ctx::{Ctx, Errors, GUIDE_JS_HREF, Link, Nav, Page, enc, render, views};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Choice {
    application: String,
    purpose: String,
}

pub struct Item {
    pub text: String,
    /// When it is needed, or "" when always.
    pub condition: String,
}

pub struct FeeRow {
    pub act: String,
    pub adult: String,
    pub child: String,
}

pub struct List {
    pub heading: String,
    pub purpose: String,
    pub items: Vec<Item>,
    pub notes: Vec<String>,
    pub fees: Vec<FeeRow>,
    pub stamps: String,
    pub differ: Vec<String>,
    pub book: Link,
    pub change: Link,
}

#[derive(Template)]
#[template(path = "guide_checklist.html")]
struct ChecklistView {
    page: Page,
    script: &'static str,
    errors: Errors,
    intro: String,
    application: Question,
    purpose: Question,
    list: Option<List>,
    notice: Notice,
}

views!(ChecklistView);

fn list(page: &Page, application: Application, purpose: Option<Purpose>) -> List {
    let purpose = purpose.filter(|_| application.depends_on_purpose());
    let items = checklist(application, purpose)
        .into_iter()
        .map(|i| Item {
            text: page.t(i.id),
            condition: i
                .condition
                .map(|c| page.t(&format!("condition-{c}")))
                .unwrap_or_default(),
        })
        .collect();
    let validity = GuidanceRules::default().document_validity_days;
    let notes = GENERAL_NOTES
        .iter()
        .map(|key| page.targs(key, &[("days", FluentValue::from(validity))]))
        .collect();
    let visit_type = application.visit_type();
    let fees = rules::fees(visit_type, false)
        .into_iter()
        .zip(rules::fees(visit_type, true))
        .map(|(adult, child)| FeeRow {
            act: page.t(&format!("fee-{}", adult.act)),
            adult: fee_amount(page, adult.czk, adult.czk),
            child: fee_amount(page, child.czk, child.czk),
        })
        .collect();
    let mut differ = Vec::new();
    if application == Application::Extension {
        differ.push(page.t("guidance-sources-differ-extension"));
    }
    if purpose == Some(Purpose::Business) {
        differ.push(page.t("guidance-sources-differ-business"));
    }
    List {
        heading: page.ts(
            "guide-checklist-heading",
            "application",
            &page.t(&format!("application-{}", application.as_str())),
        ),
        purpose: purpose
            .map(|p| {
                page.ts(
                    "guide-checklist-purpose",
                    "purpose",
                    &page.t(&format!("purpose-{}", p.as_str())),
                )
            })
            .unwrap_or_default(),
        items,
        notes,
        fees,
        stamps: page.t("fee-paid-by-stamps"),
        differ,
        book: Link::new(
            format!("/book/office?visit_type={}", enc(visit_type)),
            page.t("guide-book"),
        ),
        change: Link::new("/guide/checklist", page.t("guide-checklist-change")),
    }
}

/// `GET /guide/checklist?application=…&purpose=…`: the question, and once answered the list.
pub async fn page(ctx: Ctx, Query(choice): Query<Choice>) -> Response {
    let mut page = ctx.page("guide-checklist-title", Nav::Guide);
    let application = Application::parse(choice.application.trim());
    let purpose = Purpose::parse(choice.purpose.trim());
    let mut errors = Errors::default();
    // A link without an application asks the question; a wrong one says so.
    if !choice.application.trim().is_empty() && application.is_none() {
        errors.add("application", page.t("guide-error-choose-application"));
    }
    if !choice.purpose.trim().is_empty() && purpose.is_none() {
        errors.add("purpose", page.t("guide-error-choose-purpose"));
    }
    let mut q_application = Question::new("application", page.t("guide-application-legend"));
    for a in Application::ALL {
        q_application.radio(
            a.as_str().to_string(),
            page.t(&format!("application-{}", a.as_str())),
            String::new(),
            application == Some(a),
        );
    }
    q_application.error = errors.get("application");
    let mut q_purpose = Question::new("purpose", page.t("guide-purpose-legend"));
    q_purpose.hint = page.t("guide-purpose-hint");
    for p in Purpose::ALL {
        q_purpose.radio(
            p.as_str().to_string(),
            page.t(&format!("purpose-{}", p.as_str())),
            String::new(),
            purpose == Some(p),
        );
    }
    q_purpose.radio(
        String::new(),
        page.t("guide-purpose-other"),
        String::new(),
        purpose.is_none(),
    );
    q_purpose.error = errors.get("purpose");
    let list = match (application, errors.is_empty()) {
        (Some(a), true) => Some(list(&page, a, purpose)),
        _ => None,
    };
    page.has_errors = !errors.is_empty();
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let notice = Notice::new(&page);
    render(
        status,
        &ChecklistView {
            script: GUIDE_JS_HREF.as_str(),
            intro: page.t("guide-checklist-intro"),
            page,
            errors,
            application: q_application,
            purpose: q_purpose,
            list,
            notice,
        },
    )
}
