//! The worklist's facts as columns: one flat array per fact, slot for slot, so
//! that a filter or a count over 100,000 contacts reads a few hundred
//! kilobytes, and so that JavaScript can read them whole.

use std::cell::OnceCell;
use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use crate::cadence::Label;
use crate::context::PlaceKey;
use crate::facts::Facts;
use crate::model::Channel;
use crate::playbook::Playbook;

use super::filter::{channel_bit, status_index};

/// Flag bits: the channels allowed now (sms, call, email), then the rest.
pub const DUE: u8 = 1 << 3;
/// An automatic send is due now.
pub const AUTO_DUE: u8 = 1 << 4;
/// Evaluated at the worklist's `now` (a slot before the first `now` is not).
pub const EVALUATED: u8 = 1 << 5;
/// Texting is blocked: the display name carries the opt-out suffix.
pub const TEXTING_BLOCKED: u8 = 1 << 6;
/// The next action is overdue.
pub const OVERDUE: u8 = 1 << 7;

/// The phase id of a contact outside any monthly campaign.
pub const NO_PHASE: u16 = u16::MAX;

/// The place number of a slot whose place has none ([`PlaceIds::id`]).
pub const NO_PLACE: u16 = u16::MAX;

/// Strings of one facet (next labels, phase ids), numbered as they come;
/// equal strings share a number, so two steps both called "Redial" count
/// together.
#[derive(Debug, Default)]
pub struct Names {
    names: Vec<String>,
    ids: HashMap<String, u16, FxBuildHasher>,
}

impl Names {
    /// The number of `name`, given one if new.
    pub fn id(&mut self, name: &str) -> u16 {
        if let Some(&i) = self.ids.get(name) {
            return i;
        }
        let i = u16::try_from(self.names.len()).unwrap_or(u16::MAX - 1);
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), i);
        i
    }

    /// The name of number `i`.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// How many names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// One flag per known name: is it in `wanted`.
    pub fn mask(&self, wanted: &[String]) -> Vec<bool> {
        let mut m = vec![false; self.names.len()];
        for w in wanted {
            if let Some(slot) = self.ids.get(w).and_then(|&i| m.get_mut(usize::from(i))) {
                *slot = true;
            }
        }
        m
    }
}

/// The label of "no next action" in filters and counts.
pub const NO_NEXT: &str = "none";

/// Next-action labels as facet numbers, worked out from the playbook once:
/// the fixed kinds, each attempt, each step.
#[derive(Debug)]
pub struct Labels {
    /// The names.
    pub names: Names,
    none: u16,
    fixed: [u16; 5],
    attempts: Vec<u16>,
    steps: Vec<u16>,
}

impl Labels {
    /// The labels a playbook can give.
    pub fn new(playbook: &Playbook) -> Labels {
        let mut names = Names::default();
        let none = names.id(NO_NEXT);
        let fixed = [
            Label::ConfirmOptOut,
            Label::Reply,
            Label::Callback,
            Label::ScheduledCall,
            Label::FollowUp,
        ]
        .map(|l| names.id(&l.text(playbook)));
        let max = playbook.campaign.as_ref().map_or(0, |c| c.max_attempt());
        let attempts = (1..=max)
            .map(|n| names.id(&Label::Attempt(n).text(playbook)))
            .collect();
        let steps = (0..playbook.steps.len())
            .map(|i| names.id(&Label::Step(i).text(playbook)))
            .collect();
        Labels {
            names,
            none,
            fixed,
            attempts,
            steps,
        }
    }

    /// The facet number of a next action's label.
    pub fn of(&mut self, label: Option<Label>, playbook: &Playbook) -> u16 {
        let fixed = |k: usize| self.fixed.get(k).copied();
        let known = match label {
            None => Some(self.none),
            Some(Label::ConfirmOptOut) => fixed(0),
            Some(Label::Reply) => fixed(1),
            Some(Label::Callback) => fixed(2),
            Some(Label::ScheduledCall) => fixed(3),
            Some(Label::FollowUp) => fixed(4),
            Some(Label::Attempt(n)) => {
                let i = usize::try_from(n).ok().and_then(|n| n.checked_sub(1));
                i.and_then(|i| self.attempts.get(i).copied())
            }
            Some(Label::Step(i)) => self.steps.get(i).copied(),
        };
        match (known, label) {
            (Some(id), _) => id,
            (None, Some(l)) => self.names.id(&l.text(playbook)),
            (None, None) => self.none,
        }
    }
}

