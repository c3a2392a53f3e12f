//! What to bring (domain.md §6) and what it costs (domain.md §7), as data with stable ids.
//!
//! Ids are Fluent keys the pages translate: a checklist item `doc-passport` is the message
//! `doc-passport`; its condition `on-request` is `condition-on-request`; a general note
//! `note-block-letters` is the message `note-block-letters`; a fee act
//! `card-issue-or-extension` is `fee-card-issue-or-extension`. The texts belong to the
//! locales, the rules (which item, when, how much) to this module.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The purpose of a long-term stay, for the purpose documents of §6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    Study,
    EmployeeCard,
    BlueCard,
    Business,
    FamilyReunification,
}

impl Purpose {
    pub const ALL: [Purpose; 5] = [
        Purpose::Study,
        Purpose::EmployeeCard,
        Purpose::BlueCard,
        Purpose::Business,
        Purpose::FamilyReunification,
    ];

    /// The stable id (`purpose-<id>` in Fluent).
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Study => "study",
            Purpose::EmployeeCard => "employee-card",
            Purpose::BlueCard => "blue-card",
            Purpose::Business => "business",
            Purpose::FamilyReunification => "family-reunification",
        }
    }

    pub fn parse(s: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// §6: no proof of financial means for employment, research, the employee card and the
    /// blue card (their contracts carry wage conditions instead).
    fn needs_financial_means(self) -> bool {
        !matches!(self, Purpose::EmployeeCard | Purpose::BlueCard)
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The application a checklist is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Application {
    /// First application for a long-term residence permit.
    FirstLongTerm,
    /// Extension of a long-term residence permit.
    Extension,
    /// Application for permanent residence.
    PermanentResidence,
    /// Residence of a child born in the Czech Republic.
    ChildBorn,
}

impl Application {
    pub const ALL: [Application; 4] = [
        Application::FirstLongTerm,
        Application::Extension,
        Application::PermanentResidence,
        Application::ChildBorn,
    ];

    /// The stable id (`application-<id>` in Fluent).
    pub fn as_str(self) -> &'static str {
        match self {
            Application::FirstLongTerm => "first-long-term",
            Application::Extension => "extension",
            Application::PermanentResidence => "permanent-residence",
            Application::ChildBorn => "child-born",
        }
    }

    pub fn parse(s: &str) -> Option<Application> {
        Application::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The visit type to book for it (data/visit_types.toml).
    pub fn visit_type(self) -> &'static str {
        match self {
            Application::FirstLongTerm => "long-term-residence",
            Application::Extension => "long-term-residence-extension",
            Application::PermanentResidence => "permanent-residence",
            Application::ChildBorn => "child-born",
        }
    }

    /// Whether the purpose of stay changes the list (§6: first application and extension).
    pub fn depends_on_purpose(self) -> bool {
        matches!(self, Application::FirstLongTerm | Application::Extension)
    }
}

impl fmt::Display for Application {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing to bring. `condition`, when present, says when it is needed (Fluent
/// `condition-<id>`); without one it is always needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ChecklistItem {
    pub id: &'static str,
    pub condition: Option<&'static str>,
}

const fn always(id: &'static str) -> ChecklistItem {
    ChecklistItem {
        id,
        condition: None,
    }
}

const fn when(id: &'static str, condition: &'static str) -> ChecklistItem {
    ChecklistItem {
        id,
        condition: Some(condition),
    }
}

// The condition ids (Fluent `condition-<id>`).
const ON_REQUEST: &str = "on-request";
const MINORS_NOT_YET_LIVING_IN_CZ: &str = "minors-not-yet-living-in-cz";
const IF_APPEARANCE_CHANGED: &str = "if-appearance-changed";
const NOT_FOR_SCIENTIFIC_RESEARCH: &str = "not-for-scientific-research";
const NOT_FOR_EMPLOYMENT_RESEARCH_OR_CARDS: &str = "not-for-employment-research-or-cards";
const AT_EMBASSY_ON_REQUEST_NOT_UNDER_15: &str = "at-embassy-on-request-not-under-15";
const STATUTORY_BODY_OR_MEMBER: &str = "statutory-body-or-member";
const IN_SOME_CASES: &str = "in-some-cases";
const FOR_LONG_TERM_RESIDENCE: &str = "for-long-term-residence";

/// Every condition id a checklist can carry, for the locale completeness check.
pub const CONDITION_IDS: [&str; 9] = [
    ON_REQUEST,
    MINORS_NOT_YET_LIVING_IN_CZ,
    IF_APPEARANCE_CHANGED,
    NOT_FOR_SCIENTIFIC_RESEARCH,
    NOT_FOR_EMPLOYMENT_RESEARCH_OR_CARDS,
    AT_EMBASSY_ON_REQUEST_NOT_UNDER_15,
    STATUTORY_BODY_OR_MEMBER,
    IN_SOME_CASES,
    FOR_LONG_TERM_RESIDENCE,
];

/// §6 "purpose documents", one list per purpose.
fn purpose_documents(purpose: Purpose) -> &'static [ChecklistItem] {
    const STUDY: [ChecklistItem; 1] = [always("doc-school-confirmation")];
    // Contract ≥ 3 months, monthly gross wage ≥ minimum wage, ≥ 15 h/week, the post
    // registered as a vacancy; qualification documents.
    const EMPLOYEE_CARD: [ChecklistItem; 2] = [
        always("doc-employment-contract-employee-card"),
        always("doc-qualification-documents"),
    ];
    // Contract ≥ 3 months, gross wage ≥ 1.5 × the Czech average wage; high qualification.
    const BLUE_CARD: [ChecklistItem; 2] = [
        always("doc-employment-contract-blue-card"),
        always("doc-high-qualification-documents"),
    ];
    const BUSINESS: [ChecklistItem; 5] = [
        always("doc-trade-register-entry"),
        always("doc-no-arrears-social-security"),
        always("doc-no-arrears-tax-office"),
        always("doc-no-arrears-district-social-security"),
        when("doc-no-arrears-company", STATUTORY_BODY_OR_MEMBER),
    ];
    const FAMILY: [ChecklistItem; 2] = [
        always("doc-birth-or-marriage-certificate"),
        when("doc-parents-consent", IN_SOME_CASES),
    ];
    match purpose {
        Purpose::Study => &STUDY,
        Purpose::EmployeeCard => &EMPLOYEE_CARD,
        Purpose::BlueCard => &BLUE_CARD,
        Purpose::Business => &BUSINESS,
        Purpose::FamilyReunification => &FAMILY,
    }
}

/// The purpose part of a long-term checklist, then accommodation and financial means, whose
/// exemptions depend on the purpose (§6). Without a purpose the generic item and the
/// exemptions as conditions.
fn purpose_part(purpose: Option<Purpose>, list: &mut Vec<ChecklistItem>) {
    match purpose {
        Some(p) => {
            list.extend_from_slice(purpose_documents(p));
            // Scientific research is not one of the purposes offered, so accommodation is
            // always needed here.
            list.push(always("doc-accommodation"));
            if p.needs_financial_means() {
                list.push(always("doc-financial-means"));
            }
        }
        None => {
            list.push(always("doc-purpose"));
            list.push(when("doc-accommodation", NOT_FOR_SCIENTIFIC_RESEARCH));
            list.push(when(
                "doc-financial-means",
                NOT_FOR_EMPLOYMENT_RESEARCH_OR_CARDS,
            ));
        }
    }
}

/// What to bring for `application` (domain.md §6, S1). `purpose` matters only for a first
/// long-term application and an extension (see [`Application::depends_on_purpose`]);
/// without it the generic purpose document is listed, with the purpose-dependent exemptions
/// as conditions.
pub fn checklist(application: Application, purpose: Option<Purpose>) -> Vec<ChecklistItem> {
    let mut list = Vec::with_capacity(14);
    match application {
        // §6: 1) passport, 2) 2 photos, 3) purpose, 4) accommodation, 5) means, 6) travel
        // health insurance (payment on request), 7) minors' consent, 8) criminal record on
        // request, 9) medical certificate on request.
        Application::FirstLongTerm => {
            list.push(always("doc-passport"));
            list.push(always("doc-photos-2"));
            purpose_part(purpose, &mut list);
            list.push(always("doc-health-insurance"));
            list.push(when("doc-insurance-payment", ON_REQUEST));
            list.push(when("doc-guardian-consent", MINORS_NOT_YET_LIVING_IN_CZ));
            list.push(when("doc-criminal-record", ON_REQUEST));
            list.push(when("doc-medical-certificate", ON_REQUEST));
        }
        // §6: the same less photos (2 only if the appearance changed), no criminal record
        // and no medical certificate.
        Application::Extension => {
            list.push(always("doc-passport"));
            list.push(when("doc-photos-2", IF_APPEARANCE_CHANGED));
            purpose_part(purpose, &mut list);
            list.push(always("doc-health-insurance"));
            list.push(when("doc-insurance-payment", ON_REQUEST));
            list.push(when("doc-guardian-consent", MINORS_NOT_YET_LIVING_IN_CZ));
        }
        // §6: passport, photos (S1 gives no number), accommodation, means, Czech exam
        // certificate (first attempt free with an OAMP voucher), criminal record on request
        // for applications at an embassy, not for children under 15.
        Application::PermanentResidence => {
            list.push(always("doc-passport"));
            list.push(always("doc-photos"));
            list.push(always("doc-accommodation"));
            list.push(always("doc-financial-means"));
            list.push(always("doc-czech-exam-certificate"));
            list.push(when(
                "doc-criminal-record",
                AT_EMBASSY_ON_REQUEST_NOT_UNDER_15,
            ));
        }
        // S1 "child born in CZ": the child's passport (or the parent's passport with the
        // child entered), the birth certificate, and comprehensive health insurance for a
        // long-term residence application.
        Application::ChildBorn => {
            list.push(always("doc-child-passport"));
            list.push(always("doc-child-birth-certificate"));
            list.push(when(
                "doc-comprehensive-health-insurance",
                FOR_LONG_TERM_RESIDENCE,
            ));
        }
    }
    list
}

/// The general notes of §6 that go with every checklist (Fluent keys). `note-document-
/// validity` takes `$days` = [`GuidanceRules::document_validity_days`].
pub const GENERAL_NOTES: [&str; 6] = [
    // Forms in block letters, legibly.
    "note-block-letters",
    // Every document except the passport in Czech or translated by a court translator.
    "note-czech-or-court-translation",
    // Originals or officially certified copies.
    "note-originals-or-certified-copies",
    // Foreign documents: apostille or consular legalisation, depending on the country.
    "note-apostille-or-legalisation",
    // Documents are valid only 180 days, except passport, birth and marriage certificate
    // and photos.
    "note-document-validity",
    // §1, §9: send by registered post to OAMP (not the Foreign Police), keep the receipt.
    "note-registered-post-to-oamp",
];

/// What a fee is for (domain.md §7). Paid as revenue stamps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeeAct {
    /// Issue or extension of a residence card.
    CardIssueOrExtension,
    /// Change of data in the card.
    CardDataChange,
    /// Replacement of a damaged, destroyed, lost or stolen card, or of one with a broken
    /// chip.
    CardReplacement,
    /// A new card for a chip broken through no fault of the holder (S3, § 117a).
    CardReplacementChipNoFault,
    /// Citizenship (S4).
    Citizenship,
}

