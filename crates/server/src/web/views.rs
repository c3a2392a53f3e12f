//! Two page shapes many steps share: a form page and a message page.

use askama::Template;

use super::ctx::{Errors, FormView, Link, Page, views};

/// A heading, a few sentences, an error summary and one form.
#[derive(Template)]
#[template(path = "form_page.html")]
pub struct FormPage {
    pub page: Page,
    pub heading: String,
    pub intro: Vec<String>,
    pub errors: Errors,
    pub form: FormView,
    pub after: Vec<Link>,
}

/// A heading and a few sentences, optionally as a green "done" panel, with links onward.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub page: Page,
    pub heading: String,
    /// Shown as a confirmation panel (a success), not as a plain heading.
    pub panel: bool,
    pub paragraphs: Vec<String>,
    /// One action offered under the text (e.g. "send me a new link"), or none.
    pub form: Option<FormView>,
    pub links: Vec<Link>,
}

views!(FormPage, MessagePage);

impl FormPage {
    pub fn new(page: Page, heading: String, form: FormView) -> FormPage {
        FormPage {
            page,
            heading,
            intro: Vec::new(),
            errors: Errors::default(),
            form,
            after: Vec::new(),
        }
    }

    /// Shows these errors; the page title then starts with "Error:".
    pub fn errors(mut self, errors: Errors) -> Self {
        self.page.has_errors = !errors.is_empty();
        self.errors = errors;
        self
    }

    pub fn intro(mut self, paragraphs: Vec<String>) -> Self {
        self.intro = paragraphs;
        self
    }

    pub fn after(mut self, links: Vec<Link>) -> Self {
        self.after = links;
        self
    }
}

impl MessagePage {
    pub fn new(page: Page, heading: String) -> MessagePage {
        MessagePage {
            page,
            heading,
            panel: false,
            paragraphs: Vec::new(),
            form: None,
            links: Vec::new(),
        }
    }
}
