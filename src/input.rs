//! Reading contacts from JSON-shaped data, with field paths in every error.
//!
//! Contacts are read by the schema reader in [`crate::read`] (lenient, as CRMs
//! keep their records: unknown fields skipped, `""` as "not given", local
//! date-times in the contact's zone, every bad field reported). This module
//! gives it the shapes callers have: JSON text, a `serde_json::Value`.

#![deny(clippy::arithmetic_side_effects)]

use crate::error::{Error, Result};
use crate::model::Contact;
use crate::playbook::Playbook;

/// Reads a contact from a JSON value for a playbook; local date-times without
/// an offset are read in the contact's zone, else the playbook's.
///
/// # Errors
/// Every bad field, each naming its path (`events[3].at`) and what was expected.
pub fn contact_from_value(value: &serde_json::Value, playbook: &Playbook) -> Result<Contact> {
    let text = serde_json::to_string(value).map_err(|e| Error::input("", e.to_string()))?;
    crate::read::contact(&text, playbook)
}

/// Reads a contact from a JSON value, with no default zone.
///
/// # Errors
/// As [`contact_from_value`].
pub fn contact_from(value: &serde_json::Value) -> Result<Contact> {
    let text = serde_json::to_string(value).map_err(|e| Error::input("", e.to_string()))?;
    contact_from_json(&text)
}

/// Reads a contact from JSON text, with no default zone.
///
/// # Errors
/// As [`contact_from_value`].
pub fn contact_from_json(text: &str) -> Result<Contact> {
    crate::read::contact_with(text, None, &crate::playbook::Keywords::default())
}

/// Reads the id of a contact that failed to read, for batch errors, from JSON.
pub fn id_of_json(value: &serde_json::Value) -> Option<serde_json::Value> {
    value.get("id").cloned()
}