impl FeeAct {
    pub const ALL: [FeeAct; 5] = [
        FeeAct::CardIssueOrExtension,
        FeeAct::CardDataChange,
        FeeAct::CardReplacement,
        FeeAct::CardReplacementChipNoFault,
        FeeAct::Citizenship,
    ];

    /// The stable id (`fee-<id>` in Fluent).
    pub fn as_str(self) -> &'static str {
        match self {
            FeeAct::CardIssueOrExtension => "card-issue-or-extension",
            FeeAct::CardDataChange => "card-data-change",
            FeeAct::CardReplacement => "card-replacement",
            FeeAct::CardReplacementChipNoFault => "card-replacement-chip-no-fault",
            FeeAct::Citizenship => "citizenship",
        }
    }
}

/// An amount in CZK, with the amount for children under 15 where the sources give one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeAmount {
    pub czk: u32,
    /// `None`: the sources give no reduced amount, the full one applies.
    #[serde(default)]
    pub under_15_czk: Option<u32>,
}

impl FeeAmount {
    const fn new(czk: u32, under_15_czk: Option<u32>) -> FeeAmount {
        FeeAmount { czk, under_15_czk }
    }

    pub fn for_age(&self, under_15: bool) -> u32 {
        match (under_15, self.under_15_czk) {
            (true, Some(reduced)) => reduced,
            _ => self.czk,
        }
    }
}

