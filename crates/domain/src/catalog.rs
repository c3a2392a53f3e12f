//! Offices and visit types (domain.md §3, §4), loaded from `data/offices.toml` and
//! `data/visit_types.toml`.
//!
//! The data is configuration, not code: hours, phones and which office offers what change
//! more often than the rules, and every figure has to be traceable to a source.

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use jiff::civil::{Time, Weekday};
use serde::{Deserialize, Serialize};

use crate::ids::{OfficeId, VisitTypeId};

/// Who handles a matter (domain.md §1). This system books OAMP offices only; the Foreign
/// Police is known so guidance can send people to the right authority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Authority {
    #[default]
    Oamp,
    Police,
}

/// Which agenda a visit type belongs to. Praha I serves only the permanent-residence agenda
/// and what relates to it (domain.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agenda {
    PermanentResidence,
    #[default]
    General,
}

/// Visit types of the general agenda that still "relate to" permanent residence, so an
/// office with `permanent_residence_only` may offer them (docs/domain-api.md): a
/// permanent resident also has biometrics taken, collects the card, reports changes and
/// losses, asks for a confirmation and for the Czech exam voucher.
pub const PERMANENT_RESIDENCE_RELATED: [&str; 6] = [
    "card-pickup",
    "biometrics",
    "change-report",
    "lost-document",
    "residence-confirmation",
    "czech-exam-voucher",
];

/// What an appointment is for (domain.md §4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitType {
    pub id: VisitTypeId,
    /// Official Czech name.
    pub name_cs: String,
    pub name_en: String,
    /// Length of one slot.
    pub duration_minutes: u32,
    /// domain.md §4: where the sources say nothing, the safe default is "yes".
    #[serde(default = "yes")]
    pub personal_attendance: bool,
    /// domain.md §4: where the sources say nothing, the safe default is "no".
    #[serde(default)]
    pub representative_allowed: bool,
    /// Needs an office equipped to capture biometric data.
    pub requires_bio: bool,
    /// Served without an appointment too (a ticket from the kiosk).
    #[serde(default)]
    pub walk_in: bool,
    /// Ticket prefix at the kiosk and on the call display (`A012`).
    pub group: char,
    #[serde(default)]
    pub agenda: Agenda,
    #[serde(default)]
    pub authority: Authority,
}

fn yes() -> bool {
    true
}

fn two() -> u32 {
    2
}

/// Opening interval of one day, `start` inclusive, `end` exclusive, local Prague time.
///
/// In TOML and JSON it is written `"08:00-12:00"`; a table `{ start = "08:00", end = "12:00" }`
/// is also read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub start: Time,
    pub end: Time,
}

impl Interval {
    /// Parses `"HH:MM-HH:MM"` (start must be before end).
    pub fn parse(s: &str) -> Result<Interval, String> {
        let (start, end) = s
            .split_once('-')
            .ok_or_else(|| format!("interval {s:?} is not HH:MM-HH:MM"))?;
        let time = |t: &str| -> Result<Time, String> {
            t.trim()
                .parse::<Time>()
                .map_err(|e| format!("bad time {t:?} in interval {s:?}: {e}"))
        };
        let interval = Interval {
            start: time(start)?,
            end: time(end)?,
        };
        if interval.start >= interval.end {
            return Err(format!("interval {s:?} does not start before it ends"));
        }
        Ok(interval)
    }

    /// Whether the local time `t` is inside `[start, end)`.
    pub fn contains(&self, t: Time) -> bool {
        self.start <= t && t < self.end
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn hm(t: Time, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if t.second() == 0 && t.subsec_nanosecond() == 0 {
                write!(f, "{:02}:{:02}", t.hour(), t.minute())
            } else {
                write!(f, "{t}")
            }
        }
        hm(self.start, f)?;
        f.write_str("-")?;
        hm(self.end, f)
    }
}

