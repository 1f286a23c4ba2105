//! The resident worklist: contacts held in memory with their facts in
//! columns, for filtering and counting between two keystrokes.
//!
//! Each contact is kept in its compact form (events sorted, customers'
//! messages already read) beside its facts: status, next-label number, phase
//! number, the allowed channels and due flags, priority, due time, valid-until
//! — one flat array per fact ([`columns`]). [`Worklist::get`] renders the one
//! contact asked for, exactly as [`crate::evaluate::evaluate`] gives it. The
//! matching contacts are kept in work order at all times, so a query walks
//! that order once and a count walks the columns once ([`facets`]).
//!
//! `refresh(now)` re-evaluates only the contacts whose facts can have changed:
//! each carries the earliest instant after its `now` at which it could change
//! (a due time, a phase end, the window opening or closing, a cap expiring,
//! the next event), so moving forward touches only those. Moving `now`
//! backwards re-evaluates every contact.

mod columns;
mod facets;
mod filter;

use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

use rustc_hash::FxBuildHasher;

use crate::context::{Ctx, Env};
use crate::evaluate::{evaluate, Evaluation};
use crate::facts::facts;
use crate::model::{Contact, ContactId};
use crate::playbook::Playbook;
use crate::time::Instant;

use columns::{Columns, Labels, Names, DUE, NO_PHASE};
pub use columns::{AUTO_DUE, EVALUATED, NO_NEXT, TEXTING_BLOCKED};
pub use facets::Facets;
pub use filter::Filter;

/// What `remove` did to the slots: each `(from, to)` moved the contact in slot
/// `from` to slot `to`, in that sequence; then the list was cut to `len`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Removal {
    /// How many of the ids were held.
    pub removed: usize,
    /// Slot moves, in order.
    pub moves: Vec<(usize, usize)>,
}

/// What `upsert` did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Upserted {
    /// Contacts added (each in a new slot at the end).
    pub added: usize,
    /// Contacts replaced by a changed version.
    pub changed: usize,
    /// Contacts given again unchanged (not re-evaluated).
    pub unchanged: usize,
}

/// What the worklist keeps of one contact, in words ([`Worklist::kept`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// The status.
    pub status: crate::status::Status,
    /// The next action's label ([`NO_NEXT`] when none).
    pub next: String,
    /// The campaign phase id.
    pub phase: Option<String>,
    /// The channels allowed now.
    pub allowed: Vec<crate::model::Channel>,
    /// The next action is due.
    pub due: bool,
    /// An automatic send is due.
    pub auto_due: bool,
    /// Texting is blocked (the display name carries the opt-out suffix).
    pub texting_blocked: bool,
    /// Work priority.
    pub priority: f64,
    /// The next action's due time, epoch ms.
    pub due_at: Option<i64>,
    /// When the facts can next change, epoch ms.
    pub valid_until: Option<i64>,
}

/// The worklist.
pub struct Worklist {
    /// Shared with the environments of each call, which borrow it while the
    /// columns change.
    playbook: Rc<Playbook>,
    now: Option<Instant>,
    /// The contacts, slot by slot.
    contacts: Vec<Contact>,
    /// The id of each slot as text (the index key and the last tie-break of
    /// the order).
    keys: Vec<Box<str>>,
    /// The facts, slot by slot.
    cols: Columns,
    index: HashMap<Box<str>, u32, FxBuildHasher>,
    labels: Labels,
    phases: Names,
    /// The phase number of each of the playbook's phases.
    phase_ids: Vec<u16>,
    /// Slots of the evaluated contacts, in work order.
    order: Vec<u32>,
}

/// Lower-case `id \u{1} name` (the name left empty when blank).
fn search_text(c: &Contact, id: &str) -> Box<str> {
    let mut s = id.to_lowercase();
    s.push('\u{1}');
    if let Some(n) = c.name.as_deref().filter(|n| !n.trim().is_empty()) {
        s.push_str(&n.to_lowercase());
    }
    s.into_boxed_str()
}

impl Worklist {
    /// An empty worklist.
    pub fn new(playbook: Playbook, now: Option<Instant>) -> Worklist {
        let labels = Labels::new(&playbook);
        let mut phases = Names::default();
        let phase_ids = playbook
            .campaign
            .as_ref()
            .map(|c| c.phases.iter().map(|p| phases.id(&p.id)).collect())
            .unwrap_or_default();
        Worklist {
            playbook: Rc::new(playbook),
            now,
            contacts: Vec::new(),
            keys: Vec::new(),
            cols: Columns::default(),
            index: HashMap::default(),
            labels,
            phases,
            phase_ids,
            order: Vec::new(),
        }
    }

    /// The playbook it evaluates with.
    pub fn playbook(&self) -> &Playbook {
        &self.playbook
    }

    /// How many contacts.
    pub fn len(&self) -> usize {
        self.contacts.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.contacts.is_empty()
    }

