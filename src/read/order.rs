//! A contact's events in time order: by instant, then by their place in
//! the `events` given (`Event::index`), so events at one instant keep the
//! order they were given in.
//!
//! A merge sort of our own rather than the standard library's sort: a CRM's
//! history mostly comes in time order already (then nothing moves, after
//! one pass that finds it so), and a contact has a few events, so the
//! standard sort's speed buys nothing here while its instance for `Event`
//! costs 1.8 KB of the gzipped module.

use crate::model::Event;

/// Runs this long or shorter are put in order by insertion.
const SHORT: usize = 16;

/// `events` in time order, ties in the order they were given in (stable;
/// O(n log n) moves and comparisons).
pub(super) fn by_time(mut events: Vec<Event>) -> Vec<Event> {
    if in_order(&events) {
        return events;
    }
    if events.len() <= SHORT {
        insertion(&mut events);
        return events;
    }
    let second = events.split_off(events.len() / 2);
    merge(by_time(events), by_time(second))
}

/// Event `a` comes after event `b`.
fn after(a: &Event, b: &Event) -> bool {
    (a.at, a.index) > (b.at, b.index)
}

fn in_order(events: &[Event]) -> bool {
    events.windows(2).all(|w| match w {
        [a, b] => !after(a, b),
        _ => true,
    })
}

fn insertion(events: &mut [Event]) {
    for i in 1..events.len() {
        let mut j = i;
        while let Some(k) = j.checked_sub(1) {
            if !matches!((events.get(k), events.get(j)), (Some(a), Some(b)) if after(a, b)) {
                break;
            }
            events.swap(k, j);
            j = k;
        }
    }
}

/// Two runs in order merged into one, the first's event first on a tie.
fn merge(first: Vec<Event>, second: Vec<Event>) -> Vec<Event> {
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
    use crate::model::EventBody;
    use crate::time::Instant;

    fn ev(at: i64, index: u32) -> Event {
        Event {
            at: Instant(at),
            index,
            dated: false,
            body: EventBody::StepDone { step: "s".into() },
        }
    }

    /// Every length around the insertion cut and the merge, in every order a
    /// seeded shuffle gives, with ties: the standard library's stable sort's
    /// answer.
    #[test]
    fn puts_events_in_time_order_ties_as_given() {
        let mut seed = 11u32;
        for n in 0..80usize {
            for _ in 0..20 {
                let events: Vec<Event> = (0..n)
                    .map(|i| {
                        seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                        ev(i64::from(seed >> 28), (n - i) as u32 % 7)
                    })
                    .collect();
                let mut want = events.clone();
                want.sort_by_key(|e| (e.at, e.index));
                let got = by_time(events);
                let key = |v: &[Event]| v.iter().map(|e| (e.at, e.index)).collect::<Vec<_>>();
                assert_eq!(key(&got), key(&want), "{n}");
            }
        }
    }
}
