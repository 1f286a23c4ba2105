//! A stable merge sort of our own, for the module's size: each instance of
//! the standard library's sorts costs kilobytes of the gzipped module (its
//! instance for `Event` 1.8 KB, for a Worklist's work order 3 KB), and one
//! small merge sort serves every list sorted here: a contact's events, the
//! slots an upsert changed, a queue's days, a Worklist's work order.

/// Runs this long are put in order by insertion before they are merged.
const RUN: usize = 16;

/// Sorts `items` in place, where `after(a, b)` says `a` goes after `b`;
/// items neither after the other keep their order (stable). Bottom up:
/// runs of [`RUN`] by insertion, then merged in passes between `items` and
/// one scratch copy. O(n log n) comparisons, one allocation, and one pass
/// of n - 1 comparisons when already in order (a CRM's history mostly is).
pub fn sort<T: Copy>(items: &mut [T], after: fn(&T, &T) -> bool) {
    if short(items, after) {
        return;
    }
    for run in items.chunks_mut(RUN) {
        insertion(run, after);
    }
    let mut scratch = items.to_vec();
    let mut width = RUN;
    let mut in_scratch = false;
    while width < items.len() {
        if in_scratch {
            merge_pass(&scratch, items, width, after);
        } else {
            merge_pass(items, &mut scratch, width, after);
        }
        in_scratch = !in_scratch;
        width = width.saturating_mul(2);
    }
    if in_scratch {
        items.copy_from_slice(&scratch);
    }
}

/// Sorts `items` as [`sort`] does when they are in order already or no
/// longer than [`RUN`], and says whether it did; any `T` (nothing is
/// copied).
pub fn short<T>(items: &mut [T], after: fn(&T, &T) -> bool) -> bool {
    if items
        .windows(2)
        .all(|w| !matches!(w, [a, b] if after(a, b)))
    {
        return true;
    }
    if items.len() > RUN {
        return false;
    }
    insertion(items, after);
    true
}

fn insertion<T>(items: &mut [T], after: fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while let Some(k) = j.checked_sub(1) {
            if !matches!((items.get(k), items.get(j)), (Some(a), Some(b)) if after(a, b)) {
                break;
            }
            items.swap(k, j);
            j = k;
        }
    }
}

/// Each pair of neighbouring runs `width` long in `from` merged into the
/// same place in `to` (a last run without a pair copied as it is).
fn merge_pass<T: Copy>(from: &[T], to: &mut [T], width: usize, after: fn(&T, &T) -> bool) {
    let pair = width.saturating_mul(2);
    for (src, dst) in from.chunks(pair).zip(to.chunks_mut(pair)) {
        let (a, b) = src.split_at(width.min(src.len()));
        merge(a, b, dst, after);
    }
}

/// Two runs in order merged into `out`, the first's item first on a tie.
fn merge<T: Copy>(a: &[T], b: &[T], out: &mut [T], after: fn(&T, &T) -> bool) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let next = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if !after(x, y) => {
                i += 1;
                x
            }
            (_, Some(y)) => {
                j += 1;
                y
            }
            (Some(x), None) => {
                i += 1;
                x
            }
            (None, None) => return,
        };
        *slot = *next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length around the run and the merges, with repeats, stable on
    /// ties: the standard library's stable sort's answer.
    #[test]
    fn sorts_stably() {
        let mut seed = 7u32;
        for n in 0..140usize {
            let items: Vec<(u64, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    (u64::from(seed >> 28), i)
                })
                .collect();
            let mut got = items.clone();
            sort(&mut got, |a, b| a.0 > b.0);
            let mut want = items;
            want.sort_by_key(|p| p.0);
            assert_eq!(got, want, "{n}");
        }
        let mut v = [3u64, 1, 2, 1];
        sort(&mut v, |a, b| a > b);
        assert_eq!(v, [1, 1, 2, 3]);
    }
}
