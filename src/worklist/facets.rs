//! Counts per facet among the contacts a filter matches: one pass over the
//! fact columns.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::Channel;
use crate::playbook::Playbook;
use crate::status::Status;

use super::columns::{Columns, Names};
use super::filter::{channel_bit, Compiled};

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
    for s in 0..cols.len() {
        if !c.matches(cols, s) {
            continue;
        }
        let (Some(&st), Some(&l), Some(&p), Some(&f)) = (
            cols.status.get(s),
            cols.label.get(s),
            cols.phase.get(s),
            cols.flags.get(s),
        ) else {
            continue;
        };
        if let Some(n) = status.get_mut(usize::from(st)) {
            *n += 1;
        }
        if let Some(n) = next.get_mut(usize::from(l)) {
            *n += 1;
        }
        if let Some(n) = phase.get_mut(usize::from(p)) {
            *n += 1;
        }
        for (n, ch) in allowed.iter_mut().zip(Channel::ALL) {
            *n += u32::from(f & channel_bit(ch) != 0);
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
