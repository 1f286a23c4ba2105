//! Arbitrary text (lossy UTF-8) → the one-pass batch reader `read::contacts`,
//! under a preset and under a preset given a zone and extra keywords (local
//! date-times and customers' replies then read differently). Besides "no panic",
//! it must read the batch exactly as its outline does: `array_elements`, then
//! `read::contact` on each element's text on its own, gives the same ranges
//! and the same contacts or error messages; when the one-pass reader says the
//! text is not an array of values, `array_elements` fails with the same error.
//! Every range lies within the text, on character boundaries, in order.
#![no_main]

use std::ops::Range;
use std::sync::OnceLock;

use cadence_engine::{read, Playbook};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};

/// The contact or error of one element, in words (as the reader's unit test
/// compares them).
type Item = (Range<usize>, std::result::Result<String, String>);

fn words(
    c: cadence_engine::Result<cadence_engine::Contact>,
) -> std::result::Result<String, String> {
    c.map(|c| format!("{c:?}")).map_err(|e| e.to_string())
}

/// The batch read element by element from its outline.
fn by_ranges(text: &str, pb: &Playbook) -> std::result::Result<Vec<Item>, String> {
    let ranges = read::array_elements(text).map_err(|e| e.to_string())?;
    Ok(ranges
        .into_iter()
        .map(|r| {
            let c = read::contact(text.get(r.clone()).unwrap_or(""), pb);
            (r, words(c))
        })
        .collect())
}

/// The batch read in one pass; an `Err` must be the last item.
fn in_one_pass(text: &str, pb: &Playbook) -> std::result::Result<Vec<Item>, String> {
    let mut it = read::contacts(text, pb);
    let mut out = Vec::new();
    while let Some(item) = it.next() {
        match item {
            Ok((r, c)) => out.push((r, words(c))),
            Err(e) => {
                assert!(it.next().is_none(), "an item after the batch's error");
                return Err(e.to_string());
            }
        }
    }
    Ok(out)
}

/// A preset as it is (the presets have no zone nor keywords, so they all
/// read contacts alike), and one given a zone and extra keywords.
fn playbooks() -> &'static [Playbook] {
    static PBS: OnceLock<Vec<Playbook>> = OnceLock::new();
    PBS.get_or_init(|| {
        let preset = |name| {
            cadence_engine::preset_json(name)
                .and_then(|t| serde_json::from_str::<Value>(t).ok())
                .unwrap_or(Value::Null)
        };
        let mut zoned = preset("call-ladder");
        if let Some(o) = zoned.as_object_mut() {
            o.insert("timeZone".into(), json!("America/New_York"));
            o.insert(
                "keywords".into(),
                json!({"optOut": ["BAJA"], "optIn": ["ALTA"], "help": ["AYUDA"]}),
            );
        }
        let out: Vec<Playbook> = [preset("monthly-campaign"), zoned]
            .iter()
            .filter_map(|v| Playbook::from_json(&v.to_string()).ok())
            .collect();
        assert_eq!(out.len(), 2, "the playbooks did not read");
        out
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    for pb in playbooks() {
        let got = in_one_pass(text, pb);
        let want = by_ranges(text, pb);
        assert_eq!(got, want, "the one-pass reader and the outline disagree");
        let Ok(items) = got else { continue };
        let mut end = 0;
        for (r, _) in &items {
            assert!(
                end <= r.start && r.start < r.end && r.end <= text.len(),
                "range {r:?} after {end} in {} bytes",
                text.len()
            );
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "range {r:?} not on character boundaries"
            );
            end = r.end;
        }
    }
});
