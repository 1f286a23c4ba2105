//! Measures the reply classifier on the labelled corpus in `tests/replies/`:
//! recall of opt-outs, false opt-outs among other replies, and whether an
//! opt-out revokes the right channels — by set (keyword, phrase, ordinary) and
//! split (tune, holdout). Fails when the tune split misses its targets.
//!
//! The holdout split was written before the rules were tuned and is never
//! tuned on: its figures are printed as they come out, and only the tune
//! split's misses are listed (set `REPLIES_SHOW_HOLDOUT=1` to list holdout misses).
//!
//! `tests/replies/classified.json` records what the classifier answers for every
//! reply; this test fails when an answer changes (`REPLIES_BLESS=1` rewrites the
//! file after a deliberate change), and `tests/js/replies.test.mjs` checks that
//! the built package answers the same.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::Instant;

use cadence_engine::model::MessageChannel;
use cadence_engine::reply::{classify_on, Classification, Intent};
use serde_json::Value;

const FILES: [&str; 2] = ["tune.jsonl", "holdout.jsonl"];

struct Row {
    text: String,
    channel: MessageChannel,
    intent: String,
    channels: Vec<String>,
    set: String,
    split: String,
}

fn load(file: &str) -> Result<Vec<Row>, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/replies")
        .join(file);
    let text = fs::read_to_string(&path).unwrap_or_default();
    let mut rows = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", n + 1))?;
        let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let channel = match s("channel").as_str() {
            "" | "sms" => MessageChannel::Sms,
            "email" => MessageChannel::Email,
            other => return Err(format!("{file}:{}: channel {other}", n + 1)),
        };
        let channels = v
            .get("channels")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|c| c.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let row = Row {
            text: s("text"),
            channel,
            intent: s("intent"),
            channels,
            set: s("set"),
            split: s("split"),
        };
        assert!(
            ["optOut", "optIn", "help", "none"].contains(&row.intent.as_str()),
            "{file}:{}: intent",
            n + 1
        );
        assert!(
            ["keyword", "phrase", "ordinary"].contains(&row.set.as_str()),
            "{file}:{}: set",
            n + 1
        );
        assert_eq!(
            row.split,
            file.trim_end_matches(".jsonl"),
            "{file}:{}: split",
            n + 1
        );
        assert_eq!(
            row.intent == "optOut",
            !row.channels.is_empty(),
            "{file}:{}: channels",
            n + 1
        );
        rows.push(row);
    }
    Ok(rows)
}

fn intent_str(i: Intent) -> &'static str {
    match i {
        Intent::OptOut => "optOut",
        Intent::OptIn => "optIn",
        Intent::Help => "help",
        Intent::None => "none",
    }
}

/// The answer as one short string: `none`, `help`, `optOut:sms+call`.
fn answer(c: &Classification) -> String {
    if c.intent == Intent::OptOut {
        let ch: Vec<&str> = c.channels.iter().map(|c| c.as_str()).collect();
        format!("optOut:{}", ch.join("+"))
    } else {
        intent_str(c.intent).to_string()
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    replies: usize,
    opt_outs: usize,
    found: usize,
    channels_right: usize,
    others: usize,
    false_opt_outs: usize,
    intent_right: usize,
}

/// `a/b (p%)`.
fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        format!("{a}/{b} (—)")
    } else {
        format!("{a}/{b} ({:.1}%)", 100.0 * a as f64 / b as f64)
    }
}

