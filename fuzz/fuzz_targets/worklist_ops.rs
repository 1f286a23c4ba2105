//! Structured generation: a sequence of operations on the resident
//! `Worklist` — upserts of small batches (ids from a small pool, so contacts
//! are replaced, given again unchanged, and repeated within a batch), removals,
//! `refresh` forward and backward (and to just before, at and just after a
//! contact's `valid_until`), queries, pages and counts with generated filters,
//! and `get`. The contacts and playbooks are those of `evaluate_structured`.
//!
//! After every operation, against a model of what was upserted and removed:
//! the ids held are the model's, each once; for each, `kept` (the facts in the
//! columns) equals what `evaluate` gives at the worklist's `now` (field by
//! field, as `tests/props.rs` compares them) and `get` equals `evaluate`
//! itself; nothing is kept or listed before the first `now`. For each filter,
//! `query` lists exactly the held contacts whose kept facts match it, each
//! once, in work order; a page is a slice of it; and `facets` are the counts
//! of the kept facts of those contacts: per status and per channel allowed
//! (every one listed), per next-action label and per campaign phase (every
//! phase listed; contacts outside the campaign in none).
#![no_main]

use std::collections::{BTreeMap, BTreeSet};

use arbitrary::Arbitrary;
use cadence_engine::time::{MAX_MS, MIN_MS};
use cadence_engine::worklist::{Filter, Kept, Worklist, NO_NEXT};
use cadence_engine::{evaluate, read, Channel, Contact, Instant, Playbook, Status};
use cadence_engine_fuzz::{contact, pick, playbook, Record, Tweak, T};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// Ids: texts that differ only in case, a number, a fraction (no text that
/// reads as one of the numbers: the worklist keys ids by their text).
const IDS: [&str; 8] = ["a", "b", "A", "ana", "x-1", "zoë", "#7", "#8.5"];
const NAMES: [&str; 6] = ["Ana", "ana maria", "   ", "Zoë", "Bo Can't", "X-1 Ltd"];
/// What a rep types in the search box.
const TEXTS: [&str; 14] = [
    "",
    "  ",
    "a",
    "AN",
    " ana ",
    "x-1",
    "7",
    "8.5",
    "zoë",
    "can't",
    " - CAN'T TEXT",
    "ana - can't",
    "t",
    "qqq",
];

/// A contact record, given an id by each upsert.
#[derive(Arbitrary, Debug)]
struct Person {
    name: Option<u8>,
    record: Record,
}

/// One field of a filter (a filter of up to three: each more narrows it).
#[derive(Arbitrary, Debug)]
enum Criterion {
    Status(Vec<u8>),
    Next(Vec<u8>),
    Phase(Vec<u8>),
    Allowed(u8),
    Due(bool),
    AutoDue(bool),
    Text(u8),
}

#[derive(Arbitrary, Debug)]
struct Find {
    criteria: Vec<Criterion>,
    offset: u8,
    limit: u8,
}

#[derive(Arbitrary, Debug)]
enum Op {
    /// The people of the set bits, the `k`th with id `IDS[k + shift]`: so a
    /// record comes back under another id, and an id with another record.
    Upsert {
        people: u8,
        shift: u8,
    },
    Remove(Vec<u8>),
    Refresh(T),
    /// Minutes from the current `now`, either way.
    Step(i32),
    /// To a held contact's `valid_until`, plus a few milliseconds either way.
    Edge(u8, i8),
    Query(Find),
    Get(u8),
}

#[derive(Arbitrary, Debug)]
struct Script {
    preset: u8,
    tweaks: Vec<Tweak>,
    start: Option<T>,
    people: Vec<Person>,
    ops: Vec<Op>,
}

fn id_value(i: u8) -> Value {
    match pick(&IDS, i) {
        "#7" => json!(7),
        "#8.5" => json!(8.5),
        s => json!(s),
    }
}

fn id_text(i: u8) -> String {
    pick(&IDS, i).trim_start_matches('#').to_string()
}

/// Reads a batch as the JS binding does: one JSON array text, one pass.
fn batch(people: &[Person], chosen: u8, shift: u8, pb: &Playbook) -> Vec<Contact> {
    let records: Vec<Value> = (0..8u8)
        .filter(|k| chosen & (1 << k) != 0)
        .filter_map(|k| {
            let p = people.get(usize::from(k) % people.len().max(1))?;
            let id = id_value(k.wrapping_add(shift));
            Some(contact(id, p.name.map(|n| pick(&NAMES, n)), &p.record))
        })
        .collect();
    let text = Value::Array(records).to_string();
    read::contacts(&text, pb)
        .filter_map(|item| item.ok().and_then(|(_, c)| c.ok()))
        .collect()
}

