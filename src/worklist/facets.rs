//! Counts per facet among the contacts a filter matches: one pass over the
//! fact columns.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Channel;
use crate::playbook::Playbook;
use crate::status::Status;

use super::columns::{Columns, Names};
use super::filter::Compiled;

/// Counts per facet.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// By status id.
    pub status: BTreeMap<&'static str, u32>,
    /// By next-action label (`"none"` when there is none).
    pub next: BTreeMap<String, u32>,
    /// By campaign phase id.
    pub phase: BTreeMap<String, u32>,
    /// By channel allowed now.
    pub allowed: BTreeMap<&'static str, u32>,
}

/// The counts among the slots `c` matches. Every status, channel and
/// campaign phase is listed, zeros included, so a sidebar keeps its rows;
/// next-action labels are those in use.
pub(super) fn count(
    cols: &Columns,
    c: &Compiled,
    labels: &Names,
    phases: &Names,
    playbook: &Playbook,
) -> Facets {
    let mut status = [0u32; 16];
    let mut next = vec![0u32; labels.len()];
    let mut phase = vec![0u32; phases.len()];
    let mut allowed = [0u32; 3];
    // One pass over the columns side by side (no bounds checks per slot);
    // the text, when the filter has one, is read only for slots that pass
    // the rest.
    let rows = cols
        .flags
        .iter()
        .zip(&cols.status)
        .zip(&cols.label)
        .zip(&cols.phase)
        .enumerate();
    for (s, (((&f, &st), &l), &p)) in rows {
        if !c.matches_facts(f, st, l, p) || !c.matches_text(cols, s, f) {
            continue;
        }
        if let Some(n) = status.get_mut(usize::from(st)) {
            *n += 1;
        }
        if let Some(n) = next.get_mut(usize::from(l)) {
            *n += 1;
        }
        if let Some(n) = phase.get_mut(usize::from(p)) {
            *n += 1;
        }
        // Bit b of the flags is `Channel::ALL[b]` (`filter::channel_bit`).
        for (b, n) in allowed.iter_mut().enumerate() {
            *n += u32::from((f >> b) & 1);
        }
    }
    let mut out = Facets::default();
    for (s, &n) in Status::ALL.iter().zip(&status) {
        out.status.insert(s.id(), n);
    }
    if let Some(c) = &playbook.campaign {
        for p in &c.phases {
            out.phase.insert(p.id.clone(), 0);
        }
    }
    for (i, &n) in next.iter().enumerate() {
        if n > 0 {
            out.next.insert(labels.name(i).to_string(), n);
        }
    }
    for (i, &n) in phase.iter().enumerate() {
        if n > 0 {
            out.phase.insert(phases.name(i).to_string(), n);
        }
    }
    for (c, &n) in Channel::ALL.iter().zip(&allowed) {
        out.allowed.insert(c.as_str(), n);
    }
    out
}
