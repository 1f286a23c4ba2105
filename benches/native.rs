//! Native timings of the engine core: reading contacts, evaluating them, and
//! writing the evaluations as JSON, per contact; the worklist's keys at scale.
//!
//! `cargo bench --bench native -- <contacts.json> <now> [reps]` prints one JSON
//! object (scripts/bench.sh writes the contacts file and runs this).

use std::time::Instant as Clock;

use cadence_engine::worklist::{Filter, Worklist};
use cadence_engine::{input, parse_time, preset_json, Contact, Playbook};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    let h = n / 2;
    if n % 2 == 1 {
        v.get(h).copied().unwrap_or(f64::NAN)
    } else {
        (v.get(h - 1).copied().unwrap_or(f64::NAN) + v.get(h).copied().unwrap_or(f64::NAN)) / 2.0
    }
}

fn time<T>(reps: usize, mut f: impl FnMut() -> T) -> f64 {
    std::hint::black_box(f());
    let mut out = Vec::with_capacity(reps);
    for _ in 0..reps {
        let t = Clock::now();
        std::hint::black_box(f());
        out.push(t.elapsed().as_secs_f64() * 1e3);
    }
    median(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let path = args
        .first()
        .ok_or("usage: native <contacts.json> <now> [reps]")?;
    let now_text = args
        .get(1)
        .ok_or("usage: native <contacts.json> <now> [reps]")?;
    let reps: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(7);
    let text = std::fs::read_to_string(path)?;
    let raws: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(&text)?;
    let pb = Playbook::from_json(preset_json("monthly-campaign").ok_or("no preset")?)?;
    let now = parse_time(now_text, "now")?;

    let parse = || -> Vec<Contact> {
        raws.iter()
            .filter_map(|r| input::contact_from_json(r.get()).ok())
            .collect()
    };
    let contacts = parse();
    let n = contacts.len();
    let parse_ms = time(reps, parse);
    let eval_ms = time(reps, || {
        contacts
            .iter()
            .map(|c| cadence_engine::evaluate(c, &pb, now))
            .collect::<Vec<_>>()
    });
    let evs: Vec<_> = contacts
        .iter()
        .map(|c| cadence_engine::evaluate(c, &pb, now))
        .collect();
    let json_ms = time(reps, || serde_json::to_string(&evs).map(|s| s.len()));

    // The worklist over the same contacts: load, refresh one minute on, count and list.
    let load_ms = time(reps.min(3), || {
        let mut w = Worklist::new(pb.clone(), Some(now));
        w.upsert(contacts.clone());
        w.len()
    });
    let mut w = Worklist::new(pb.clone(), Some(now));
    w.upsert(contacts.clone());
    let mut t = now;
    let refresh_ms = time(reps, || {
        t = t.plus(60_000);
        w.refresh(t)
    });
    let f = Filter::default();
    let facets_query_ms = time(reps, || (w.facets(&f).status.len(), w.query(&f).len()));

    println!(
        "{{\"contacts\":{n},\"parseUs\":{:.3},\"evaluateUs\":{:.3},\"toJsonUs\":{:.3},\"worklistLoadMs\":{load_ms:.3},\"refreshMinuteMs\":{refresh_ms:.3},\"facetsQueryAllMs\":{facets_query_ms:.3}}}",
        parse_ms * 1e3 / n as f64,
        eval_ms * 1e3 / n as f64,
        json_ms * 1e3 / n as f64,
    );
    Ok(())
}
