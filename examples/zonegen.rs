//! Generates `src/zones/data.rs`: every IANA zone of chrono-tz as a table of
//! offset changes plus the annual rule that carries it on after chrono-tz's table
//! ends (2099).
//!
//! `cargo run --release --example zonegen > src/zones/data.rs` (or `make zones`),
//! after updating chrono-tz. Progress and checks go to stderr.
//!
//! How:
//! 1. Each zone's changes are found by probing chrono-tz every 6 hours from 1800
//!    to 2100 and bisecting to the second wherever the offset differs.
//! 2. The rule is derived from the zone's last changes (the two yearly changes:
//!    month, weekday, day bound, wall time). It must reproduce every change of the
//!    table from where it is taken over to 2099, or the generator stops with an
//!    error naming the zone: a zone whose future cannot be derived is never
//!    guessed. Zones whose changes stop before the table's last years keep their
//!    last offset.
//! 3. When the system has TZif files (`/usr/share/zoneinfo`, or `$TZDIR`) of the
//!    same IANA release, each zone is checked against them: the changes from 1970
//!    to 2037 and the POSIX TZ rule of the footer for the years 2100 to 2500.

use std::collections::HashMap;
use std::fmt::Write as _;

use cadence_engine::civil::{
    civil_from_days, days_from_civil, month_days, weekday_from_days, DAY_SECS,
};
use cadence_engine::zones::{Change, Day, Rule};
use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::{Tz, IANA_TZDB_VERSION, TZ_VARIANTS};

/// 1800-01-01: before every change chrono-tz lists (the first is in 1845).
const FROM: i64 = -5_364_662_400;
/// 2100-01-01: after every change chrono-tz lists.
const TO: i64 = 4_102_444_800;
const STEP: i64 = 6 * 3600;

type Res<T> = Result<T, String>;

fn offset(tz: Tz, t: i64) -> i32 {
    DateTime::from_timestamp(t, 0)
        .map(|d| {
            tz.offset_from_utc_datetime(&d.naive_utc())
                .fix()
                .local_minus_utc()
        })
        .unwrap_or(0)
}

fn year_of(t: i64) -> i64 {
    civil_from_days(t.div_euclid(DAY_SECS)).0
}

/// A zone's changes: the offset before the first, then `(UTC second, offset)`.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Table {
    first: i32,
    changes: Vec<(i64, i32)>,
}

fn probe(tz: Tz) -> Res<Table> {
    let first = offset(tz, FROM);
    if offset(tz, FROM - 1_000 * 365 * DAY_SECS) != first {
        return Err(format!("{}: changes before 1800", tz.name()));
    }
    let mut changes = Vec::new();
    let (mut a, mut oa) = (FROM, first);
    while a < TO {
        let b = (a + STEP).min(TO);
        let ob = offset(tz, b);
        if ob != oa {
            bisect(tz, (a, oa), (b, ob), &mut changes);
        }
        (a, oa) = (b, ob);
    }
    if offset(tz, TO + 1_000 * 365 * DAY_SECS) != oa {
        return Err(format!("{}: changes after 2100", tz.name()));
    }
    Ok(Table { first, changes })
}

/// Every change in `(a, b]`, given the offsets at both ends differ.
fn bisect(tz: Tz, (a, oa): (i64, i32), (b, ob): (i64, i32), out: &mut Vec<(i64, i32)>) {
    if b - a == 1 {
        out.push((b, ob));
        return;
    }
    let m = a + (b - a) / 2;
    let om = offset(tz, m);
    if om != oa {
        bisect(tz, (a, oa), (m, om), out);
    }
    if om != ob {
        bisect(tz, (m, om), (b, ob), out);
    }
}

/// One change of the table read on the wall clock before it, its date moved back
/// by whole days (so "Saturday 26:00" can be read as such).
struct Wall {
    year: i64,
    month: u32,
    day: u32,
    weekday: u32,
    time: i64,
}