impl Serialize for Interval {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Interval {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Interval, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Table { start: Time, end: Time },
        }
        match Raw::deserialize(d)? {
            Raw::Text(s) => Interval::parse(&s).map_err(serde::de::Error::custom),
            Raw::Table { start, end } if start < end => Ok(Interval { start, end }),
            Raw::Table { .. } => Err(serde::de::Error::custom(
                "interval does not start before it ends",
            )),
        }
    }
}

/// Office hours by weekday (domain.md §3). Weekends are always closed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekHours {
    #[serde(default)]
    pub mon: Vec<Interval>,
    #[serde(default)]
    pub tue: Vec<Interval>,
    #[serde(default)]
    pub wed: Vec<Interval>,
    #[serde(default)]
    pub thu: Vec<Interval>,
    #[serde(default)]
    pub fri: Vec<Interval>,
}

impl WeekHours {
    /// The intervals on `day`, in order; empty on Saturday and Sunday.
    pub fn on(&self, day: Weekday) -> &[Interval] {
        match day {
            Weekday::Monday => &self.mon,
            Weekday::Tuesday => &self.tue,
            Weekday::Wednesday => &self.wed,
            Weekday::Thursday => &self.thu,
            Weekday::Friday => &self.fri,
            Weekday::Saturday | Weekday::Sunday => &[],
        }
    }

    /// Monday to Friday with their intervals.
    pub fn days(&self) -> [(Weekday, &[Interval]); 5] {
        [
            (Weekday::Monday, &self.mon),
            (Weekday::Tuesday, &self.tue),
            (Weekday::Wednesday, &self.wed),
            (Weekday::Thursday, &self.thu),
            (Weekday::Friday, &self.fri),
        ]
    }
}

/// An OAMP workplace (domain.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    pub id: OfficeId,
    pub name: String,
    /// Region (kraj) in Czech, e.g. "Středočeský kraj".
    pub region: String,
    /// Empty when not known for certain (`address_confirmed == false`).
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub phones: Vec<String>,
    /// Equipped to capture biometric data.
    #[serde(default)]
    pub bio: bool,
    /// A regional office ("Regionální oddělení"), the main one of its region.
    #[serde(default)]
    pub regional: bool,
    /// `None` when the sources do not publish hours: the office is listed but not bookable.
    #[serde(default)]
    pub hours: Option<WeekHours>,
    /// Friday hours are for invited / booked clients only ("na vyzvání").
    #[serde(default)]
    pub friday_booked_only: bool,
    /// Praha I: only the permanent-residence agenda and what relates to it.
    #[serde(default)]
    pub permanent_residence_only: bool,
    /// False when the sources do not pair the office with an address unambiguously; shown
    /// to administrators rather than guessed (domain.md §3).
    #[serde(default = "yes")]
    pub address_confirmed: bool,
    /// Parallel counters per visit type: how many clients one slot can take.
    #[serde(default = "two")]
    pub counters: u32,
    #[serde(default)]
    pub visit_types: Vec<VisitTypeId>,
}

impl Office {
    /// Whether appointments can be made: only when office hours are known.
    pub fn is_bookable(&self) -> bool {
        self.hours.is_some()
    }

    /// Whether the office handles this visit type.
    pub fn offers(&self, vt: &VisitTypeId) -> bool {
        self.visit_types.contains(vt)
    }
}

/// Why catalog data was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    #[error("{file}: {message}")]
    Toml { file: &'static str, message: String },
    #[error("office id {0} appears more than once")]
    DuplicateOffice(OfficeId),
    #[error("visit type id {0} appears more than once")]
    DuplicateVisitType(VisitTypeId),
    #[error("visit type {visit_type}: {reason}")]
    BadVisitType {
        visit_type: VisitTypeId,
        reason: String,
    },
    #[error("office {office}: {reason}")]
    BadOffice { office: OfficeId, reason: String },
    #[error("office {office}: hours on {day:?}: {reason}")]
    BadHours {
        office: OfficeId,
        day: Weekday,
        reason: String,
    },
    #[error("office {office} offers unknown visit type {visit_type}")]
    UnknownVisitType {
        office: OfficeId,
        visit_type: VisitTypeId,
    },
    #[error("office {office} lists visit type {visit_type} twice")]
    DuplicateOffer {
        office: OfficeId,
        visit_type: VisitTypeId,
    },
    #[error("office {office} is not a BIO office but offers {visit_type}, which needs one")]
    BioRequired {
        office: OfficeId,
        visit_type: VisitTypeId,
    },
    #[error("office {office} serves only the permanent-residence agenda but offers {visit_type}")]
    OutsidePermanentResidenceAgenda {
        office: OfficeId,
        visit_type: VisitTypeId,
    },
}

