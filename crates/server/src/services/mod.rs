//! The operations of Termín. The JSON API and the HTML pages both call these; no rule is
//! implemented twice.

pub mod accounts;
pub mod booking;
pub mod floor;
pub mod full_slots;
pub mod guidance;
pub mod slot_calendar;
pub mod slot_uses;
pub mod waitlist;

use jiff::civil::Date;

use crate::error::AppError;

/// One field that did not parse: the field's name and the Fluent key of its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub key: &'static str,
}

pub fn field(field: &'static str, key: &'static str) -> FieldError {
    FieldError { field, key }
}

/// The API reports one code: the first specific one, else `invalid-input` with every field.
pub fn to_app_error(errors: Vec<FieldError>) -> AppError {
    for e in &errors {
        match e.key {
            "field-email-invalid" => return AppError::InvalidEmail,
            "field-password-weak"
            | "field-password-too-short"
            | "field-password-too-long"
            | "field-password-too-common"
            | "field-password-contains-email" => {
                return AppError::WeakPassword;
            }
            _ => {}
        }
    }
    AppError::InvalidInput(errors.into_iter().map(|e| (e.field, e.key)).collect())
}

/// A date of birth: `YYYY-MM-DD`, not in the future, not more than 130 years ago.
pub fn parse_birth_date(input: &str, today: Date) -> Result<Date, FieldError> {
    let date: Date = input
        .trim()
        .parse()
        .map_err(|_| field("date_of_birth", "field-date-invalid"))?;
    if date > today {
        return Err(field("date_of_birth", "field-date-in-future"));
    }
    if today.year() - date.year() > 130 {
        return Err(field("date_of_birth", "field-date-too-old"));
    }
    Ok(date)
}
