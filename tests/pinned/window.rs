//! Contact windows read from the local clock (src/window/hours.rs, `Hours::contains`):
//! away from clock changes the hours answer from the weekday and minute of a
//! time, without working out the window's intervals. That reading must agree
//! with the intervals themselves (`Window::contains`), which the golden cases
//! pin: a block holds `[from, to)` local time on its days, and the part of a
//! block past midnight belongs to the day it starts on (docs/semantics.md,
//! "Windows").

use cadence_engine::time::{Instant, Zone};
use cadence_engine::window::{Block, Hours, HoursKind, Window};

const MINUTE: i64 = 60_000;

/// A window of three blocks: Friday 22:00–02:00 (past midnight), Tuesday
/// 00:00–08:00 (from midnight), Monday to Thursday 09:00–17:00.
fn window() -> Window {
    let only = |d: usize| {
        let mut days = [false; 7];
        if let Some(x) = days.get_mut(d) {
            *x = true;
        }
        days
    };
    Window {
        blocks: vec![
            Block::new(only(4), 22 * 60, 2 * 60),
            Block::new(only(1), 0, 8 * 60),
            Block::new(
                [true, true, true, true, false, false, false],
                9 * 60,
                17 * 60,
            ),
        ],
    }
}

fn hours(zone: Zone) -> Hours {
    Hours::new(vec![window()], vec![HoursKind::Custom], vec![zone])
}

fn at(text: &str) -> Instant {
    Instant::parse(text).expect("a time")
}

#[test]
fn the_local_clock_reading_of_a_block_past_midnight() {
    let zone = Zone::parse("America/New_York").expect("a zone");
    let h = hours(zone);
    // Friday's block holds early Saturday, not early Friday.
    assert!(h.contains(at("2026-11-14T01:00:00-05:00")), "Sat 01:00");
    assert!(!h.contains(at("2026-11-13T01:00:00-05:00")), "Fri 01:00");
    assert!(h.contains(at("2026-11-13T23:59:00-05:00")), "Fri 23:59");
    assert!(!h.contains(at("2026-11-14T02:00:00-05:00")), "Sat 02:00");
    // Tuesday's block holds from its first second.
    assert!(h.contains(at("2026-11-10T00:00:30-05:00")), "Tue 00:00:30");
    assert!(!h.contains(at("2026-11-09T23:59:30-05:00")), "Mon 23:59:30");
    assert!(!h.contains(at("2026-11-10T08:00:00-05:00")), "Tue 08:00");
}

/// Every few minutes for three weeks, and the first minute of every day, in
/// zones behind and ahead of UTC (none changes its clock in these weeks): the
/// hours hold a time exactly when the window's intervals do.
#[test]
fn the_local_clock_reading_agrees_with_the_intervals() {
    for name in ["America/New_York", "Asia/Tokyo", "Asia/Kolkata", "UTC"] {
        let zone = Zone::parse(name).expect("a zone");
        let h = hours(zone);
        let w = window();
        let start = at("2026-11-08T00:00:00Z").ms();
        let every_few_minutes =
            (0..21 * 24 * 60 / 7).map(|k| start + k * 7 * MINUTE + k % 60 * 1000);
        let offset = i64::from(zone.offset_at(at("2026-11-08T00:00:00Z"))) * 1000;
        let first_minutes = (0..21).flat_map(|d| {
            let midnight = start + d * 1440 * MINUTE - offset;
            [midnight, midnight + 30_000, midnight + 59_999, midnight - 1]
        });
        for ms in every_few_minutes.chain(first_minutes) {
            let t = Instant::from_ms(ms).expect("in range");
            assert_eq!(
                h.contains(t),
                w.contains(zone, t),
                "{name} {}",
                zone.format(t)
            );
        }
    }
}