/// All offices and visit types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub offices: Vec<Office>,
    pub visit_types: Vec<VisitType>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficesFile {
    office: Vec<Office>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VisitTypesFile {
    visit_type: Vec<VisitType>,
}

const SHIPPED_OFFICES: &str = include_str!("../../../data/offices.toml");
const SHIPPED_VISIT_TYPES: &str = include_str!("../../../data/visit_types.toml");

static SHIPPED: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::from_toml(SHIPPED_OFFICES, SHIPPED_VISIT_TYPES)
        .unwrap_or_else(|e| panic!("the shipped data/*.toml is invalid: {e}"))
});

/// Longest slot we accept: a whole office day.
const MAX_DURATION_MINUTES: u32 = 8 * 60;

impl Catalog {
    /// Reads `[[office]]` entries and `[[visit_type]]` entries and validates them together.
    pub fn from_toml(offices: &str, visit_types: &str) -> Result<Catalog, CatalogError> {
        let offices: OfficesFile = toml::from_str(offices).map_err(|e| CatalogError::Toml {
            file: "offices",
            message: e.to_string(),
        })?;
        let visit_types: VisitTypesFile =
            toml::from_str(visit_types).map_err(|e| CatalogError::Toml {
                file: "visit types",
                message: e.to_string(),
            })?;
        let catalog = Catalog {
            offices: offices.office,
            visit_types: visit_types.visit_type,
        };
        catalog.validate()?;
        Ok(catalog)
    }

    /// The data shipped in the repository's `data/` directory, compiled into the binary.
    /// Panics only if that data is invalid, which a test rules out.
    pub fn shipped() -> Catalog {
        SHIPPED.clone()
    }

