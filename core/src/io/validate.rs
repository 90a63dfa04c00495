//! Whole-production validation that reports every problem with its path.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use super::limits::{MAX_PROBLEMS, MAX_RULE_PACKS, MAX_SPAN_DAYS};
use crate::budget::Budget;
use crate::logistics::Logistics;
use crate::model::{AvailabilityWindow, EventKind, FORMAT_VERSION, Production, Timestamp};
use crate::rules;

/// One problem found in a production, with the path of the offending item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Problem {
    /// Where the problem is, e.g. `events[7].attendees[2].person`.
    pub path: String,
    /// What is wrong, e.g. `unknown person "P99"`.
    pub message: String,
}

impl Problem {
    /// Creates a problem.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The problem of an error displayed as `"{path}: {message}"`.
    pub(crate) fn of_error(path: &str, error: &impl fmt::Display) -> Self {
        let text = error.to_string();
        let message = text
            .strip_prefix(path)
            .and_then(|m| m.strip_prefix(": "))
            .unwrap_or(&text);
        Self::new(path, message)
    }
}

/// Every problem found when validating a production (never empty).
///
/// At most [`MAX_PROBLEMS`](super::MAX_PROBLEMS) are listed: beyond that,
/// a last problem at path `.` says how many more were found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ValidationErrors {
    problems: Vec<Problem>,
    omitted: usize,
}

impl ValidationErrors {
    /// The problems, in the order of the file (the first
    /// [`MAX_PROBLEMS`](super::MAX_PROBLEMS), then a summary of the rest).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// How many problems were found but not listed (0 unless there were
    /// more than [`MAX_PROBLEMS`](super::MAX_PROBLEMS)).
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Problems found outside validation proper (a batch's own problems),
    /// capped like validation's.
    pub(crate) fn from_problems(problems: Vec<Problem>) -> Self {
        let mut all = Problems::default();
        all.extend(problems);
        match all.into_result() {
            Err(e) => e,
            Ok(()) => Self {
                problems: Vec::new(),
                omitted: 0,
            },
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [only] => write!(f, "{only}"),
            many => {
                if self.omitted > 0 {
                    write!(
                        f,
                        "{} problems (the first {MAX_PROBLEMS} are listed):",
                        MAX_PROBLEMS + self.omitted
                    )?;
                } else {
                    write!(f, "{} problems:", many.len())?;
                }
                for problem in many {
                    write!(f, "\n  {problem}")?;
                }
                Ok(())
            }
        }
    }
}

/// The problems found so far: the first [`MAX_PROBLEMS`], then a count.
#[derive(Default)]
struct Problems {
    listed: Vec<Problem>,
    omitted: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.listed.len() < MAX_PROBLEMS {
            self.listed.push(problem);
        } else {
            self.omitted += 1;
        }
    }

    fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        for problem in problems {
            self.push(problem);
        }
    }

    fn into_result(mut self) -> Result<(), ValidationErrors> {
        if self.listed.is_empty() {
            return Ok(());
        }
        if self.omitted > 0 {
            self.listed.push(Problem::new(
                ".",
                format!(
                    "{} more problems are not listed (only the first {MAX_PROBLEMS} are)",
                    self.omitted
                ),
            ));
        }
        Err(ValidationErrors {
            problems: self.listed,
            omitted: self.omitted,
        })
    }
}

