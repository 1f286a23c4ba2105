//! The openings of one place's hours, listed ahead for a batch.
//!
//! A batch asks each place for the next opening after many different instants
//! (each contact's due times). Worked out one by one, each costs a walk over
//! local days in every zone; once a place has been asked often enough, its
//! open intervals over a stretch of time are listed once, and each question
//! inside the stretch is a look-up by day and a step or two. The list is made of
//! [`Hours::next_open`](super::Hours::next_open) and
//! [`Hours::closes_after`](super::Hours::closes_after) themselves, so the two
//! ways give the same answers.

#![deny(clippy::arithmetic_side_effects)]

use crate::time::{Instant, DAY};

use super::Hours;

/// How many openings a place works out one by one before it lists them: a
/// single evaluation asks a handful, and should not pay for a list.
const LIST_AFTER: u32 = 24;
/// How far a first list reaches before and after the instant that asked, in
/// milliseconds: a batch's questions mostly fall within days of `now`, and a
/// list widens (by parts, at least doubling) when they reach further. Four
/// weeks list a third of what three months did: facts of 100k contacts take
/// 2.2% fewer instructions, a worklist load 1.4% (2 + 12 days lists too little
/// and widens more).
const BEFORE: i64 = 7 * DAY;
const AFTER: i64 = 21 * DAY;
/// The longest stretch listed, in milliseconds: shorter than the horizon
/// ([`super::HORIZON_DAYS`]), so that "no opening within the horizon" from
/// any instant of the stretch means none in the rest of it.
const LONGEST: i64 = 366 * DAY;

/// The open intervals of a place's hours over `[from, until)`, once listed.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Timeline {
    /// Whether `open` is a list (else every question is worked out).
    pub(super) listed: bool,
    /// Listing failed once: never again for these hours.
    off: bool,
    /// Questions worked out one by one so far.
    misses: u32,
    from: i64,
    until: i64,
    /// Every open instant in `[from, until)` lies in one of these half-open
    /// intervals, in the order of their starts, and only open instants do;
    /// each starts before `until`. Two may overlap where parts of the stretch
    /// were listed apart (see [`Hours::relist`]). The look-ups need only that
    /// order: the first interval ending after `t` holds `t` if any does, and
    /// else starts at the next opening (every one before it ends by `t`, every
    /// one after it starts no sooner).
    open: Vec<(Instant, Instant)>,
    /// For each whole day `d` of the stretch, the first interval ending after
    /// `from + d` days: where a question about that day starts looking.
    day_first: Vec<u32>,
}

impl Timeline {
    /// The next opening at or after `t`, when the list knows it.
    pub(super) fn next_open(&self, t: Instant) -> Option<Instant> {
        let i = self.first_ending_after(t)?;
        // None after `t` in the list: the opening is past `until` (or there is
        // none), which the list does not say.
        self.open.get(i).map(|&(start, _)| start.max(t))
    }

    /// Whether `t` is open, when the list knows it (`t` inside the stretch).
    pub(super) fn contains(&self, t: Instant) -> Option<bool> {
        let i = self.first_ending_after(t)?;
        Some(self.open.get(i).is_some_and(|&(start, _)| start <= t))
    }

    /// The index of the first interval ending after `t`, for `t` inside the
    /// stretch of a list.
    fn first_ending_after(&self, t: Instant) -> Option<usize> {
        if !self.listed || t.0 < self.from || t.0 >= self.until {
            return None;
        }
        let day = usize::try_from(t.0.saturating_sub(self.from) / DAY).ok()?;
        let mut i = self.day_first.get(day).map_or(0, |&i| i as usize);
        while self.open.get(i).is_some_and(|&(_, end)| end <= t) {
            i = i.saturating_add(1);
        }
        Some(i)
    }

    /// How many intervals are listed.
    pub(super) fn len(&self) -> usize {
        self.open.len()
    }

    /// Notes a question the list could not answer; gives the stretch to list
    /// (the list so far widened to hold `t`, at least doubled so that the
    /// lists of a batch cost no more than twice the last), when it is time.
    pub(super) fn missed(&mut self, t: Instant) -> Option<(Instant, Instant)> {
        if self.off {
            return None;
        }
        self.misses = self.misses.saturating_add(1);
        if !self.listed {
            return (self.misses >= LIST_AFTER)
                .then(|| (t.plus(BEFORE.saturating_neg()), t.plus(AFTER)));
        }
        let width = self.until.saturating_sub(self.from);
        let (from, until) = if t.0 < self.from {
            let from =
                t.0.saturating_sub(BEFORE)
                    .min(self.from.saturating_sub(width));
            (from, self.until)
        } else if t.0 >= self.until {
            let until =
                t.0.saturating_add(AFTER)
                    .max(self.until.saturating_add(width));
            (self.from, until)
        } else {
            return None;
        };
        // Too long a stretch: this question is worked out, and the list stays.
        (until.saturating_sub(from) <= LONGEST).then_some((Instant(from), Instant(until)))
    }