/// The month, day and time shared by a set of wall-clock moments (local seconds),
/// as a rule change to `to`.
fn fit(walls: &[i64], to: i32) -> Res<Change> {
    let mut why = "the changes share no month and time of day";
    // A change at "24:00" or "50:00" falls on a later date than its weekday
    // names: try the moments as they are, then as hours past an earlier day.
    for shift in [0i64, 1, 2, -1] {
        let w: Vec<Wall> = walls
            .iter()
            .map(|&wall| {
                let days = wall.div_euclid(DAY_SECS) - shift;
                let (year, month, day) = civil_from_days(days);
                let (weekday, time) = (weekday_from_days(days), wall - days * DAY_SECS);
                Wall {
                    year,
                    month,
                    day,
                    weekday,
                    time,
                }
            })
            .collect();
        let Some(first) = w.first() else {
            return Err("no changes".into());
        };
        if !w
            .iter()
            .all(|p| p.month == first.month && p.time == first.time)
        {
            continue;
        }
        let byte = |v: u32| u8::try_from(v).map_err(|e| e.to_string());
        let day = if w.iter().all(|p| p.weekday == first.weekday) {
            let weekday = byte(first.weekday)?;
            if w.iter().all(|p| p.day + 7 > month_days(p.year, p.month)) {
                Day::Last { weekday }
            } else {
                // "The first such weekday on or after day d" fits the days seen
                // for d from the latest minus 6 to the earliest: one d, once the
                // years seen put the weekday on every day of a week.
                let lo = w.iter().map(|p| p.day).max().unwrap_or(0).saturating_sub(6);
                let hi = w.iter().map(|p| p.day).min().unwrap_or(0);
                if lo != hi {
                    why = "too few years to tell the day of the month";
                    continue;
                }
                Day::OnOrAfter {
                    day: byte(lo)?,
                    weekday,
                }
            }
        } else if w.iter().all(|p| p.day == first.day) {
            Day::Fixed {
                day: byte(first.day)?,
            }
        } else {
            continue;
        };
        let time = i32::try_from(first.time).map_err(|e| e.to_string())?;
        return Ok(Change {
            month: byte(first.month)?,
            day,
            time,
            offset: to,
        });
    }
    Err(why.into())
}

/// The changes a rule makes from `from` (inclusive) to `TO`.
fn predict(rule: &Rule, from: i64) -> Vec<(i64, i32)> {
    (year_of(from) - 1..=year_of(TO))
        .flat_map(|y| rule.changes(y))
        .filter(|&(t, _)| t >= from && t < TO)
        .collect()
}

/// The rule that carries `table` on past 2099 and the index of the change from
/// which it reproduces the table; `None` when the zone's changes end earlier.
fn derive(table: &Table, end_year: i64) -> Res<Option<(usize, Rule)>> {
    let n = table.changes.len();
    match table.changes.last() {
        Some(&(t, _)) if year_of(t) >= end_year - 1 => {}
        _ => return Ok(None),
    }
    // Ten years of changes to learn from.
    let tail_len = 20;
    let start = n
        .checked_sub(tail_len)
        .filter(|&s| s >= 1)
        .ok_or("too few changes to derive a rule")?;
    let tail = table.changes.get(start - 1..).ok_or("no tail")?;
    let mut groups: Vec<(i32, Vec<i64>)> = Vec::new();
    for w in tail.windows(2) {
        let (&(_, before), &(t, to)) = (w.first().ok_or("")?, w.get(1).ok_or("")?);
        match groups.iter_mut().find(|g| g.0 == to) {
            Some(g) => g.1.push(t + i64::from(before)),
            None => groups.push((to, vec![t + i64::from(before)])),
        }
    }
    let [(to_a, walls_a), (to_b, walls_b)] = groups.as_slice() else {
        return Err(format!(
            "the last changes use {} offsets, not 2",
            groups.len()
        ));
    };
    let (a, b) = (fit(walls_a, *to_a)?, fit(walls_b, *to_b)?);
    let (early, late) = if a.month < b.month { (a, b) } else { (b, a) };
    if early.month == late.month || early.month < 2 || late.month > 11 {
        return Err(format!(
            "changes in months {} and {}",
            early.month, late.month
        ));
    }
    if early.time.abs() > 2 * 86_400 || late.time.abs() > 2 * 86_400 {
        return Err("a change time beyond two days".into());
    }
    let rule = Rule { early, late };
    // The engine relies on a rule's changes lying a week or more apart and from
    // the turn of the year (see `Yearly::resolve` and `Entry::resolve`).
    let week = 7 * DAY_SECS;
    for y in end_year - 200..=end_year + 400 {
        let [(a, _), (b, _)] = rule.changes(y);
        let (start, end) = (
            days_from_civil(y, 1, 1) * DAY_SECS,
            days_from_civil(y + 1, 1, 1) * DAY_SECS,
        );
        if a - start < week || b - a < week || end - b < week {
            return Err(format!(
                "in {y} the changes fall within a week of each other or of the new year"
            ));
        }
    }
    let reproduces = |s: usize| {
        table
            .changes
            .get(s)
            .zip(table.changes.get(s..))
            .is_some_and(|(&(t, _), rest)| predict(&rule, t) == rest)
    };
    if !reproduces(start) {
        return Err("the derived rule does not reproduce the last ten years".into());
    }
    let mut s = start;
    while s > 0 && reproduces(s - 1) {
        s -= 1;
    }
    Ok(Some((s, rule)))
}