    /// The `now` it is evaluated at, if any yet.
    pub fn now(&self) -> Option<Instant> {
        self.now
    }

    /// The contact id in each slot, in slot order (slots are what
    /// [`Worklist::query_slots`] returns and [`Removal`] moves).
    pub fn ids(&self) -> impl Iterator<Item = &ContactId> + '_ {
        self.contacts.iter().map(|c| &c.id)
    }

    /// The fact columns, slot by slot (for readers that take them whole).
    pub fn columns(&self) -> &Columns {
        &self.cols
    }

    /// Evaluates slot `s` at `now` into the columns; says whether its place in
    /// the work order may have moved.
    fn evaluate_slot(&mut self, env: &Env, s: usize, now: Instant) -> bool {
        let Some(contact) = self.contacts.get(s) else {
            return false;
        };
        let mut ctx = Ctx::new(env, contact, now);
        ctx.lean = true;
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
            let env = Env::new(&playbook);
            for &s in &changed {
                self.evaluate_slot(&env, s as usize, now);
            }
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
        let env = Env::new(&playbook);
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
        self.reorder(changed);
        n
    }

    fn compile(&self, f: &Filter) -> filter::Compiled {
        filter::Compiled::new(
            f,
            &self.labels.names,
            &self.phases,
            &self.playbook.opt_out.suffix,
        )
    }

    /// The slots of the contacts matching `f`, in work order: due first, then
    /// higher priority, then earlier due time, then id.
    pub fn query_slots(&self, f: &Filter) -> Vec<u32> {
        self.query_page(f, 0, usize::MAX)
    }

    /// The slots of one page of the matches, in work order: `limit` of them
    /// after skipping `offset` (a table shows one screen at a time).
    pub fn query_page(&self, f: &Filter, offset: usize, limit: usize) -> Vec<u32> {
        let c = self.compile(f);
        self.order
            .iter()
            .copied()
            .filter(|&s| c.matches(&self.cols, s as usize))
            .skip(offset)
            .take(limit)
            .collect()
    }

    /// The ids matching `f`, in work order.
    pub fn query(&self, f: &Filter) -> Vec<&ContactId> {
        self.query_slots(f)
            .into_iter()
            .filter_map(|s| self.contacts.get(s as usize).map(|c| &c.id))
            .collect()
    }

    /// Counts among the contacts matching `f`.
    pub fn facets(&self, f: &Filter) -> Facets {
        let c = self.compile(f);
        facets::count(
            &self.cols,
            &c,
            &self.labels.names,
            &self.phases,
            &self.playbook,
        )
    }

    /// What the worklist keeps of a contact, by id, in words (`None` for an
    /// unknown id or before the first `now`): the facts its filters, counts and
    /// order read, for checking them against [`evaluate`].
    pub fn kept(&self, id: &str) -> Option<Kept> {
        self.now?;
        let s = *self.index.get(id)? as usize;
        if !self.cols.evaluated(s) {
            return None;
        }
        let c = &self.cols;
        let flags = *c.flags.get(s)?;
        let phase = *c.phase.get(s)?;
        Some(Kept {
            status: crate::status::Status::ALL
                .get(usize::from(*c.status.get(s)?))
                .copied()?,
            next: self
                .labels
                .names
                .name(usize::from(*c.label.get(s)?))
                .to_string(),
            phase: (phase != NO_PHASE).then(|| self.phases.name(usize::from(phase)).to_string()),
            allowed: crate::model::Channel::ALL
                .into_iter()
                .filter(|ch| flags & filter::channel_bit(*ch) != 0)
                .collect(),
            due: flags & DUE != 0,
            auto_due: flags & AUTO_DUE != 0,
            texting_blocked: flags & TEXTING_BLOCKED != 0,
            priority: *c.priority.get(s)?,
            due_at: Some(*c.due_ms.get(s)?).filter(|&t| t != i64::MAX),
            valid_until: Some(*c.valid_until.get(s)?).filter(|&t| t != i64::MAX),
        })
    }

    /// The evaluation of a contact by id at the worklist's `now` (`None` before
    /// the first `now` or for an unknown id): exactly what [`evaluate`] gives.
    pub fn get(&self, id: &str) -> Option<Evaluation> {
        let now = self.now?;
        self.index
            .get(id)
            .and_then(|&s| self.contacts.get(s as usize))
            .map(|c| evaluate(c, &self.playbook, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::Status;

    fn playbook() -> Playbook {
        Playbook::from_json(crate::preset_json("monthly-campaign").unwrap_or("")).unwrap_or_else(
            |_| Playbook::from_json(r#"{"name":"x"}"#).unwrap_or_else(|_| unreachable_pb()),
        )
    }

    #[allow(clippy::panic)]
    fn unreachable_pb() -> Playbook {
        panic!("no playbook")
    }

    fn contact(id: &str, events: &str) -> Contact {
        let text = format!(
            r#"{{"id":"{id}","name":"N {id}","timeZone":"America/New_York","addedAt":"2026-10-20T15:00:00Z","events":[{events}]}}"#
        );
        crate::input::contact_from_json(&text).unwrap_or_else(|e| {
            #[allow(clippy::panic)]
            {
                panic!("{e}")
            }
        })
    }

    fn at(s: &str) -> Instant {
        Instant::parse(s).unwrap_or(Instant(0))
    }

    const OUT: &str =
        r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#;
    const IN: &str =
        r#"{"kind":"message","at":"2026-11-03T14:00:00Z","channel":"sms","direction":"in"}"#;

    fn sample() -> Vec<Contact> {
        (0..60)
            .map(|i| {
                let ev = match i % 3 {
                    0 => String::new(),
                    1 => OUT.to_string(),
                    _ => format!("{OUT},{IN}"),
                };
                contact(&format!("c{i}"), &ev)
            })
            .collect()
    }

    /// The order and counts a plain scan over full evaluations gives.
    fn check_against_scan(w: &Worklist) {
        let now = w.now.unwrap_or(Instant(0));
        let mut evs: Vec<Evaluation> = w
            .contacts
            .iter()
            .map(|c| crate::evaluate::evaluate(c, &w.playbook, now))
            .collect();
        evs.sort_by(|a, b| {
            let k = |e: &Evaluation| {
                (
                    e.next.as_ref().is_some_and(|n| n.due),
                    e.priority,
                    e.due_ms.map_or(i64::MAX, |t| t.0),
                )
            };
            let (da, pa, ta) = k(a);
            let (db, pb, tb) = k(b);
            db.cmp(&da)
                .then(pb.total_cmp(&pa))
                .then(ta.cmp(&tb))
                .then_with(|| a.id.text().cmp(&b.id.text()))
        });
        let want: Vec<String> = evs.iter().map(|e| e.id.text()).collect();
        let got: Vec<String> = w
            .query(&Filter::default())
            .iter()
            .map(|i| i.text())
            .collect();
        assert_eq!(got, want);
        let f = w.facets(&Filter::default());
        assert_eq!(f.status.values().sum::<u32>() as usize, w.len());
        assert_eq!(f.next.values().sum::<u32>() as usize, w.len());
        for (s, n) in &f.status {
            let st = Status::ALL.iter().find(|x| x.id() == *s).copied();
            let q = w.query(&Filter {
                status: st.map(|s| vec![s]),
                ..Filter::default()
            });
            assert_eq!(q.len() as u32, *n, "{s}");
        }
        for (l, n) in &f.next {
            let q = w.query(&Filter {
                next: Some(vec![l.clone()]),
                ..Filter::default()
            });
            assert_eq!(q.len() as u32, *n, "{l}");
        }
    }

    #[test]
    fn keys_order_and_counts_match_full_evaluations() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        let up = w.upsert(sample());
        assert_eq!(up.added, 60);
        check_against_scan(&w);
        let again = w.upsert(sample());
        assert_eq!(again.unchanged, 60);
        // Forward, backward, and forward again.
        for t in [
            "2026-11-12T15:01:00Z",
            "2026-11-21T13:00:00Z",
            "2026-11-02T03:00:00Z",
            "2026-12-01T15:00:00Z",
        ] {
            w.refresh(at(t));
            check_against_scan(&w);
        }
    }

    #[test]
    fn forward_refresh_touches_only_stale_contacts() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        w.upsert(sample());
        assert_eq!(w.refresh(at("2026-11-12T15:00:00.001Z")), 0);
        assert_eq!(w.refresh(at("2026-11-02T15:00:00Z")), 60);
    }

    #[test]
    fn remove_keeps_order_and_index() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        w.upsert(sample());
        let gone: Vec<String> = (0..60).step_by(7).map(|i| format!("c{i}")).collect();
        let r = w.remove(&gone);
        assert_eq!(r.removed, gone.len());
        assert_eq!(w.len(), 60 - gone.len());
        check_against_scan(&w);
        for id in &gone {
            assert!(w.get(id).is_none());
        }
        assert!(w.get("c1").is_some());
    }

    #[test]
    fn last_duplicate_wins_and_text_filter() {
        let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
        w.upsert(vec![contact("a", ""), contact("a", OUT)]);
        assert_eq!(w.len(), 1);
        assert_eq!(w.get("a").map(|e| e.status), Some(Status::NoSmsReply));
        let q = w.query(&Filter {
            text: Some("  N A ".into()),
            ..Filter::default()
        });
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn nothing_listed_before_the_first_now() {
        let mut w = Worklist::new(playbook(), None);
        w.upsert(sample());
        assert!(w.query(&Filter::default()).is_empty());
        assert!(w.get("c1").is_none());
        w.refresh(at("2026-11-12T15:00:00Z"));
        check_against_scan(&w);
    }
}
