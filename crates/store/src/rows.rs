//! Rows to models, written once for every kind of row: sqlx's rows of both dialects and the
//! SQLite booking writer's rusqlite rows.
//!
//! The mappings read columns by name through [`Columns`], with the types both backends
//! decode the same way (SQLite and PostgreSQL columns are declared alike in the migrations).

use termin_domain::AppointmentStatus;

use crate::model::{date, ts};
use crate::sql::{Column, Dialect};
use crate::*;

/// The columns of an `accounts` row, as `a` in a join too.
macro_rules! account_columns {
    () => {
        "id, email, password_hash, full_name, date_of_birth, language, role, \
         email_verified_at, created_at"
    };
    ($a:literal) => {
        concat!(
            $a,
            "id, ",
            $a,
            "email, ",
            $a,
            "password_hash, ",
            $a,
            "full_name, ",
            $a,
            "date_of_birth, ",
            $a,
            "language, ",
            $a,
            "role, ",
            $a,
            "email_verified_at, ",
            $a,
            "created_at"
        )
    };
}

macro_rules! appointment_columns {
    () => {
        "id, account_id, person_id, office_id, visit_type_id, start_at, end_at, pin, status, \
         language, created_at, status_changed_at, sequence"
    };
}

macro_rules! ticket_columns {
    () => {
        "id, office_id, local_date, number, appointment_id, visit_type_id, language, status, \
         counter, checked_in_at, called_at, finished_at"
    };
}

macro_rules! person_columns {
    () => {
        "id, account_id, full_name, date_of_birth, relation"
    };
}

macro_rules! device_columns {
    () => {
        "id, office_id, kind, name, created_at, revoked_at"
    };
}

macro_rules! event_columns {
    () => {
        "id, office_id, kind, ticket, counter, at"
    };
}

pub(crate) use {
    account_columns, appointment_columns, device_columns, event_columns, person_columns,
    ticket_columns,
};

/// A row's columns by name, in the four types the mappings read.
pub(crate) trait Columns {
    fn int(&self, column: &str) -> Result<i64, StoreError>;
    fn text(&self, column: &str) -> Result<String, StoreError>;
    fn int_or_null(&self, column: &str) -> Result<Option<i64>, StoreError>;
    fn text_or_null(&self, column: &str) -> Result<Option<String>, StoreError>;
    /// A BOOLEAN column (an INTEGER 0/1 on SQLite).
    fn flag(&self, column: &str) -> Result<bool, StoreError>;
}

/// A row of sqlx's, of dialect `D`.
pub(crate) struct Sql<'r, D: Dialect>(pub &'r D::Row);

impl<D: Dialect> Columns for Sql<'_, D> {
    fn int(&self, column: &str) -> Result<i64, StoreError> {
        Ok(<D as Column<i64>>::get(self.0, column)?)
    }
    fn text(&self, column: &str) -> Result<String, StoreError> {
        Ok(<D as Column<String>>::get(self.0, column)?)
    }
    fn int_or_null(&self, column: &str) -> Result<Option<i64>, StoreError> {
        Ok(<D as Column<Option<i64>>>::get(self.0, column)?)
    }
    fn text_or_null(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(<D as Column<Option<String>>>::get(self.0, column)?)
    }
    fn flag(&self, column: &str) -> Result<bool, StoreError> {
        Ok(<D as Column<bool>>::get(self.0, column)?)
    }
}

impl Columns for rusqlite::Row<'_> {
    fn int(&self, column: &str) -> Result<i64, StoreError> {
        Ok(self.get(column)?)
    }
    fn text(&self, column: &str) -> Result<String, StoreError> {
        Ok(self.get(column)?)
    }
    fn int_or_null(&self, column: &str) -> Result<Option<i64>, StoreError> {
        Ok(self.get(column)?)
    }
    fn text_or_null(&self, column: &str) -> Result<Option<String>, StoreError> {
        Ok(self.get(column)?)
    }
    fn flag(&self, column: &str) -> Result<bool, StoreError> {
        Ok(self.get(column)?)
    }
}

pub(crate) fn account(row: &impl Columns) -> Result<Account, StoreError> {
    let role = row.text("role")?;
    Ok(Account {
        id: row.int("id")?,
        email: row.text("email")?,
        password_hash: row.text("password_hash")?,
        full_name: row.text("full_name")?,
        date_of_birth: date(&row.text("date_of_birth")?)?,
        language: row.text("language")?,
        role: Role::parse(&role).ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?,
        email_verified: row.int_or_null("email_verified_at")?.is_some(),
        created_at: ts(row.int("created_at")?)?,
    })
}

pub(crate) fn person(row: &impl Columns) -> Result<Person, StoreError> {
    let relation = row.text("relation")?;
    Ok(Person {
        id: row.int("id")?,
        account_id: row.int("account_id")?,
        full_name: row.text("full_name")?,
        date_of_birth: date(&row.text("date_of_birth")?)?,
        relation: if relation == "self" {
            Relation::Myself
        } else {
            Relation::Child
        },
    })
}