    /// The stretch listed, if any.
    pub(super) fn stretch(&self) -> Option<(Instant, Instant)> {
        self.listed
            .then_some((Instant(self.from), Instant(self.until)))
    }

    /// Keeps the list of `[from, until)` (`None`: listing failed).
    pub(super) fn keep(
        &mut self,
        from: Instant,
        until: Instant,
        open: Option<Vec<(Instant, Instant)>>,
    ) {
        match open {
            Some(open) => {
                self.listed = true;
                self.from = from.0;
                self.until = until.0;
                let days = until.0.saturating_sub(from.0) / DAY;
                let mut i = 0usize;
                self.day_first = (0..=days)
                    .map(|d| {
                        let start = from.plus(d.saturating_mul(DAY));
                        while open.get(i).is_some_and(|&(_, end)| end <= start) {
                            i = i.saturating_add(1);
                        }
                        u32::try_from(i).unwrap_or(u32::MAX)
                    })
                    .collect();
                self.open = open;
            }
            None => {
                self.off = true;
                self.listed = false;
                self.open = Vec::new();
                self.day_first = Vec::new();
            }
        }
    }
}

impl Hours {
    /// Lists the openings of `[from, until)` and of the stretch already
    /// listed: only the parts the list lacks (a batch widens its list as its
    /// questions reach further, and each part is listed once).
    pub(super) fn relist(&self, from: Instant, until: Instant) {
        let had = self.timeline.borrow().stretch();
        let (from, until, open) = match had {
            Some((was_from, was_until)) => {
                // The list stays whole: its stretch and the new one together.
                let (from, until) = (from.min(was_from), until.max(was_until));
                // Either part may be empty (nothing to list).
                let before = self.list(from, was_from);
                let after = self.list(was_until, until);
                // In the order of their starts. Where a part meets the
                // list, an interval open across the seam is listed on both
                // sides: the two overlap, which the look-ups allow.
                let listed = std::mem::take(&mut self.timeline.borrow_mut().open);
                let open = before
                    .zip(after)
                    .map(|(before, after)| [before, listed, after].concat());
                (from, until, open)
            }
            None => (from, until, self.list(from, until)),
        };
        self.timeline.borrow_mut().keep(from, until, open);
    }

