//! Globals: numbers, formulas over other globals, and schedule links,
//! evaluated in dependency order with cycles reported by name.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;

use super::{Budget, Formula, ScheduleLink};
use crate::io::Problem;

/// A global after evaluation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GlobalValue {
    /// The global's name.
    pub name: String,
    /// Its value.
    pub value: Decimal,
    /// The schedule figure it follows, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<ScheduleLink>,
}

/// True when `name` is a valid global name: a letter or `_`, then letters,
/// digits and `_`.
pub(crate) fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
}

/// The globals' formulas parsed, with the index of each name.
struct Parsed<'a> {
    index: HashMap<&'a str, usize>,
    /// `None` for linked globals and unparsable values.
    formulas: Vec<Option<Formula>>,
    /// For each global, the globals its formula refers to (known ones only).
    deps: Vec<Vec<usize>>,
}

fn parse<'a>(budget: &'a Budget, problems: &mut Vec<Problem>) -> Parsed<'a> {
    let mut index = HashMap::default();
    for (i, g) in budget.globals.iter().enumerate() {
        if !is_valid_name(&g.name) {
            problems.push(Problem::new(
                format!("budget.globals[{i}].name"),
                format!(
                    "{:?} is not a valid name (a letter or _, then letters, digits and _)",
                    g.name
                ),
            ));
        }
        if index.insert(g.name.as_str(), i).is_some() {
            problems.push(Problem::new(
                format!("budget.globals[{i}].name"),
                format!("duplicate global {:?}", g.name),
            ));
        }
    }
    let mut formulas = Vec::with_capacity(budget.globals.len());
    let mut deps = Vec::with_capacity(budget.globals.len());
    for (i, g) in budget.globals.iter().enumerate() {
        let path = || format!("budget.globals[{i}].value");
        let mut my_deps = Vec::new();
        let formula = match (&g.link, g.value.trim().is_empty()) {
            (Some(_), false) => {
                problems.push(Problem::new(
                    path(),
                    "must be empty when the global has a link (its value comes from the schedule)",
                ));
                None
            }
            (Some(_), true) => None,
            (None, true) => {
                problems.push(Problem::new(
                    path(),
                    "missing: give a number, a formula or a link",
                ));
                None
            }
            (None, false) => match Formula::parse(&g.value) {
                Err(e) => {
                    problems.push(Problem::new(path(), e.to_string()));
                    None
                }
                Ok(f) => {
                    for name in f.names() {
                        match index.get(name) {
                            Some(&k) => my_deps.push(k),
                            None => problems
                                .push(Problem::new(path(), format!("unknown global {name:?}"))),
                        }
                    }
                    Some(f)
                }
            },
        };
        my_deps.sort_unstable();
        my_deps.dedup();
        formulas.push(formula);
        deps.push(my_deps);
    }
    Parsed {
        index,
        formulas,
        deps,
    }
}

/// Topological order of the globals (Kahn's algorithm, lowest index
/// first), plus one problem per cycle naming every global on it. Globals
/// on or behind a cycle are left out of the order.
fn order(budget: &Budget, deps: &[Vec<usize>], problems: &mut Vec<Problem>) -> Vec<usize> {
    let n = deps.len();
    let mut waiting: Vec<usize> = deps.iter().map(Vec::len).collect();
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, d) in deps.iter().enumerate() {
        for &k in d {
            users[k].push(i);
        }
    }
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..n)
        .filter(|&i| waiting[i] == 0)
        .map(std::cmp::Reverse)
        .collect();
    let mut out = Vec::with_capacity(n);
    while let Some(std::cmp::Reverse(i)) = ready.pop() {
        out.push(i);
        for &u in &users[i] {
            waiting[u] -= 1;
            if waiting[u] == 0 {
                ready.push(std::cmp::Reverse(u));
            }
        }
    }
    if out.len() < n {
        // Every stuck global has a stuck dependency; following them from the
        // first stuck global in file order must come back round: a cycle.
        let mut reported = vec![false; n];
        for start in 0..n {
            if waiting[start] == 0 || reported[start] {
                continue;
            }
            let mut seen_at: HashMap<usize, usize> = HashMap::default();
            let mut path = Vec::new();
            let mut at = start;
            while let std::collections::hash_map::Entry::Vacant(e) = seen_at.entry(at) {
                e.insert(path.len());
                path.push(at);
                at = match deps[at].iter().find(|&&k| waiting[k] > 0) {
                    Some(&k) => k,
                    None => break,
                };
                if reported[at] {
                    break;
                }
            }
            // Everything walked is on this cycle or behind it (or behind one
            // already reported): never walk it again, so that a long chain
            // behind a cycle costs linear, not quadratic, time.
            for &k in &path {
                reported[k] = true;
            }
            let Some(&from) = seen_at.get(&at) else {
                continue;
            };
            let cycle = &path[from..];
            let first = *cycle.iter().min().expect("a cycle has members");
            let pos = cycle.iter().position(|&k| k == first).expect("member");
            let names: Vec<&str> = cycle[pos..]
                .iter()
                .chain(&cycle[..=pos])
                .map(|&k| budget.globals[k].name.as_str())
                .collect();
            problems.push(Problem::new(
                format!("budget.globals[{first}].value"),
                format!("cycle: {}", names.join(" → ")),
            ));
        }
    }
    out
}

