//! Keeping the worklist current: contacts added, changed and removed, `now`
//! moved, and the work order kept as facts change.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::context::{Ctx, Env};
use crate::facts::facts;
use crate::model::Contact;
use crate::playbook::Playbook;
use crate::time::Instant;

use super::columns::{DUE, NO_PHASE};
use super::{search_text, Removal, Upserted, Worklist};

/// The most the kept places may hold ([`crate::context::Places::weight`]):
/// about 8 MB of days and openings; past it the next call starts afresh.
const PLACES_WEIGHT: usize = 100_000;

impl Worklist {
    /// Evaluates slot `s` at `now` into the columns; says whether its place in
    /// the work order may have moved.
    fn evaluate_slot(&mut self, env: &Env, s: usize, now: Instant) -> bool {
        let Some(contact) = self.contacts.get(s) else {
            return false;
        };
        let mut ctx = Ctx::new(env, contact, now);
        ctx.lean = true;
        ctx.audits = false;
        let f = facts(&ctx);
        let label = self
            .labels
            .of(f.next.as_ref().map(|n| n.label), &self.playbook);
        let phase = f
            .position
            .as_ref()
            .and_then(|p| self.phase_ids.get(p.phase).copied())
            .unwrap_or(NO_PHASE);
        self.cols.store(s, &f, label, phase, now.0)
    }

    /// Work order: due first, then higher priority, then earlier due time,
    /// then id.
    fn cmp_slots(&self, a: u32, b: u32) -> Ordering {
        let (a, b) = (a as usize, b as usize);
        let c = &self.cols;
        let due = |s: usize| c.flags.get(s).is_some_and(|f| f & DUE != 0);
        let pri = |s: usize| c.priority.get(s).copied().unwrap_or(0.0);
        let at = |s: usize| c.due_ms.get(s).copied().unwrap_or(i64::MAX);
        let key = |s: usize| self.keys.get(s).map_or("", |k| k.as_ref());
        due(b)
            .cmp(&due(a))
            .then(pri(b).total_cmp(&pri(a)))
            .then(at(a).cmp(&at(b)))
            .then_with(|| key(a).cmp(key(b)))
    }

    /// Puts the `changed` slots (newly evaluated, or moved) back in work
    /// order: the others keep their relative order, so this is one sort of
    /// the changed slots and one merge.
    fn reorder(&mut self, mut changed: Vec<u32>) {
        if changed.is_empty() {
            return;
        }
        let n = self.contacts.len();
        if changed.len() * 4 >= n {
            // Most moved: sort everything.
            let mut all: Vec<u32> = (0..n)
                .filter(|&s| self.cols.evaluated(s))
                .filter_map(|s| u32::try_from(s).ok())
                .collect();
            all.sort_unstable_by(|&a, &b| self.cmp_slots(a, b));
            self.order = all;
            return;
        }
        let mut moved = vec![false; n];
        for &s in &changed {
            if let Some(m) = moved.get_mut(s as usize) {
                *m = true;
            }
        }
        changed.sort_unstable_by(|&a, &b| self.cmp_slots(a, b));
        changed.dedup();
        changed.retain(|&s| self.cols.evaluated(s as usize));
        let mut out = Vec::with_capacity(self.order.len() + changed.len());
        let mut new = changed.into_iter().peekable();
        for &s in &self.order {
            if moved.get(s as usize).copied().unwrap_or(true) {
                continue;
            }
            while let Some(&c) = new.peek() {
                if self.cmp_slots(c, s) == Ordering::Less {
                    out.push(c);
                    new.next();
                } else {
                    break;
                }
            }
            out.push(s);
        }
        out.extend(new);
        self.order = out;
    }