/// Collects problems and owns the id indexes used to check references.
struct Checker<'a> {
    problems: Problems,
    people: HashMap<&'a str, usize>,
    locations: HashMap<&'a str, usize>,
    resources: HashMap<&'a str, usize>,
    events: HashMap<&'a str, usize>,
    units: HashMap<&'a str, usize>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// Records `id` at `path`, reporting empty and duplicate ids.
    fn index(
        problems: &mut Problems,
        index: &mut HashMap<&'a str, usize>,
        section: &str,
        i: usize,
        id: &'a str,
    ) {
        // Budget categories and accounts are keyed by their `code`.
        let field = if section.starts_with("budget.") {
            "code"
        } else {
            "id"
        };
        let path = format!("{section}[{i}].{field}");
        if id.trim().is_empty() {
            problems.push(Problem::new(path, format!("{field} must not be empty")));
            return;
        }
        if let Some(first) = index.get(id) {
            problems.push(Problem::new(
                path,
                format!("duplicate {field} {id:?} (first used by {section}[{first}])"),
            ));
        } else {
            index.insert(id, i);
        }
    }

    fn known(&mut self, what: &str, path: String, id: &str) {
        let index = match what {
            "person" => &self.people,
            "location" => &self.locations,
            "resource" => &self.resources,
            "event" => &self.events,
            _ => &self.units,
        };
        if !index.contains_key(id) {
            self.report(path, format!("unknown {what} {id:?}"));
        }
    }

    fn span(&mut self, path: &str, start: Timestamp, end: Timestamp) {
        if end < start {
            self.report(path, format!("ends ({end}) before it starts ({start})"));
        } else if end == start {
            self.report(
                path,
                format!("has zero length (starts and ends at {start})"),
            );
        }
    }

    fn windows(&mut self, path: &str, windows: &[AvailabilityWindow]) {
        for (w, window) in windows.iter().enumerate() {
            self.span(&format!("{path}[{w}]"), window.start, window.end);
        }
    }

    fn not_empty(&mut self, path: String, text: &str) {
        if text.trim().is_empty() {
            self.report(path, "must not be empty");
        }
    }
}

