//! Native timings of the zone layer against the chrono / chrono-tz calls it
//! replaced: nanoseconds per offset lookup, instant → wall time, wall time →
//! instant (DST rule), RFC 3339 formatting and parsing.
//!
//! `cargo bench --bench zones [runs]` prints one line per operation: the median
//! over `runs` (default 15) of the mean over 4096 inputs spread across six zones
//! and 2020–2030 (or, for `offset 1990`, 1985–1995, where New York and the other
//! zones are read from their listed changes rather than from their rules).

use std::hint::black_box;
use std::time::Instant as Clock;

use cadence_engine::rfc3339;
use cadence_engine::time::{Instant, Zone};
use chrono::NaiveDateTime;
use chrono_tz::Tz;

const N: usize = 4096;
const ZONES: [&str; 6] = [
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/Santiago",
    "UTC",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Median over `runs` of the mean nanoseconds per call of `f` over `inputs`.
fn ns<T, R>(runs: usize, inputs: &[T], mut f: impl FnMut(&T) -> R) -> f64 {
    let mut out = Vec::with_capacity(runs);
    for run in 0..=runs {
        let start = Clock::now();
        for x in inputs {
            black_box(f(black_box(x)));
        }
        let per = start.elapsed().as_secs_f64() * 1e9 / inputs.len() as f64;
        if run > 0 {
            out.push(per); // the first run warms up
        }
    }
    median(out)
}

/// chrono-tz, as `Zone` used it before the tables.
#[path = "../tests/chrono_reference/mod.rs"]
mod before;

/// `n` (zone, epoch ms) pairs between `from` and `to` ms, spread evenly with a
/// pseudo-random millisecond part.
fn inputs(from: i64, to: i64) -> Vec<(Zone, Tz, i64)> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    (0..N)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let name = ZONES.get(i % ZONES.len()).copied().unwrap_or("UTC");
            let tz: Tz = name.parse().unwrap_or(Tz::UTC);
            let span = (to - from) as u64;
            (Zone(tz), tz, from + (x % span) as i64)
        })
        .collect()
}

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(15);
    let now = inputs(1_577_836_800_000, 1_924_992_000_000); // 2020..2031
    let old = inputs(473_385_600_000, 820_454_400_000); // 1985..1996
    let locals: Vec<(Zone, Tz, NaiveDateTime)> = now
        .iter()
        .map(|&(z, tz, t)| (z, tz, z.local(Instant(t))))
        .collect();
    let texts: Vec<String> = now.iter().map(|&(z, _, t)| z.format(Instant(t))).collect();

    let mut buf = String::with_capacity(64);
    let rows: Vec<(&str, f64, f64)> = vec![
        (
            "offset (2020-2030)",
            ns(runs, &now, |&(_, tz, t)| before::offset(tz, t)),
            ns(runs, &now, |&(z, _, t)| z.offset_at(Instant(t))),
        ),
        (
            "offset (1985-1995)",
            ns(runs, &old, |&(_, tz, t)| before::offset(tz, t)),
            ns(runs, &old, |&(z, _, t)| z.offset_at(Instant(t))),
        ),
        (
            "instant -> wall time",
            ns(runs, &now, |&(_, tz, t)| before::local(tz, t)),
            ns(runs, &now, |&(z, _, t)| z.local(Instant(t))),
        ),
        (
            "instant -> civil fields",
            ns(runs, &now, |&(_, tz, t)| before::local(tz, t)),
            ns(runs, &now, |&(z, _, t)| z.civil(Instant(t))),
        ),
        (
            "wall time -> instant",
            ns(runs, &locals, |&(_, tz, l)| before::instant(tz, l)),
            ns(runs, &locals, |&(z, _, l)| z.instant(l)),
        ),
        (
            "format (new String)",
            ns(runs, &now, |&(_, tz, t)| before::format(tz, t)),
            ns(runs, &now, |&(z, _, t)| z.format(Instant(t))),
        ),
        (
            "format (into a String)",
            ns(runs, &now, |&(_, tz, t)| before::format(tz, t)),
            ns(runs, &now, |&(z, _, t)| {
                buf.clear();
                z.format_into(Instant(t), &mut buf);
                buf.len()
            }),
        ),
        (
            "parse RFC 3339",
            ns(runs, &texts, |s| before::parse(s)),
            ns(runs, &texts, |s| rfc3339::parse(s)),
        ),
    ];

    println!("zones: ns per call, median of {runs} runs over {N} inputs");
    println!(
        "{:<26} {:>10} {:>10} {:>8}",
        "operation", "chrono-tz", "tables", "speedup"
    );
    for (name, b, a) in rows {
        println!("{name:<26} {b:>10.1} {a:>10.1} {:>7.1}x", b / a);
    }
}
