//! Detail-line formulas: numbers, global names, `+ - * /` and parentheses.
//!
//! A small recursive-descent parser over [`rust_decimal::Decimal`]. Arithmetic
//! is exact (no floats) and checked: overflow and division by zero are errors,
//! never panics. Errors carry the 1-based column (in characters) of the
//! offending token.
//!
//! A formula holds at most [`Formula::MAX_NODES`] operators and parentheses,
//! so that parsing, evaluating, printing and dropping it (all recursive)
//! stay within a small, fixed stack depth whatever the text.

use std::fmt;

use rust_decimal::Decimal;

/// What went wrong while parsing or evaluating a [`Formula`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormulaError {
    /// The text is not a well-formed formula.
    #[error("syntax error at column {column}: {message}")]
    Syntax {
        /// 1-based column (in characters) where the problem was found.
        column: usize,
        /// What was expected or found.
        message: String,
    },
    /// A name that is not a global.
    #[error("unknown global {name:?}")]
    UnknownName {
        /// The name as written.
        name: String,
        /// 1-based column of the name.
        column: usize,
    },
    /// A division whose divisor evaluates to zero.
    #[error("division by zero at column {column}")]
    DivisionByZero {
        /// 1-based column of the `/`.
        column: usize,
    },
    /// A result too large for a decimal.
    #[error("arithmetic overflow at column {column}")]
    Overflow {
        /// 1-based column of the operator.
        column: usize,
    },
}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// The parsed expression tree.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Expr {
    Number(Decimal),
    Name {
        name: String,
        column: usize,
    },
    Neg {
        inner: Box<Expr>,
        column: usize,
    },
    Binary {
        op: Op,
        column: usize,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
}

/// A parsed formula, such as `SHOOT_WEEKS + PREP_WEEKS` or `(21 + 6) / 5`.
///
/// Grammar (whitespace is ignored between tokens):
///
/// ```text
/// expr   = term   { ("+" | "-") term }
/// term   = factor { ("*" | "/") factor }
/// factor = ("+" | "-") factor | number | name | "(" expr ")"
/// ```
///
/// `×`, `÷` and the minus sign `−` are accepted as well. A name starts with a
/// letter or `_` and continues with letters, digits and `_`; numbers are plain
/// decimals (`4`, `4.2`, `.5`).
///
/// ```
/// use callsheet::budget::{Formula, FormulaError};
/// use rust_decimal::Decimal;
///
/// let f = Formula::parse("SHOOT_WEEKS + PREP_WEEKS * 2")?;
/// let globals = |name: &str| match name {
///     "SHOOT_WEEKS" => Some(Decimal::from(6)),
///     "PREP_WEEKS" => Some(Decimal::from(4)),
///     _ => None,
/// };
/// assert_eq!(f.evaluate(globals)?, Decimal::from(14));
/// assert_eq!(f.names(), ["SHOOT_WEEKS", "PREP_WEEKS"]);
///
/// let err = Formula::parse("SHOT_DAYS / 5")?.evaluate(globals).unwrap_err();
/// assert_eq!(err.to_string(), "unknown global \"SHOT_DAYS\"");
/// let err = Formula::parse("6 * (2 + ").unwrap_err();
/// assert_eq!(err.to_string(), "syntax error at column 10: expected a number, a global name or \"(\", found the end");
/// # Ok::<(), FormulaError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formula {
    expr: Expr,
}

impl Formula {
    /// The most operators, signs and parenthesised groups one formula may hold.
    ///
    /// Budget formulas are short (`SHOOT_WEEKS + PREP_WEEKS`); the cap keeps
    /// a hostile production file (`((((…` or `1+1+1+…` a million times) from
    /// overflowing the stack. Longer formulas are a [`FormulaError::Syntax`]
    /// error at the column where the limit is reached.
    pub const MAX_NODES: usize = 256;

    /// Parses `text`.
    pub fn parse(text: &str) -> Result<Self, FormulaError> {
        let mut parser = Parser {
            chars: text.chars().collect(),
            pos: 0,
            nodes: 0,
        };
        let expr = parser.expr()?;
        parser.skip_space();
        if let Some(c) = parser.peek() {
            return Err(parser.syntax(format!("unexpected {c:?}")));
        }
        Ok(Self { expr })
    }

    /// Evaluates the formula, looking names up with `globals`.
    ///
    /// The first problem in evaluation order (left to right) is returned.
    pub fn evaluate(
        &self,
        globals: impl Fn(&str) -> Option<Decimal>,
    ) -> Result<Decimal, FormulaError> {
        eval(&self.expr, &globals)
    }

    /// The names the formula uses, in order of appearance, without repeats.
    pub fn names(&self) -> Vec<&str> {
        let mut out = Vec::new();
        collect_names(&self.expr, &mut out);
        out
    }

    /// The value when the formula is a plain number (no names, no operators).
    pub fn as_number(&self) -> Option<Decimal> {
        match self.expr {
            Expr::Number(n) => Some(n),
            _ => None,
        }
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_expr(&self.expr, f, 0)
    }
}

fn precedence(op: Op) -> u8 {
    match op {
        Op::Add | Op::Sub => 1,
        Op::Mul | Op::Div => 2,
    }
}

