//! E-mail: composed in the recipient's language when the cause is committed (as a job in the
//! same transaction), sent later by the job worker through SMTP or into an outbox folder.

use std::path::PathBuf;

use jiff::Timestamp;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use termin_domain::{Language, Office, VisitType};
use termin_store::{Account, Appointment, NewJob, OfferNotice};

use crate::i18n::{self, t, t_args};

pub const JOB_KIND: &str = "mail";

/// A composed message, stored as a job's payload.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Outgoing {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub ics: Option<String>,
}

fn job(outgoing: Outgoing, now: Timestamp, dedupe_key: Option<String>) -> NewJob {
    NewJob {
        kind: JOB_KIND.into(),
        payload: serde_json::to_value(outgoing).expect("plain strings serialise"),
        run_at: now,
        dedupe_key,
    }
}

pub fn verification(account: &Account, lang: Language, link: &str, now: Timestamp) -> NewJob {
    job(
        Outgoing {
            to: account.email.clone(),
            subject: t(lang, "mail-verify-subject"),
            body: t_args(
                lang,
                "mail-verify-body",
                &[
                    ("name", account.full_name.clone().into()),
                    ("link", link.to_string().into()),
                ],
            ),
            ics: None,
        },
        now,
        None,
    )
}

pub fn password_reset(account: &Account, lang: Language, link: &str, now: Timestamp) -> NewJob {
    job(
        Outgoing {
            to: account.email.clone(),
            subject: t(lang, "mail-reset-subject"),
            body: t_args(
                lang,
                "mail-reset-body",
                &[
                    ("name", account.full_name.clone().into()),
                    ("link", link.to_string().into()),
                ],
            ),
            ics: None,
        },
        now,
        None,
    )
}

/// The name of a visit type in the reader's language with the official Czech one beside it.
pub fn visit_type_name(lang: Language, vt: &VisitType) -> String {
    let key = format!("visit-type-{}", vt.id.as_str());
    let translated = if i18n::has(lang, &key) {
        t(lang, &key)
    } else {
        vt.name_en.clone()
    };
    if lang == Language::Cs {
        vt.name_cs.clone()
    } else {
        format!("{translated} ({})", vt.name_cs)
    }
}

#[allow(clippy::too_many_arguments)]
pub fn booked(
    to: &str,
    appointment: &Appointment,
    office: &Office,
    visit_type: &VisitType,
    person: &str,
    lang: Language,
    base_url: &str,
    now: Timestamp,
) -> NewJob {
    let body = t_args(
        lang,
        "mail-booked-body",
        &[
            ("person", person.to_string().into()),
            ("visit", visit_type_name(lang, visit_type).into()),
            ("office", office.name.clone().into()),
            ("address", office.address.clone().into()),
            ("when", i18n::date_time(lang, appointment.start).into()),
            ("pin", appointment.pin.clone().into()),
            ("link", format!("{base_url}/appointments").into()),
        ],
    );
    job(
        Outgoing {
            to: to.to_string(),
            subject: t_args(
                lang,
                "mail-booked-subject",
                &[("when", i18n::date_time(lang, appointment.start).into())],
            ),
            body,
            ics: Some(ics(appointment, office, visit_type, lang, now)),
        },
        now,
        Some(format!("booked:{}", appointment.id)),
    )
}

pub fn cancelled(
    to: &str,
    appointment: &Appointment,
    office: &Office,
    visit_type: &VisitType,
    now: Timestamp,
) -> NewJob {
    let lang = Language::parse(&appointment.language).unwrap_or_default();
    job(
        Outgoing {
            to: to.to_string(),
            subject: t(lang, "mail-cancelled-subject"),
            body: t_args(
                lang,
                "mail-cancelled-body",
                &[
                    ("visit", visit_type_name(lang, visit_type).into()),
                    ("office", office.name.clone().into()),
                    ("when", i18n::date_time(lang, appointment.start).into()),
                ],
            ),
            ics: Some(ics(appointment, office, visit_type, lang, now)),
        },
        now,
        Some(format!("cancelled:{}", appointment.id)),
    )
}

/// A freed place offered from the waitlist: what, where, when, until when it is held, and
/// where to answer. Composed when the job runs (the store makes offers inside other people's
/// transactions), in the language of the request.
pub fn offer_made(
    notice: &OfferNotice,
    office: &Office,
    visit_type: &VisitType,
    base_url: &str,
) -> Outgoing {
    offer_mail(notice, office, visit_type, base_url, "mail-offer")
}