/// The fees of domain.md §7 (S2, S3, S4), as configuration with the sources' defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeeSchedule {
    pub card_issue_or_extension: FeeAmount,
    pub card_data_change: FeeAmount,
    pub card_replacement: FeeAmount,
    pub card_replacement_chip_no_fault: FeeAmount,
    pub citizenship: FeeAmount,
}

impl Default for FeeSchedule {
    fn default() -> FeeSchedule {
        FeeSchedule {
            card_issue_or_extension: FeeAmount::new(2500, Some(1000)),
            // §7 gives no reduced amount ("—").
            card_data_change: FeeAmount::new(1000, None),
            card_replacement: FeeAmount::new(4000, Some(2500)),
            card_replacement_chip_no_fault: FeeAmount::new(0, Some(0)),
            // S4: 500 for minors; applied here to under-15s like the other reductions.
            citizenship: FeeAmount::new(2000, Some(500)),
        }
    }
}

/// One fee to pay: `act` is a [`FeeAct`] id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Fee {
    pub act: &'static str,
    pub czk: u32,
}

impl FeeSchedule {
    /// The fee of one act.
    pub fn fee(&self, act: FeeAct, under_15: bool) -> Fee {
        let amount = match act {
            FeeAct::CardIssueOrExtension => self.card_issue_or_extension,
            FeeAct::CardDataChange => self.card_data_change,
            FeeAct::CardReplacement => self.card_replacement,
            FeeAct::CardReplacementChipNoFault => self.card_replacement_chip_no_fault,
            FeeAct::Citizenship => self.citizenship,
        };
        Fee {
            act: act.as_str(),
            czk: amount.for_age(under_15),
        }
    }