/// The facts of every slot, one column each.
#[derive(Debug, Default)]
pub struct Columns {
    /// Index in [`crate::status::Status::ALL`].
    pub status: Vec<u8>,
    /// Next-action label number ([`NO_NEXT`] included).
    pub label: Vec<u16>,
    /// Campaign phase number, or [`NO_PHASE`].
    pub phase: Vec<u16>,
    /// Allowed channels (bits 0–2) and the flags above.
    pub flags: Vec<u8>,
    /// Work priority (higher first).
    pub priority: Vec<f64>,
    /// Due time of the next action, epoch ms (`i64::MAX` when none).
    pub due_ms: Vec<i64>,
    /// Re-evaluate once `now` reaches this, epoch ms.
    pub valid_until: Vec<i64>,
    /// The facts hold until this but for the window's turns (epoch ms): a
    /// channel in `follows` needs only its place's answer before it.
    pub history_until: Vec<i64>,
    /// The channels (bits as in `flags`) whose answer follows the contact
    /// window alone ([`crate::consent::Check::follows_hours`]).
    pub follows: Vec<u8>,
    /// The place number of each slot ([`PlaceIds`]).
    pub place: Vec<u16>,
    /// Lower-case `id \u{1} name` of each slot, for text filters: made by the
    /// first query with text, then kept up to date. A book that is never
    /// searched by text never pays for it (about a tenth of a load's work,
    /// and 40 bytes a contact).
    pub search: OnceCell<Vec<Box<str>>>,
}

impl Columns {
    /// How many slots.
    pub fn len(&self) -> usize {
        self.flags.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.flags.is_empty()
    }

    /// A new slot, not yet evaluated; `search` makes its search text when the
    /// column is kept.
    pub fn push(&mut self, search: impl FnOnce() -> Box<str>) {
        self.status.push(0);
        self.label.push(0);
        self.phase.push(NO_PHASE);
        self.flags.push(0);
        self.priority.push(0.0);
        self.due_ms.push(i64::MAX);
        self.valid_until.push(i64::MIN);
        self.history_until.push(i64::MIN);
        self.follows.push(0);
        self.place.push(NO_PLACE);
        if let Some(texts) = self.search.get_mut() {
            texts.push(search());
        }
    }

    /// Moves the last slot into slot `s` and drops the last.
    pub fn swap_remove(&mut self, s: usize) {
        if s >= self.len() {
            return;
        }
        self.status.swap_remove(s);
        self.label.swap_remove(s);
        self.phase.swap_remove(s);
        self.flags.swap_remove(s);
        self.priority.swap_remove(s);
        self.due_ms.swap_remove(s);
        self.valid_until.swap_remove(s);
        self.history_until.swap_remove(s);
        self.follows.swap_remove(s);
        self.place.swap_remove(s);
        if let Some(texts) = self.search.get_mut().filter(|t| s < t.len()) {
            texts.swap_remove(s);
        }
    }

    /// Marks slot `s` as not evaluated (its contact changed before any `now`).
    pub fn forget(&mut self, s: usize) {
        if let Some(f) = self.flags.get_mut(s) {
            *f &= !EVALUATED;
        }
    }

    /// Whether slot `s` is evaluated.
    pub fn evaluated(&self, s: usize) -> bool {
        self.flags.get(s).is_some_and(|f| f & EVALUATED != 0)
    }