// ---- checks against the system's TZif files -------------------------------------

struct Posix {
    std: i32,
    dst: Option<(i32, PosixDate, i32, PosixDate, i32)>,
}

#[derive(Clone, Copy)]
enum PosixDate {
    Month(u32, u32, u32),
    Julian1(i64),
    Julian0(i64),
}

fn posix_name(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix('<') {
        return rest.split_once('>').map(|(_, r)| r);
    }
    let end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    (end >= 3).then(|| s.get(end..)).flatten()
}

/// `[+-]hh[:mm[:ss]]` in seconds, and the rest.
fn posix_hms(s: &str) -> Option<(i64, &str)> {
    let (sign, s) = match s.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, s.strip_prefix('+').unwrap_or(s)),
    };
    let end = s
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(s.len());
    let (num, rest) = s.split_at(end);
    let mut secs = 0i64;
    let mut scale = 3600;
    for part in num.split(':') {
        secs += part.parse::<i64>().ok()? * scale;
        scale /= 60;
    }
    Some((sign * secs, rest))
}

fn posix_date(s: &str) -> Option<(PosixDate, i64)> {
    let (date, time) = match s.split_once('/') {
        Some((d, t)) => (d, posix_hms(t)?.0),
        None => (s, 7200),
    };
    let d = if let Some(m) = date.strip_prefix('M') {
        let mut it = m.split('.').map(|p| p.parse::<u32>().ok());
        PosixDate::Month(it.next()??, it.next()??, it.next()??)
    } else if let Some(j) = date.strip_prefix('J') {
        PosixDate::Julian1(j.parse().ok()?)
    } else {
        PosixDate::Julian0(date.parse().ok()?)
    };
    Some((d, time))
}

fn parse_posix(s: &str) -> Option<Posix> {
    let rest = posix_name(s)?;
    let (std, rest) = posix_hms(rest)?;
    let std = i32::try_from(-std).ok()?;
    if rest.is_empty() {
        return Some(Posix { std, dst: None });
    }
    let rest = posix_name(rest)?;
    let (dst, rest) = match rest.strip_prefix(',') {
        Some(_) => (std + 3600, rest),
        None => {
            let (d, r) = posix_hms(rest)?;
            (i32::try_from(-d).ok()?, r)
        }
    };
    let mut parts = rest.strip_prefix(',')?.split(',');
    let (start, start_time) = posix_date(parts.next()?)?;
    let (end, end_time) = posix_date(parts.next()?)?;
    Some(Posix {
        std,
        dst: Some((
            dst,
            start,
            i32::try_from(start_time).ok()?,
            end,
            i32::try_from(end_time).ok()?,
        )),
    })
}

