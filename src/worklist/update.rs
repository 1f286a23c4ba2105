//! Keeping the worklist current: contacts added, changed and removed, `now`
//! moved, and the slots whose place in the work order moved noted for the
//! next read ([`super::order`]).

use std::rc::Rc;

use crate::consent::window_answer;
use crate::context::{Ctx, Env};
use crate::facts::facts;
use crate::model::Contact;
use crate::playbook::Playbook;
use crate::time::Instant;

use super::columns::{PlaceIds, Stored, NO_PHASE};
use super::index::Found;
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
        ctx.lent.set(std::mem::take(&mut self.lent));
        let mut f = facts(&ctx);
        // Kept for the next, unless a long history grew them past the bound.
        self.lent.reclaim(&mut f.consent);
        let label = self
            .labels
            .of(f.next.as_ref().map(|n| n.label), &self.playbook);
        let phase = f
            .position
            .as_ref()
            .and_then(|p| self.phase_ids.get(p.phase).copied())
            .unwrap_or(NO_PHASE);
        let place = self.place_ids.id(env.place_key(contact));
        self.cols.store(
            s,
            &f,
            Stored {
                label,
                phase,
                place,
            },
            now.0,
        )
    }

    /// Adds or replaces contacts by id; unchanged contacts are not
    /// re-evaluated. When one id comes several times, the last one wins.
    pub fn upsert(&mut self, contacts: Vec<Contact>) -> Upserted {
        let mut done = Upserted::default();
        let mut changed: Vec<u64> = Vec::new();
        self.contacts.reserve(contacts.len());
        for c in contacts {
            let id = c.id.key();
            let slot = match self.index.find(&self.keys, &id) {
                Found::At(s) => {
                    let Some(old) = self.contacts.get_mut(s as usize) else {
                        continue;
                    };
                    if *old == c {
                        done.unchanged += 1;
                        continue;
                    }
                    done.changed += 1;
                    if old.id != c.id {
                        done.renamed.push(s);
                    }
                    if let Some(t) = self
                        .cols
                        .search
                        .get_mut()
                        .and_then(|texts| texts.get_mut(s as usize))
                    {
                        *t = search_text(&c, &id, &self.playbook.opt_out.suffix);
                    }
                    *old = c;
                    self.cols.forget(s as usize);
                    self.order.get_mut().unplace(s as usize);
                    s
                }
                Found::Absent(hash) => {
                    done.added += 1;
                    let Ok(s) = u32::try_from(self.contacts.len()) else {
                        continue;
                    };
                    let key: Box<str> = Box::from(&*id);
                    let suffix = &self.playbook.opt_out.suffix;
                    self.cols.push(|| search_text(&c, &key, suffix));
                    self.order.get_mut().push();
                    self.keys.push(key);
                    self.index.insert(&self.keys, hash, s);
                    self.contacts.push(c);
                    s
                }
            };
            // (As `u64`: the sort `plan_queue` makes too, one copy of it.)
            changed.push(u64::from(slot));
        }
        crate::sort::sort(&mut changed, |a, b| a > b);
        changed.dedup();
        if let Some(now) = self.now {
            let playbook = Rc::clone(&self.playbook);
            let env = self.env(&playbook);
            for &s in &changed {
                self.evaluate_slot(&env, s as usize, now);
            }
            self.keep_places(env);
        }
        // Before the first `now` nothing is evaluated, and a replaced
        // contact leaves the order when it is next settled.
        done
    }

    /// Removes contacts by id. The last contact moves into each freed slot.
    pub fn remove(&mut self, ids: &[String]) -> Removal {
        let mut out = Removal::default();
        for id in ids {
            let Some(s) = self.index.remove(&self.keys, id) else {
                continue;
            };
            let s = s as usize;
            out.removed += 1;
            let last = self.contacts.len().saturating_sub(1);
            self.contacts.swap_remove(s);
            self.keys.swap_remove(s);
            self.cols.swap_remove(s);
            self.order.get_mut().swap_remove(s);
            if let (Some(moved), Ok(from), Ok(to)) =
                (self.keys.get(s), u32::try_from(last), u32::try_from(s))
            {
                self.index.moved(moved, from, to);
                out.moves.push((last, s));
            }
        }
        out
    }

    /// Re-evaluates at `now`; returns how many contacts were re-evaluated
    /// (those that only took their place's window answer are not counted).
    pub fn refresh(&mut self, now: Instant) -> usize {
        let back = self.now.is_some_and(|old| now < old);
        self.now = Some(now);
        let mut n = 0;
        let playbook = Rc::clone(&self.playbook);
        let env = self.env(&playbook);
        // The window's answer at `now` in each place, worked out once.
        let answers: Vec<Option<(bool, i64)>> = (0..self.place_ids.len())
            .map(|i| {
                u16::try_from(i)
                    .ok()
                    .and_then(|id| window_at(&self.place_ids, &env, id, now))
            })
            .collect();
        for s in 0..self.contacts.len() {
            if !back && self.cols.evaluated(s) {
                if self.cols.valid_until.get(s).is_some_and(|&v| v > now.0) {
                    continue;
                }
                // Only the window has turned: its answer per place, no evaluation.
                let followed = self.cols.follow_window(s, now.0, |id| {
                    answers.get(usize::from(id)).copied().flatten()
                });
                if followed {
                    continue;
                }
            }
            n += 1;
            if self.evaluate_slot(&env, s, now) {
                self.order.get_mut().unplace(s);
            }
        }
        self.keep_places(env);
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

/// The contact window's answer at `now` for the place numbered `id`:
/// whether it is open, and the earliest instant after `now` it turns at
/// (`i64::MAX` for never) — what [`crate::consent::check`] gives every
/// channel that follows the window alone (each turn it notes is after
/// `now`: a close after an open `now`, an opening after a closed one).
fn window_at(ids: &PlaceIds, env: &Env, id: u16, now: Instant) -> Option<(bool, i64)> {
    let place = env.place_at(ids.key(id)?);
    let hours = &place.hours;
    let mut turn = i64::MAX;
    let (open, _) = window_answer(hours, true, now, hours.next_open(now), |t| {
        turn = turn.min(t.0);
    });
    Some((open, turn))
}