#[test]
fn reply_corpus() -> Result<(), String> {
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut answers: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let show_holdout = std::env::var_os("REPLIES_SHOW_HOLDOUT").is_some();
    let mut all: Vec<(String, MessageChannel)> = Vec::new();
    for file in FILES {
        let rows = load(file)?;
        assert!(!rows.is_empty(), "{file} is empty");
        for r in &rows {
            let c = classify_on(&r.text, r.channel);
            answers
                .entry(file.to_string())
                .or_default()
                .push(answer(&c));
            all.push((r.text.clone(), r.channel));
            let got: Vec<&str> = c.channels.iter().map(|c| c.as_str()).collect();
            let is_out = c.intent == Intent::OptOut;
            for key in [
                (r.split.clone(), r.set.clone()),
                (r.split.clone(), "all".to_string()),
            ] {
                let t = tallies.entry(key).or_default();
                t.replies += 1;
                t.intent_right += usize::from(intent_str(c.intent) == r.intent);
                if r.intent == "optOut" {
                    t.opt_outs += 1;
                    t.found += usize::from(is_out);
                    t.channels_right += usize::from(is_out && got == r.channels);
                } else {
                    t.others += 1;
                    t.false_opt_outs += usize::from(is_out);
                }
            }
            let wrong = intent_str(c.intent) != r.intent || (is_out && got != r.channels);
            if wrong && (r.split == "tune" || show_holdout) {
                misses.push(format!(
                    "  [{} {}] {:?}{} → {} (want {}{})",
                    r.split,
                    r.set,
                    r.text,
                    if r.channel == MessageChannel::Email {
                        " by email"
                    } else {
                        ""
                    },
                    answer(&c),
                    r.intent,
                    if r.channels.is_empty() {
                        String::new()
                    } else {
                        format!(":{}", r.channels.join("+"))
                    }
                ));
            }
        }
    }

    println!("\n| split | set | replies | opt-outs found | false opt-outs | channels right | intent right |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for ((split, set), t) in &tallies {
        println!(
            "| {split} | {set} | {} | {} | {} | {} | {} |",
            t.replies,
            ratio(t.found, t.opt_outs),
            ratio(t.false_opt_outs, t.others),
            ratio(t.channels_right, t.found),
            ratio(t.intent_right, t.replies),
        );
    }
    if !misses.is_empty() {
        println!("\nmisclassified ({}):", misses.len());
        for m in &misses {
            println!("{m}");
        }
    }

    // Speed: every reply of the corpus, several rounds (no assertion on it).
    let rounds = 20;
    let start = Instant::now();
    for _ in 0..rounds {
        for (text, ch) in &all {
            std::hint::black_box(classify_on(std::hint::black_box(text), *ch));
        }
    }
    let us = start.elapsed().as_secs_f64() * 1e6 / (rounds * all.len()) as f64;
    println!(
        "\n{us:.2} µs per reply over {} replies ({} build)",
        all.len(),
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );

    // Answers as recorded.
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/replies/classified.json");
    let now = serde_json::to_string_pretty(&answers).unwrap_or_default() + "\n";
    if std::env::var_os("REPLIES_BLESS").is_some() {
        fs::write(&snapshot, &now).map_err(|e| format!("writing {}: {e}", snapshot.display()))?;
    } else {
        let was: BTreeMap<String, Vec<String>> =
            serde_json::from_str(&fs::read_to_string(&snapshot).unwrap_or_default())
                .unwrap_or_default();
        let mut changed = Vec::new();
        for (file, list) in &answers {
            let old = was.get(file).cloned().unwrap_or_default();
            assert_eq!(
                old.len(),
                list.len(),
                "{file}: the corpus changed; bless tests/replies/classified.json"
            );
            for (i, (a, b)) in old.iter().zip(list).enumerate() {
                if a != b {
                    changed.push(format!("  {file}:{}: {a} → {b}", i + 1));
                }
            }
        }
        assert!(
            changed.is_empty(),
            "answers changed (REPLIES_BLESS=1 records them):\n{}",
            changed.join("\n")
        );
    }

    // Targets, on the tune split only.
    let get = |set: &str| {
        tallies
            .get(&("tune".to_string(), set.to_string()))
            .copied()
            .unwrap_or_default()
    };
    let (k, p, o) = (get("keyword"), get("phrase"), get("ordinary"));
    let mut failed = Vec::new();
    if k.intent_right != k.replies || k.channels_right != k.opt_outs {
        failed.push("keyword set: every keyword, with its channels, must be read");
    }
    if (p.found as f64) < 0.98 * p.opt_outs as f64 {
        failed.push("phrase set: recall below 98%");
    }
    if (p.channels_right as f64) < 0.98 * p.found as f64 {
        failed.push("phrase set: channels right for fewer than 98% of the opt-outs found");
    }
    if o.false_opt_outs as f64 > 0.01 * o.others as f64 {
        failed.push("ordinary set: more than 1% read as opt-outs");
    }
    assert!(
        failed.is_empty(),
        "tune split misses its targets: {failed:?}"
    );
    Ok(())
}