/// What `kept` must be, from the evaluation (as `tests/props.rs` derives it,
/// but for the due time: see below).
fn expected_kept(c: &Contact, pb: &Playbook, now: Instant) -> Kept {
    let ev = evaluate(c, pb, now);
    // The due time the worklist keeps is the instant the evaluation carries
    // for its text.
    if let Some(n) = &ev.next {
        assert_eq!(
            Some(n.due_at.at),
            ev.due_ms,
            "dueAt {} is not due_ms",
            n.due_at
        );
    }
    Kept {
        status: ev.status,
        next: ev
            .next
            .as_ref()
            .map_or(NO_NEXT, |n| n.label.as_str())
            .to_string(),
        phase: ev.campaign.as_ref().map(|p| p.phase.clone()),
        allowed: Channel::ALL
            .into_iter()
            .filter(|ch| ev.channels.get(*ch).allowed)
            .collect(),
        due: ev.next.as_ref().is_some_and(|n| n.due),
        overdue: ev.next.as_ref().is_some_and(|n| n.overdue),
        auto_due: ev.next_auto.as_ref().is_some_and(|n| n.due),
        texting_blocked: ev.dnd.sms.is_some() || ev.dnd.all.is_some(),
        priority: ev.priority,
        due_at: ev.next.as_ref().and(ev.due_ms).map(|t| t.ms()),
        valid_until: ev.valid_until.map(|s| s.at.ms()),
    }
}

/// A filter from generated choices; labels and phases are drawn from those
/// in use and in the playbook, plus one that is neither; statuses half the
/// time from those in use (one drawn from all ten rarely matches).
fn filter(f: &Find, kept: &BTreeMap<String, Kept>, phases: &[String]) -> Filter {
    let labels: Vec<String> = kept
        .values()
        .map(|k| k.next.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let in_use: Vec<Status> = kept.values().map(|k| k.status).collect();
    let status = |i: u8| {
        let pool: &[Status] = if i.is_multiple_of(2) && !in_use.is_empty() {
            &in_use
        } else {
            &Status::ALL
        };
        pool.get(usize::from(i / 2) % pool.len().max(1)).copied()
    };
    let from = |pool: &[String], picks: &[u8]| -> Vec<String> {
        picks
            .iter()
            .take(4)
            .map(|&i| {
                pool.get(usize::from(i) % (pool.len() + 1))
                    .cloned()
                    .unwrap_or_else(|| "No Such Thing".to_string())
            })
            .collect()
    };
    let mut out = Filter::default();
    for c in f.criteria.iter().take(3) {
        match c {
            Criterion::Status(s) => {
                out.status = Some(s.iter().take(4).filter_map(|&i| status(i)).collect());
            }
            Criterion::Next(p) => out.next = Some(from(&labels, p)),
            Criterion::Phase(p) => out.phase = Some(from(phases, p)),
            Criterion::Allowed(bits) => {
                out.allowed = Some(
                    Channel::ALL
                        .into_iter()
                        .enumerate()
                        .filter(|(i, _)| bits & (1 << i) != 0)
                        .map(|(_, c)| c)
                        .collect(),
                );
            }
            Criterion::Due(d) => out.due = Some(*d),
            Criterion::AutoDue(d) => out.auto_due = Some(*d),
            Criterion::Text(t) => out.text = Some(pick(&TEXTS, *t).to_string()),
        }
    }
    out
}

/// Whether a contact with these kept facts matches `f`, read from the
/// filter's documentation: every given field holds; within a list, any value;
/// `text` is in the id, the name or the display name, case ignored.
fn matches(f: &Filter, k: &Kept, c: &Contact, suffix: &str) -> bool {
    let any = |list: &Option<Vec<String>>, v: Option<&str>| {
        list.as_ref()
            .is_none_or(|l| v.is_some_and(|v| l.iter().any(|x| x == v)))
    };
    let text = f
        .text
        .as_ref()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty());
    let named = c.name.as_deref().filter(|n| !n.trim().is_empty());
    let id = c.id.text();
    let shown = format!("{}{suffix}", named.unwrap_or(&id));
    f.status.as_ref().is_none_or(|s| s.contains(&k.status))
        && any(&f.next, Some(&k.next))
        && any(&f.phase, k.phase.as_deref())
        && f.allowed
            .as_ref()
            .is_none_or(|a| a.iter().any(|ch| k.allowed.contains(ch)))
        && f.due.is_none_or(|d| d == k.due)
        && f.auto_due.is_none_or(|d| d == k.auto_due)
        && text.is_none_or(|t| {
            id.to_lowercase().contains(&t)
                || named.is_some_and(|n| n.to_lowercase().contains(&t))
                || (k.texting_blocked && shown.to_lowercase().contains(&t))
        })
}