impl Production {
    /// Checks the production's internal consistency and reports every problem.
    ///
    /// Checks ids (non-empty, unique per kind), references between items
    /// (attendees, locations, resources, units, parents, accounts, hotels,
    /// vehicle crews),
    /// spans (nothing ends before it starts), quantities, coordinates and
    /// calendar sanity. Scheduling conflicts (double bookings, rest rules) are
    /// not validation errors: they are what the conflict engine reports.
    ///
    /// # Errors
    /// [`ValidationErrors`] listing every problem in file order, each with
    /// its path (`events[7].attendees[2].person: unknown person "P99"`).
    ///
    /// # Examples
    /// ```
    /// use callsheet::{Person, PersonCategory, Production};
    /// let mut p = Production::new("Demo", "Europe/London".parse().unwrap(), "GBP".parse().unwrap());
    /// p.people.push(Person::new("P1", "Maya Ortiz", PersonCategory::Cast));
    /// p.people.push(Person::new("P1", "Leo Park", PersonCategory::Cast));
    /// let err = p.validate().unwrap_err();
    /// assert_eq!(err.to_string(), r#"people[1].id: duplicate id "P1" (first used by people[0])"#);
    /// ```
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut c = Checker {
            problems: Problems::default(),
            people: HashMap::with_capacity_and_hasher(self.people.len(), Default::default()),
            locations: HashMap::with_capacity_and_hasher(self.locations.len(), Default::default()),
            resources: HashMap::with_capacity_and_hasher(self.resources.len(), Default::default()),
            events: HashMap::with_capacity_and_hasher(self.events.len(), Default::default()),
            units: HashMap::with_capacity_and_hasher(self.units.len(), Default::default()),
        };
        if self.format_version != FORMAT_VERSION {
            c.report(
                "format_version",
                format!(
                    "must be {FORMAT_VERSION} (the version this callsheet writes), found {}",
                    self.format_version
                ),
            );
        }
        c.not_empty("name".to_owned(), &self.name);
        for (i, p) in self.people.iter().enumerate() {
            Checker::index(&mut c.problems, &mut c.people, "people", i, p.id.as_str());
        }
        for (i, l) in self.locations.iter().enumerate() {
            Checker::index(
                &mut c.problems,
                &mut c.locations,
                "locations",
                i,
                l.id.as_str(),
            );
        }
        for (i, r) in self.resources.iter().enumerate() {
            Checker::index(
                &mut c.problems,
                &mut c.resources,
                "resources",
                i,
                r.id.as_str(),
            );
        }
        for (i, e) in self.events.iter().enumerate() {
            Checker::index(&mut c.problems, &mut c.events, "events", i, e.id.as_str());
        }
        for (i, u) in self.units.iter().enumerate() {
            Checker::index(&mut c.problems, &mut c.units, "units", i, u.id.as_str());
        }
        self.check_calendar(&mut c);
        self.check_people(&mut c);
        self.check_locations(&mut c);
        self.check_resources(&mut c);
        self.check_events(&mut c);
        self.check_rules(&mut c);
        self.check_distribution(&mut c);
        for (i, t) in self.travel_times.iter().enumerate() {
            c.known(
                "location",
                format!("travel_times[{i}].from"),
                t.from.as_str(),
            );
            c.known("location", format!("travel_times[{i}].to"), t.to.as_str());
            if t.from == t.to {
                c.report(
                    format!("travel_times[{i}]"),
                    format!("from and to are the same location {:?}", t.from.as_str()),
                );
            }
        }
        if self.travel_speed_kmh == Some(0) {
            c.report("travel_speed_kmh", "must be greater than 0");
        }
        check_budget(&self.budget, &self.ledger, &mut c);
        check_logistics(&self.logistics, &mut c);
        let crews = crate::logistics::transport::crew_errors(
            self,
            |id| c.resources.get(id).map(|&i| &self.resources[i]),
            |id| c.people.contains_key(id),
        );
        c.problems.extend(crews.iter().map(|e| e.problem()));
        c.problems.into_result()
    }

    fn check_calendar(&self, c: &mut Checker<'_>) {
        if self.calendar.work_week.is_empty() {
            c.report("calendar.work_week", "must name at least one working day");
        }
        let mut seen = HashSet::default();
        for (i, day) in self.calendar.work_week.iter().enumerate() {
            if !seen.insert(*day) {
                c.report(
                    format!("calendar.work_week[{i}]"),
                    format!("{day} is listed twice"),
                );
            }
        }
        let mut dates = HashSet::default();
        for (i, h) in self.calendar.holidays.iter().enumerate() {
            if !dates.insert(h.date) {
                c.report(
                    format!("calendar.holidays[{i}].date"),
                    format!("{} is listed twice", h.date),
                );
            }
        }
    }

    fn check_people(&self, c: &mut Checker<'_>) {
        let mut cast_numbers: HashMap<u32, usize> = HashMap::default();
        let custom_packs: HashSet<&str> = self.rule_packs.iter().map(|r| r.id.as_str()).collect();
        let mut known: Option<String> = None;
        for (i, p) in self.people.iter().enumerate() {
            c.not_empty(format!("people[{i}].name"), &p.name);
            if let Some(home) = &p.home_base {
                c.known("location", format!("people[{i}].home_base"), home.as_str());
            }
            if let Some(pack) = &p.rule_pack {
                let custom = custom_packs.contains(pack.as_str());
                if !custom && !rules::is_known_pack(pack.as_str()) {
                    c.report(
                        format!("people[{i}].rule_pack"),
                        format!(
                            "unknown rule pack {:?} (known: {})",
                            pack.as_str(),
                            known.get_or_insert_with(|| known_packs(&self.rule_packs))
                        ),
                    );
                }
            }
            if let Some(n) = p.cast_number {
                if let Some(first) = cast_numbers.insert(n, i) {
                    c.report(
                        format!("people[{i}].cast_number"),
                        format!("cast number {n} is already used by people[{first}]"),
                    );
                }
            }
            c.windows(&format!("people[{i}].unavailable"), &p.unavailable);
        }
    }

    fn check_locations(&self, c: &mut Checker<'_>) {
        for (i, l) in self.locations.iter().enumerate() {
            c.not_empty(format!("locations[{i}].name"), &l.name);
            if let Some(at) = l.coordinates {
                if !(at.lat.is_finite() && (-90.0..=90.0).contains(&at.lat)) {
                    c.report(
                        format!("locations[{i}].coordinates.lat"),
                        format!("latitude {} is outside -90 to 90", at.lat),
                    );
                }
                if !(at.lon.is_finite() && (-180.0..=180.0).contains(&at.lon)) {
                    c.report(
                        format!("locations[{i}].coordinates.lon"),
                        format!("longitude {} is outside -180 to 180", at.lon),
                    );
                }
            }
            for (k, permit) in l.permits.iter().enumerate() {
                let path = format!("locations[{i}].permits[{k}]");
                if permit.last_day < permit.first_day {
                    c.report(
                        format!("{path}.last_day"),
                        format!(
                            "{} is before first_day {}",
                            permit.last_day, permit.first_day
                        ),
                    );
                }
                if permit.daily_end == permit.daily_start {
                    c.report(
                        format!("{path}.daily_end"),
                        "daily_start and daily_end are equal: the permit allows no hours",
                    );
                }
                if permit.max_consecutive_days == Some(0) {
                    c.report(format!("{path}.max_consecutive_days"), "must be at least 1");
                }
            }
        }
    }

    fn check_resources(&self, c: &mut Checker<'_>) {
        for (i, r) in self.resources.iter().enumerate() {
            c.not_empty(format!("resources[{i}].name"), &r.name);
            if r.quantity == 0 {
                c.report(format!("resources[{i}].quantity"), "must be at least 1");
            }
            if r.serials.len() > r.quantity as usize {
                c.report(
                    format!("resources[{i}].serials"),
                    format!(
                        "{} serial numbers for a quantity of {}",
                        r.serials.len(),
                        r.quantity
                    ),
                );
            }
            let mut serials = HashSet::default();
            for (k, s) in r.serials.iter().enumerate() {
                if !serials.insert(s.as_str()) {
                    c.report(
                        format!("resources[{i}].serials[{k}]"),
                        format!("duplicate serial number {s:?}"),
                    );
                }
            }
            if r.seats == Some(0) {
                c.report(format!("resources[{i}].seats"), "must be at least 1");
            }
            if let Some(home) = &r.home {
                c.known("location", format!("resources[{i}].home"), home.as_str());
            }
            c.windows(&format!("resources[{i}].unavailable"), &r.unavailable);
        }
    }

    fn check_events(&self, c: &mut Checker<'_>) {
        use crate::model::BookingStatus;
        let mut day_numbers: HashMap<(Option<&str>, u32), usize> = HashMap::default();
        // Reused across events: validation of a 50,000-event season must not
        // allocate per event, nor format a path unless there is a problem.
        let mut attendees: HashMap<&str, usize> = HashMap::default();
        let mut booked: HashMap<&str, usize> = HashMap::default();
        for (i, e) in self.events.iter().enumerate() {
            let longest = chrono::TimeDelta::days(MAX_SPAN_DAYS);
            // Reported once for the event, not again for every attendee.
            let too_long = e.end - e.start > longest;
            if e.end <= e.start {
                c.span(&format!("events[{i}]"), e.start, e.end);
            } else if too_long {
                c.report(
                    format!("events[{i}]"),
                    format!(
                        "lasts {} days ({} to {}); an event lasts at most {MAX_SPAN_DAYS} days",
                        (e.end - e.start).num_days(),
                        e.start,
                        e.end
                    ),
                );
            }
            if let Some(unit) = &e.unit {
                if !c.units.contains_key(unit.as_str()) {
                    c.report(
                        format!("events[{i}].unit"),
                        format!("unknown unit {:?}", unit.as_str()),
                    );
                }
            }
            if let Some(location) = &e.location {
                if !c.locations.contains_key(location.as_str()) {
                    c.report(
                        format!("events[{i}].location"),
                        format!("unknown location {:?}", location.as_str()),
                    );
                }
            }
            if let Some(parent) = &e.parent {
                let path = || format!("events[{i}].parent");
                match c.events.get(parent.as_str()).map(|&k| &self.events[k]) {
                    None => c.report(path(), format!("unknown event {:?}", parent.as_str())),
                    Some(p) if p.kind != EventKind::ShootDay => c.report(
                        path(),
                        format!(
                            "event {:?} is a {:?}, but a parent must be a shoot day",
                            parent.as_str(),
                            p.kind
                        ),
                    ),
                    Some(_) if e.kind == EventKind::ShootDay => {
                        c.report(path(), "a shoot day cannot have a parent")
                    }
                    Some(_) => {}
                }
            }
            if let Some(n) = e.day_number {
                if e.kind != EventKind::ShootDay {
                    c.report(
                        format!("events[{i}].day_number"),
                        "only shoot days have a day number",
                    );
                } else if e.status != BookingStatus::Cancelled {
                    let key = (e.unit.as_ref().map(|u| u.as_str()), n);
                    if let Some(first) = day_numbers.insert(key, i) {
                        c.report(
                            format!("events[{i}].day_number"),
                            format!("day {n} of this unit is already events[{first}]"),
                        );
                    }
                }
            }
            if e.scene.is_some() && e.kind != EventKind::Scene {
                c.report(
                    format!("events[{i}].scene"),
                    "only scene events have scene details",
                );
            }
            attendees.clear();
            for (a, att) in e.attendees.iter().enumerate() {
                let person = att.person.as_str();
                if !c.people.contains_key(person) {
                    c.report(
                        format!("events[{i}].attendees[{a}].person"),
                        format!("unknown person {person:?}"),
                    );
                }
                if let Some(first) = attendees.insert(person, a) {
                    c.report(
                        format!("events[{i}].attendees[{a}].person"),
                        format!("{person:?} is already attending as attendees[{first}]"),
                    );
                }
                let (report, release) = (att.report(e), att.release(e));
                if release <= report {
                    c.report(
                        format!("events[{i}].attendees[{a}].dismissal"),
                        format!("dismissal {release} is not after call {report}"),
                    );
                } else if !too_long && release - report > longest {
                    c.report(
                        format!("events[{i}].attendees[{a}].dismissal"),
                        format!(
                            "dismissal {release} is {} days after call {report}; a call lasts at most {MAX_SPAN_DAYS} days",
                            (release - report).num_days()
                        ),
                    );
                }
            }
            booked.clear();
            for (b, booking) in e.resources.iter().enumerate() {
                let resource = booking.resource.as_str();
                if !c.resources.contains_key(resource) {
                    c.report(
                        format!("events[{i}].resources[{b}].resource"),
                        format!("unknown resource {resource:?}"),
                    );
                }
                if booking.quantity == 0 {
                    c.report(
                        format!("events[{i}].resources[{b}].quantity"),
                        "must be at least 1",
                    );
                }
                if let Some(first) = booked.insert(resource, b) {
                    c.report(
                        format!("events[{i}].resources[{b}].resource"),
                        format!("{resource:?} is already booked as resources[{first}]"),
                    );
                }
            }
            for (m, meal) in e.meals.iter().enumerate() {
                let path = format!("events[{i}].meals[{m}]");
                c.span(&path, meal.start, meal.end);
                if meal.start < e.start || meal.end > e.end {
                    c.report(path, "meal break lies outside the event");
                }
            }
        }
    }
}