fn posix_days(d: PosixDate, year: i64) -> i64 {
    match d {
        PosixDate::Month(m, w, wd) => {
            let weekday = ((wd + 6) % 7) as u8;
            let day = if w >= 5 {
                Day::Last { weekday }
            } else {
                Day::OnOrAfter {
                    day: (1 + 7 * (w.max(1) - 1)) as u8,
                    weekday,
                }
            };
            day.days(year, m)
        }
        PosixDate::Julian1(n) => {
            let jan1 = days_from_civil(year, 1, 1);
            if n <= 59 {
                jan1 + n - 1
            } else {
                days_from_civil(year, 3, 1) + n - 60
            }
        }
        PosixDate::Julian0(n) => days_from_civil(year, 1, 1) + n,
    }
}

fn posix_changes(p: &Posix, year: i64) -> Vec<(i64, i32)> {
    let Some((dst, start, st, end, et)) = p.dst else {
        return Vec::new();
    };
    let mut v = vec![
        (
            posix_days(start, year) * DAY_SECS + i64::from(st) - i64::from(p.std),
            dst,
        ),
        (
            posix_days(end, year) * DAY_SECS + i64::from(et) - i64::from(dst),
            p.std,
        ),
    ];
    v.sort_unstable();
    v
}

struct TzifFile {
    changes: Vec<(i64, i32)>,
    footer: String,
}

fn be_i64(b: &[u8], at: usize) -> Option<i64> {
    Some(i64::from_be_bytes(b.get(at..at + 8)?.try_into().ok()?))
}
fn be_i32(b: &[u8], at: usize) -> Option<i32> {
    Some(i32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The 64-bit section and footer of a TZif file (RFC 8536).
fn read_tzif(b: &[u8]) -> Option<TzifFile> {
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, v) in c.iter_mut().enumerate() {
            *v = usize::try_from(be_i32(b, at + 20 + 4 * i)?).ok()?;
        }
        Some(c)
    };
    if b.get(..4)? != b"TZif" {
        return None;
    }
    let [isut, isstd, leap, time, typ, chars] = counts(0)?;
    let v1 = 44 + time * 5 + typ * 6 + chars + leap * 8 + isstd + isut;
    let [_, _, _, time, _, _] = counts(v1)?;
    let base = v1 + 44;
    let idx = base + time * 8;
    let types = idx + time;
    let offset_of = |i: usize| be_i32(b, types + i * 6);
    let mut changes = Vec::new();
    let mut last = offset_of(0)?;
    for i in 0..time {
        let t = be_i64(b, base + i * 8)?;
        let o = offset_of(usize::from(*b.get(idx + i)?))?;
        if o != last {
            changes.push((t, o));
            last = o;
        }
    }
    let text = String::from_utf8_lossy(b);
    let footer = text.trim_end_matches('\n').rsplit('\n').next()?.to_string();
    Some(TzifFile { changes, footer })
}

fn check_tzif(dir: &str, name: &str, u: &Unique) -> Res<()> {
    let (table, rule) = (&u.table, u.rule.as_ref());
    let bytes = std::fs::read(format!("{dir}/{name}")).map_err(|e| format!("{name}: {e}"))?;
    let f = read_tzif(&bytes).ok_or(format!("{name}: not a TZif file"))?;
    // Changes from 1970 to 2037 (earlier ones may come from the `backzone` file).
    let span = |v: &[(i64, i32)]| -> Vec<(i64, i32)> {
        v.iter()
            .copied()
            .filter(|&(t, _)| (0..2_145_916_800).contains(&t))
            .collect()
    };
    if span(&f.changes) != span(&table.changes) {
        // Distributions may patch the data (Debian keeps the System V zones EET
        // and WET as they were before 2024b made them links): report, go on.
        eprintln!("warning: {name}: changes 1970-2037 differ from the system's TZif file");
    }
    let p = parse_posix(&f.footer).ok_or(format!("{name}: unreadable footer {:?}", f.footer))?;
    let last = table
        .changes
        .get(..u.kept)
        .and_then(|c| c.last())
        .map_or(table.first, |c| c.1);
    match (rule, p.dst.is_some()) {
        (None, false) if p.std == last => Ok(()),
        (Some(r), true) => {
            for y in 2100..=2500 {
                if r.changes(y).to_vec() != posix_changes(&p, y) {
                    return Err(format!(
                        "{name}: rule differs from footer {:?} in {y}",
                        f.footer
                    ));
                }
            }
            Ok(())
        }
        _ => Err(format!(
            "{name}: footer {:?} disagrees with the table's end",
            f.footer
        )),
    }
}

