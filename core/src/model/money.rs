//! Exact money: a decimal amount tagged with an ISO 4217 currency.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency code such as `USD`, `GBP` or `JPY`.
///
/// Only codes in the ISO 4217 list are accepted; the code knows how many
/// minor units (decimal places) the currency uses.
///
/// ```
/// use callsheet::CurrencyCode;
/// let usd: CurrencyCode = "USD".parse().unwrap();
/// assert_eq!(usd.minor_units(), 2);
/// assert_eq!("JPY".parse::<CurrencyCode>().unwrap().minor_units(), 0);
/// assert!("XYZ".parse::<CurrencyCode>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CurrencyCode(iso_currency::Currency);

impl CurrencyCode {
    /// US dollar.
    pub const USD: CurrencyCode = CurrencyCode(iso_currency::Currency::USD);
    /// Euro.
    pub const EUR: CurrencyCode = CurrencyCode(iso_currency::Currency::EUR);
    /// Pound sterling.
    pub const GBP: CurrencyCode = CurrencyCode(iso_currency::Currency::GBP);

    /// The three-letter code, e.g. `"USD"`.
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// Number of decimal places of the currency's minor unit (2 for USD, 0 for JPY, 3 for KWD).
    ///
    /// Codes without a minor unit (such as gold, `XAU`) report 0.
    pub fn minor_units(&self) -> u32 {
        self.0.exponent().map_or(0, u32::from)
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error returned when a string is not an ISO 4217 currency code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown currency code {0:?} (expected an ISO 4217 code such as \"USD\")")]
pub struct UnknownCurrency(pub String);

impl FromStr for CurrencyCode {
    type Err = UnknownCurrency;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        iso_currency::Currency::from_code(s)
            .map(CurrencyCode)
            .ok_or_else(|| UnknownCurrency(s.to_owned()))
    }
}

impl Serialize for CurrencyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for CurrencyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An exact amount of money in one currency.
///
/// Amounts are [`rust_decimal::Decimal`]s and keep the scale they were
/// written with (`"4500.00"` stays `4500.00`). They are stored in files as
/// strings so that no JSON reader turns them into floats.
///
/// ```
/// use callsheet::Money;
/// let fee = Money::new("4500.00".parse().unwrap(), "USD".parse().unwrap());
/// assert_eq!(fee.to_string(), "4500.00 USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// The amount, exact.
    #[serde(with = "exact_decimal")]
    pub amount: Decimal,
    /// The currency of `amount`.
    pub currency: CurrencyCode,
}

impl Money {
    /// Creates an amount of money.
    pub fn new(amount: Decimal, currency: CurrencyCode) -> Self {
        Self { amount, currency }
    }

    /// Zero in the given currency.
    pub fn zero(currency: CurrencyCode) -> Self {
        Self::new(Decimal::ZERO, currency)
    }

    /// The amount rounded to the currency's minor unit, half to even
    /// (banker's rounding), as production accounting requires.
    ///
    /// ```
    /// use callsheet::Money;
    /// let m = Money::new("10.125".parse().unwrap(), "USD".parse().unwrap());
    /// assert_eq!(m.rounded().amount.to_string(), "10.12");
    /// ```
    pub fn rounded(&self) -> Self {
        let amount = self.amount.round_dp_with_strategy(
            self.currency.minor_units(),
            rust_decimal::RoundingStrategy::MidpointNearestEven,
        );
        Self::new(amount, self.currency)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency)
    }
}

/// Serde for decimals that must stay exact: written as strings, read from
/// strings or integers, and never from JSON floats (which many readers
/// would already have rounded).
pub(crate) mod exact_decimal {
    use std::fmt;

    use rust_decimal::Decimal;
    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &Decimal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(value)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(ExactDecimal)
    }

    struct ExactDecimal;

    impl Visitor<'_> for ExactDecimal {
        type Value = Decimal;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal number written as a string, e.g. \"4500.00\"")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
            text.trim()
                .parse::<Decimal>()
                .or_else(|_| Decimal::from_scientific(text.trim()))
                .map_err(|_| E::custom(format!("{text:?} is not a decimal number")))
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(n))
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(n))
        }

        fn visit_f64<E: de::Error>(self, n: f64) -> Result<Decimal, E> {
            Err(E::custom(format!(
                "{n} is a JSON float; write exact amounts as strings, e.g. \"{n}\""
            )))
        }
    }

    /// The same for optional decimals.
    pub(crate) mod option {
        use rust_decimal::Decimal;
        use serde::{Deserialize, Deserializer, Serializer};

        pub(crate) fn serialize<S: Serializer>(
            value: &Option<Decimal>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(d) => serializer.collect_str(d),
                None => serializer.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<Decimal>, D::Error> {
            #[derive(Deserialize)]
            struct Wrapped(#[serde(with = "super")] Decimal);
            Ok(Option::<Wrapped>::deserialize(deserializer)?.map(|Wrapped(d)| d))
        }
    }
}