/// The pack ids a person may name, for error messages.
///
/// At most 20 custom packs are named, each cut to 40 characters, so that a
/// file with many long pack ids cannot make every message long.
fn known_packs(custom: &[crate::rules::RulePack]) -> String {
    const NAMED: usize = 20;
    const CHARS: usize = 40;
    let mut ids: Vec<String> = custom
        .iter()
        .take(NAMED)
        .map(|p| match p.id.as_str().char_indices().nth(CHARS) {
            Some((cut, _)) => format!("{}…", &p.id.as_str()[..cut]),
            None => p.id.as_str().to_owned(),
        })
        .collect();
    if custom.len() > NAMED {
        ids.push(format!("… {} more", custom.len() - NAMED));
    }
    ids.extend(rules::BUILTIN_PACKS.iter().map(|&id| id.to_owned()));
    ids.dedup();
    ids.join(", ")
}

impl Production {
    /// Every department someone is in (looked up once, not per reference).
    fn departments(&self) -> HashSet<&str> {
        self.people
            .iter()
            .filter_map(|p| p.department.as_deref())
            .collect()
    }

    fn check_distribution(&self, c: &mut Checker<'_>) {
        let departments = self.departments();
        let mut ids = HashSet::default();
        for (i, group) in self.distribution.iter().enumerate() {
            let path = format!("distribution[{i}]");
            c.not_empty(format!("{path}.id"), &group.id);
            if !ids.insert(group.id.as_str()) {
                c.report(
                    format!("{path}.id"),
                    format!("duplicate group {:?}", group.id),
                );
            }
            if group.documents.is_empty() {
                c.report(
                    format!("{path}.documents"),
                    "name at least one document the group receives",
                );
            }
            for (k, person) in group.people.iter().enumerate() {
                c.known("person", format!("{path}.people[{k}]"), person.as_str());
            }
            for (k, department) in group.departments.iter().enumerate() {
                if !departments.contains(department.as_str()) {
                    c.report(
                        format!("{path}.departments[{k}]"),
                        format!("no person is in department {department:?}"),
                    );
                }
            }
        }
    }

