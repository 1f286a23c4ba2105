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
    // Slots by status and channel bits (0–2 of the flags).
    let mut by_status_channels = [0u32; 128];
    // The flags and the status are tested 64 slots at a time without a
    // branch per slot (a selective filter passes slots at random, and a
    // branch per slot is mispredicted at every other match); only the slots
    // that pass are read further and counted.
    let pass = c.flag_table();
    let statuses = c.status_mask();
    let mut tally = |s: usize, f: u8, st: u8, l: u16, p: u16| {
        if !c.matches_lists(l, p) || !c.matches_text(cols, s, f) {
            return;
        }
        // Status and channels in one count (one increment fewer).
        let key = usize::from(st & 15) << 3 | usize::from(f & 7);
        if let Some(n) = by_status_channels.get_mut(key) {
            *n += 1;
        }
        if let Some(n) = next.get_mut(usize::from(l)) {
            *n += 1;
        }
        if let Some(n) = phase.get_mut(usize::from(p)) {
            *n += 1;
        }
    };
    let chunks = cols
        .flags
        .chunks(64)
        .zip(cols.status.chunks(64))
        .zip(cols.label.chunks(64).zip(cols.phase.chunks(64)));
    for (chunk, ((flags, sts), (ls, ps))) in chunks.enumerate() {
        let mut bits = 0u64;
        for (b, (&f, &st)) in flags.iter().zip(sts).enumerate() {
            let flag_ok = pass.get(usize::from(f)).copied().unwrap_or(0);
            let ok = flag_ok & u8::from(statuses >> (st & 15) & 1 == 1);
            bits |= u64::from(ok) << b;
        }
        let first = chunk * 64;
        if bits == u64::MAX {
            // Every slot of the chunk passes (no filter, or a broad one).
            let rows = flags.iter().zip(sts).zip(ls.iter().zip(ps));
            for (b, ((&f, &st), (&l, &p))) in rows.enumerate() {
                tally(first + b, f, st, l, p);
            }
            continue;
        }
        while bits != 0 {
            let b = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            if let (Some(&f), Some(&st), Some(&l), Some(&p)) =
                (flags.get(b), sts.get(b), ls.get(b), ps.get(b))
            {
                tally(first + b, f, st, l, p);
            }
        }
    }
    // Bit b of the flags is `Channel::ALL[b]` (`filter::channel_bit`).
    let mut allowed = [0u32; 3];
    for (key, &n) in by_status_channels.iter().enumerate() {
        if let Some(s) = status.get_mut(key >> 3) {
            *s += n;
        }
        for (b, a) in allowed.iter_mut().enumerate() {
            if key >> b & 1 == 1 {
                *a += n;
            }
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