// ---- output -----------------------------------------------------------------------

fn rust_change(c: &Change) -> String {
    let day = match c.day {
        Day::OnOrAfter { day, weekday } => {
            format!("Day::OnOrAfter {{ day: {day}, weekday: {weekday} }}")
        }
        Day::Last { weekday } => format!("Day::Last {{ weekday: {weekday} }}"),
        Day::Fixed { day } => format!("Day::Fixed {{ day: {day} }}"),
    };
    format!(
        "Change {{ month: {}, day: {day}, time: {}, offset: {} }}",
        c.month, c.time, c.offset
    )
}

/// A Rust array literal of `items`, `width` to a line.
fn array<T: std::fmt::Display>(items: impl Iterator<Item = T>, width: usize) -> String {
    let items: Vec<String> = items.map(|v| v.to_string()).collect();
    if items.is_empty() {
        return "[]".into();
    }
    let mut out = String::from("[");
    for line in items.chunks(width) {
        let _ = write!(out, "\n        {},", line.join(", "));
    }
    out.push_str("\n    ]");
    out
}

/// `n` as a zigzag LEB128 number.
fn push_varint(out: &mut Vec<u8>, n: i64) {
    let mut z = ((n << 1) ^ (n >> 63)) as u64;
    while z >= 0x80 {
        out.push((z & 0x7f) as u8 | 0x80);
        z >>= 7;
    }
    out.push(z as u8);
}

/// Changes packed as `Entry::new` reads them: for each, the seconds since the
/// previous change (since the epoch for the first) and the change of offset
/// (from `first` for the first).
fn pack(first: i32, changes: &[(i64, i32)]) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut t, mut o) = (0i64, i64::from(first));
    for &(at, offset) in changes {
        push_varint(&mut out, at - t);
        push_varint(&mut out, i64::from(offset) - o);
        (t, o) = (at, i64::from(offset));
    }
    out
}

/// A distinct table, the rule after it and the zones that use it.
struct Unique {
    table: Table,
    /// Changes listed (the rest follow from the rule).
    kept: usize,
    rule: Option<Rule>,
    names: Vec<&'static str>,
}

/// Rust source of the tables.
fn emit(unique: &[Unique], zone_of: &[usize]) -> String {
    let mut out = format!(
        "//! Generated by `cargo run --release --example zonegen` from chrono-tz's IANA\n\
         //! {IANA_TZDB_VERSION} data: do not edit. Offsets in seconds east of UTC, changes in UTC\n\
         //! seconds, packed as `Entry::new` reads them; zones listed after their last change\n\
         //! follow `rule` from then on.\n\n\
         use super::{{Change, Day, Entry, Rule, Yearly}};\n\n\
         /// The IANA release the tables were generated from.\n\
         pub const TZDB_VERSION: &str = \"{IANA_TZDB_VERSION}\";\n\n\
         pub(super) static UTC: Entry = Entry::new(0, &[], None);\n\n"
    );
    let mut rules: Vec<Rule> = Vec::new();
    for r in unique.iter().filter_map(|u| u.rule) {
        if !rules.contains(&r) {
            let _ = writeln!(
                out,
                "static R{}: Yearly = Yearly::new(Rule {{\n    early: {},\n    late: {},\n}});",
                rules.len(),
                rust_change(&r.early),
                rust_change(&r.late)
            );
            rules.push(r);
        }
    }
    for (i, u) in unique.iter().enumerate() {
        let kept = u.table.changes.get(..u.kept).unwrap_or(&[]);
        let rule = match u.rule.and_then(|r| rules.iter().position(|x| *x == r)) {
            Some(r) => format!("Some(&R{r})"),
            None => "None".into(),
        };
        let _ = write!(
            out,
            "\n// {}: {} changes\nstatic Z{i}: Entry = Entry::new(\n    {},\n    &{},\n    {rule},\n);\n",
            u.names.join(" "),
            kept.len(),
            u.table.first,
            array(pack(u.table.first, kept).into_iter(), 16),
        );
    }
    let _ = write!(
        out,
        "\n/// Each zone's table, in chrono-tz's `Tz` order.\npub(super) static ZONE_OF: [&Entry; {}] = {};\n",
        zone_of.len(),
        array(zone_of.iter().map(|u| format!("&Z{u}")), 8)
    );
    out
}