    /// Stores the facts of slot `s`; says whether its place in the work order
    /// may have moved (due, overdue, priority or due time changed).
    pub fn store(&mut self, s: usize, f: &Facts, at: Stored, now_ms: i64) -> bool {
        let mut flags = EVALUATED;
        let mut follows = 0;
        for (c, chk) in Channel::ALL.iter().zip(&f.checks) {
            if chk.allowed {
                flags |= channel_bit(*c);
            }
            if chk.follows_hours {
                follows |= channel_bit(*c);
            }
        }
        if f.next.as_ref().is_some_and(|n| now_ms >= n.opens_at.0) {
            flags |= DUE;
        }
        if f.next.as_ref().is_some_and(|n| now_ms > n.overdue_at.0) {
            flags |= OVERDUE;
        }
        if f.next_auto.as_ref().is_some_and(|n| now_ms >= n.opens_at.0) {
            flags |= AUTO_DUE;
        }
        // Whether an automatic send is due follows its channel's answer
        // too: a contact with one is evaluated at every turn of the window.
        if f.next_auto.is_some() {
            follows = 0;
        }
        if f.texting_blocked {
            flags |= TEXTING_BLOCKED;
        }
        let due_ms = f.next.as_ref().map_or(i64::MAX, |n| n.due_at.0);
        let before = (
            self.flags.get(s).copied(),
            self.priority.get(s).copied(),
            self.due_ms.get(s).copied(),
        );
        let moved = before.0.map_or(true, |b| {
            b & (EVALUATED | DUE | OVERDUE) != flags & (EVALUATED | DUE | OVERDUE)
        }) || before.1 != Some(f.priority)
            || before.2 != Some(due_ms);
        put(&mut self.status, s, status_index(f.status.status));
        put(&mut self.label, s, at.label);
        put(&mut self.phase, s, at.phase);
        put(&mut self.place, s, at.place);
        put(&mut self.follows, s, follows);
        put(&mut self.flags, s, flags);
        put(&mut self.priority, s, f.priority);
        put(&mut self.due_ms, s, due_ms);
        put(
            &mut self.valid_until,
            s,
            f.valid_until.map_or(i64::MAX, |t| t.0),
        );
        put(
            &mut self.history_until,
            s,
            f.history_until.map_or(i64::MAX, |t| t.0),
        );
        moved
    }

    /// Brings slot `s` to a later `now` at which only the window can have
    /// turned: the channels that follow it take its answer (`open`), and the
    /// facts hold until the earlier of the window's next `turn` and the
    /// history's horizon. The work order does not change. Says whether the
    /// slot could be brought so (else it must be evaluated).
    pub fn follow_window(
        &mut self,
        s: usize,
        now_ms: i64,
        window: impl FnOnce(u16) -> Option<(bool, i64)>,
    ) -> bool {
        let (Some(&follows), Some(&until), Some(&place)) = (
            self.follows.get(s),
            self.history_until.get(s),
            self.place.get(s),
        ) else {
            return false;
        };
        if follows == 0 || until <= now_ms {
            return false;
        }
        let Some((open, turn)) = window(place) else {
            return false;
        };
        if let Some(f) = self.flags.get_mut(s) {
            *f = if open { *f | follows } else { *f & !follows };
        }
        put(&mut self.valid_until, s, until.min(turn));
        true
    }
}

/// Where a slot's facts go beside the facts themselves: its next-action
/// label number, phase number and place number.
#[derive(Debug, Clone, Copy)]
pub struct Stored {
    /// The next-action label number.
    pub label: u16,
    /// The phase number, or [`NO_PHASE`].
    pub phase: u16,
    /// The place number.
    pub place: u16,
}

/// The places of the worklist's contacts, numbered as they come: a refresh
/// works out each one's window once and every slot reads it by number.
#[derive(Debug, Default)]
pub struct PlaceIds {
    keys: Vec<PlaceKey>,
    ids: HashMap<PlaceKey, u16, FxBuildHasher>,
}

impl PlaceIds {
    /// The number of `key`, given one if new; [`NO_PLACE`] past the last
    /// number (no book has that many regions and zones: its slots are then
    /// evaluated at every turn).
    pub fn id(&mut self, key: PlaceKey) -> u16 {
        if let Some(&i) = self.ids.get(&key) {
            return i;
        }
        let Some(i) = u16::try_from(self.keys.len())
            .ok()
            .filter(|&i| i != NO_PLACE)
        else {
            return NO_PLACE;
        };
        self.keys.push(key);
        self.ids.insert(key, i);
        i
    }

    /// The key of number `i`.
    pub fn key(&self, i: u16) -> Option<PlaceKey> {
        self.keys.get(usize::from(i)).copied()
    }

    /// How many places.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

fn put<T>(col: &mut [T], s: usize, v: T) {
    if let Some(x) = col.get_mut(s) {
        *x = v;
    }
}
