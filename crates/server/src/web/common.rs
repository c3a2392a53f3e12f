//! Pieces the booking flow and the guidance pages share: a question with radio buttons and
//! the fee lines of a visit type.

use fluent_templates::fluent_bundle::FluentValue;
use termin_domain::guidance as rules;

use super::ctx::Page;

/// One radio button.
pub struct Radio {
    /// A heading shown before this radio when a new group starts (the days of a week), or "".
    pub group: String,
    pub id: String,
    pub value: String,
    pub label: String,
    pub hint: String,
    pub checked: bool,
}

/// One question with radio buttons (a fieldset whose legend is the page heading).
pub struct Question {
    pub name: &'static str,
    pub legend: String,
    pub hint: String,
    pub error: String,
    pub radios: Vec<Radio>,
}

impl Question {
    pub(crate) fn new(name: &'static str, legend: String) -> Question {
        Question {
            name,
            legend,
            hint: String::new(),
            error: String::new(),
            radios: Vec::new(),
        }
    }

    pub(crate) fn radio(&mut self, value: String, label: String, hint: String, checked: bool) {
        // The first radio carries the question's name as id: the error summary links there.
        let id = if self.radios.is_empty() {
            self.name.to_string()
        } else {
            format!("{}-{}", self.name, self.radios.len() + 1)
        };
        self.radios.push(Radio {
            group: String::new(),
            id,
            value,
            label,
            hint,
            checked,
        });
    }
}

/// The fees of a visit type, adults' and children's (domain.md §7), one line per act.
pub fn fee_lines(page: &Page, visit_type: &str) -> Vec<String> {
    let adult = rules::fees(visit_type, false);
    let child = rules::fees(visit_type, true);
    adult
        .iter()
        .zip(child)
        .map(|(a, c)| {
            page.targs(
                "guide-fee-line",
                &[
                    ("act", page.t(&format!("fee-{}", a.act)).into()),
                    ("amount", fee_amount(page, a.czk, c.czk).into()),
                ],
            )
        })
        .collect()
}

/// "2500 CZK (children under 15: 1000 CZK)", or one amount when both are the same.
pub fn fee_amount(page: &Page, adult: u32, child: u32) -> String {
    let amount = |czk: u32| {
        if czk == 0 {
            page.t("fee-free")
        } else {
            page.targs("fee-amount", &[("czk", FluentValue::from(czk))])
        }
    };
    if adult == child {
        amount(adult)
    } else {
        page.targs(
            "guide-fee-with-child",
            &[
                ("amount", amount(adult).into()),
                ("child", amount(child).into()),
            ],
        )
    }
}