    /// Checks the invariants the rest of the system relies on: unique ids, well-formed
    /// visit types, ordered non-overlapping hours, offered visit types that exist, BIO
    /// visit types only at BIO offices (domain.md §3, §4), and Praha I's restriction.
    pub fn validate(&self) -> Result<(), CatalogError> {
        let mut vt_ids = HashSet::new();
        for vt in &self.visit_types {
            if !vt_ids.insert(&vt.id) {
                return Err(CatalogError::DuplicateVisitType(vt.id.clone()));
            }
            let bad = |reason: &str| {
                Err(CatalogError::BadVisitType {
                    visit_type: vt.id.clone(),
                    reason: reason.to_owned(),
                })
            };
            if vt.name_cs.trim().is_empty() || vt.name_en.trim().is_empty() {
                return bad("needs a Czech and an English name");
            }
            if vt.duration_minutes == 0 || vt.duration_minutes > MAX_DURATION_MINUTES {
                return bad("duration_minutes must be between 1 and 480");
            }
            if !vt.group.is_ascii_uppercase() {
                return bad("group must be one letter A-Z");
            }
        }

        let mut office_ids = HashSet::new();
        for office in &self.offices {
            if !office_ids.insert(&office.id) {
                return Err(CatalogError::DuplicateOffice(office.id.clone()));
            }
            let bad = |reason: &str| {
                Err(CatalogError::BadOffice {
                    office: office.id.clone(),
                    reason: reason.to_owned(),
                })
            };
            if office.name.trim().is_empty() || office.region.trim().is_empty() {
                return bad("needs a name and a region");
            }
            if office.address_confirmed && office.address.trim().is_empty() {
                return bad("has no address but address_confirmed is true");
            }
            if office.counters == 0 {
                return bad("counters must be at least 1");
            }
            if let Some(hours) = &office.hours {
                validate_hours(office, hours)?;
            }
            let mut offered = HashSet::new();
            for id in &office.visit_types {
                if !offered.insert(id) {
                    return Err(CatalogError::DuplicateOffer {
                        office: office.id.clone(),
                        visit_type: id.clone(),
                    });
                }
                let Some(vt) = self.visit_type(id) else {
                    return Err(CatalogError::UnknownVisitType {
                        office: office.id.clone(),
                        visit_type: id.clone(),
                    });
                };
                // domain.md §3, §4: biometrics can be captured only at a BIO office.
                if vt.requires_bio && !office.bio {
                    return Err(CatalogError::BioRequired {
                        office: office.id.clone(),
                        visit_type: id.clone(),
                    });
                }
                // domain.md §3: Praha I handles only permanent residence and what relates to it.
                if office.permanent_residence_only
                    && vt.agenda != Agenda::PermanentResidence
                    && !PERMANENT_RESIDENCE_RELATED.contains(&id.as_str())
                {
                    return Err(CatalogError::OutsidePermanentResidenceAgenda {
                        office: office.id.clone(),
                        visit_type: id.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    pub fn office(&self, id: &OfficeId) -> Option<&Office> {
        self.offices.iter().find(|o| &o.id == id)
    }

    pub fn visit_type(&self, id: &VisitTypeId) -> Option<&VisitType> {
        self.visit_types.iter().find(|vt| &vt.id == id)
    }

    /// Offices with known hours, in file order.
    pub fn bookable_offices(&self) -> impl Iterator<Item = &Office> {
        self.offices.iter().filter(|o| o.is_bookable())
    }

    /// Bookable offices that offer the visit type, in file order.
    pub fn offices_offering<'a>(
        &'a self,
        vt: &'a VisitTypeId,
    ) -> impl Iterator<Item = &'a Office> + 'a {
        self.bookable_offices().filter(move |o| o.offers(vt))
    }
}

fn validate_hours(office: &Office, hours: &WeekHours) -> Result<(), CatalogError> {
    let bad = |day, reason: &str| {
        Err(CatalogError::BadHours {
            office: office.id.clone(),
            day,
            reason: reason.to_owned(),
        })
    };
    if hours
        .days()
        .iter()
        .all(|(_, intervals)| intervals.is_empty())
    {
        return Err(CatalogError::BadOffice {
            office: office.id.clone(),
            reason: "has hours without any interval (leave hours out if unknown)".to_owned(),
        });
    }
    for (day, intervals) in hours.days() {
        for interval in intervals {
            if interval.start >= interval.end {
                return bad(day, "an interval does not start before it ends");
            }
        }
        // Slots are generated interval by interval, so overlaps would double them.
        if intervals.windows(2).any(|w| w[0].end > w[1].start) {
            return bad(day, "intervals must be in order and must not overlap");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    fn id(s: &str) -> OfficeId {
        OfficeId::parse(s).unwrap()
    }

    fn vt(s: &str) -> VisitTypeId {
        VisitTypeId::parse(s).unwrap()
    }

    #[test]
    fn shipped_catalog_loads_and_is_valid() {
        let catalog = Catalog::shipped();
        assert_eq!(catalog.validate(), Ok(()));
        assert!(catalog.visit_types.len() >= 14);
    }

    #[test]
    fn shipped_catalog_has_the_21_bio_offices_of_domain_md_section_3() {
        let catalog = Catalog::shipped();
        let bio: Vec<&str> = catalog
            .offices
            .iter()
            .filter(|o| o.bio)
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(
            bio,
            [
                "praha-1",
                "praha-2",
                "praha-3",
                "praha-4",
                "praha-5",
                "rakovnik",
                "mlada-boleslav",
                "kutna-hora",
                "usti-nad-labem",
                "chomutov",
                "jablonec-nad-nisou",
                "hradec-kralove",
                "pardubice",
                "plzen",
                "karlovy-vary",
                "ceske-budejovice",
                "jihlava",
                "brno",
                "ostrava",
                "prerov",
                "zlin",
            ]
        );
        // Exactly the BIO offices have published hours.
        for office in &catalog.offices {
            assert_eq!(office.is_bookable(), office.bio, "{}", office.id);
            assert!(!office.phones.is_empty() || !office.bio, "{}", office.id);
        }
    }

    #[test]
    fn shipped_regional_offices_are_the_twelve_marked_regional_in_the_table() {
        let catalog = Catalog::shipped();
        let regional: Vec<&str> = catalog
            .offices
            .iter()
            .filter(|o| o.regional)
            .map(|o| o.id.as_str())
            .collect();
        assert_eq!(
            regional,
            [
                "usti-nad-labem",
                "jablonec-nad-nisou",
                "hradec-kralove",
                "pardubice",
                "plzen",
                "karlovy-vary",
                "ceske-budejovice",
                "jihlava",
                "brno",
                "ostrava",
                "prerov",
                "zlin",
            ]
        );
    }

    #[test]
    fn praha_5_has_a_lunch_break_from_12_to_12_30() {
        let catalog = Catalog::shipped();
        let praha5 = catalog.office(&id("praha-5")).unwrap();
        let hours = praha5.hours.as_ref().unwrap();
        let monday = hours.on(Weekday::Monday);
        assert_eq!(
            monday,
            [
                Interval {
                    start: time(8, 0, 0, 0),
                    end: time(12, 0, 0, 0)
                },
                Interval {
                    start: time(12, 30, 0, 0),
                    end: time(15, 0, 0, 0)
                },
            ]
        );
        assert_eq!(hours.on(Weekday::Tuesday)[1].end, time(16, 0, 0, 0));
        assert_eq!(praha5.address, "Nad Štolou 3, Praha 7 – Holešovice");
    }

    #[test]
    fn praha_1_serves_only_the_permanent_residence_agenda() {
        let catalog = Catalog::shipped();
        let praha1 = catalog.office(&id("praha-1")).unwrap();
        assert!(praha1.permanent_residence_only);
        assert!(praha1.offers(&vt("permanent-residence")));
        assert!(!praha1.offers(&vt("long-term-residence")));
        assert!(!praha1.offers(&vt("long-term-visa-extension")));
        for offered in &praha1.visit_types {
            let t = catalog.visit_type(offered).unwrap();
            assert!(
                t.agenda == Agenda::PermanentResidence
                    || PERMANENT_RESIDENCE_RELATED.contains(&offered.as_str()),
                "{offered}"
            );
        }
    }

    #[test]
    fn shipped_hours_follow_the_table() {
        let catalog = Catalog::shipped();
        let hours = |o: &str, day| {
            catalog
                .office(&id(o))
                .unwrap()
                .hours
                .as_ref()
                .unwrap()
                .on(day)
                .to_vec()
        };
        let iv = |s: &str| Interval::parse(s).unwrap();
        assert_eq!(
            hours("hradec-kralove", Weekday::Tuesday),
            [iv("08:00-11:30")]
        );
        assert_eq!(
            hours("hradec-kralove", Weekday::Thursday),
            [iv("08:00-11:30")]
        );
        assert_eq!(hours("praha-3", Weekday::Friday), [iv("08:00-12:00")]);
        assert_eq!(hours("rakovnik", Weekday::Tuesday), [iv("08:00-14:00")]);
        assert_eq!(hours("zlin", Weekday::Wednesday), [iv("08:00-17:00")]);
        assert!(catalog.office(&id("brno")).unwrap().friday_booked_only);
        assert!(!catalog.office(&id("praha-2")).unwrap().friday_booked_only);
        assert_eq!(
            catalog.office(&id("praha-4")).unwrap().phones,
            ["974 820 409", "974 820 415"]
        );
        assert_eq!(catalog.office(&id("praha-4")).unwrap().counters, 4);
        assert_eq!(catalog.office(&id("brno")).unwrap().counters, 2);
    }

    #[test]
    fn unconfirmed_offices_carry_no_invented_address() {
        let catalog = Catalog::shipped();
        for o in [
            "jicin",
            "breclav",
            "znojmo",
            "pisek",
            "klatovy",
            "jindrichuv-hradec",
        ] {
            let office = catalog.office(&id(o)).unwrap();
            assert!(!office.address_confirmed, "{o}");
            assert!(office.address.is_empty(), "{o}");
            assert!(!office.is_bookable(), "{o}");
        }
        let cheb = catalog.office(&id("cheb")).unwrap();
        assert!(cheb.address_confirmed && !cheb.bio && !cheb.is_bookable());
    }

    #[test]
    fn no_shipped_non_bio_office_offers_a_bio_visit_type() {
        let catalog = Catalog::shipped();
        for office in catalog.offices.iter().filter(|o| !o.bio) {
            for offered in &office.visit_types {
                assert!(
                    !catalog.visit_type(offered).unwrap().requires_bio,
                    "{} {offered}",
                    office.id
                );
            }
        }
    }

    #[test]
    fn shipped_visit_types_have_the_section_4_attributes() {
        let catalog = Catalog::shipped();
        let get = |s: &str| catalog.visit_type(&vt(s)).unwrap().clone();
        let first = get("long-term-residence");
        assert_eq!(
            first.name_cs,
            "Povolení k dlouhodobému pobytu – první žádost"
        );
        assert!(first.personal_attendance && !first.representative_allowed && first.requires_bio);
        assert!(get("long-term-residence-extension").representative_allowed);
        assert!(get("change-report").representative_allowed);
        assert!(get("lost-document").representative_allowed);
        assert!(!get("permanent-residence").representative_allowed);
        assert_eq!(
            get("permanent-residence").agenda,
            Agenda::PermanentResidence
        );
        assert!(get("biometrics").requires_bio);
        assert!(get("residence-confirmation").walk_in);
        assert!(get("czech-exam-voucher").walk_in);
        assert!(!get("long-term-residence").walk_in);
        for t in &catalog.visit_types {
            assert_eq!(t.authority, Authority::Oamp, "{}", t.id);
            assert!((15..=45).contains(&t.duration_minutes), "{}", t.id);
        }
    }

    const ONE_TYPE: &str = r#"
        [[visit_type]]
        id = "biometrics"
        name_cs = "Snímání biometrických údajů"
        name_en = "Biometric data capture"
        duration_minutes = 15
        requires_bio = true
        group = "E"
    "#;

    fn office_toml(extra: &str) -> String {
        format!(
            r#"
            [[office]]
            id = "x"
            name = "X"
            region = "Kraj"
            address = "Ulice 1"
            bio = true
            visit_types = ["biometrics"]
            {extra}
            "#
        )
    }

    #[test]
    fn defaults_apply_where_the_data_is_silent() {
        let catalog = Catalog::from_toml(&office_toml(""), ONE_TYPE).unwrap();
        let office = &catalog.offices[0];
        assert_eq!(office.counters, 2);
        assert!(office.address_confirmed);
        assert!(!office.is_bookable());
        let t = &catalog.visit_types[0];
        // domain.md §4: personal attendance yes, representative no.
        assert!(t.personal_attendance && !t.representative_allowed);
        assert_eq!(t.authority, Authority::Oamp);
        assert_eq!(t.agenda, Agenda::General);
    }

    #[test]
    fn bio_visit_type_at_a_non_bio_office_is_refused() {
        let offices = office_toml("").replace("bio = true", "bio = false");
        assert!(matches!(
            Catalog::from_toml(&offices, ONE_TYPE),
            Err(CatalogError::BioRequired { .. })
        ));
    }

    #[test]
    fn unknown_visit_type_is_refused() {
        let offices = office_toml("").replace("[\"biometrics\"]", "[\"biometrics\", \"nope\"]");
        assert!(matches!(
            Catalog::from_toml(&offices, ONE_TYPE),
            Err(CatalogError::UnknownVisitType { .. })
        ));
    }

    #[test]
    fn duplicate_office_is_refused() {
        let offices = format!("{}{}", office_toml(""), office_toml(""));
        assert!(matches!(
            Catalog::from_toml(&offices, ONE_TYPE),
            Err(CatalogError::DuplicateOffice(_))
        ));
    }

    #[test]
    fn duplicate_visit_type_is_refused() {
        let types = format!("{ONE_TYPE}{ONE_TYPE}");
        assert!(matches!(
            Catalog::from_toml(&office_toml(""), &types),
            Err(CatalogError::DuplicateVisitType(_))
        ));
    }

    #[test]
    fn overlapping_or_reversed_intervals_are_refused() {
        let overlapping = office_toml("[office.hours]\nmon = [\"08:00-12:00\", \"11:00-15:00\"]");
        assert!(matches!(
            Catalog::from_toml(&overlapping, ONE_TYPE),
            Err(CatalogError::BadHours {
                day: Weekday::Monday,
                ..
            })
        ));
        let unordered = office_toml("[office.hours]\ntue = [\"12:30-15:00\", \"08:00-12:00\"]");
        assert!(matches!(
            Catalog::from_toml(&unordered, ONE_TYPE),
            Err(CatalogError::BadHours {
                day: Weekday::Tuesday,
                ..
            })
        ));
        let reversed = office_toml("[office.hours]\nwed = [\"17:00-08:00\"]");
        assert!(matches!(
            Catalog::from_toml(&reversed, ONE_TYPE),
            Err(CatalogError::Toml { .. })
        ));
        let table = office_toml("[office.hours]\nthu = [{ start = \"08:00\", end = \"11:30\" }]");
        let catalog = Catalog::from_toml(&table, ONE_TYPE).unwrap();
        assert_eq!(
            catalog.offices[0].hours.as_ref().unwrap().thu,
            [Interval {
                start: time(8, 0, 0, 0),
                end: time(11, 30, 0, 0)
            }]
        );
    }

    #[test]
    fn confirmed_address_must_not_be_empty() {
        let offices = office_toml("").replace("address = \"Ulice 1\"", "address = \"\"");
        assert!(matches!(
            Catalog::from_toml(&offices, ONE_TYPE),
            Err(CatalogError::BadOffice { .. })
        ));
        let unconfirmed = offices.replace("bio = true", "bio = true\naddress_confirmed = false");
        assert!(Catalog::from_toml(&unconfirmed, ONE_TYPE).is_ok());
    }

    #[test]
    fn permanent_residence_only_office_may_not_offer_the_general_agenda() {
        let types = format!(
            "{ONE_TYPE}{}",
            r#"
            [[visit_type]]
            id = "long-term-residence"
            name_cs = "Povolení k dlouhodobému pobytu – první žádost"
            name_en = "Long-term residence permit – first application"
            duration_minutes = 30
            requires_bio = true
            group = "A"
            "#
        );
        let offices = office_toml("permanent_residence_only = true").replace(
            "[\"biometrics\"]",
            "[\"biometrics\", \"long-term-residence\"]",
        );
        assert!(matches!(
            Catalog::from_toml(&offices, &types),
            Err(CatalogError::OutsidePermanentResidenceAgenda { .. })
        ));
    }

    #[test]
    fn interval_round_trips_as_text() {
        let iv = Interval::parse("12:30-16:00").unwrap();
        assert_eq!(iv.to_string(), "12:30-16:00");
        assert!(iv.contains(time(12, 30, 0, 0)));
        assert!(!iv.contains(time(16, 0, 0, 0)));
        assert!(Interval::parse("8-12").is_err());
        assert!(Interval::parse("12:00-12:00").is_err());
    }
}
