//! Charts of accounts as data: the standard feature chart ships with the
//! library; a studio loads its own from JSON.

use serde::{Deserialize, Serialize};

use super::{Account, Budget, BudgetCategory};
use crate::io::Problem;

/// A chart of accounts: topsheet categories and their accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chart {
    /// The chart's name.
    pub name: String,
    /// Categories in topsheet order.
    pub categories: Vec<BudgetCategory>,
    /// Accounts in chart order.
    pub accounts: Vec<Account>,
}

/// A chart that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("chart of accounts: {problem}")]
pub struct ChartError {
    /// What is wrong, with its path.
    pub problem: Problem,
}

const STANDARD_FEATURE: &str = include_str!("../../data/standard-feature-chart.json");

impl Chart {
    /// The standard feature-film chart (DOMAIN primer §5): 37 categories
    /// from `1100 Story & Rights` to `7500 Fees`, 175 accounts.
    pub fn standard_feature() -> Self {
        // The shipped file is checked by a unit test; it always parses.
        Self::from_json(STANDARD_FEATURE).unwrap_or_else(|_| Self {
            name: String::new(),
            categories: Vec::new(),
            accounts: Vec::new(),
        })
    }

    /// Reads a chart from JSON: `{"name", "categories": [{code, name,
    /// section}], "accounts": [{code, name, category}]}`.
    ///
    /// # Errors
    /// A [`ChartError`] naming the path of the first problem: bad JSON,
    /// unknown fields, duplicate codes, accounts in unknown categories.
    pub fn from_json(text: &str) -> Result<Self, ChartError> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let chart: Chart = serde_path_to_error::deserialize(de).map_err(|e| ChartError {
            problem: Problem::new(e.path().to_string(), e.inner().to_string()),
        })?;
        let mut categories = std::collections::HashSet::new();
        for (i, c) in chart.categories.iter().enumerate() {
            if !categories.insert(c.code.as_str()) {
                return Err(ChartError {
                    problem: Problem::new(
                        format!("categories[{i}].code"),
                        format!("duplicate category {:?}", c.code.as_str()),
                    ),
                });
            }
        }
        let mut accounts = std::collections::HashSet::new();
        for (i, a) in chart.accounts.iter().enumerate() {
            if !accounts.insert(a.code.as_str()) {
                return Err(ChartError {
                    problem: Problem::new(
                        format!("accounts[{i}].code"),
                        format!("duplicate account {:?}", a.code.as_str()),
                    ),
                });
            }
            if !categories.contains(a.category.as_str()) {
                return Err(ChartError {
                    problem: Problem::new(
                        format!("accounts[{i}].category"),
                        format!("unknown category {:?}", a.category.as_str()),
                    ),
                });
            }
        }
        Ok(chart)
    }
}

impl Budget {
    /// A budget with `chart`'s categories and accounts and nothing else.
    pub fn with_chart(chart: Chart) -> Self {
        Self {
            categories: chart.categories,
            accounts: chart.accounts,
            ..Self::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_chart_parses_and_is_complete() {
        let chart = Chart::from_json(STANDARD_FEATURE).expect("shipped chart parses");
        assert_eq!(chart.categories.len(), 37);
        assert_eq!(chart.accounts.len(), 175);
        assert_eq!(chart.categories[0].code.as_str(), "1100");
        assert_eq!(Chart::standard_feature(), chart);
    }

    #[test]
    fn bad_charts_name_the_path() {
        let err = Chart::from_json(
            r#"{"name": "x", "categories": [{"code": "1", "name": "A", "section": "post"}],
                "accounts": [{"code": "11", "name": "B", "category": "2"}]}"#,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "chart of accounts: accounts[0].category: unknown category \"2\""
        );
    }
}
