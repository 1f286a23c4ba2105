//! The work order: due first (then contacts with an action to come, and
//! those with none last), then higher priority, then overdue first, then
//! earlier due time, then id — kept lazily.
//!
//! Calls that change facts (`upsert`, `refresh`) and `remove` only note which
//! slots are out of place; the first call that reads the order
//! ([`Worklist::query_page`]) puts them back: those slots sorted, each put in
//! at a binary search of the others (or everything sorted, when most moved).
//! So a book loaded in many small calls, or contacts changed one
//! at a time between two reads, costs one pass over the order per read, not
//! one per call: with the pass in every call, loading 100,000 contacts 1,000
//! at a time cost 866 ms natively against 336 ms in one call.

use std::cmp::Ordering;

use super::columns::{DUE, OVERDUE};
use super::Worklist;

/// A slot's place in work order before its id ([`Worklist::order_key`]):
/// 128 bits, the most significant first: not due, no next action, the
/// priority's rank, not overdue, and the due time in the last 61. Two words
/// compare in two steps where the five fields took five; inlined into the
/// sort, the first page of a fresh 100k book took 13–15 ms against 18–20 ms
/// (Node, alternating runs).
type OrderKey = (u64, u64);

/// A slot added since the last settle (it has no place in `sorted` yet).
const NEW: u32 = u32::MAX;

/// The work order as of the last settle, and what has moved since.
#[derive(Default)]
pub(super) struct Order {
    /// The evaluated slots in work order, as they were numbered at the last
    /// settle (see `origin`).
    sorted: Vec<u32>,
    /// Per slot: its facts changed, or it is new, since the last settle.
    unplaced: Vec<bool>,
    /// How many slots are unplaced.
    unplaced_count: usize,
    /// Once a removal has moved slots since the last settle: for each slot,
    /// the number it had then ([`NEW`] for one added since).
    origin: Option<Vec<u32>>,
    /// How many slots there were at the last settle.
    settled_len: usize,
}

impl Order {
    /// A slot added at the end, to be placed at the next settle.
    pub(super) fn push(&mut self) {
        self.unplaced.push(true);
        self.unplaced_count = self.unplaced_count.saturating_add(1);
        if let Some(origin) = self.origin.as_mut() {
            origin.push(NEW);
        }
    }

    /// Slot `s`'s facts changed: it is placed again at the next settle.
    pub(super) fn unplace(&mut self, s: usize) {
        if let Some(u) = self.unplaced.get_mut(s) {
            if !*u {
                *u = true;
                self.unplaced_count = self.unplaced_count.saturating_add(1);
            }
        }
    }

    /// Slot `s` is removed and the last slot moves into it, as the columns
    /// do.
    pub(super) fn swap_remove(&mut self, s: usize) {
        let len = self.unplaced.len();
        if s >= len {
            return;
        }
        if self.unplaced.swap_remove(s) {
            self.unplaced_count = self.unplaced_count.saturating_sub(1);
        }
        // Slots past those of the last settle were added since.
        let settled = self.settled_len;
        let origin = self.origin.get_or_insert_with(|| {
            (0..settled)
                .filter_map(|i| u32::try_from(i).ok())
                .chain(std::iter::repeat(NEW))
                .take(len)
                .collect()
        });
        if origin.get(s).is_some() {
            origin.swap_remove(s);
        }
    }
}

impl Worklist {
    /// The evaluated slots in work order (settled first if anything moved
    /// since the last call that read it), passed to `f`.
    pub(super) fn with_order<R>(&self, f: impl FnOnce(&[u32]) -> R) -> R {
        match self.order.try_borrow_mut() {
            Ok(mut order) => {
                self.settle(&mut order);
                f(&order.sorted)
            }
            // Only a call from within `f` could find it borrowed; none does.
            // Worked out afresh rather than failing.
            Err(_) => f(&self.sorted_slots()),
        }
    }

    /// Puts the unplaced slots back in work order: the others keep their
    /// relative order, so this is one sort of the unplaced slots and a
    /// binary search for each (or one sort of everything, when most moved).
    /// Nothing to do when nothing moved since the last settle.
    fn settle(&self, order: &mut Order) {
        let n = self.contacts.len();
        // Renumber the order after removals; the removed leave it.
        if let Some(origin) = order.origin.take() {
            let mut now_at = vec![NEW; order.settled_len];
            for (new, &old) in origin.iter().enumerate() {
                if let (Some(at), Ok(new)) = (now_at.get_mut(old as usize), u32::try_from(new)) {
                    *at = new;
                }
            }
            order.sorted = order
                .sorted
                .iter()
                .filter_map(|&s| now_at.get(s as usize).copied().filter(|&x| x != NEW))
                .collect();
        }
        order.settled_len = n;
        let count = std::mem::take(&mut order.unplaced_count);
        if count == 0 {
            return;
        }
        if count.saturating_mul(4) >= n {
            // Most moved: sort everything.
            order.unplaced.fill(false);
            order.sorted = self.sorted_slots();
            return;
        }
        // The others keep their order; the unplaced leave it, and their
        // flags are taken.
        let unplaced = &mut order.unplaced;
        order
            .sorted
            .retain(|&s| !unplaced.get(s as usize).copied().unwrap_or(true));
        let mut changed: Vec<u32> = unplaced
            .iter_mut()
            .enumerate()
            .filter_map(|(s, m)| {
                (std::mem::take(m) && self.cols.evaluated(s)).then(|| u32::try_from(s).ok())?
            })
            .collect();
        self.sort_slots(&mut changed);
        // Each goes in where a binary search of the others puts it (the
        // others in order, and the changed in order, so each after the one
        // before): a few comparisons each, and the rest copied in runs.
        let kept = std::mem::take(&mut order.sorted);
        let mut out = Vec::with_capacity(kept.len().saturating_add(changed.len()));
        let mut from = 0;
        for c in changed {
            let rest = kept.get(from..).unwrap_or(&[]);
            let at = from
                .saturating_add(rest.partition_point(|&s| self.cmp_slots(s, c) == Ordering::Less));
            out.extend_from_slice(kept.get(from..at).unwrap_or(&[]));
            out.push(c);
            from = at;
        }
        out.extend_from_slice(kept.get(from..).unwrap_or(&[]));
        order.sorted = out;
    }

