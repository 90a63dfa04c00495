//! Hand-worked conflict cases.