fn write_expr(expr: &Expr, f: &mut fmt::Formatter<'_>, outer: u8) -> fmt::Result {
    match expr {
        Expr::Number(n) => write!(f, "{n}"),
        Expr::Name { name, .. } => f.write_str(name),
        Expr::Neg { inner, .. } => {
            f.write_str("-")?;
            write_expr(inner, f, 3)
        }
        Expr::Binary { op, lhs, rhs, .. } => {
            let p = precedence(*op);
            if p < outer {
                f.write_str("(")?;
            }
            write_expr(lhs, f, p)?;
            let symbol = match op {
                Op::Add => " + ",
                Op::Sub => " - ",
                Op::Mul => " * ",
                Op::Div => " / ",
            };
            f.write_str(symbol)?;
            // Right operands of - and / bind tighter to keep left associativity.
            write_expr(rhs, f, p + 1)?;
            if p < outer {
                f.write_str(")")?;
            }
            Ok(())
        }
    }
}

fn collect_names<'a>(expr: &'a Expr, out: &mut Vec<&'a str>) {
    match expr {
        Expr::Number(_) => {}
        Expr::Name { name, .. } => {
            if !out.contains(&name.as_str()) {
                out.push(name);
            }
        }
        Expr::Neg { inner, .. } => collect_names(inner, out),
        Expr::Binary { lhs, rhs, .. } => {
            collect_names(lhs, out);
            collect_names(rhs, out);
        }
    }
}

fn eval(expr: &Expr, globals: &impl Fn(&str) -> Option<Decimal>) -> Result<Decimal, FormulaError> {
    match expr {
        Expr::Number(n) => Ok(*n),
        Expr::Name { name, column } => globals(name).ok_or_else(|| FormulaError::UnknownName {
            name: name.clone(),
            column: *column,
        }),
        Expr::Neg { inner, .. } => Ok(-eval(inner, globals)?),
        Expr::Binary {
            op,
            column,
            lhs,
            rhs,
        } => {
            let a = eval(lhs, globals)?;
            let b = eval(rhs, globals)?;
            let column = *column;
            let result = match op {
                Op::Add => a.checked_add(b),
                Op::Sub => a.checked_sub(b),
                Op::Mul => a.checked_mul(b),
                Op::Div => {
                    if b.is_zero() {
                        return Err(FormulaError::DivisionByZero { column });
                    }
                    a.checked_div(b)
                }
            };
            result
                .map(|d| d.normalize())
                .ok_or(FormulaError::Overflow { column })
        }
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    /// Operators, signs and parentheses seen so far (see [`Formula::MAX_NODES`]).
    nodes: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn column(&self) -> usize {
        self.pos + 1
    }

    fn syntax(&self, message: impl Into<String>) -> FormulaError {
        FormulaError::Syntax {
            column: self.column(),
            message: message.into(),
        }
    }

    /// Counts one more operator, sign or group at `column`, refusing
    /// formulas over [`Formula::MAX_NODES`].
    fn node(&mut self, column: usize) -> Result<(), FormulaError> {
        self.nodes += 1;
        if self.nodes > Formula::MAX_NODES {
            return Err(FormulaError::Syntax {
                column,
                message: format!(
                    "too complex: more than {} operators, signs and parentheses",
                    Formula::MAX_NODES
                ),
            });
        }
        Ok(())
    }

    /// The next operator among `ops`, consumed, with its column.
    fn operator(&mut self, additive: bool) -> Option<(Op, usize)> {
        self.skip_space();
        let op = match (self.peek()?, additive) {
            ('+', true) => Op::Add,
            ('-' | '−', true) => Op::Sub,
            ('*' | '×', false) => Op::Mul,
            ('/' | '÷', false) => Op::Div,
            _ => return None,
        };
        let column = self.column();
        self.pos += 1;
        Some((op, column))
    }

    fn expr(&mut self) -> Result<Expr, FormulaError> {
        let mut lhs = self.term()?;
        while let Some((op, column)) = self.operator(true) {
            self.node(column)?;
            let rhs = self.term()?;
            lhs = Expr::Binary {
                op,
                column,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            };
        }
        Ok(lhs)
    }

    fn term(&mut self) -> Result<Expr, FormulaError> {
        let mut lhs = self.factor()?;
        while let Some((op, column)) = self.operator(false) {
            self.node(column)?;
            let rhs = self.factor()?;
            lhs = Expr::Binary {
                op,
                column,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            };
        }
        Ok(lhs)
    }

    fn factor(&mut self) -> Result<Expr, FormulaError> {
        self.skip_space();
        let column = self.column();
        if matches!(self.peek(), Some('+' | '-' | '−' | '(')) {
            self.node(column)?;
        }
        match self.peek() {
            Some('+') => {
                self.pos += 1;
                self.factor()
            }
            Some('-' | '−') => {
                self.pos += 1;
                let inner = self.factor()?;
                Ok(Expr::Neg {
                    inner: Box::new(inner),
                    column,
                })
            }
            Some('(') => {
                self.pos += 1;
                let inner = self.expr()?;
                self.skip_space();
                match self.peek() {
                    Some(')') => {
                        self.pos += 1;
                        Ok(inner)
                    }
                    Some(c) => Err(self.syntax(format!("expected \")\", found {c:?}"))),
                    None => Err(self.syntax(format!(
                        "expected \")\" to close the \"(\" at column {column}, found the end"
                    ))),
                }
            }
            Some(c) if c.is_ascii_digit() || c == '.' => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == '.') {
                    self.pos += 1;
                }
                let text: String = self.chars[start..self.pos].iter().collect();
                text.parse::<Decimal>()
                    .map(Expr::Number)
                    .map_err(|_| FormulaError::Syntax {
                        column,
                        message: format!("{text:?} is not a number"),
                    })
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    self.pos += 1;
                }
                Ok(Expr::Name {
                    name: self.chars[start..self.pos].iter().collect(),
                    column,
                })
            }
            Some(c) => Err(self.syntax(format!(
                "expected a number, a global name or \"(\", found {c:?}"
            ))),
            None => Err(self.syntax("expected a number, a global name or \"(\", found the end")),
        }
    }
}
