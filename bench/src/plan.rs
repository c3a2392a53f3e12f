//! What the load generator asks for: bookable (office, visit type, start) targets computed from
//! the shipped catalogue with the same slot rules the server uses.

use jiff::Timestamp;
use jiff::civil::Date;
use rand::Rng;
use termin_domain::{Catalog, slots, time};

/// One office × visit type pair with every slot start in the planning window.
pub struct Pair {
    pub office: String,
    pub visit_type: String,
    pub capacity: u32,
    pub starts: Vec<Timestamp>,
}

pub struct Plan {
    pub pairs: Vec<Pair>,
    /// Visit type ids, each with the indices of the pairs that offer it.
    pub visit_types: Vec<(String, Vec<usize>)>,
    /// First and last day of the booking window (inclusive).
    pub first_day: Date,
    pub last_day: Date,
}

impl Plan {
    /// Slots from `first_ahead` to `last_ahead` days after today (Prague), working days only.
    pub fn new(catalog: &Catalog, now: Timestamp, first_ahead: i64, last_ahead: i64) -> Plan {
        let today = time::local_date(now);
        let first_day = today.saturating_add(jiff::Span::new().days(first_ahead));
        let last_day = today.saturating_add(jiff::Span::new().days(last_ahead));
        let mut pairs = Vec::new();
        let mut visit_types: Vec<(String, Vec<usize>)> = Vec::new();
        for vt in &catalog.visit_types {
            let mut offering = Vec::new();
            for office in catalog.offices_offering(&vt.id) {
                let starts: Vec<Timestamp> = slots::slots_between(office, vt, first_day, last_day)
                    .into_iter()
                    .map(|s| s.start)
                    .collect();
                if starts.is_empty() {
                    continue;
                }
                offering.push(pairs.len());
                pairs.push(Pair {
                    office: office.id.as_str().to_string(),
                    visit_type: vt.id.as_str().to_string(),
                    capacity: office.counters,
                    starts,
                });
            }
            if !offering.is_empty() {
                visit_types.push((vt.id.as_str().to_string(), offering));
            }
        }
        Plan {
            pairs,
            visit_types,
            first_day,
            last_day,
        }
    }

    /// Places in the whole window per visit type.
    pub fn capacity_of(&self, vt: usize) -> u64 {
        self.visit_types[vt]
            .1
            .iter()
            .map(|&p| self.pairs[p].starts.len() as u64 * u64::from(self.pairs[p].capacity))
            .sum()
    }

    /// A random slot of visit type `vt`, offices weighted by how many places they have.
    pub fn random_slot(&self, vt: usize, rng: &mut impl Rng) -> (usize, Timestamp) {
        let offering = &self.visit_types[vt].1;
        let total: u64 = offering
            .iter()
            .map(|&p| self.pairs[p].starts.len() as u64 * u64::from(self.pairs[p].capacity))
            .sum();
        let mut pick = rng.random_range(0..total);
        for &p in offering {
            let weight = self.pairs[p].starts.len() as u64 * u64::from(self.pairs[p].capacity);
            if pick < weight {
                let starts = &self.pairs[p].starts;
                return (p, starts[rng.random_range(0..starts.len())]);
            }
            pick -= weight;
        }
        let p = offering[0];
        (p, self.pairs[p].starts[0])
    }
}

/// The hot set of the release rush: every slot of one office and visit type on `days`
/// consecutive working days starting `first_ahead` days from today.
pub struct HotSet {
    pub office: String,
    pub visit_type: String,
    pub starts: Vec<Timestamp>,
    pub capacity: u32,
    pub days: Vec<Date>,
}

impl HotSet {
    pub fn new(
        catalog: &Catalog,
        now: Timestamp,
        office: &str,
        visit_type: &str,
        first_ahead: i64,
        days: usize,
    ) -> Result<HotSet, String> {
        let office = catalog
            .offices
            .iter()
            .find(|o| o.id.as_str() == office)
            .ok_or_else(|| format!("no office {office}"))?;
        let vt = catalog
            .visit_types
            .iter()
            .find(|v| v.id.as_str() == visit_type)
            .ok_or_else(|| format!("no visit type {visit_type}"))?;
        let mut day = time::local_date(now).saturating_add(jiff::Span::new().days(first_ahead));
        let mut starts = Vec::new();
        let mut picked = Vec::new();
        for _ in 0..60 {
            if picked.len() == days {
                break;
            }
            let on = slots::slots_on(office, vt, day);
            if !on.is_empty() {
                picked.push(day);
                starts.extend(on.into_iter().map(|s| s.start));
            }
            day = day.tomorrow().map_err(|e| e.to_string())?;
        }
        if starts.is_empty() {
            return Err(format!(
                "{} does not offer {visit_type} on working days",
                office.id.as_str()
            ));
        }
        Ok(HotSet {
            office: office.id.as_str().to_string(),
            visit_type: vt.id.as_str().to_string(),
            starts,
            capacity: office.counters,
            days: picked,
        })
    }

    pub fn places(&self) -> u64 {
        self.starts.len() as u64 * u64::from(self.capacity)
    }
}
