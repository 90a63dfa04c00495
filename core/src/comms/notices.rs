//! Change notices: who is affected by a schedule change, and exactly how.
//!
//! [`change_notices`] compares two versions of a production and writes, for
//! each person whose commitments changed, what changed for *them*: added to
//! or removed from an event, call or dismissal moved (from → to, in the
//! location's local time), location changed, day moved, status changed
//! (hold confirmed, event cancelled), and new conflicts that involve them.
//! Nobody whose commitments are unchanged gets a notice.
//!
//! Revisions are named by colour, in a configurable sequence
//! ([`RevisionColours`]): White, Blue, Pink, Yellow, Green, Goldenrod, Buff,
//! Salmon, Cherry, Tan, Gray, then Double White, Double Blue, …

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::model::{
    BookingStatus, Event, EventId, IanaZone, LocationId, PersonId, Production, Timestamp,
};
use crate::schedule::{Conflict, SubjectKind};

/// The standard order of revision colours.
pub const STANDARD_REVISION_COLOURS: &[&str] = &[
    "White",
    "Blue",
    "Pink",
    "Yellow",
    "Green",
    "Goldenrod",
    "Buff",
    "Salmon",
    "Cherry",
    "Tan",
    "Gray",
];

/// A production's sequence of revision colours (productions customise the tail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionColours(pub Vec<String>);

impl Default for RevisionColours {
    fn default() -> Self {
        Self(
            STANDARD_REVISION_COLOURS
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
        )
    }
}

impl RevisionColours {
    /// The colour of revision `n` (0 = the first issue, White). After the
    /// sequence runs out it starts again as "Double White", "Double Blue", …,
    /// then "Triple White", and so on.
    ///
    /// ```
    /// use callsheet::comms::RevisionColours;
    /// let colours = RevisionColours::default();
    /// assert_eq!(colours.name(0), "White");
    /// assert_eq!(colours.name(1), "Blue");
    /// assert_eq!(colours.name(11), "Double White");
    /// assert_eq!(colours.name(23), "Triple Blue");
    /// ```
    pub fn name(&self, n: u32) -> String {
        let colours: Vec<&str> = if self.0.is_empty() {
            STANDARD_REVISION_COLOURS.to_vec()
        } else {
            self.0.iter().map(String::as_str).collect()
        };
        let len = colours.len() as u32;
        let (round, index) = (n / len, (n % len) as usize);
        let prefix = match round {
            0 => String::new(),
            1 => "Double ".to_owned(),
            2 => "Triple ".to_owned(),
            r => format!("{}× ", r + 1),
        };
        format!("{prefix}{}", colours[index])
    }
}

/// What kind of change affects a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Now called for an event they were not in.
    Added,
    /// No longer called for an event (or the event is gone).
    Removed,
    /// The event moved to another civil date.
    DayMoved,
    /// Their call (or hair/makeup call) moved.
    CallMoved,
    /// Their dismissal moved.
    DismissalMoved,
    /// The event moved to another location.
    LocationChanged,
    /// The booking's status changed (hold confirmed, event cancelled, …).
    StatusChanged,
}

/// One change for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonChange {
    /// What changed.
    pub kind: ChangeKind,
    /// The event.
    pub event: EventId,
    /// The value before, as shown to people (`"07:00 Tue 9 Mar"`), if any.
    pub before: Option<String>,
    /// The value after, if any.
    pub after: Option<String>,
    /// A sentence for the person.
    pub message: String,
}

/// Everything that changed for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeNotice {
    /// Who it is for.
    pub person: PersonId,
    /// Their name.
    pub name: String,
    /// Their e-mail address, if known.
    pub email: Option<String>,
    /// The revision the notice belongs to (`"Blue"`).
    pub revision: String,
    /// The changes, in order of the events' (new, else old) times.
    pub changes: Vec<PersonChange>,
    /// Conflicts in the new version, not in the old one, that involve them.
    pub new_conflicts: Vec<Conflict>,
}

impl ChangeNotice {
    /// The notice as plain text, ready for an e-mail or SMS.
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "{} — schedule changes ({} revision)\n",
            self.name, self.revision
        );
        for change in &self.changes {
            out.push_str("- ");
            out.push_str(&change.message);
            out.push('\n');
        }
        for conflict in &self.new_conflicts {
            out.push_str("! ");
            out.push_str(&conflict.message);
            out.push('\n');
        }
        out
    }
}