    fn check_rules(&self, c: &mut Checker<'_>) {
        let too_many = self.rule_packs.len() > MAX_RULE_PACKS;
        if too_many {
            c.report(
                "rule_packs",
                format!(
                    "{} rule packs; a production holds at most {MAX_RULE_PACKS}",
                    self.rule_packs.len()
                ),
            );
        }
        for (i, pack) in self.rule_packs.iter().enumerate() {
            let path = format!("rule_packs[{i}]");
            c.not_empty(format!("{path}.id"), pack.id.as_str());
            if let Some(until) = pack.effective_until {
                if until < pack.effective_from {
                    c.report(
                        format!("{path}.effective_until"),
                        format!("{until} is before effective_from {}", pack.effective_from),
                    );
                }
            }
            // Every earlier version of the same pack; quadratic, hence the limit.
            let earlier = if too_many {
                &[][..]
            } else {
                &self.rule_packs[..i]
            };
            for (k, other) in earlier.iter().enumerate() {
                let overlap = other.id == pack.id
                    && other
                        .effective_until
                        .is_none_or(|u| pack.effective_from <= u)
                    && pack
                        .effective_until
                        .is_none_or(|u| other.effective_from <= u);
                if overlap {
                    c.report(
                        format!("{path}.effective_from"),
                        format!(
                            "version {:?} of {:?} overlaps rule_packs[{k}] (version {:?}): only one version may be in force on a date",
                            pack.version,
                            pack.id.as_str(),
                            other.version
                        ),
                    );
                }
            }
            if let Some(minors) = &pack.params.minors {
                if minors
                    .bands
                    .windows(2)
                    .any(|w| w[0].under_age_months >= w[1].under_age_months)
                {
                    c.report(
                        format!("{path}.params.minors.bands"),
                        "bands must be ordered by increasing age",
                    );
                }
            }
        }
        let departments = self.departments();
        for (i, o) in self.rule_overrides.iter().enumerate() {
            let path = format!("rule_overrides[{i}]");
            match (&o.person, &o.department) {
                (None, None) | (Some(_), Some(_)) => {
                    c.report(path, "name exactly one of person or department");
                }
                (Some(person), None) => {
                    c.known("person", format!("{path}.person"), person.as_str());
                }
                (None, Some(department)) => {
                    if !departments.contains(department.as_str()) {
                        c.report(
                            format!("{path}.department"),
                            format!("no person is in department {department:?}"),
                        );
                    }
                }
            }
        }
    }
}