    /// The fees that go with a visit type (data/visit_types.toml ids); empty for visits
    /// without a fee of §7 and for unknown ids. The card fee goes with the application
    /// (first, extension, permanent, child, change of purpose), not with biometrics or
    /// pickup, so it is never listed twice.
    pub fn fees(&self, visit_type: &str, under_15: bool) -> Vec<Fee> {
        let acts: &[FeeAct] = match visit_type {
            "long-term-residence"
            | "long-term-residence-extension"
            | "permanent-residence"
            | "child-born"
            | "purpose-change" => &[FeeAct::CardIssueOrExtension],
            "change-report" => &[FeeAct::CardDataChange],
            "lost-document" => &[FeeAct::CardReplacement],
            _ => &[],
        };
        acts.iter().map(|&act| self.fee(act, under_15)).collect()
    }
}

/// [`FeeSchedule::fees`] with the sources' amounts.
pub fn fees(visit_type: &str, under_15: bool) -> Vec<Fee> {
    FeeSchedule::default().fees(visit_type, under_15)
}

/// The numbers of the guidance that are not deadlines, as configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct GuidanceRules {
    /// §5, §6: documents attached to an application are valid 180 days (except passport,
    /// birth and marriage certificate, photos).
    pub document_validity_days: u32,
    pub fees: FeeSchedule,
}

