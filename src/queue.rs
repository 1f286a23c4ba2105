//! A call queue over a daily capacity: each item is planned on a local day no
//! earlier than its due day (nor the queue's `from` day); when a day is over
//! capacity, the lowest priority is deferred first (ties: the later due time,
//! then the later item in the input).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::playbook::{ObjectOnly, Record};
use crate::time::{Instant, Zone};

/// An item as given. Items are often rows of a CRM's call list: fields the
/// queue does not read (phone, owner) are ignored, as on contacts.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawItem {
    /// A non-empty string or a number, as a contact's id (`None` when
    /// absent: see `due_at`).
    #[serde(default, deserialize_with = "given")]
    id: Option<serde_json::Value>,
    /// A number from -2e9 to 2e9 (every priority an evaluation gives: a
    /// contact's own and the playbook's opt-out boost, each up to 1e9), or
    /// as a CRM export writes it: a numeric
    /// string; `""` or `null` is "not given" (0), as on a contact.
    #[serde(default)]
    priority: serde_json::Value,
    /// `None` when the item has no `dueAt` (reported with the other items'
    /// problems, in item order, not before them).
    #[serde(default, deserialize_with = "given")]
    due_at: Option<serde_json::Value>,
}

/// A field's value, `null` too, as given (`None` only when absent).
fn given<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<serde_json::Value>, D::Error> {
    <serde_json::Value as Deserialize>::deserialize(d).map(Some)
}

impl Record for RawItem {
    const EXPECTED: &'static str = "a queue item object";
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawOptions {
    capacity_per_day: f64,
    time_zone: Option<String>,
    from: Option<serde_json::Value>,
}

impl Record for RawOptions {
    const EXPECTED: &'static str = "an object {capacityPerDay, timeZone, from}";
}

/// One planned item.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Planned {
    /// The item's id, as given.
    pub id: serde_json::Value,
    /// Its priority.
    pub priority: f64,
    /// Its due time, in the queue's zone.
    pub due_at: String,
    /// The local day it is planned for, `YYYY-MM-DD`.
    pub planned_for: String,
    /// Days after its due day (or the `from` day) that it was pushed.
    pub deferred_days: i64,
    /// Its place on that day, from 1.
    pub rank: usize,
}

struct Entry {
    priority: f64,
    due: Instant,
    index: usize,
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    // The heap pops the greatest: highest priority, then earliest due, then
    // earliest in the input.
    fn cmp(&self, o: &Self) -> Ordering {
        self.priority
            .total_cmp(&o.priority)
            .then(o.due.cmp(&self.due))
            .then(o.index.cmp(&self.index))
    }
}

/// Plans a queue.
///
/// # Errors
/// Field-path errors for bad items or options.
pub fn plan_queue<'de, D1, D2>(items: D1, options: D2) -> Result<Vec<Planned>>
where
    D1: serde::Deserializer<'de>,
    D2: serde::Deserializer<'de>,
    D1::Error: std::fmt::Display,
    D2::Error: std::fmt::Display,
{
    let items: Vec<ObjectOnly<RawItem>> =
        serde_path_to_error::deserialize(items).map_err(|e| Error::from_path(e).under("items"))?;
    let items: Vec<RawItem> = items.into_iter().map(|o| o.0).collect();
    let ObjectOnly(opts): ObjectOnly<RawOptions> = serde_path_to_error::deserialize(options)
        .map_err(|e| Error::from_path(e).under("options"))?;
    let cap = opts.capacity_per_day;
    if !cap.is_finite() || cap.fract() != 0.0 || !(1.0..=1e7).contains(&cap) {
        return Err(Error::input(
            "options.capacityPerDay",
            format!("expected a whole number from 1 to 10,000,000, got {cap}"),
        ));
    }
    let cap = cap as usize;
    let zone = match &opts.time_zone {
        Some(z) => Zone::parse(z).map_err(|e| e.under("options.timeZone"))?,
        None => Zone::UTC,
    };
    // Times are read as in a contact: epoch seconds refused, a local
    // date-time read in the queue's zone.
    let local_zone = opts.time_zone.is_some().then_some(zone);
    let read_time = |v: &serde_json::Value, path: String| {
        crate::read::time_value(v, local_zone, "options.timeZone").map_err(|e| e.under(&path))
    };
    let from = match &opts.from {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(read_time(v, "options.from".to_string())?),
    };
    // Every item's id, priority and due time, as a contact's are; every
    // problem reported, in item order.
    let mut errors = Vec::new();
    let mut priorities = Vec::with_capacity(items.len());
    let mut due = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let at = format!("items[{i}]");
        match &it.id {
            Some(id) => {
                let (bad, p) = crate::read::queue_item(id, &it.priority);
                errors.extend(bad.into_iter().map(|e| e.under(&at)));
                priorities.push(p);
            }
            None => {
                errors.push(Error::input(format!("{at}.id"), "required, but missing"));
                let (bad, p) = crate::read::queue_item(&serde_json::Value::from(0), &it.priority);
                errors.extend(bad.into_iter().map(|e| e.under(&at)));
                priorities.push(p);
            }
        }
        let t = match &it.due_at {
            Some(v) => read_time(v, format!("{at}.dueAt")),
            None => Err(Error::input(format!("{at}.dueAt"), "required, but missing")),
        };
        match t {
            Ok(t) => due.push(t),
            Err(e) => {
                errors.push(e);
                due.push(Instant(0));
            }
        }
    }
    let mut errors = errors.into_iter();
    if let Some(first) = errors.next() {
        return Err(first.with_also(errors.collect()));
    }
    let from_day = from.map(|t| zone.date(t));
    Ok(schedule(&items, &priorities, &due, cap, zone, from_day))
}

