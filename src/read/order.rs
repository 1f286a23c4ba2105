//! A contact's events in time order: by instant, then by their place in
//! the `events` given (`Event::index`), so events at one instant keep the
//! order they were given in.

use crate::model::Event;

/// `events` in time order, ties in the order they were given in (stable;
/// [`crate::sort::sorted`]: a CRM's history mostly comes in time order
/// already, and then nothing moves after one pass that finds it so).
pub(super) fn by_time(events: Vec<Event>) -> Vec<Event> {
    crate::sort::sorted(events, after)
}

/// Event `a` comes after event `b`.
fn after(a: &Event, b: &Event) -> bool {
    (a.at, a.index) > (b.at, b.index)
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