/// Work order: due first, then those with a next action, then higher
/// priority, then overdue first, then earlier due time, then id.
fn before(a: &(String, Kept), b: &(String, Kept)) -> bool {
    let (ia, ka) = a;
    let (ib, kb) = b;
    kb.due
        .cmp(&ka.due)
        .then(kb.due_at.is_some().cmp(&ka.due_at.is_some()))
        .then(kb.priority.total_cmp(&ka.priority))
        .then(kb.overdue.cmp(&ka.overdue))
        .then(
            ka.due_at
                .unwrap_or(i64::MAX)
                .cmp(&kb.due_at.unwrap_or(i64::MAX)),
        )
        .then_with(|| ia.cmp(ib))
        .is_lt()
}

fn count<K: Ord>(keys: impl Iterator<Item = K>) -> BTreeMap<K, u32> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

/// The held contacts' kept facts, checked against `evaluate`.
fn check_held(w: &Worklist, model: &BTreeMap<String, Contact>) -> BTreeMap<String, Kept> {
    let ids: Vec<String> = w.ids().map(|i| i.text()).collect();
    let held: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(ids.len(), held.len(), "an id held twice: {ids:?}");
    assert_eq!(
        held,
        model.keys().cloned().collect::<BTreeSet<_>>(),
        "held ids"
    );
    assert_eq!(w.len(), model.len());
    assert_eq!(w.is_empty(), model.is_empty());
    for i in 0..IDS.len() {
        let id = id_text(i as u8);
        if !model.contains_key(&id) {
            assert!(w.kept(&id).is_none() && w.get(&id).is_none(), "{id} gone");
        }
    }
    let mut out = BTreeMap::new();
    let Some(now) = w.now() else {
        for id in model.keys() {
            assert!(
                w.kept(id).is_none() && w.get(id).is_none(),
                "{id} before now"
            );
        }
        return out;
    };
    let pb = w.playbook();
    for (id, c) in model {
        let got = w.get(id);
        let ev = evaluate(c, pb, now);
        assert_eq!(got.as_ref(), Some(&ev), "get({id}) at {now:?}");
        let kept = w.kept(id);
        let want = expected_kept(c, pb, now);
        assert_eq!(kept.as_ref(), Some(&want), "kept({id}) at {now:?}");
        out.insert(id.clone(), want);
    }
    out
}

fn check_query(
    w: &Worklist,
    f: &Filter,
    kept: &BTreeMap<String, Kept>,
    model: &BTreeMap<String, Contact>,
    page: (usize, usize),
) {
    let suffix = &w.playbook().opt_out.suffix;
    let got: Vec<String> = w.query(f).iter().map(|i| i.text()).collect();
    let want: BTreeSet<&String> = kept
        .iter()
        .filter(|(id, k)| model.get(*id).is_some_and(|c| matches(f, k, c, suffix)))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        got.iter().collect::<BTreeSet<_>>(),
        want,
        "query {f:?} lists other contacts"
    );
    assert_eq!(
        got.len(),
        want.len(),
        "query {f:?} lists one twice: {got:?}"
    );
    let rows: Vec<(String, Kept)> = got
        .iter()
        .filter_map(|id| kept.get(id).map(|k| (id.clone(), k.clone())))
        .collect();
    for pair in rows.windows(2) {
        if let [a, b] = pair {
            assert!(before(a, b), "out of work order: {a:?} before {b:?}");
        }
    }
    // A page is a slice of the whole list, as slots.
    let slots = w.query_slots(f);
    assert_eq!(slots.len(), got.len());
    let (offset, limit) = page;
    let want_page: Vec<u32> = slots.iter().copied().skip(offset).take(limit).collect();
    assert_eq!(w.query_page(f, offset, limit), want_page, "page {page:?}");

    // The counts are those of the listed contacts' kept facts.
    let facets = w.facets(f);
    let ks = || rows.iter().map(|(_, k)| k);
    let status = count(ks().map(|k| k.status.id()));
    for s in Status::ALL {
        assert_eq!(
            facets.status.get(s.id()).copied(),
            Some(status.get(s.id()).copied().unwrap_or(0)),
            "status {} among {f:?}",
            s.id()
        );
    }
    assert_eq!(facets.status.len(), Status::ALL.len());
    for ch in Channel::ALL {
        let n = ks().filter(|k| k.allowed.contains(&ch)).count();
        assert_eq!(
            facets.allowed.get(ch.as_str()).map(|&n| n as usize),
            Some(n),
            "allowed {} among {f:?}",
            ch.as_str()
        );
    }
    assert_eq!(facets.allowed.len(), Channel::ALL.len());
    let next: BTreeMap<String, u32> = facets.next.iter().map(|(l, &n)| (l.clone(), n)).collect();
    assert_eq!(next, count(ks().map(|k| k.next.clone())), "next {f:?}");
    let phases = count(ks().filter_map(|k| k.phase.clone()));
    let listed: BTreeMap<String, u32> = facets
        .phase
        .iter()
        .filter(|(_, &n)| n > 0)
        .map(|(p, &n)| (p.clone(), n))
        .collect();
    assert_eq!(listed, phases, "phase {f:?}");
    if let Some(c) = &w.playbook().campaign {
        for p in &c.phases {
            assert!(facets.phase.get(&p.id).is_some(), "phase {} missing", p.id);
        }
    }
}