    /// Every evaluated slot, in work order.
    fn sorted_slots(&self) -> Vec<u32> {
        let mut all: Vec<u32> = (0..self.contacts.len())
            .filter(|&s| self.cols.evaluated(s))
            .filter_map(|s| u32::try_from(s).ok())
            .collect();
        self.sort_slots(&mut all);
        all
    }

    /// Work order: see the module's documentation.
    fn cmp_slots(&self, a: u32, b: u32) -> Ordering {
        self.order_key(a)
            .cmp(&self.order_key(b))
            .then_with(|| self.key(a).cmp(self.key(b)))
    }

    /// Slot `s`'s place in work order before its id: (not due, no next
    /// action, priority from the highest as `f64::total_cmp` orders it, not
    /// overdue, due time). A reply's due time is its deadline, an attempt's
    /// the time it fell due: overdue first puts a reply past its deadline
    /// before an attempt that is only waiting.
    fn order_key(&self, s: u32) -> OrderKey {
        let s = s as usize;
        let c = &self.cols;
        let flags = c.flags.get(s).copied().unwrap_or(0);
        let priority = c.priority.get(s).copied().unwrap_or(0.0);
        let at = c.due_ms.get(s).copied().unwrap_or(i64::MAX);
        pack(flags, priority, at)
    }

    fn key(&self, s: u32) -> &str {
        self.keys.get(s as usize).map_or("", |k| k.as_ref())
    }

    /// Sorts `slots` into work order: each slot's key and the first eight
    /// bytes of its id worked out once, and whole ids compared only when
    /// those tie.
    fn sort_slots(&self, slots: &mut [u32]) {
        let mut keyed: Vec<(OrderKey, u64, &str, u32)> = slots
            .iter()
            .map(|&s| (self.order_key(s), id_prefix(self.key(s)), self.key(s), s))
            .collect();
        crate::sort::sort(&mut keyed, |a, b| {
            a.0.cmp(&b.0)
                .then(a.1.cmp(&b.1))
                .then_with(|| a.2.cmp(b.2))
                .is_gt()
        });
        for (slot, &(.., s)) in slots.iter_mut().zip(&keyed) {
            *slot = s;
        }
    }
}

/// The work-order key of a slot's flags, priority and due time (see
/// [`OrderKey`]): it orders as `(not due, no next action, !total_order(priority),
/// not overdue, due time)` does, field by field.
fn pack(flags: u8, priority: f64, at: i64) -> OrderKey {
    let rank = !total_order(priority);
    // (The due time in the low 61 bits, as an unsigned number in the same
    // order: instants are within years 1 to 9999, under 2^48 ms.)
    const HALF: i64 = 1 << 60;
    let none = at == i64::MAX;
    let at = at
        .clamp(-HALF, HALF - 1)
        .saturating_add(HALF)
        .unsigned_abs();
    (
        (u64::from(flags & DUE == 0) << 63) | (u64::from(none) << 62) | (rank >> 2),
        (rank << 62) | (u64::from(flags & OVERDUE == 0) << 61) | at,
    )
}

/// `x`'s rank in the order of `f64::total_cmp`, as an unsigned integer:
/// negative numbers have every bit flipped (larger magnitudes sort lower),
/// the others only the sign bit.
pub(super) fn total_order(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

/// The first eight bytes of `id`, zero-padded, as a big-endian number: ids
/// whose numbers differ compare as the numbers do (a shorter id pads with
/// the lowest byte), and equal numbers leave the rest to decide.
pub(super) fn id_prefix(id: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (b, c) in bytes.iter_mut().zip(id.bytes()) {
        *b = c;
    }
    u64::from_be_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_key_orders_as_its_fields() {
        let at = [
            i64::MIN,
            -1,
            0,
            1,
            1_794_000_000_000,
            253_402_300_799_999,
            i64::MAX,
        ];
        let priority = [
            f64::NEG_INFINITY,
            -10.5,
            -0.0,
            0.0,
            1.0,
            10.0,
            1e300,
            f64::NAN,
        ];
        let mut all = Vec::new();
        for flags in [0, DUE, OVERDUE, DUE | OVERDUE] {
            for &p in &priority {
                for &t in &at {
                    all.push((flags, p, t));
                }
            }
        }
        let fields = |&(f, p, t): &(u8, f64, i64)| {
            (
                f & DUE == 0,
                t == i64::MAX,
                !total_order(p),
                f & OVERDUE == 0,
                t,
            )
        };
        for a in &all {
            for b in &all {
                // (Times past the years the engine reads are clamped.)
                let in_range = |t: i64| t == i64::MAX || t.unsigned_abs() < 1 << 60;
                if !in_range(a.2) || !in_range(b.2) {
                    continue;
                }
                assert_eq!(
                    pack(a.0, a.1, a.2).cmp(&pack(b.0, b.1, b.2)),
                    fields(a).cmp(&fields(b)),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
