//! Rows to models, written once for both backends.
//!
//! The mappings only call `try_get` by column name, which both backends' rows have, with
//! types both decode the same way (SQLite and PostgreSQL columns are declared alike in the
//! migrations). Each backend module expands them for its own row type:
//! `crate::rows::row_mappers!(SqliteRow);`.

macro_rules! row_mappers {
    ($row:ty) => {
        fn account_from(row: &$row) -> Result<Account, StoreError> {
            let role: String = row.try_get("role")?;
            Ok(Account {
                id: row.try_get("id")?,
                email: row.try_get("email")?,
                password_hash: row.try_get("password_hash")?,
                full_name: row.try_get("full_name")?,
                date_of_birth: date(&row.try_get::<String, _>("date_of_birth")?)?,
                language: row.try_get("language")?,
                role: Role::parse(&role)
                    .ok_or_else(|| StoreError::Corrupt(format!("role {role}")))?,
                email_verified: row
                    .try_get::<Option<i64>, _>("email_verified_at")?
                    .is_some(),
                created_at: ts(row.try_get("created_at")?)?,
            })
        }

        fn person_from(row: &$row) -> Result<Person, StoreError> {
            let relation: String = row.try_get("relation")?;
            Ok(Person {
                id: row.try_get("id")?,
                account_id: row.try_get("account_id")?,
                full_name: row.try_get("full_name")?,
                date_of_birth: date(&row.try_get::<String, _>("date_of_birth")?)?,
                relation: if relation == "self" {
                    Relation::Myself
                } else {
                    Relation::Child
                },
            })
        }

        fn appointment_from(row: &$row) -> Result<Appointment, StoreError> {
            let status: String = row.try_get("status")?;
            Ok(Appointment {
                id: row.try_get("id")?,
                account_id: row.try_get("account_id")?,
                person_id: row.try_get("person_id")?,
                office_id: row.try_get("office_id")?,
                visit_type_id: row.try_get("visit_type_id")?,
                start: ts(row.try_get("start_at")?)?,
                end: ts(row.try_get("end_at")?)?,
                pin: row.try_get("pin")?,
                status: AppointmentStatus::parse(&status)
                    .map_err(|_| StoreError::Corrupt(format!("status {status}")))?,
                language: row.try_get("language")?,
                created_at: ts(row.try_get("created_at")?)?,
                status_changed_at: ts(row.try_get("status_changed_at")?)?,
                sequence: row.try_get("sequence")?,
            })
        }

        fn ticket_from(row: &$row) -> Result<Ticket, StoreError> {
            let status: String = row.try_get("status")?;
            Ok(Ticket {
                id: row.try_get("id")?,
                office_id: row.try_get("office_id")?,
                local_date: date(&row.try_get::<String, _>("local_date")?)?,
                number: row.try_get("number")?,
                appointment_id: row.try_get("appointment_id")?,
                visit_type_id: row.try_get("visit_type_id")?,
                language: row.try_get("language")?,
                status: AppointmentStatus::parse(&status)
                    .map_err(|_| StoreError::Corrupt(format!("ticket status {status}")))?,
                counter: row.try_get("counter")?,
                checked_in_at: ts(row.try_get("checked_in_at")?)?,
                called_at: row
                    .try_get::<Option<i64>, _>("called_at")?
                    .map(ts)
                    .transpose()?,
                finished_at: row
                    .try_get::<Option<i64>, _>("finished_at")?
                    .map(ts)
                    .transpose()?,
            })
        }

        fn device_from(row: &$row) -> Result<Device, StoreError> {
            let kind: String = row.try_get("kind")?;
            Ok(Device {
                id: row.try_get("id")?,
                office_id: row.try_get("office_id")?,
                kind: DeviceKind::parse(&kind)
                    .ok_or_else(|| StoreError::Corrupt(format!("device {kind}")))?,
                name: row.try_get("name")?,
                created_at: ts(row.try_get("created_at")?)?,
                revoked: row.try_get::<Option<i64>, _>("revoked_at")?.is_some(),
            })
        }

        fn event_from(row: &$row) -> Result<FloorEvent, StoreError> {
            Ok(FloorEvent {
                id: row.try_get("id")?,
                office_id: row.try_get("office_id")?,
                kind: row.try_get("kind")?,
                ticket: row.try_get("ticket")?,
                counter: row.try_get("counter")?,
                at: ts(row.try_get("at")?)?,
            })
        }
    };
}

pub(crate) use row_mappers;
