//! Counts per facet among the contacts a filter matches: one pass over the
//! fact columns.

use serde::Serialize;

use crate::model::Channel;
use crate::playbook::Playbook;
use crate::status::Status;

use super::columns::{Columns, Names};
use super::filter::Compiled;

/// Bit b set when `bytes[b] == v` (up to 64 bytes): eight bytes at a time,
/// a zero-byte test on `bytes ^ v` gathered into eight bits.
fn equal_bits(bytes: &[u8], v: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let broadcast = u64::from(v) * 0x0101_0101_0101_0101;
    let mut bits = 0u64;
    let mut groups = bytes.chunks_exact(8);
    for (g, group) in groups.by_ref().enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(group);
        let x = u64::from_le_bytes(word) ^ broadcast;
        // 0x80 in each byte of x that is zero, exactly.
        let zero = !(((x & LOW7) + LOW7) | x | LOW7);
        // Byte i's 0x01 lands on bit 56 + i; the rest of the product is
        // shifted out.
        let eight = (zero >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        bits |= eight << (8 * g);
    }
    let done = bytes.len() - groups.remainder().len();
    for (b, &x) in groups.remainder().iter().enumerate() {
        bits |= u64::from(x == v) << (done + b);
    }
    bits
}

/// Counts per facet.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    /// By status id.
    pub status: Counts,
    /// By next-action label (`"none"` when there is none).
    pub next: Counts,
    /// By campaign phase id.
    pub phase: Counts,
    /// By channel allowed now.
    pub allowed: Counts,
}

/// Counts by key, in the order of the keys (as a map, a JSON object): a
/// sorted list, as the few dozen keys of a facet need no tree (and the
/// module then carries no B-tree's code).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts(Vec<(String, u32)>);

impl Counts {
    /// Sets the count of `key`.
    pub fn insert(&mut self, key: String, n: u32) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(at) => {
                if let Some(e) = self.0.get_mut(at) {
                    e.1 = n;
                }
            }
            Err(at) => self.0.insert(at, (key, n)),
        }
    }

    /// The count of `key`, if it is listed.
    pub fn get(&self, key: &str) -> Option<&u32> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        self.0.get(at).map(|(_, n)| n)
    }

    /// How many keys are listed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// No key is listed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys with their counts, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &u32)> {
        self.0.iter().map(|(k, n)| (k, n))
    }

    /// The counts, in the order of their keys.
    pub fn values(&self) -> impl Iterator<Item = &u32> {
        self.0.iter().map(|(_, n)| n)
    }

    /// The keys, in order.
    pub fn into_keys(self) -> impl Iterator<Item = String> {
        self.0.into_iter().map(|(k, _)| k)
    }
}

impl<'a> IntoIterator for &'a Counts {
    type Item = (&'a String, &'a u32);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, u32)>,
        fn(&'a (String, u32)) -> (&'a String, &'a u32),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, n)| (k, n))
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
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
    // Most filters are of flags and status alone: the slots that passed
    // those need no further test (nor a call per slot to find that out).
    let decided = c.flags_and_status_only();
    let mut tally = |s: usize, f: u8, st: u8, l: u16, p: u16| {
        if !decided && (!c.matches_lists(l, p) || !c.matches_text(cols, s, f)) {
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
    // One status asked for (a sidebar click): its slots are found 8 at a
    // time, and only they have their flags tested.
    let single = (statuses.count_ones() == 1).then(|| statuses.trailing_zeros() as u8);
    for (chunk, ((flags, sts), (ls, ps))) in chunks.enumerate() {
        let mut bits = match single {
            Some(v) => passing_of_status(flags, sts, v, &pass),
            None => passing(flags, sts, statuses, &pass),
        };
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
    facets(&by_status_channels, &next, &phase, labels, phases, playbook)
}

/// Bit b set when slot b of a chunk (up to 64) has status `v` and flags that
/// `pass`: the status found 8 slots at a time, the flags tested only there.
#[inline]
fn passing_of_status(flags: &[u8], sts: &[u8], v: u8, pass: &[u8; 256]) -> u64 {
    let mut bits = equal_bits(sts, v);
    let mut each = bits;
    while each != 0 {
        let b = each.trailing_zeros();
        each &= each - 1;
        let f = flags.get(b as usize).copied().unwrap_or(0);
        let ok = pass.get(usize::from(f)).copied().unwrap_or(0);
        bits &= !(u64::from(1 - ok) << b);
    }
    bits
}

/// Bit b set when slot b of a chunk (up to 64) has a status in `statuses`
/// (bit per status) and flags that `pass`, without a branch per slot.
#[inline]
fn passing(flags: &[u8], sts: &[u8], statuses: u16, pass: &[u8; 256]) -> u64 {
    let mut bits = 0u64;
    for (b, (&f, &st)) in flags.iter().zip(sts).enumerate() {
        let flag_ok = pass.get(usize::from(f)).copied().unwrap_or(0);
        let ok = flag_ok & u8::from(statuses >> (st & 15) & 1 == 1);
        bits |= u64::from(ok) << b;
    }
    bits
}

/// The facets from the tallies: slots by status and channel bits, by
/// next-action label number and by phase number.
fn facets(
    by_status_channels: &[u32; 128],
    next: &[u32],
    phase: &[u32],
    labels: &Names,
    phases: &Names,
    playbook: &Playbook,
) -> Facets {
    let mut status = [0u32; 16];
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
        out.status.insert(s.id().to_string(), n);
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
        out.allowed.insert(c.as_str().to_string(), n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::equal_bits;

    /// The eight-at-a-time test agrees with a byte-by-byte one, on every
    /// length up to a chunk and on bytes that differ from `v` in one bit.
    #[test]
    fn equal_bits_finds_each_equal_byte() {
        let mut seed = 7u32;
        for len in 0..=64usize {
            for v in [0u8, 1, 3, 9, 0x80, 0xFF] {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                        match seed >> 29 {
                            0..=2 => v,
                            3 => v ^ 1,
                            4 => v ^ 0x80,
                            _ => (seed >> 8) as u8,
                        }
                    })
                    .collect();
                let want = bytes
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (b, &x)| m | u64::from(x == v) << b);
                assert_eq!(equal_bits(&bytes, v), want, "{bytes:?} {v}");
            }
        }
    }
}