/// One person's commitment to one event, as a notice compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Commitment<'p> {
    report: Timestamp,
    release: Timestamp,
    location: Option<&'p LocationId>,
    status: BookingStatus,
    zone: IanaZone,
    title: String,
}

fn commitments(p: &Production) -> BTreeMap<&PersonId, BTreeMap<&EventId, Commitment<'_>>> {
    let by_id: BTreeMap<&EventId, &Event> = p.events.iter().map(|e| (&e.id, e)).collect();
    let mut out: BTreeMap<&PersonId, BTreeMap<&EventId, Commitment<'_>>> = BTreeMap::new();
    for e in &p.events {
        let parent = e.parent.as_ref().and_then(|id| by_id.get(id).copied());
        let location = e
            .location
            .as_ref()
            .or_else(|| parent.and_then(|x| x.location.as_ref()));
        let zone = location
            .and_then(|l| p.locations.iter().find(|x| &x.id == l))
            .map_or(p.zone, |l| l.zone);
        let title = if e.title.is_empty() {
            e.id.to_string()
        } else {
            e.title.clone()
        };
        for a in &e.attendees {
            out.entry(&a.person).or_default().insert(
                &e.id,
                Commitment {
                    report: a.report(e),
                    release: a.release(e),
                    location,
                    status: e.status,
                    zone,
                    title: title.clone(),
                },
            );
        }
    }
    out
}

fn when(zone: IanaZone, t: Timestamp) -> String {
    zone.local(t).format("%H:%M %a %-d %b").to_string()
}

fn location_name(p: &Production, id: Option<&LocationId>) -> String {
    id.and_then(|l| p.locations.iter().find(|x| &x.id == l))
        .map_or_else(|| "no location".to_owned(), |l| l.name.clone())
}

fn status_name(status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Confirmed => "confirmed",
        BookingStatus::Hold => "on hold",
        BookingStatus::Tentative => "tentative",
        BookingStatus::Cancelled => "cancelled",
    }
}

/// Conflicts of `new` that `old` did not have, compared by what they are
/// about (kind, subjects, events and interval), not by wording.
fn new_conflicts(old: &[Conflict], new: &[Conflict]) -> Vec<Conflict> {
    let key = |c: &Conflict| (c.kind, c.subjects.clone(), c.events.clone(), c.start, c.end);
    let before: BTreeSet<_> = old.iter().map(key).collect();
    new.iter()
        .filter(|c| !before.contains(&key(c)))
        .cloned()
        .collect()
}