fn check_budget<'a>(budget: &'a Budget, ledger: &'a crate::budget::Ledger, c: &mut Checker<'a>) {
    let mut categories = HashMap::default();
    for (i, cat) in budget.categories.iter().enumerate() {
        Checker::index(
            &mut c.problems,
            &mut categories,
            "budget.categories",
            i,
            cat.code.as_str(),
        );
    }
    let mut accounts = HashMap::default();
    for (i, acc) in budget.accounts.iter().enumerate() {
        Checker::index(
            &mut c.problems,
            &mut accounts,
            "budget.accounts",
            i,
            acc.code.as_str(),
        );
        if !categories.contains_key(acc.category.as_str()) {
            c.report(
                format!("budget.accounts[{i}].category"),
                format!("unknown category {:?}", acc.category.as_str()),
            );
        }
    }
    c.problems.extend(crate::budget::global_problems(budget));
    let globals: HashSet<&str> = budget.globals.iter().map(|g| g.name.as_str()).collect();
    let mut fringes = HashSet::default();
    for (i, f) in budget.fringes.iter().enumerate() {
        if !fringes.insert(f.id.as_str()) {
            c.report(
                format!("budget.fringes[{i}].id"),
                format!("duplicate fringe {:?}", f.id),
            );
        }
        if f.percent.is_sign_negative() {
            c.report(
                format!("budget.fringes[{i}].percent"),
                "must not be negative",
            );
        }
        if f.flat.is_some() && !f.percent.is_zero() {
            c.report(
                format!("budget.fringes[{i}].flat"),
                "a fringe is a percentage or flat, not both",
            );
        }
        if f.flat.is_some() && f.wage_cap.is_some() {
            c.report(
                format!("budget.fringes[{i}].wage_cap"),
                "a wage cap applies to percentage fringes only",
            );
        }
    }
    for (i, line) in budget.lines.iter().enumerate() {
        let path = format!("budget.lines[{i}]");
        if !accounts.contains_key(line.account.as_str()) {
            c.report(
                format!("{path}.account"),
                format!("unknown account {:?}", line.account.as_str()),
            );
        }
        match crate::budget::Formula::parse(&line.amount) {
            Err(err) => c.report(format!("{path}.amount"), err.to_string()),
            Ok(formula) => {
                for name in formula.names() {
                    if !globals.contains(name) {
                        c.report(format!("{path}.amount"), format!("unknown global {name:?}"));
                    }
                }
            }
        }
        for (k, f) in line.fringes.iter().enumerate() {
            if !fringes.contains(f.as_str()) {
                c.report(
                    format!("{path}.fringes[{k}]"),
                    format!("unknown fringe {f:?}"),
                );
            }
        }
        if let Some(person) = &line.person {
            c.known("person", format!("{path}.person"), person.as_str());
        }
    }
    for (i, g) in budget.globals.iter().enumerate() {
        use crate::budget::ScheduleLink as L;
        let path = format!("budget.globals[{i}].link");
        match &g.link {
            Some(L::WorkDays(p) | L::HoldDays(p) | L::TravelDays(p) | L::PaidDays(p)) => {
                c.known("person", path, p.as_str());
            }
            Some(L::UnitShootDays(u)) => c.known("unit", path, u.as_str()),
            Some(L::LocationShootDays(l)) => c.known("location", path, l.as_str()),
            _ => {}
        }
    }
    let account_known = |code: &str| budget.accounts.is_empty() || accounts.contains_key(code);
    let dated = [
        (
            "overages",
            ledger
                .overages
                .iter()
                .map(|o| &o.account)
                .collect::<Vec<_>>(),
        ),
        (
            "estimates",
            ledger.estimates.iter().map(|e| &e.account).collect(),
        ),
    ];
    for (list, accounts) in dated {
        for (n, account) in accounts.into_iter().enumerate() {
            if !account_known(account.as_str()) {
                c.report(
                    format!("ledger.{list}[{n}].account"),
                    format!("unknown account {:?}", account.as_str()),
                );
            }
        }
    }
    let mut orders = HashMap::default();
    for (i, po) in ledger.purchase_orders.iter().enumerate() {
        if orders.insert(po.id.as_str(), i).is_some() {
            c.report(
                format!("ledger.purchase_orders[{i}].id"),
                format!("duplicate purchase order {:?}", po.id),
            );
        }
        if !account_known(po.account.as_str()) {
            c.report(
                format!("ledger.purchase_orders[{i}].account"),
                format!("unknown account {:?}", po.account.as_str()),
            );
        }
    }
    let mut transactions = HashSet::default();
    for (i, t) in ledger.transactions.iter().enumerate() {
        let path = format!("ledger.transactions[{i}]");
        if !transactions.insert(t.id.as_str()) {
            c.report(
                format!("{path}.id"),
                format!("duplicate transaction {:?}", t.id),
            );
        }
        if !account_known(t.account.as_str()) {
            c.report(
                format!("{path}.account"),
                format!("unknown account {:?}", t.account.as_str()),
            );
        }
        if let Some(po) = &t.purchase_order {
            match orders.get(po.as_str()) {
                None => c.report(
                    format!("{path}.purchase_order"),
                    format!("unknown purchase order {po:?}"),
                ),
                Some(&k) if ledger.purchase_orders[k].amount.currency != t.amount.currency => c
                    .report(
                        format!("{path}.amount.currency"),
                        format!(
                            "{} does not match purchase order {po:?} in {}",
                            t.amount.currency, ledger.purchase_orders[k].amount.currency
                        ),
                    ),
                Some(_) => {}
            }
        }
    }
}

