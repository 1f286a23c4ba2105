//! Runs every golden case in `tests/cases/*.json` against the native engine.
//! The JS tests run the same files against the built package.

use std::fs;
use std::path::Path;

mod cases_runner;

use cases_runner::run;
use serde_json::Value;

/// Deep partial match: every key of `want` must match in `got`; arrays match
/// element by element and must be of the same length; `"<absent>"` means the key
/// must be missing; `{"<contains>": [...]}` means `got` is an array holding
/// each listed item, in any order (a string as part of one of its strings,
/// anything else as a partial match of one of its elements) — for `explain`,
/// whose other lines a case need not list.
fn matches(want: &Value, got: Option<&Value>, path: &str, out: &mut Vec<String>) {
    match (want, got) {
        (Value::String(s), None) if s == "<absent>" => {}
        (Value::String(s), Some(g)) if s == "<absent>" => {
            out.push(format!("{path}: expected absent, got {g}"))
        }
        (_, None) => out.push(format!("{path}: missing, expected {want}")),
        (Value::Object(w), Some(g)) if w.len() == 1 && w.contains_key(CONTAINS) => {
            contains_each(w.get(CONTAINS).unwrap_or(&Value::Null), g, path, out)
        }
        (Value::Object(w), Some(Value::Object(g))) => {
            for (k, v) in w {
                matches(v, g.get(k), &format!("{path}.{k}"), out);
            }
        }
        (Value::Array(w), Some(Value::Array(g))) => {
            if w.len() != g.len() {
                out.push(format!(
                    "{path}: expected {} items, got {}: {}",
                    w.len(),
                    g.len(),
                    Value::Array(g.clone())
                ));
                return;
            }
            for (i, (a, b)) in w.iter().zip(g).enumerate() {
                matches(a, Some(b), &format!("{path}[{i}]"), out);
            }
        }
        (Value::Number(a), Some(Value::Number(b))) => {
            if a.as_f64() != b.as_f64() {
                out.push(format!("{path}: expected {a}, got {b}"));
            }
        }
        (w, Some(g)) => {
            if w != g {
                out.push(format!("{path}: expected {w}, got {g}"));
            }
        }
    }
}

const CONTAINS: &str = "<contains>";

fn contains_each(items: &Value, got: &Value, path: &str, out: &mut Vec<String>) {
    let (Value::Array(items), Value::Array(lines)) = (items, got) else {
        out.push(format!(
            "{path}: {CONTAINS} takes a list and matches an array, got {got}"
        ));
        return;
    };
    for item in items {
        let found = lines.iter().any(|line| match (item, line) {
            (Value::String(part), Value::String(line)) => line.contains(part.as_str()),
            _ => {
                let mut errs = Vec::new();
                matches(item, Some(line), path, &mut errs);
                errs.is_empty()
            }
        });
        if !found {
            out.push(format!("{path}: no item holds {item}; got {got}"));
        }
    }
}

#[test]
fn golden_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    // GOLDEN_FILTER=consent runs only the files whose name contains it.
    if let Ok(f) = std::env::var("GOLDEN_FILTER") {
        files.retain(|p| p.to_string_lossy().contains(&f));
    }
    files.sort();
    let mut failures = Vec::new();
    let mut total = 0;
    for file in &files {
        let text = match fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{}: unreadable: {e}", file.display()));
                continue;
            }
        };
        let doc: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{}: not JSON: {e}", file.display()));
                continue;
            }
        };
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let Some(cases) = doc.get("cases").and_then(Value::as_array).cloned() else {
            failures.push(format!("{name}: expected {{\"cases\": [...]}}"));
            continue;
        };
        if cases.is_empty() {
            failures.push(format!("{name}: no cases"));
        }
        let mut seen = std::collections::HashSet::new();
        for case in &cases {
            total += 1;
            let Some(cname) = case.get("name").and_then(Value::as_str) else {
                failures.push(format!("{name}: a case without a name: {case}"));
                continue;
            };
            if !seen.insert(cname.to_string()) {
                failures.push(format!("{name} / {cname}: duplicate case name"));
            }
            let mut out = Vec::new();
            match (run(case), case.get("error")) {
                (Ok(v), None) => matches(
                    case.get("expect").unwrap_or(&Value::Null),
                    Some(&v),
                    "",
                    &mut out,
                ),
                (Ok(v), Some(e)) => out.push(format!("expected error {e}, got {v}")),
                (Err(err), Some(Value::String(want))) => {
                    if !err.to_string().contains(want.as_str()) {
                        out.push(format!("expected error containing {want:?}, got {err}"));
                    }
                }
                (Err(err), _) => out.push(format!("unexpected error: {err}")),
            }
            if case.get("expect").is_none() && case.get("error").is_none() {
                out.push("a case must have `expect` or `error`".into());
            }
            for o in out {
                failures.push(format!("{name} / {cname}: {o}"));
            }
        }
        println!("{name}: {} cases", cases.len());
    }
    println!("{total} golden cases in {} files", files.len());
    assert!(total > 0, "no golden cases found");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every golden case docs/semantics.md cites (`file.json / case name`) exists,
/// and every test it cites (`tests/file / test name`) is in that file: a rule
/// whose case was renamed or removed shows here, not as a dangling citation.
#[test]
fn semantics_cites_cases_that_exist() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let doc = fs::read_to_string(root.join("docs/semantics.md")).unwrap_or_default();
    let mut cited = 0;
    let mut missing = Vec::new();
    for span in doc.split('`').skip(1).step_by(2) {
        let span = span.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some((file, name)) = span.split_once(" / ") else {
            continue;
        };
        let names: Vec<String> = if file.ends_with(".json") && !file.contains('/') {
            let text = fs::read_to_string(root.join("tests/cases").join(file)).unwrap_or_default();
            serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|d| d.get("cases").and_then(Value::as_array).cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(|c| c.get("name").and_then(Value::as_str).map(String::from))
                .collect()
        } else if file.starts_with("tests/") {
            let text = fs::read_to_string(root.join(file)).unwrap_or_default();
            if text.contains(name) {
                vec![name.to_string()]
            } else {
                Vec::new()
            }
        } else {
            continue;
        };
        cited += 1;
        if !names.iter().any(|n| n == name) {
            missing.push(span);
        }
    }
    println!("{cited} citations in docs/semantics.md");
    assert!(
        cited > 100,
        "only {cited} citations found in docs/semantics.md"
    );
    assert!(
        missing.is_empty(),
        "{} citations name no case:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