/// Plans the items day after day from their due days (none before
/// `from_day`), each day's highest priorities first, `cap` a day.
// Inlined: called out of line, it grows the WebAssembly module by 1.4 KB
// gzipped.
#[inline(always)]
fn schedule(
    items: &[RawItem],
    priorities: &[Option<f64>],
    due: &[Instant],
    cap: usize,
    zone: Zone,
    from_day: Option<NaiveDate>,
) -> Vec<Planned> {
    let day_of = |t: Instant| -> NaiveDate {
        let d = zone.date(t);
        from_day.map_or(d, |f| f.max(d))
    };
    // By due day, then input order: each day worked out once (a zone's
    // conversion in the comparison would be repeated n log n times and
    // inlined into the sort).
    // Sorted as one `u64` a key (the day's number with its sign bit
    // flipped, then the index): the Worklist's sort of the slots an upsert
    // changed, not one more instance of a sort in the module.
    let days: Vec<NaiveDate> = due.iter().map(|&t| day_of(t)).collect();
    let mut keys: Vec<u64> = days
        .iter()
        .zip(0u32..)
        .map(|(d, i)| {
            (u64::from(chrono::Datelike::num_days_from_ce(d) as u32 ^ 1 << 31) << 32) | u64::from(i)
        })
        .collect();
    crate::sort::sort(&mut keys, |a, b| a > b);
    let order: Vec<(NaiveDate, usize)> = keys
        .iter()
        .filter_map(|&k| {
            let i = (k & u64::from(u32::MAX)) as usize;
            Some((*days.get(i)?, i))
        })
        .collect();
    let mut out: Vec<Planned> = Vec::with_capacity(items.len());
    let mut heap: BinaryHeap<Entry> = BinaryHeap::new();
    let mut k = 0;
    let mut day: Option<NaiveDate> = None;
    while k < order.len() || !heap.is_empty() {
        // Move to the next day that has work.
        let next_due = order.get(k).map(|&(d, _)| d);
        let Some(today) = next_day(day, heap.is_empty(), next_due) else {
            break;
        };
        day = Some(today);
        while let Some(&(d, i)) = order.get(k) {
            let (Some(p), Some(&t)) = (priorities.get(i), due.get(i)) else {
                break;
            };
            if d > today {
                break;
            }
            heap.push(Entry {
                priority: p.unwrap_or(0.0),
                due: t,
                index: i,
            });
            k += 1;
        }
        for rank in 1..=cap {
            let Some(e) = heap.pop() else { break };
            let Some(it) = items.get(e.index) else {
                continue;
            };
            out.push(Planned {
                // The id as a contact's is read: without invisible edges.
                id: match &it.id {
                    Some(serde_json::Value::String(s)) => {
                        serde_json::Value::String(crate::read::invisible_trimmed(s).to_owned())
                    }
                    Some(v) => v.clone(),
                    None => serde_json::Value::Null,
                },
                priority: e.priority,
                due_at: zone.format(e.due),
                planned_for: today.to_string(),
                deferred_days: (today - day_of(e.due)).num_days(),
                rank,
            });
        }
    }
    out
}

/// The next day that has work after `day` (`None` before the first): the
/// day after it while items wait, else the next item's due day.
#[inline]
fn next_day(
    day: Option<NaiveDate>,
    none_wait: bool,
    next_due: Option<NaiveDate>,
) -> Option<NaiveDate> {
    Some(match (day, none_wait, next_due) {
        (Some(d), false, _) => d.succ_opt().unwrap_or(d),
        // Nothing waits: jump to the next item's day. Every item of `day`
        // or before was taken in, so that day is after `day`.
        (_, true, Some(n)) => n,
        (None, false, _) => next_due.unwrap_or_default(),
        (Some(d), true, None) => d,
        (None, true, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(items: serde_json::Value, opts: serde_json::Value) -> Vec<Planned> {
        plan_queue(&items, &opts).unwrap_or_default()
    }

    #[test]
    fn lowest_priority_deferred_first() {
        let out = run(
            json!([
                {"id": "a", "priority": 1, "dueAt": "2026-11-02T09:00:00Z"},
                {"id": "b", "priority": 5, "dueAt": "2026-11-02T10:00:00Z"},
                {"id": "c", "priority": 3, "dueAt": "2026-11-02T11:00:00Z"},
                {"id": "d", "priority": 9, "dueAt": "2026-11-04T11:00:00Z"}
            ]),
            json!({"capacityPerDay": 2, "timeZone": "UTC"}),
        );
        let got: Vec<(String, String, i64)> = out
            .iter()
            .map(|p| {
                (
                    p.id.as_str().unwrap_or("").to_string(),
                    p.planned_for.clone(),
                    p.deferred_days,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("b".into(), "2026-11-02".into(), 0),
                ("c".into(), "2026-11-02".into(), 0),
                ("a".into(), "2026-11-03".into(), 1),
                ("d".into(), "2026-11-04".into(), 0),
            ]
        );
    }
}
