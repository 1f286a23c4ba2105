//! A stable merge sort of our own, for the module's size: each instance of
//! the standard library's sorts costs kilobytes of the gzipped module (its
//! instance for `Event` 1.8 KB, for `u64` more), and what is sorted here is
//! short, or mostly in order already: a contact's events, the slots an
//! upsert changed, a queue's days.

/// Runs this long or shorter are put in order by insertion.
const SHORT: usize = 16;

/// `items` in order, where `after(a, b)` says `a` goes after `b`; items
/// neither after the other keep their order (stable). O(n log n) moves and
/// comparisons, and one pass of n - 1 comparisons when already in order.
pub fn sorted<T>(mut items: Vec<T>, after: fn(&T, &T) -> bool) -> Vec<T> {
    if items
        .windows(2)
        .all(|w| !matches!(w, [a, b] if after(a, b)))
    {
        return items;
    }
    if items.len() <= SHORT {
        insertion(&mut items, after);
        return items;
    }
    let second = items.split_off(items.len() / 2);
    merge(sorted(items, after), sorted(second, after), after)
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

/// Two runs in order merged into one, the first's item first on a tie.
fn merge<T>(first: Vec<T>, second: Vec<T>, after: fn(&T, &T) -> bool) -> Vec<T> {
    let mut out = Vec::with_capacity(first.len().saturating_add(second.len()));
    let mut a = first.into_iter().peekable();
    let mut b = second.into_iter().peekable();
    loop {
        let take_b = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => after(x, y),
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        out.extend(if take_b { b.next() } else { a.next() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past the insertion cut, with repeats, stable on ties (the events'
    /// test in src/read/order.rs tries every length to 80 against the
    /// standard library's stable sort).
    #[test]
    fn sorts_stably() {
        let items: Vec<(u64, usize)> = (0..40).map(|i| ((i * 7 % 5) as u64, i)).collect();
        let got = sorted(items.clone(), |a, b| a.0 > b.0);
        let mut want = items;
        want.sort_by_key(|p| p.0);
        assert_eq!(got, want);
        assert_eq!(sorted(vec![3u64, 1, 2, 1], |a, b| a > b), [1, 1, 2, 3]);
    }
}