pub(crate) fn appointment(row: &impl Columns) -> Result<Appointment, StoreError> {
    let status = row.text("status")?;
    Ok(Appointment {
        id: row.int("id")?,
        account_id: row.int("account_id")?,
        person_id: row.int("person_id")?,
        office_id: row.text("office_id")?,
        visit_type_id: row.text("visit_type_id")?,
        start: ts(row.int("start_at")?)?,
        end: ts(row.int("end_at")?)?,
        pin: row.text("pin")?,
        status: AppointmentStatus::parse(&status)
            .map_err(|_| StoreError::Corrupt(format!("status {status}")))?,
        language: row.text("language")?,
        created_at: ts(row.int("created_at")?)?,
        status_changed_at: ts(row.int("status_changed_at")?)?,
        sequence: row.int("sequence")?,
    })
}

pub(crate) fn ticket(row: &impl Columns) -> Result<Ticket, StoreError> {
    let status = row.text("status")?;
    let instant = |column: &str| row.int_or_null(column)?.map(ts).transpose();
    Ok(Ticket {
        id: row.int("id")?,
        office_id: row.text("office_id")?,
        local_date: date(&row.text("local_date")?)?,
        number: row.text("number")?,
        appointment_id: row.int_or_null("appointment_id")?,
        visit_type_id: row.text("visit_type_id")?,
        language: row.text("language")?,
        status: AppointmentStatus::parse(&status)
            .map_err(|_| StoreError::Corrupt(format!("ticket status {status}")))?,
        counter: row.text_or_null("counter")?,
        checked_in_at: ts(row.int("checked_in_at")?)?,
        called_at: instant("called_at")?,
        finished_at: instant("finished_at")?,
    })
}

pub(crate) fn device(row: &impl Columns) -> Result<Device, StoreError> {
    let kind = row.text("kind")?;
    Ok(Device {
        id: row.int("id")?,
        office_id: row.text("office_id")?,
        kind: DeviceKind::parse(&kind)
            .ok_or_else(|| StoreError::Corrupt(format!("device {kind}")))?,
        name: row.text("name")?,
        created_at: ts(row.int("created_at")?)?,
        revoked: row.int_or_null("revoked_at")?.is_some(),
    })
}

pub(crate) fn event(row: &impl Columns) -> Result<FloorEvent, StoreError> {
    Ok(FloorEvent {
        id: row.int("id")?,
        office_id: row.text("office_id")?,
        kind: row.text("kind")?,
        ticket: row.text("ticket")?,
        counter: row.text_or_null("counter")?,
        at: ts(row.int("at")?)?,
    })
}

macro_rules! request_columns {
    () => {
        "id, account_id, person_id, visit_type_id, offices, date_from, date_to, morning, \
         afternoon, language, status, created_at"
    };
}

macro_rules! offer_columns {
    () => {
        "id, request_id, office_id, visit_type_id, start_at, end_at, status, created_at, \
         expires_at, appointment_id"
    };
}

pub(crate) use {offer_columns, request_columns};

/// A waitlist request; its position and offer are read apart.
pub(crate) fn request(row: &impl Columns) -> Result<WaitlistRequest, StoreError> {
    use termin_domain::{OfficeId, PartOfDay, VisitTypeId, Wish};
    let corrupt = |what: &str| StoreError::Corrupt(format!("waitlist request: {what}"));
    let status = row.text("status")?;
    let offices = row
        .text("offices")?
        .split(',')
        .filter(|id| !id.is_empty())
        .map(|id| OfficeId::parse(id).map_err(|_| corrupt(id)))
        .collect::<Result<Vec<_>, _>>()?;
    let times = [
        (PartOfDay::Morning, row.flag("morning")?),
        (PartOfDay::Afternoon, row.flag("afternoon")?),
    ]
    .into_iter()
    .filter(|(_, on)| *on)
    .map(|(part, _)| part)
    .collect();
    let visit_type = row.text("visit_type_id")?;
    Ok(WaitlistRequest {
        id: row.int("id")?,
        account_id: row.int("account_id")?,
        person_id: row.int("person_id")?,
        wish: Wish {
            visit_type: VisitTypeId::parse(&visit_type).map_err(|_| corrupt(&visit_type))?,
            offices,
            from: date(&row.text("date_from")?)?,
            to: date(&row.text("date_to")?)?,
            times,
        },
        language: row.text("language")?,
        status: RequestStatus::parse(&status).ok_or_else(|| corrupt(&status))?,
        created_at: ts(row.int("created_at")?)?,
        position: None,
        offer: None,
    })
}

pub(crate) fn offer(row: &impl Columns) -> Result<Offer, StoreError> {
    let status = row.text("status")?;
    Ok(Offer {
        id: row.int("id")?,
        request_id: row.int("request_id")?,
        office_id: row.text("office_id")?,
        visit_type_id: row.text("visit_type_id")?,
        start: ts(row.int("start_at")?)?,
        end: ts(row.int("end_at")?)?,
        status: OfferStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("offer status {status}")))?,
        created_at: ts(row.int("created_at")?)?,
        expires_at: ts(row.int("expires_at")?)?,
        appointment_id: row.int_or_null("appointment_id")?,
    })
}