/// Per-person notices of what changed from `old` to `new`, ordered by
/// person id. `revision` names the new version (see [`RevisionColours`]).
///
/// A person gets a notice if and only if one of their commitments changed
/// (an event added or removed, its call, dismissal, date, location or
/// status), or a conflict involving them is new.
///
/// # Examples
/// ```
/// use callsheet::{Attendance, Event, EventKind, Person, PersonCategory, Production};
/// use callsheet::comms::change_notices;
///
/// let mut old = Production::new("Demo", "America/Los_Angeles".parse()?, "USD".parse()?);
/// old.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
/// old.people.push(Person::new("P2", "Leo Park", PersonCategory::Crew));
/// let mut day = Event::new("D1", EventKind::ShootDay, "2027-03-02T15:00:00Z".parse()?, "2027-03-03T01:00:00Z".parse()?);
/// day.title = "Day 1".into();
/// day.attendees = vec![Attendance::new("P1"), Attendance::new("P2")];
/// old.events.push(day);
///
/// let mut new = old.clone();
/// new.events[0].attendees[0].call = Some("2027-03-02T16:30:00Z".parse()?);
/// let notices = change_notices(&old, &new, "Blue");
/// assert_eq!(notices.len(), 1, "only Maya's call moved");
/// assert_eq!(notices[0].changes[0].message, "Day 1: call moved from 07:00 Tue 2 Mar to 08:30 Tue 2 Mar");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn change_notices(old: &Production, new: &Production, revision: &str) -> Vec<ChangeNotice> {
    let (before, after) = (commitments(old), commitments(new));
    let conflicts = new_conflicts(&old.conflicts(), &new.conflicts());
    let people: BTreeSet<&PersonId> = before.keys().chain(after.keys()).copied().collect();
    let empty = BTreeMap::new();
    let mut notices = Vec::new();
    for person in people {
        let (was, is) = (
            before.get(person).unwrap_or(&empty),
            after.get(person).unwrap_or(&empty),
        );
        let events: BTreeSet<&EventId> = was.keys().chain(is.keys()).copied().collect();
        // (time for ordering, change)
        let mut changes: Vec<(Timestamp, PersonChange)> = Vec::new();
        for event in events {
            let change = |kind, before: Option<String>, after: Option<String>, message: String| {
                PersonChange {
                    kind,
                    event: event.clone(),
                    before,
                    after,
                    message,
                }
            };
            match (was.get(event), is.get(event)) {
                (None, Some(n)) => changes.push((
                    n.report,
                    change(
                        ChangeKind::Added,
                        None,
                        Some(when(n.zone, n.report)),
                        format!(
                            "{}: added, call {} at {}",
                            n.title,
                            when(n.zone, n.report),
                            location_name(new, n.location)
                        ),
                    ),
                )),
                (Some(o), None) => changes.push((
                    o.report,
                    change(
                        ChangeKind::Removed,
                        Some(when(o.zone, o.report)),
                        None,
                        format!("{}: no longer called ({})", o.title, when(o.zone, o.report)),
                    ),
                )),
                (Some(o), Some(n)) => {
                    let at = n.report;
                    if o.zone.civil_date(o.report) != n.zone.civil_date(n.report) {
                        let (a, b) = (
                            o.zone.local(o.report).format("%a %-d %b").to_string(),
                            n.zone.local(n.report).format("%a %-d %b").to_string(),
                        );
                        changes.push((
                            at,
                            change(
                                ChangeKind::DayMoved,
                                Some(a.clone()),
                                Some(b.clone()),
                                format!("{}: moved from {a} to {b}", n.title),
                            ),
                        ));
                    }
                    if o.report != n.report {
                        let (a, b) = (when(o.zone, o.report), when(n.zone, n.report));
                        changes.push((
                            at,
                            change(
                                ChangeKind::CallMoved,
                                Some(a.clone()),
                                Some(b.clone()),
                                format!("{}: call moved from {a} to {b}", n.title),
                            ),
                        ));
                    }
                    if o.release != n.release {
                        let (a, b) = (when(o.zone, o.release), when(n.zone, n.release));
                        changes.push((
                            at,
                            change(
                                ChangeKind::DismissalMoved,
                                Some(a.clone()),
                                Some(b.clone()),
                                format!("{}: dismissal moved from {a} to {b}", n.title),
                            ),
                        ));
                    }
                    if o.location != n.location {
                        let (a, b) = (
                            location_name(old, o.location),
                            location_name(new, n.location),
                        );
                        changes.push((
                            at,
                            change(
                                ChangeKind::LocationChanged,
                                Some(a.clone()),
                                Some(b.clone()),
                                format!("{}: location changed from {a} to {b}", n.title),
                            ),
                        ));
                    }
                    if o.status != n.status {
                        let (a, b) = (status_name(o.status), status_name(n.status));
                        changes.push((
                            at,
                            change(
                                ChangeKind::StatusChanged,
                                Some(a.to_owned()),
                                Some(b.to_owned()),
                                format!("{}: now {b} (was {a})", n.title),
                            ),
                        ));
                    }
                }
                (None, None) => {}
            }
        }
        let mine: Vec<Conflict> = conflicts
            .iter()
            .filter(|c| {
                c.subjects
                    .iter()
                    .any(|s| s.kind == SubjectKind::Person && s.id == person.as_str())
            })
            .cloned()
            .collect();
        if changes.is_empty() && mine.is_empty() {
            continue;
        }
        changes.sort_by(|a, b| (a.0, &a.1.event, a.1.kind).cmp(&(b.0, &b.1.event, b.1.kind)));
        let who = new
            .people
            .iter()
            .find(|p| &p.id == person)
            .or_else(|| old.people.iter().find(|p| &p.id == person));
        notices.push(ChangeNotice {
            person: person.clone(),
            name: who.map_or_else(|| person.to_string(), |p| p.name.clone()),
            email: who.and_then(|p| p.contact.email.clone()),
            revision: revision.to_owned(),
            changes: changes.into_iter().map(|(_, c)| c).collect(),
            new_conflicts: mine,
        });
    }
    notices
}