fn main() -> Res<()> {
    let tzdir = std::env::var("TZDIR").unwrap_or_else(|_| "/usr/share/zoneinfo".into());
    let system = std::fs::read_to_string(format!("{tzdir}/tzdata.zi"))
        .ok()
        .and_then(|z| {
            z.lines()
                .next()
                .map(|l| l.trim_start_matches("# version ").to_string())
        });
    let check = system.as_deref() == Some(IANA_TZDB_VERSION);
    eprintln!(
        "chrono-tz {IANA_TZDB_VERSION}; system TZif files: {} ({})",
        system.as_deref().unwrap_or("none"),
        if check {
            "checking against them"
        } else {
            "not checked"
        }
    );

    let mut tables = Vec::with_capacity(TZ_VARIANTS.len());
    for (i, tz) in TZ_VARIANTS.iter().enumerate() {
        if *tz as usize != i {
            return Err("TZ_VARIANTS is not in Tz order".into());
        }
        tables.push(probe(*tz)?);
    }
    let end_year = tables
        .iter()
        .filter_map(|t| t.changes.last())
        .map(|c| year_of(c.0))
        .max()
        .unwrap_or(0);
    eprintln!(
        "probed {} zones; chrono-tz lists changes up to {end_year}",
        tables.len()
    );

    // Distinct tables (links share one), each with its rule.
    let mut unique: Vec<Unique> = Vec::new();
    let mut zone_of = Vec::with_capacity(tables.len());
    let mut seen: HashMap<Table, usize> = HashMap::new();
    let mut errors = Vec::new();
    for (tz, table) in TZ_VARIANTS.iter().zip(tables) {
        let at = match seen.get(&table) {
            Some(&u) => u,
            None => {
                let (kept, rule) = match derive(&table, end_year) {
                    Ok(Some((s, r))) => (s + 1, Some(r)),
                    Ok(None) => (table.changes.len(), None),
                    Err(e) => {
                        errors.push(format!("{}: {e}", tz.name()));
                        (table.changes.len(), None)
                    }
                };
                seen.insert(table.clone(), unique.len());
                unique.push(Unique {
                    table,
                    kept,
                    rule,
                    names: Vec::new(),
                });
                unique.len() - 1
            }
        };
        if let Some(u) = unique.get_mut(at) {
            u.names.push(tz.name());
        }
        zone_of.push(at);
    }
    if check {
        for u in &unique {
            for name in &u.names {
                if let Err(e) = check_tzif(&tzdir, name, u) {
                    errors.push(e);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(format!(
            "{} zone(s) failed:\n{}",
            errors.len(),
            errors.join("\n")
        ));
    }
    print!("{}", emit(&unique, &zone_of));
    eprintln!(
        "{} zones, {} distinct tables, {} with a rule, {} listed changes",
        zone_of.len(),
        unique.len(),
        unique.iter().filter(|u| u.rule.is_some()).count(),
        unique.iter().map(|u| u.kept).sum::<usize>()
    );
    Ok(())
}
