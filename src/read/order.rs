//! A contact's events in time order: by instant, then by their place in
//! the `events` given (`Event::index`), so events at one instant keep the
//! order they were given in.

use crate::model::Event;

/// `events` in time order, ties in the order they were given in (stable;
/// a CRM's history mostly comes in time order already, and then nothing
/// moves after one pass that finds it so). A long history out of order
/// has its keys sorted ([`crate::sort::sort`]) and the events taken in
/// their order.
pub(super) fn by_time(mut events: Vec<Event>) -> Vec<Event> {
    if crate::sort::short(&mut events, |a, b| key(a) > key(b)) {
        return events;
    }
    let mut keys: Vec<((i64, u32), usize)> = events.iter().map(key).zip(0..).collect();
    crate::sort::sort(&mut keys, |a, b| a.0 > b.0);
    let mut events: Vec<Option<Event>> = events.into_iter().map(Some).collect();
    keys.iter()
        .filter_map(|&(_, i)| events.get_mut(i).and_then(Option::take))
        .collect()
}

/// `events` (in time order) without a record given again: an event the
/// same as one before it at the same instant, in every field read, a
/// message's words too (`texts`: a fingerprint of each message's words by
/// its index as given; a CRM's export or a webhook's retry that repeats a
/// row). Two of our texts at one instant with the same words are one text
/// logged twice, not two attempts, nor a second text after an opt-out's
/// confirmation; with other words they are two. The first is kept, with its
/// place as given. Events logged with a date alone are never one: a CRM's
/// date field cannot tell three calls of a day from one given thrice, and
/// each counts (to a cap, as an attempt), erring toward the caps.
pub(super) fn without_repeats(mut events: Vec<Event>, texts: &[(u32, u64)]) -> Vec<Event> {
    let words = |e: &Event| texts.iter().find(|t| t.0 == e.index).map(|t| t.1);
    let repeated = |events: &[Event], i: usize| {
        let (Some(before), Some(e)) = (events.get(..i), events.get(i)) else {
            return false;
        };
        // (Within the 64 before it: a history of many thousand events at
        // one instant is compared in linear time.)
        before
            .iter()
            .rev()
            .take(64)
            .take_while(|p| p.at == e.at)
            .any(|p| !e.dated && !p.dated && p.body == e.body && words(p) == words(e))
    };
    if !(1..events.len()).any(|i| repeated(&events, i)) {
        return events;
    }
    // (Each kept event is compared with those kept before it at its
    // instant, and moved down over the ones dropped: one pass.)
    let mut kept = 1usize;
    for i in 1..events.len() {
        events.swap(kept, i);
        if !repeated(&events, kept) {
            kept = kept.saturating_add(1);
        }
    }
    events.truncate(kept);
    // (A contact keeps its events in a block of exactly their number.)
    events.shrink_to_fit();
    events
}

/// Event `e`'s place in time order: its instant, then its place as given.
fn key(e: &Event) -> (i64, u32) {
    (e.at.0, e.index)
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