    /// The open intervals of every window in every zone over `[from, until)`,
    /// each from an opening to the first close after it (`None` if an opening
    /// has no close, which the list cannot hold).
    pub(super) fn list(&self, from: Instant, until: Instant) -> Option<Vec<(Instant, Instant)>> {
        let mut open = Vec::new();
        let mut t = from;
        while t < until {
            // None within the horizon, which reaches past `until`: none before it.
            let Some(start) = self.search_open(t) else {
                break;
            };
            if start >= until {
                break;
            }
            let end = self.closes_after(start).filter(|end| *end > start)?;
            open.push((start, end));
            t = end;
        }
        Some(open)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_after_enough_questions_and_answers_inside_only() -> Result<(), String> {
        let mut tl = Timeline::default();
        let t = Instant(1_800_000_000_000);
        for _ in 1..LIST_AFTER {
            assert_eq!(tl.missed(t), None);
        }
        let (from, until) = tl
            .missed(t)
            .ok_or(format!("no stretch to list after {LIST_AFTER} questions"))?;
        assert_eq!((from, until), (t.plus(-BEFORE), t.plus(AFTER)));
        let a = (t.plus(DAY), t.plus(DAY + 1000));
        let b = (t.plus(2 * DAY), t.plus(2 * DAY + 1000));
        tl.keep(from, until, Some(vec![a, b]));
        assert_eq!(tl.next_open(t), Some(a.0));
        assert_eq!(tl.next_open(a.0.plus(10)), Some(a.0.plus(10)));
        assert_eq!(tl.next_open(a.1), Some(b.0));
        // After the last interval, or outside the stretch: not known.
        assert_eq!(tl.next_open(b.1), None);
        assert_eq!(tl.next_open(from.plus(-1)), None);
        assert_eq!(tl.next_open(until), None);
        // A question past the end widens the stretch (at least doubled).
        assert_eq!(tl.missed(until), Some((from, until.plus(AFTER + BEFORE))));
        // Too far: no list that long.
        assert_eq!(tl.missed(until.plus(LONGEST)), None);
        tl.keep(from, until, None);
        assert_eq!(tl.next_open(t), None);
        assert_eq!(tl.missed(t), None);
        Ok(())
    }

    /// Intervals in the order of their starts, overlapping and with closes
    /// out of order (as at a seam between parts listed apart), answer every
    /// millisecond as their union does.
    #[test]
    fn overlapping_intervals_answer_as_their_union() {
        let base = 1_800_000_000_000i64;
        let at = |ms: i64| Instant(base + ms);
        let open = vec![
            (at(100), at(1_000)),
            (at(200), at(300)),
            (at(900), at(1_500)),
            (at(2 * DAY), at(2 * DAY + 50)),
        ];
        let mut tl = Timeline::default();
        tl.keep(at(0), at(3 * DAY), Some(open.clone()));
        let inside = |t: Instant| open.iter().any(|&(s, e)| s <= t && t < e);
        let mut t = at(0);
        while t < at(3 * DAY) {
            let next = open
                .iter()
                .filter(|&&(_, e)| e > t)
                .map(|&(s, _)| s.max(t))
                .min();
            assert_eq!(tl.contains(t), Some(inside(t)), "{t:?}");
            assert_eq!(tl.next_open(t), next, "{t:?}");
            // Every millisecond around the intervals, then hops across the gaps.
            t = if t < at(1_600) || (t >= at(2 * DAY - 10) && t < at(2 * DAY + 60)) {
                t.plus(1)
            } else {
                t.plus(DAY / 4)
            };
        }
    }

    use crate::region::Region;
    use crate::time::Zone;
    use crate::window::{Block, HoursKind, Window};
    use chrono::NaiveDate;

    /// Weekdays 09:00–17:00, Saturday 10:00–14:00, and Friday 22:00–02:00
    /// (past midnight).
    fn window() -> Window {
        let weekdays = [true, true, true, true, true, false, false];
        let saturday = [false, false, false, false, false, true, false];
        let friday = [false, false, false, false, true, false, false];
        Window {
            blocks: vec![
                Block::new(weekdays, 9 * 60, 17 * 60),
                Block::new(saturday, 10 * 60, 14 * 60),
                Block::new(friday, 22 * 60, 2 * 60),
            ],
        }
    }

    fn zone(name: &str) -> Result<Zone, String> {
        Zone::parse(name).map_err(|e| format!("{name}: {e:?}"))
    }

    /// Every kind of hours a place can have: a custom window across both
    /// clock changes, a region that bans Sundays and holidays, two windows
    /// read in two zones, and blackout dates in a zone with a half-hour
    /// clock change.
    fn places() -> Result<Vec<Box<dyn Fn() -> Hours>>, String> {
        let ny = zone("America/New_York")?;
        let la = zone("America/Los_Angeles")?;
        let chicago = zone("America/Chicago")?;
        let lord_howe = zone("Australia/Lord_Howe")?;
        let al = Region::parse("US-AL")?;
        let blackout: Vec<NaiveDate> = [(2026, 12, 24), (2026, 12, 25), (2027, 1, 1)]
            .iter()
            .filter_map(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .collect();
        Ok(vec![
            Box::new(move || Hours::new(vec![window()], vec![HoursKind::Custom], vec![ny])),
            Box::new(move || {
                Hours::new(
                    vec![al.window()],
                    vec![HoursKind::Region(al)],
                    vec![chicago],
                )
            }),
            Box::new(move || {
                Hours::new(
                    vec![window(), Region::US.window()],
                    vec![HoursKind::Custom, HoursKind::DefaultUs],
                    vec![ny, la],
                )
            }),
            Box::new(move || {
                Hours::new(
                    vec![Region::US.window()],
                    vec![HoursKind::DefaultUs],
                    vec![lord_howe],
                )
                .with_blackout(&blackout)
            }),
        ])
    }

    /// Openings, and whether an instant is open, answered from the list (a
    /// place asked many times, as in a batch) are the answers worked out one
    /// by one (a place asked once), at random instants over two years and at
    /// a millisecond either side of every opening and close found.
    #[test]
    fn listed_openings_are_the_openings_worked_out() -> Result<(), String> {
        let center = Instant::parse("2026-11-01T12:00:00Z").map_err(|e| format!("{e:?}"))?;
        for (p, make) in places()?.iter().enumerate() {
            let shared = make();
            let mut x: u64 = 0x9e37_79b9_7f4a_7c15 ^ p as u64;
            let mut asked = Vec::new();
            for _ in 0..1500 {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let spread = if x % 4 == 0 { 365 * DAY } else { 90 * DAY };
                let off = i64::try_from((x >> 20) % 2_000_000_000_000).unwrap_or(0) % (2 * spread);
                asked.push(center.plus(off - spread));
            }
            let mut i = 0;
            let mut from_list = 0usize;
            while let Some(&t) = asked.get(i) {
                i += 1;
                let alone = make();
                let want = alone.next_open(t);
                assert_eq!(shared.next_open(t), want, "place {p} at {t:?}");
                from_list += usize::from(shared.timeline.borrow().contains(t).is_some());
                assert_eq!(shared.contains(t), make().contains(t), "place {p} at {t:?}");
                // The edges around what was found, once for each of the first.
                if let (Some(o), true) = (want, i < 300) {
                    asked.extend([o.plus(-1), o, o.plus(1)]);
                    if let Some(c) = alone.closes_after(o) {
                        asked.extend([c.plus(-1), c, c.plus(1)]);
                    }
                }
            }
            assert!(shared.timeline.borrow().listed, "place {p}: never listed");
            assert!(
                from_list > 1000,
                "place {p}: {from_list} answered from the list"
            );
        }
        Ok(())
    }
}
