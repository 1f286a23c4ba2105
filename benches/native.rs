//! Native timings of the engine core, per contact: reading a contact from its
//! JSON text, its facts alone (what the resident worklist keeps), the whole
//! `Evaluation` with its words, and writing that evaluation as JSON; then the
//! worklist over the same contacts (load, a refresh a day on).
//!
//! `cargo bench --bench native -- <contacts.json> <now> [reps]` prints one JSON
//! object (scripts/bench.sh writes the contacts file and runs this). Each
//! figure is the median over `reps` passes over every contact, after one
//! warm-up pass.

use std::hint::black_box;
use std::time::Instant as Clock;

use cadence_engine::consent::Lent;
use cadence_engine::context::{Ctx, Env};
use cadence_engine::worklist::{Filter, Worklist};
use cadence_engine::{evaluate, facts, parse_time, preset_json, read, Contact, Playbook};

const DAY_MS: i64 = 86_400_000;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let h = n / 2;
    match (v.get(h.wrapping_sub(1)), v.get(h)) {
        (Some(a), Some(b)) if n % 2 == 0 => (a + b) / 2.0,
        (_, Some(b)) => *b,
        _ => f64::NAN,
    }
}

/// The median time of `f` in ms over `reps` runs, after one warm-up run.
fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> f64 {
    black_box(f());
    let mut out = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Clock::now();
        black_box(f());
        out.push(t.elapsed().as_secs_f64() * 1e3);
    }
    median(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: native <contacts.json> <now> [reps]";
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let path = args.first().ok_or(usage)?;
    let now = parse_time(args.get(1).ok_or(usage)?, "now")?;
    let reps: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(7);
    let text = std::fs::read_to_string(path)?;
    let raws: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(&text)?;
    let pb = Playbook::from_json(preset_json("monthly-campaign").ok_or("no preset")?)?;

    // Reading: JSON text of one contact → the engine's contact.
    let read_all = || -> Vec<Contact> {
        raws.iter()
            .filter_map(|r| read::contact(r.get(), &pb).ok())
            .collect()
    };
    let contacts = read_all();
    let n = contacts.len();
    if n != raws.len() {
        return Err(format!(
            "{} of {} contacts could not be read",
            raws.len() - n,
            raws.len()
        )
        .into());
    }
    let read_ms = time(reps, read_all);

    // Facts alone, as a batch computes them: one environment for the batch,
    // a lean context per contact (no words), the consent fold's lists lent
    // by the batch. Violations are audited (the worklist, which keeps none,
    // skips that).
    let facts_ms = time(reps, || {
        let env = Env::new(&pb);
        let mut lent = Lent::default();
        let mut due = 0usize;
        for c in &contacts {
            let mut ctx = Ctx::new(&env, c, now);
            ctx.lean = true;
            ctx.lent.set(std::mem::take(&mut lent));
            let mut f = facts::facts(&ctx);
            due += usize::from(f.next.is_some());
            black_box(&f);
            lent.reclaim(&mut f.consent);
        }
        due
    });

    // The whole evaluation with its words (explain on), as `evaluateMany`
    // makes them: one at a time, each dropped before the next (a batch of
    // them held at once would time the memory of 100k evaluations).
    let evaluate_ms = time(reps, || {
        let env = Env::new(&pb);
        contacts
            .iter()
            .map(|c| {
                black_box(evaluate::evaluate_in(&env, c, now, true))
                    .next
                    .is_some()
            })
            .filter(|&due| due)
            .count()
    });
    let env = Env::new(&pb);
    let evs: Vec<_> = contacts
        .iter()
        .map(|c| evaluate::evaluate_in(&env, c, now, true))
        .collect();
    let write_ms = time(reps, || serde_json::to_string(&evs).map(|s| s.len()));

    // The worklist over the same contacts: a load, then a refresh one day on
    // (each timed refresh starts from `now`, reached by an untimed refresh).
    // Each ends with the first page of the work order, which puts the order
    // back after the change (the worklist does that at the first read).
    let first_page = |w: &Worklist| w.query_page(&Filter::default(), 0, 100).len();
    let load_ms = time(reps.min(3), || {
        let mut w = Worklist::new(pb.clone(), Some(now));
        w.upsert(contacts.clone());
        first_page(&w)
    });
    let mut w = Worklist::new(pb.clone(), Some(now));
    w.upsert(contacts.clone());
    let mut refreshed = Vec::new();
    let mut day_ms = Vec::new();
    for _ in 0..reps {
        w.refresh(now);
        first_page(&w);
        let t = Clock::now();
        refreshed.push(w.refresh(now.plus(DAY_MS)) as f64);
        first_page(&w);
        day_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }

    let per = |ms: f64| ms * 1e3 / n as f64;
    println!(
        "{{\"contacts\":{n},\"reps\":{reps},\"readUs\":{:.4},\"factsUs\":{:.4},\"evaluateUs\":{:.4},\"writeUs\":{:.4},\"worklistLoadMs\":{load_ms:.3},\"refreshDayMs\":{:.3},\"refreshDayCount\":{}}}",
        per(read_ms),
        per(facts_ms),
        per(evaluate_ms),
        per(write_ms),
        median(day_ms),
        median(refreshed),
    );
    Ok(())
}