impl Default for GuidanceRules {
    fn default() -> GuidanceRules {
        GuidanceRules {
            document_validity_days: 180,
            fees: FeeSchedule::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::ids::VisitTypeId;

    fn ids(list: &[ChecklistItem]) -> Vec<&'static str> {
        list.iter().map(|i| i.id).collect()
    }

    #[test]
    fn first_application_for_an_employee_card_needs_no_financial_means() {
        let list = checklist(Application::FirstLongTerm, Some(Purpose::EmployeeCard));
        assert_eq!(
            ids(&list),
            [
                "doc-passport",
                "doc-photos-2",
                "doc-employment-contract-employee-card",
                "doc-qualification-documents",
                "doc-accommodation",
                "doc-health-insurance",
                "doc-insurance-payment",
                "doc-guardian-consent",
                "doc-criminal-record",
                "doc-medical-certificate",
            ]
        );
    }

    #[test]
    fn study_needs_financial_means_and_the_school_confirmation() {
        let list = ids(&checklist(Application::FirstLongTerm, Some(Purpose::Study)));
        assert!(list.contains(&"doc-financial-means"));
        assert!(list.contains(&"doc-school-confirmation"));
        assert!(!list.contains(&"doc-purpose"));
    }

    #[test]
    fn extension_photos_only_if_the_appearance_changed() {
        let list = checklist(Application::Extension, Some(Purpose::Business));
        let photos = list.iter().find(|i| i.id == "doc-photos-2").unwrap();
        assert_eq!(photos.condition, Some("if-appearance-changed"));
        assert!(!ids(&list).contains(&"doc-criminal-record"));
        assert!(ids(&list).contains(&"doc-no-arrears-company"));
    }

    #[test]
    fn without_a_purpose_the_exemptions_become_conditions() {
        let list = checklist(Application::Extension, None);
        assert!(ids(&list).contains(&"doc-purpose"));
        let means = list.iter().find(|i| i.id == "doc-financial-means").unwrap();
        assert_eq!(
            means.condition,
            Some("not-for-employment-research-or-cards")
        );
    }

    #[test]
    fn permanent_residence_ignores_the_purpose_and_needs_the_czech_exam() {
        for p in Purpose::ALL.map(Some).into_iter().chain([None]) {
            let list = checklist(Application::PermanentResidence, p);
            assert_eq!(list, checklist(Application::PermanentResidence, None));
            assert!(ids(&list).contains(&"doc-czech-exam-certificate"));
        }
    }

    #[test]
    fn every_checklist_has_unique_ids_and_known_conditions() {
        for app in Application::ALL {
            for p in Purpose::ALL.map(Some).into_iter().chain([None]) {
                let list = checklist(app, p);
                let mut seen = ids(&list);
                seen.sort_unstable();
                seen.dedup();
                assert_eq!(seen.len(), list.len(), "{app} {p:?}");
                assert!(list.iter().all(|i| i.id.starts_with("doc-")));
                for c in list.iter().filter_map(|i| i.condition) {
                    assert!(CONDITION_IDS.contains(&c), "{c}");
                }
            }
        }
    }

    #[test]
    fn fees_follow_section_7() {
        let f = |vt, under_15| fees(vt, under_15);
        let one = |act, czk| vec![Fee { act, czk }];
        assert_eq!(
            f("long-term-residence", false),
            one("card-issue-or-extension", 2500)
        );
        assert_eq!(
            f("long-term-residence-extension", true),
            one("card-issue-or-extension", 1000)
        );
        assert_eq!(f("change-report", false), one("card-data-change", 1000));
        assert_eq!(f("change-report", true), one("card-data-change", 1000));
        assert_eq!(f("lost-document", false), one("card-replacement", 4000));
        assert_eq!(f("lost-document", true), one("card-replacement", 2500));
        assert_eq!(f("card-pickup", false), vec![]);
        assert_eq!(f("no-such-visit", false), vec![]);
        let s = FeeSchedule::default();
        assert_eq!(s.fee(FeeAct::CardReplacementChipNoFault, false).czk, 0);
        assert_eq!(s.fee(FeeAct::CardReplacementChipNoFault, true).czk, 0);
        assert_eq!(s.fee(FeeAct::Citizenship, false).czk, 2000);
    }

    #[test]
    fn the_application_visit_types_exist() {
        let catalog = Catalog::shipped();
        for app in Application::ALL {
            let id = VisitTypeId::parse(app.visit_type()).unwrap();
            assert!(catalog.visit_type(&id).is_some(), "{app}");
        }
    }

    #[test]
    fn rules_load_from_toml() {
        let rules: GuidanceRules =
            toml::from_str("document_validity_days = 90\n[fees.card_data_change]\nczk = 1200\n")
                .unwrap();
        assert_eq!(rules.document_validity_days, 90);
        assert_eq!(rules.fees.card_data_change.czk, 1200);
        assert_eq!(rules.fees.card_replacement.czk, 4000);
        let back = toml::to_string(&GuidanceRules::default()).unwrap();
        assert_eq!(
            toml::from_str::<GuidanceRules>(&back).unwrap(),
            GuidanceRules::default()
        );
    }
}