fn clamp(ms: i64) -> Instant {
    Instant(ms.clamp(MIN_MS, MAX_MS))
}

fuzz_target!(|s: Script| {
    let Ok(pb) = Playbook::from_deserializer(&playbook(s.preset, &s.tweaks)) else {
        return;
    };
    let phases: Vec<String> = pb
        .campaign
        .as_ref()
        .map(|c| c.phases.iter().map(|p| p.id.clone()).collect())
        .unwrap_or_default();
    let mut w = Worklist::new(pb, s.start.as_ref().map(|t| Instant(t.ms())));
    let mut model: BTreeMap<String, Contact> = BTreeMap::new();
    let mut kept = check_held(&w, &model);
    for op in s.ops.iter().take(24) {
        let mut find = None;
        match op {
            Op::Upsert { people, shift } => {
                let read = batch(&s.people, *people, *shift, w.playbook());
                let before: BTreeSet<String> = model.keys().cloned().collect();
                let new: BTreeSet<String> = read
                    .iter()
                    .map(|c| c.id.text())
                    .filter(|id| !before.contains(id))
                    .collect();
                let n = read.len();
                for c in &read {
                    model.insert(c.id.text(), c.clone());
                }
                let up = w.upsert(read);
                assert_eq!(up.added + up.changed + up.unchanged, n, "{up:?}");
                assert_eq!(up.added, new.len(), "{up:?}");
            }
            Op::Remove(ids) => {
                let ids: Vec<String> = ids.iter().take(6).map(|&i| id_text(i)).collect();
                let held: BTreeSet<&String> =
                    ids.iter().filter(|id| model.contains_key(*id)).collect();
                let r = w.remove(&ids);
                assert_eq!(r.removed, held.len(), "{r:?}");
                for id in &ids {
                    model.remove(id);
                }
            }
            Op::Refresh(t) => {
                let to = Instant(t.ms());
                let back = w.now().is_some_and(|n| to < n);
                let n = w.refresh(to);
                if back {
                    assert_eq!(n, model.len(), "a refresh backward re-evaluates all");
                }
            }
            Op::Step(m) => {
                let from = w.now().map_or(0, |t| t.ms());
                let by = i64::from(*m % 86_400) * 60_000;
                w.refresh(clamp(from.saturating_add(by)));
            }
            Op::Edge(i, d) => {
                let until = kept.values().nth(usize::from(*i) % kept.len().max(1));
                if let Some(v) = until.and_then(|k| k.valid_until) {
                    w.refresh(clamp(v.saturating_add(i64::from(*d % 3))));
                }
            }
            Op::Query(f) => find = Some(f),
            Op::Get(i) => {
                let id = id_text(*i);
                let ev = w.get(&id);
                assert_eq!(ev.is_some(), w.now().is_some() && model.contains_key(&id));
            }
        }
        kept = check_held(&w, &model);
        check_query(&w, &Filter::default(), &kept, &model, (0, usize::MAX));
        if let Some(f) = find {
            let page = (usize::from(f.offset % 8), usize::from(f.limit % 8));
            check_query(&w, &filter(f, &kept, &phases), &kept, &model, page);
        }
    }
});