/// Every static problem with the globals: names, duplicates, values that
/// are neither number, formula nor link, unknown names and cycles.
pub(crate) fn global_problems(budget: &Budget) -> Vec<Problem> {
    let mut problems = Vec::new();
    let parsed = parse(budget, &mut problems);
    order(budget, &parsed.deps, &mut problems);
    problems
}

/// Evaluates every global. `linked` gives the value of a schedule link.
pub(crate) fn evaluate<'a>(
    budget: &'a Budget,
    linked: &dyn Fn(&ScheduleLink) -> Result<Decimal, String>,
    problems: &mut Vec<Problem>,
) -> (HashMap<&'a str, Decimal>, Vec<GlobalValue>) {
    let parsed = parse(budget, problems);
    let order = order(budget, &parsed.deps, problems);
    let mut values: Vec<Option<Decimal>> = vec![None; budget.globals.len()];
    for i in order {
        let g = &budget.globals[i];
        let value = match (&g.link, &parsed.formulas[i]) {
            (Some(link), _) => match linked(link) {
                Ok(v) => Some(v),
                Err(message) => {
                    problems.push(Problem::new(format!("budget.globals[{i}].link"), message));
                    None
                }
            },
            (None, Some(f)) => {
                let lookup = |name: &str| parsed.index.get(name).and_then(|&k| values[k]);
                if f.names().iter().any(|name| lookup(name).is_none()) {
                    None // a dependency failed and was reported already
                } else {
                    match f.evaluate(lookup) {
                        Ok(v) => Some(v),
                        Err(e) => {
                            problems.push(Problem::new(
                                format!("budget.globals[{i}].value"),
                                e.to_string(),
                            ));
                            None
                        }
                    }
                }
            }
            (None, None) => None,
        };
        values[i] = value;
    }
    let mut map = HashMap::default();
    let mut list = Vec::with_capacity(budget.globals.len());
    for (g, v) in budget.globals.iter().zip(&values) {
        if let Some(v) = v {
            map.insert(g.name.as_str(), *v);
            list.push(GlobalValue {
                name: g.name.clone(),
                value: *v,
                link: g.link.clone(),
            });
        }
    }
    (map, list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Global;

    fn budget(globals: &[(&str, &str)]) -> Budget {
        Budget {
            globals: globals
                .iter()
                .map(|(n, v)| Global {
                    name: (*n).into(),
                    value: (*v).into(),
                    link: None,
                    description: String::new(),
                })
                .collect(),
            ..Budget::default()
        }
    }

    fn no_links(_: &ScheduleLink) -> Result<Decimal, String> {
        Err("no schedule".into())
    }

    #[test]
    fn formulas_evaluate_in_dependency_order() {
        let b = budget(&[
            ("WEEKS", "DAYS / 5"),
            ("DAYS", "NM + LA"),
            ("NM", "6"),
            ("LA", "24"),
        ]);
        let mut problems = Vec::new();
        let (map, list) = evaluate(&b, &no_links, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(map["WEEKS"], Decimal::from(6));
        assert_eq!(list[0].name, "WEEKS", "file order kept in the list");
    }

    #[test]
    fn cycles_are_named_once_from_their_first_member() {
        let b = budget(&[
            ("A", "1"),
            ("B", "C + 1"),
            ("C", "D * 2"),
            ("D", "B"),
            ("E", "C"),
            ("F", "F"),
        ]);
        let problems = global_problems(&b);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "budget.globals[1].value: cycle: B → C → D → B",
                "budget.globals[5].value: cycle: F → F",
            ]
        );
    }

    #[test]
    fn unknown_names_and_bad_values_are_reported_with_paths() {
        let b = budget(&[("A", "B + 1"), ("2X", "1"), ("C", ""), ("D", "1 / 0")]);
        let mut problems = Vec::new();
        evaluate(&b, &no_links, &mut problems);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "budget.globals[1].name: \"2X\" is not a valid name (a letter or _, then letters, digits and _)",
                "budget.globals[0].value: unknown global \"B\"",
                "budget.globals[2].value: missing: give a number, a formula or a link",
                "budget.globals[3].value: division by zero at column 3",
            ]
        );
    }
}
