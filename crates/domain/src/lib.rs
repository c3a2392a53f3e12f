//! Pure domain types and rules of Termín, the reservation system of the foreigners'
//! residence offices of OAMP (domain.md §1–§5).
//!
//! No I/O, and no clock reads outside [`time::SystemClock`] and [`time::DevClock`]: every
//! rule is a function of data and a `now` that the caller takes from a [`time::Clock`]. The shipped office and visit-type data live in
//! `data/*.toml` and are compiled in by [`catalog::Catalog::shipped`].
//!
//! Modules are public (`termin_domain::calendar::is_working_day`); the value types and the
//! most used items are also re-exported at the crate root.

pub mod appointment;
pub mod calendar;
pub mod catalog;
pub mod deadlines;
pub mod floor;
pub mod guidance;
pub mod ids;
pub mod policy;
pub mod schengen;
pub mod slots;
pub mod time;
pub mod values;
pub mod waitlist;

pub use appointment::{AppointmentStatus, InvalidTransition, Transition};
pub use calendar::Holiday;
pub use catalog::{
    Agenda, Authority, Catalog, CatalogError, Interval, Office, VisitType, WeekHours,
};
pub use ids::{OfficeId, VisitTypeId};
pub use policy::{BookingPolicy, BookingTimeRefusal, CancelRefusal, Standing, age_on};
pub use slots::SlotTime;
pub use time::{Clock, ClockError, DevClock, ManualClock, SystemClock};
pub use values::{Email, FullName, Language, ParseError, Password, Pin, ValueKind, WeakPassword};
pub use waitlist::{PartOfDay, Wish, WishRefusal};