    /// Adds or replaces contacts by id; unchanged contacts are not
    /// re-evaluated. When one id comes several times, the last one wins.
    pub fn upsert(&mut self, contacts: Vec<Contact>) -> Upserted {
        let mut done = Upserted::default();
        let mut changed = Vec::new();
        self.contacts.reserve(contacts.len());
        for c in contacts {
            let id = c.id.text();
            let slot = match self.index.get(id.as_str()).copied() {
                Some(s) => {
                    let Some(old) = self.contacts.get_mut(s as usize) else {
                        continue;
                    };
                    if *old == c {
                        done.unchanged += 1;
                        continue;
                    }
                    done.changed += 1;
                    if let Some(t) = self.cols.search.get_mut(s as usize) {
                        *t = search_text(&c, &id);
                    }
                    *old = c;
                    self.cols.forget(s as usize);
                    s
                }
                None => {
                    done.added += 1;
                    let Ok(s) = u32::try_from(self.contacts.len()) else {
                        continue;
                    };
                    let key: Box<str> = id.into_boxed_str();
                    self.index.insert(key.clone(), s);
                    self.cols.push(search_text(&c, &key));
                    self.keys.push(key);
                    self.contacts.push(c);
                    s
                }
            };
            changed.push(slot);
        }
        changed.sort_unstable();
        changed.dedup();
        if let Some(now) = self.now {
            let playbook = Rc::clone(&self.playbook);
            let env = self.env(&playbook);
            for &s in &changed {
                self.evaluate_slot(&env, s as usize, now);
            }
            self.keep_places(env);
            self.reorder(changed);
        } else {
            // Nothing is evaluated before the first `now`; a replaced contact
            // leaves the order.
            let cols = &self.cols;
            self.order.retain(|&s| cols.evaluated(s as usize));
        }
        done
    }

    /// Removes contacts by id. The last contact moves into each freed slot.
    pub fn remove(&mut self, ids: &[String]) -> Removal {
        let mut out = Removal::default();
        let n = self.contacts.len();
        // Which original slot each current slot holds.
        let mut origin: Vec<u32> = (0..n).filter_map(|i| u32::try_from(i).ok()).collect();
        for id in ids {
            let Some(s) = self.index.remove(id.as_str()) else {
                continue;
            };
            let s = s as usize;
            out.removed += 1;
            let last = self.contacts.len().saturating_sub(1);
            self.contacts.swap_remove(s);
            self.keys.swap_remove(s);
            self.cols.swap_remove(s);
            origin.swap_remove(s);
            if let (Some(moved), Ok(to)) = (self.keys.get(s), u32::try_from(s)) {
                self.index.insert(moved.clone(), to);
                out.moves.push((last, s));
            }
        }
        if out.removed > 0 {
            let mut now_at = vec![u32::MAX; n];
            for (new, &old) in origin.iter().enumerate() {
                if let (Some(slot), Ok(new)) = (now_at.get_mut(old as usize), u32::try_from(new)) {
                    *slot = new;
                }
            }
            self.order = self
                .order
                .iter()
                .filter_map(|&s| now_at.get(s as usize).copied().filter(|&x| x != u32::MAX))
                .collect();
        }
        out
    }

    /// Re-evaluates at `now`; returns how many contacts were re-evaluated.
    pub fn refresh(&mut self, now: Instant) -> usize {
        let back = self.now.is_some_and(|old| now < old);
        self.now = Some(now);
        let mut n = 0;
        let mut changed = Vec::new();
        let playbook = Rc::clone(&self.playbook);
        let env = self.env(&playbook);
        for s in 0..self.contacts.len() {
            let fresh =
                self.cols.evaluated(s) && self.cols.valid_until.get(s).is_some_and(|&v| v > now.0);
            if fresh && !back {
                continue;
            }
            n += 1;
            if self.evaluate_slot(&env, s, now) {
                if let Ok(s) = u32::try_from(s) {
                    changed.push(s);
                }
            }
        }
        self.keep_places(env);
        self.reorder(changed);
        n
    }

    /// An environment with the places of earlier calls (`playbook` is this
    /// worklist's own).
    fn env<'p>(&mut self, playbook: &'p Playbook) -> Env<'p> {
        Env::with_places(playbook, std::mem::take(&mut self.places))
    }

    /// Keeps the places of `env` for the next call, unless they have grown
    /// past [`PLACES_WEIGHT`].
    fn keep_places(&mut self, env: Env<'_>) {
        let places = env.into_places();
        if places.weight() <= PLACES_WEIGHT {
            self.places = places;
        }
    }
}