/// An offer lapsed unanswered: the request is closed; a new one can be filed.
pub fn offer_lapsed(
    notice: &OfferNotice,
    office: &Office,
    visit_type: &VisitType,
    base_url: &str,
) -> Outgoing {
    offer_mail(notice, office, visit_type, base_url, "mail-offer-lapsed")
}

/// The mail `{prefix}-subject` / `{prefix}-body` about an offer.
fn offer_mail(
    notice: &OfferNotice,
    office: &Office,
    visit_type: &VisitType,
    base_url: &str,
    prefix: &str,
) -> Outgoing {
    let lang = Language::parse(&notice.language).unwrap_or_default();
    let offer = &notice.offer;
    let when = i18n::date_time(lang, offer.start);
    Outgoing {
        to: notice.email.clone(),
        subject: t_args(
            lang,
            &format!("{prefix}-subject"),
            &[("when", when.clone().into())],
        ),
        body: t_args(
            lang,
            &format!("{prefix}-body"),
            &[
                ("person", notice.person_name.clone().into()),
                ("visit", visit_type_name(lang, visit_type).into()),
                ("office", office.name.clone().into()),
                ("address", office.address.clone().into()),
                ("when", when.into()),
                ("until", i18n::date_time(lang, offer.expires_at).into()),
                ("link", format!("{base_url}/waitlist").into()),
            ],
        ),
        ics: None,
    }
}

fn ics_time(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// RFC 5545 text escaping.
pub(crate) fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out
}

/// An iCalendar event of the appointment: UTC times, a stable UID, `SEQUENCE` up on every
/// change, `METHOD:CANCEL` once cancelled (stack.md).
pub fn ics(
    appointment: &Appointment,
    office: &Office,
    visit_type: &VisitType,
    lang: Language,
    now: Timestamp,
) -> String {
    let cancelled = appointment.status == termin_domain::AppointmentStatus::Cancelled;
    let summary = t_args(
        lang,
        "ics-summary",
        &[
            ("visit", visit_type_name(lang, visit_type).into()),
            ("office", office.name.clone().into()),
        ],
    );
    let description = t_args(
        lang,
        "ics-description",
        &[("pin", appointment.pin.clone().into())],
    );
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Termin//OAMP reservations//EN".into(),
        format!("METHOD:{}", if cancelled { "CANCEL" } else { "PUBLISH" }),
        "BEGIN:VEVENT".into(),
        format!("UID:appointment-{}@termin", appointment.id),
        format!("SEQUENCE:{}", appointment.sequence),
        format!("DTSTAMP:{}", ics_time(now)),
        format!("DTSTART:{}", ics_time(appointment.start)),
        format!("DTEND:{}", ics_time(appointment.end)),
        format!("SUMMARY:{}", ics_text(&summary)),
        format!(
            "LOCATION:{}",
            ics_text(&format!("{}, {}", office.name, office.address))
        ),
        format!("DESCRIPTION:{}", ics_text(&description)),
        format!(
            "STATUS:{}",
            if cancelled { "CANCELLED" } else { "CONFIRMED" }
        ),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Outbox(PathBuf, AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("bad address: {0}")]
    Address(String),
    #[error("could not build the message: {0}")]
    Build(String),
    #[error("could not send: {0}")]
    Send(String),
}

impl Mailer {
    pub fn outbox(dir: PathBuf) -> std::io::Result<Mailer> {
        std::fs::create_dir_all(&dir)?;
        Ok(Mailer::Outbox(dir.clone(), AsyncFileTransport::new(dir)))
    }

    pub fn smtp(url: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Build(e.to_string()))?
            .build();
        Ok(Mailer::Smtp(transport))
    }

    pub async fn send(&self, from: &str, outgoing: &Outgoing) -> Result<(), MailError> {
        let from: Mailbox = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address(e.to_string()))?;
        let to: Mailbox = outgoing
            .to
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address(e.to_string()))?;
        let builder = Message::builder()
            .from(from)
            .to(to)
            .subject(&outgoing.subject);
        let text = SinglePart::plain(outgoing.body.clone());
        let message = match &outgoing.ics {
            Some(ics) => {
                let method = if ics.contains("METHOD:CANCEL") {
                    "CANCEL"
                } else {
                    "PUBLISH"
                };
                let content_type =
                    ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                        .map_err(|e| MailError::Build(e.to_string()))?;
                builder.multipart(MultiPart::mixed().singlepart(text).singlepart(
                    Attachment::new("appointment.ics".into()).body(ics.clone(), content_type),
                ))
            }
            None => builder.singlepart(text),
        }
        .map_err(|e| MailError::Build(e.to_string()))?;
        match self {
            Mailer::Outbox(_, transport) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
            Mailer::Smtp(transport) => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Send(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn long_ics_lines_are_folded_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "č".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }
}