fn check_logistics<'a>(logistics: &'a Logistics, c: &mut Checker<'a>) {
    let mut hotels = HashMap::default();
    for (i, h) in logistics.hotels.iter().enumerate() {
        Checker::index(
            &mut c.problems,
            &mut hotels,
            "logistics.hotels",
            i,
            h.id.as_str(),
        );
        c.known(
            "location",
            format!("logistics.hotels[{i}].location"),
            h.location.as_str(),
        );
    }
    let mut blocks = HashMap::default();
    for (i, b) in logistics.room_blocks.iter().enumerate() {
        let path = format!("logistics.room_blocks[{i}]");
        Checker::index(
            &mut c.problems,
            &mut blocks,
            "logistics.room_blocks",
            i,
            b.id.as_str(),
        );
        if !hotels.contains_key(b.hotel.as_str()) {
            c.report(
                format!("{path}.hotel"),
                format!("unknown hotel {:?}", b.hotel.as_str()),
            );
        }
        for (field, message) in crate::logistics::rooming::checks::block_flaws(b) {
            c.report(format!("{path}.{field}"), message);
        }
    }
    for (i, s) in logistics.stay_requests.iter().enumerate() {
        let path = format!("logistics.stay_requests[{i}]");
        c.known("person", format!("{path}.person"), s.person.as_str());
        if s.last_night < s.first_night {
            c.report(
                format!("{path}.last_night"),
                format!("{} is before first_night {}", s.last_night, s.first_night),
            );
        }
        if let Some(h) = &s.hotel {
            if !hotels.contains_key(h.as_str()) {
                c.report(
                    format!("{path}.hotel"),
                    format!("unknown hotel {:?}", h.as_str()),
                );
            }
        }
    }
    let rooming = &logistics.rooming;
    let checks = [
        (
            "location_hotels",
            crate::logistics::rooming::checks::location_hotels_flaws(
                &rooming.location_hotels,
                |l| c.locations.contains_key(l),
                |h| hotels.contains_key(h),
            ),
        ),
        (
            "comparison_rates",
            crate::logistics::rooming::checks::comparison_rate_flaws(&rooming.comparison_rates),
        ),
    ];
    for (list, flaws) in checks {
        for (field, message) in flaws {
            c.report(format!("logistics.rooming.{list}{field}"), message);
        }
    }
}
