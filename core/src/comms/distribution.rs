//! Distribution: who receives which document, and per-recipient call sheets.
//!
//! A production defines stakeholder groups
//! ([`Production::distribution`](crate::Production::distribution)): by
//! department, job title, cast/crew category, heads of department, or named
//! people, each with the documents it receives and how much of the call sheet
//! its members see ([`CallSheetScope`]). [`recipients`] resolves the groups
//! into one deduplicated list per document; [`call_sheets_for_recipients`]
//! builds the day's call sheet once and filters it for each recipient.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::agenda::DocumentKind;
use super::call_sheet::{CallSheet, CallSheetError, CallSheetOptions, call_sheet};
use crate::model::{Person, PersonCategory, PersonId, Production};

/// How much of the call sheet a group's members see.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum CallSheetScope {
    /// Only their own call (and, for cast, their own scenes).
    Personal,
    /// The whole sheet, with crew calls limited to their own department.
    Department,
    /// The whole sheet.
    #[default]
    Full,
}

/// A stakeholder group and the documents it receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistributionGroup {
    /// Unique id (`"HODS"`).
    pub id: String,
    /// Name ("Heads of department").
    pub name: String,
    /// Everyone in these departments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<String>,
    /// Everyone with one of these roles (job titles), exactly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Everyone in these categories (cast, crew, other).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<PersonCategory>,
    /// Every head of department.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heads_of_department: bool,
    /// These people, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<PersonId>,
    /// The documents the group receives.
    pub documents: Vec<DocumentKind>,
    /// How much of the call sheet members see.
    #[serde(default, skip_serializing_if = "is_full")]
    pub call_sheet_scope: CallSheetScope,
}

fn is_full(scope: &CallSheetScope) -> bool {
    *scope == CallSheetScope::Full
}

impl DistributionGroup {
    /// Whether `person` belongs to the group.
    pub fn includes(&self, person: &Person) -> bool {
        self.people.contains(&person.id)
            || self.categories.contains(&person.category)
            || (self.heads_of_department && person.head_of_department)
            || person
                .department
                .as_ref()
                .is_some_and(|d| self.departments.contains(d))
            || (!person.role.is_empty() && self.roles.contains(&person.role))
    }
}

/// One person on a distribution list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// Who.
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// E-mail address, if known.
    pub email: Option<String>,
    /// Phone number, if known.
    pub phone: Option<String>,
    /// The groups through which they receive the document, by id.
    pub groups: Vec<String>,
    /// The widest call-sheet scope of those groups.
    pub scope: CallSheetScope,
}

/// Everyone who receives `document`, once each, ordered by person id.
///
/// # Examples
/// ```
/// use callsheet::{Person, PersonCategory, Production};
/// use callsheet::comms::{CallSheetScope, DistributionGroup, DocumentKind, recipients};
///
/// let mut p = Production::new("Demo", "Europe/London".parse()?, "GBP".parse()?);
/// let mut dop = Person::new("CAM01", "Ana Ruiz", PersonCategory::Crew);
/// dop.department = Some("Camera".into());
/// dop.head_of_department = true;
/// p.people.push(dop);
/// p.people.push(Person::new("C01", "Maya Ortiz", PersonCategory::Cast));
/// p.distribution.push(DistributionGroup {
///     id: "CAST".into(), name: "Cast".into(), departments: vec![], roles: vec![],
///     categories: vec![PersonCategory::Cast], heads_of_department: false, people: vec![],
///     documents: vec![DocumentKind::CallSheet], call_sheet_scope: CallSheetScope::Personal,
/// });
/// let list = recipients(&p, DocumentKind::CallSheet);
/// assert_eq!(list.len(), 1);
/// assert_eq!((list[0].person.as_str(), list[0].scope), ("C01", CallSheetScope::Personal));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recipients(production: &Production, document: DocumentKind) -> Vec<Recipient> {
    let mut found: BTreeMap<&PersonId, Recipient> = BTreeMap::new();
    for group in production
        .distribution
        .iter()
        .filter(|g| g.documents.contains(&document))
    {
        for person in production.people.iter().filter(|p| group.includes(p)) {
            let entry = found.entry(&person.id).or_insert_with(|| Recipient {
                person: person.id.clone(),
                name: person.name.clone(),
                email: person.contact.email.clone(),
                phone: person.contact.phone.clone(),
                groups: Vec::new(),
                scope: group.call_sheet_scope,
            });
            entry.groups.push(group.id.clone());
            entry.scope = entry.scope.max(group.call_sheet_scope);
        }
    }
    found.into_values().collect()
}

/// A recipient and the call sheet filtered for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecipientCallSheet {
    /// Who it is for.
    pub recipient: Recipient,
    /// Their call sheet.
    pub sheet: CallSheet,
}

/// The day's call sheet for every call-sheet recipient, filtered to their scope.
///
/// # Errors
/// As [`call_sheet`]: no shoot day on the date, several units without one
/// chosen, or an unknown unit.
pub fn call_sheets_for_recipients(
    production: &Production,
    options: &CallSheetOptions,
) -> Result<Vec<RecipientCallSheet>, CallSheetError> {
    let full = call_sheet(production, options)?;
    Ok(recipients(production, DocumentKind::CallSheet)
        .into_iter()
        .map(|recipient| {
            let person = production.people.iter().find(|p| p.id == recipient.person);
            let sheet = match person {
                Some(person) => full.filtered_for(person, recipient.scope),
                None => full.clone(),
            };
            RecipientCallSheet { recipient, sheet }
        })
        .collect())
}

impl CallSheet {
    /// This call sheet as `person` should see it with `scope`: the whole
    /// sheet; crew calls of their own department only; or their own call
    /// (and, for cast, only the scenes they are in).
    pub fn filtered_for(&self, person: &Person, scope: CallSheetScope) -> CallSheet {
        let mut sheet = self.clone();
        match scope {
            CallSheetScope::Full => {}
            CallSheetScope::Department => {
                sheet
                    .crew
                    .retain(|d| person.department.as_deref() == Some(d.department.as_str()));
            }
            CallSheetScope::Personal => {
                sheet.cast.retain(|row| row.person == person.id);
                for department in &mut sheet.crew {
                    department.rows.retain(|row| row.person == person.id);
                }
                sheet.crew.retain(|d| !d.rows.is_empty());
                if let Some(number) = person.cast_number {
                    sheet.scenes.retain(|s| s.cast_numbers.contains(&number));
                }
            }
        }
        sheet
    }
}
