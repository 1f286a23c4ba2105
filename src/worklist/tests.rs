use super::*;
use crate::model::Channel;
use crate::status::Status;

fn playbook() -> Playbook {
    Playbook::from_json(crate::preset_json("monthly-campaign").unwrap_or("")).unwrap_or_else(|_| {
        Playbook::from_json(r#"{"name":"x"}"#).unwrap_or_else(|_| unreachable_pb())
    })
}

#[allow(clippy::panic)]
fn unreachable_pb() -> Playbook {
    panic!("no playbook")
}

fn contact(id: &str, events: &str) -> Contact {
    contact_in(id, "America/New_York", events)
}

fn contact_in(id: &str, zone: &str, events: &str) -> Contact {
    let text = format!(
        r#"{{"id":"{id}","name":"N {id}","timeZone":"{zone}","addedAt":"2026-10-20T15:00:00Z","events":[{events}]}}"#
    );
    crate::input::contact_from_json(&text).unwrap_or_else(|e| {
        #[allow(clippy::panic)]
        {
            panic!("{e}")
        }
    })
}

fn at(s: &str) -> Instant {
    Instant::parse(s).unwrap_or(Instant(0))
}

const OUT: &str =
    r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#;
const IN: &str =
    r#"{"kind":"message","at":"2026-11-03T14:00:00Z","channel":"sms","direction":"in"}"#;

fn sample() -> Vec<Contact> {
    sample_of(60)
}

fn sample_of(n: usize) -> Vec<Contact> {
    (0..n)
        .map(|i| {
            let ev = match i % 3 {
                0 => String::new(),
                1 => OUT.to_string(),
                _ => format!("{OUT},{IN}"),
            };
            contact(&format!("c{i}"), &ev)
        })
        .collect()
}

/// The order and counts a plain scan over full evaluations gives.
fn check_against_scan(w: &Worklist) {
    let now = w.now.unwrap_or(Instant(0));
    let mut evs: Vec<Evaluation> = w
        .contacts
        .iter()
        .map(|c| crate::evaluate::evaluate(c, &w.playbook, now))
        .collect();
    evs.sort_by(|a, b| {
        let k = |e: &Evaluation| {
            (
                e.next.as_ref().is_some_and(|n| n.due),
                e.next.is_some(),
                e.priority,
                e.next.as_ref().is_some_and(|n| n.overdue),
                e.due_ms.map_or(i64::MAX, |t| t.0),
            )
        };
        let (da, na, pa, oa, ta) = k(a);
        let (db, nb, pb, ob, tb) = k(b);
        db.cmp(&da)
            .then(nb.cmp(&na))
            .then(pb.total_cmp(&pa))
            .then(ob.cmp(&oa))
            .then(ta.cmp(&tb))
            .then_with(|| a.id.text().cmp(&b.id.text()))
    });
    let want: Vec<String> = evs.iter().map(|e| e.id.text()).collect();
    let got: Vec<String> = w
        .query(&Filter::default())
        .iter()
        .map(|i| i.text())
        .collect();
    assert_eq!(got, want);
    let f = w.facets(&Filter::default());
    assert_eq!(f.status.values().sum::<u32>() as usize, w.len());
    assert_eq!(f.next.values().sum::<u32>() as usize, w.len());
    for (s, n) in &f.status {
        let st = Status::ALL.iter().find(|x| x.id() == *s).copied();
        let q = w.query(&Filter {
            status: st.map(|s| vec![s]),
            ..Filter::default()
        });
        assert_eq!(q.len() as u32, *n, "{s}");
    }
    for (l, n) in &f.next {
        let q = w.query(&Filter {
            next: Some(vec![l.clone()]),
            ..Filter::default()
        });
        assert_eq!(q.len() as u32, *n, "{l}");
    }
    // Which contacts each channel is allowed for, as full evaluations say.
    for c in Channel::ALL {
        let mut want: Vec<String> = evs
            .iter()
            .filter(|e| e.channels.get(c).allowed)
            .map(|e| e.id.text())
            .collect();
        let mut got: Vec<String> = w
            .query(&Filter {
                allowed: Some(vec![c]),
                ..Filter::default()
            })
            .iter()
            .map(|i| i.text())
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "allowed: {c:?}");
    }
}

#[test]
fn keys_order_and_counts_match_full_evaluations() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    let up = w.upsert(sample());
    assert_eq!(up.added, 60);
    check_against_scan(&w);
    let again = w.upsert(sample());
    assert_eq!(again.unchanged, 60);
    // Forward, backward, and forward again.
    for t in [
        "2026-11-12T15:01:00Z",
        "2026-11-21T13:00:00Z",
        "2026-11-02T03:00:00Z",
        "2026-12-01T15:00:00Z",
    ] {
        w.refresh(at(t));
        check_against_scan(&w);
    }
}

#[test]
fn forward_refresh_touches_only_stale_contacts() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    w.upsert(sample());
    assert_eq!(w.refresh(at("2026-11-12T15:00:00.001Z")), 0);
    assert_eq!(w.refresh(at("2026-11-02T15:00:00Z")), 60);
}

/// A contact with nothing due for days changes only as its window opens and
/// closes: a refresh gives it its place's answer (New York's, or Los
/// Angeles' for a contact there) without evaluating it, and
/// what is kept is what `evaluate` says, `validUntil` included. A contact
/// under a texting DND and one whose cap binds are evaluated as before.
#[test]
fn a_turn_of_the_window_alone_is_followed_without_evaluation() {
    let pb = Playbook::from_json(r#"{"name":"quiet","region":"US-OK"}"#)
        .unwrap_or_else(|_| unreachable_pb());
    let calls = |day: &str| {
        (0..3)
            .map(|h| {
                format!(
                    r#"{{"kind":"activity","at":"{day}T1{h}:00:00Z","interaction":"call","outcome":"noAnswer"}}"#
                )
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let start = at("2026-11-12T15:00:00Z");
    let mut w = Worklist::new(pb.clone(), Some(start));
    w.upsert(vec![
        contact("open", ""),
        contact(
            "dnd",
            r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"in","text":"STOP"}"#,
        ),
        contact("capped", &calls("2026-11-12")),
        contact_in("west", "America/Los_Angeles", ""),
    ]);
    let agree = |w: &Worklist| {
        for id in ["open", "dnd", "capped", "west"] {
            let s = w.index.get(&w.keys, id).map(|s| s as usize);
            let c = s.and_then(|s| w.contacts.get(s));
            assert!(c.is_some() && w.now.is_some(), "{id}");
            let (Some(c), Some(now)) = (c, w.now) else {
                continue;
            };
            let ev = crate::evaluate::evaluate(c, &w.playbook, now);
            let allowed: Vec<Channel> = Channel::ALL
                .into_iter()
                .filter(|c| ev.channels.get(*c).allowed)
                .collect();
            let kept = w.kept(id);
            assert_eq!(
                kept.as_ref().map(|k| &k.allowed),
                Some(&allowed),
                "{id} at {now:?}"
            );
            assert_eq!(
                kept.and_then(|k| k.valid_until),
                ev.valid_until.map(|v| v.at.0),
                "{id} at {now:?}"
            );
        }
    };
    agree(&w);
    let allowed_open = |w: &Worklist| w.kept("open").map(|k| k.allowed);
    assert_eq!(
        allowed_open(&w),
        Some(vec![Channel::Sms, Channel::Call, Channel::Email])
    );
    let texting = |w: &Worklist| w.kept("dnd").map(|k| k.texting_blocked);
    assert_eq!(texting(&w), Some(true));
    // 22:00 in New York: closed. Only the capped contact is evaluated: its
    // cap (three calls in 24 hours) still binds, so its answer was its own.
    assert_eq!(w.refresh(at("2026-11-13T03:00:00Z")), 1);
    agree(&w);
    assert_eq!(allowed_open(&w), Some(vec![Channel::Email]));
    // 19:00 in Los Angeles: a place of its own, open still.
    let allowed_west = |w: &Worklist| w.kept("west").map(|k| k.allowed);
    assert_eq!(
        allowed_west(&w),
        Some(vec![Channel::Sms, Channel::Call, Channel::Email])
    );
    // 10:00 the next morning: open again. The capped contact is evaluated
    // once more (its cap's clearing was its own change).
    assert_eq!(w.refresh(at("2026-11-13T15:00:00Z")), 1);
    assert_eq!(texting(&w), Some(true));
    agree(&w);
    assert_eq!(
        allowed_open(&w),
        Some(vec![Channel::Sms, Channel::Call, Channel::Email])
    );
}

/// Facets count exactly the contacts `query` lists, for a filter with a
/// status, a next label, text, and pairs of them (a slot that passes one
/// and not the other is not counted), over three chunks of 64 slots.
#[test]
fn facets_count_what_the_query_lists_for_labels_and_text() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    w.upsert(sample_of(150));
    let labels: Vec<String> = w.facets(&Filter::default()).next.into_keys().collect();
    assert!(labels.len() >= 2, "{labels:?}");
    let label = Some(labels.into_iter().take(1).collect::<Vec<_>>());
    let text = Some("c1".to_string());
    let all = w.facets(&Filter::default());
    let some = all
        .status
        .iter()
        .find(|(_, &n)| n > 0 && (n as usize) < w.len())
        .and_then(|(id, _)| Status::ALL.iter().find(|s| s.id() == *id).copied());
    assert!(some.is_some(), "{:?}", all.status);
    let status = some.map(|s| vec![s]);
    // Which parts each filter has: status, next label, text.
    let parts = [
        (true, false, false),
        (true, false, true),
        (true, true, false),
        (false, true, false),
        (false, false, true),
        (false, true, true),
    ];
    let filters = parts.map(|(with_status, with_label, with_text)| Filter {
        status: status.clone().filter(|_| with_status),
        next: label.clone().filter(|_| with_label),
        text: text.clone().filter(|_| with_text),
        ..Filter::default()
    });
    for f in filters {
        let listed = w.query(&f).len();
        assert!(listed > 0 && listed < w.len(), "{f:?}: {listed}");
        let counted = w.facets(&f).status.values().sum::<u32>() as usize;
        assert_eq!(counted, listed, "{f:?}");
    }
}

#[test]
fn remove_keeps_order_and_index() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    w.upsert(sample());
    let gone: Vec<String> = (0..60).step_by(7).map(|i| format!("c{i}")).collect();
    let r = w.remove(&gone);
    assert_eq!(r.removed, gone.len());
    assert_eq!(w.len(), 60 - gone.len());
    check_against_scan(&w);
    for id in &gone {
        assert!(w.get(id).is_none());
    }
    assert!(w.get("c1").is_some());
}

#[test]
fn last_duplicate_wins_and_text_filter() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    w.upsert(vec![contact("a", ""), contact("a", OUT)]);
    assert_eq!(w.len(), 1);
    assert_eq!(w.get("a").map(|e| e.status), Some(Status::NoSmsReply));
    let q = w.query(&Filter {
        text: Some("  N A ".into()),
        ..Filter::default()
    });
    assert_eq!(q.len(), 1);
}

/// The text column is made by the first query with text, and from then on
/// follows every add, replacement and removal: a text query answers as a
/// scan of the ids and names would, whichever came first.
#[test]
fn text_filter_follows_changes_made_before_and_after_the_first_search() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    let named = |id: &str, name: &str| {
        let mut c = contact(id, OUT);
        c.name = Some(name.into());
        c
    };
    let text = |t: &str| Filter {
        text: Some(t.into()),
        ..Filter::default()
    };
    let found = |w: &Worklist, t: &str| {
        let mut ids: Vec<String> = w.query(&text(t)).iter().map(|i| i.text()).collect();
        ids.sort();
        ids
    };
    w.upsert(vec![
        named("a", "Ann Lee"),
        named("b", "Bob Lee"),
        named("c", "Cy"),
    ]);
    w.remove(&["a".to_string()]);
    assert!(w.cols.search.get().is_none(), "made before any text query");
    assert_eq!(found(&w, "lee"), ["b"]);
    assert_eq!(w.cols.search.get().map(Vec::len), Some(2));
    // Once made: a new contact, a renamed one, a removal that moves the
    // last slot into the freed one.
    w.upsert(vec![named("d", "Dee Lee"), named("c", "Cy Lee")]);
    assert_eq!(found(&w, "lee"), ["b", "c", "d"]);
    w.remove(&["b".to_string()]);
    assert_eq!(found(&w, "lee"), ["c", "d"]);
    assert_eq!(found(&w, "DEE"), ["d"]);
    assert_eq!(w.facets(&text("lee")).status.values().sum::<u32>(), 2);
    assert_eq!(w.cols.search.get().map(Vec::len), Some(w.len()));
}

#[test]
fn nothing_listed_before_the_first_now() {
    let mut w = Worklist::new(playbook(), None);
    w.upsert(sample());
    assert!(w.query(&Filter::default()).is_empty());
    assert!(w.get("c1").is_none());
    w.refresh(at("2026-11-12T15:00:00Z"));
    check_against_scan(&w);
}

/// The search text is `str::to_lowercase` of the id and the name (blank
/// names left out), ASCII or not: a dotted capital I, a sharp s, accents, an
/// emoji; a final sigma as a sigma.
#[test]
fn search_text_is_the_lower_case_of_id_and_name() {
    let names = [
        None,
        Some("   "),
        Some("Ada LOVELACE"),
        Some("ΟΔΟΣ Σ"),
        Some("İstanbul"),
        Some("STRAßE"),
        Some("Zoë Ñandú"),
        Some("Ana 🙂 ANA"),
    ];
    for id in ["C-42", "ÉLAN-7", "abc"] {
        for name in names {
            let mut c = contact(id, "");
            c.name = name.map(Box::from);
            let plain = match name.filter(|n| !n.trim().is_empty()) {
                Some(n) => format!("{}\u{1}{}", id.to_lowercase(), n.to_lowercase()),
                None => format!("{}\u{1}", id.to_lowercase()),
            }
            .replace('\u{3C2}', "\u{3C3}");
            assert_eq!(
                &*search_text(&c, id, " - can't text"),
                plain.as_str(),
                "{id:?} {name:?}"
            );
        }
    }
}

/// Priorities sort by their rank as `f64::total_cmp` orders them: signed
/// zeros, the smallest subnormal, infinities and NaNs of either sign.
#[test]
fn priority_ranks_order_as_total_cmp() {
    let values = [
        f64::NEG_INFINITY,
        -1e300,
        -1.0,
        -f64::from_bits(1),
        -0.0,
        0.0,
        f64::from_bits(1),
        1.0,
        2.5,
        1e300,
        f64::INFINITY,
        f64::NAN,
        -f64::NAN,
    ];
    for a in values {
        for b in values {
            assert_eq!(
                order::total_order(a).cmp(&order::total_order(b)),
                a.total_cmp(&b),
                "{a:?} against {b:?}"
            );
        }
    }
}

/// Ids whose eight-byte prefixes differ order as the ids do, and equal
/// prefixes never order them the wrong way: shorter ids, NUL bytes, ids
/// equal up to the eighth byte or beyond, non-ASCII.
#[test]
fn id_prefixes_order_as_the_ids() {
    let ids = [
        "",
        "\0",
        "a",
        "a\0",
        "ab",
        "abcdefgh",
        "abcdefgh\0",
        "abcdefghi",
        "abcdefgz",
        "abcdefh",
        "b",
        "c10",
        "c2",
        "Ab",
        "é",
        "éa",
        "\u{7f}",
        "zzzzzzzzzz",
    ];
    let padded = |id: &str| {
        let mut b = [0u8; 8];
        b.iter_mut().zip(id.bytes()).for_each(|(x, c)| *x = c);
        b
    };
    for a in ids {
        for b in ids {
            let by_prefix = order::id_prefix(a).cmp(&order::id_prefix(b));
            if by_prefix.is_ne() {
                assert_eq!(by_prefix, a.cmp(b), "{a:?} against {b:?}");
            }
            // Ids apart in their first eight bytes are told apart by them.
            if padded(a) != padded(b) {
                assert!(by_prefix.is_ne(), "{a:?} against {b:?}");
            }
        }
    }
}

/// Under Oklahoma's cap (3 calls and texts in 24 hours), contacts with a
/// day's worth of touches and contacts with none, evaluated one after the
/// other into the columns: each answers for its own touches only.
#[test]
fn capped_contacts_count_their_own_touches() {
    let touch = |h: u32| {
        format!(
            r#"{{"kind":"message","at":"2026-11-12T{h:02}:00:00Z","channel":"sms","direction":"out"}}"#
        )
    };
    let busy = [touch(13), touch(14), touch(15)].join(",");
    let contacts: Vec<Contact> = (0..12)
        .map(|i| {
            let mut c = contact(&format!("ok{i}"), if i % 2 == 0 { &busy } else { "" });
            c.region = crate::region::Region::parse("US-OK").ok();
            c
        })
        .collect();
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T16:00:00Z")));
    w.upsert(contacts);
    check_against_scan(&w);
    let calls = w.query(&Filter {
        allowed: Some(vec![Channel::Call]),
        ..Filter::default()
    });
    assert_eq!(calls.len(), 6, "only the untouched may be called");
    w.refresh(at("2026-11-12T17:00:00Z"));
    check_against_scan(&w);
}

/// The buffer of touches lent to each evaluation is kept for the next one
/// (under a cap), but not once a long history has grown it past 1,024.
#[test]
fn the_buffer_of_touches_is_kept_up_to_its_bound() {
    let capped = |id: &str, n: usize| {
        let events: Vec<String> = (0..n)
            .map(|k| {
                let t = at("2026-10-01T00:00:00Z").plus(k as i64 * 60_000);
                format!(
                    r#"{{"kind":"message","at":"{}","channel":"sms","direction":"out"}}"#,
                    crate::time::Zone::UTC.format(t)
                )
            })
            .collect();
        let mut c = contact(id, &events.join(","));
        c.region = crate::region::Region::parse("US-OK").ok();
        c
    };
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T16:00:00Z")));
    w.upsert(vec![capped("a", 3), capped("b", 40)]);
    assert!(
        (40..=1024).contains(&w.lent.touches_capacity()),
        "{}",
        w.lent.touches_capacity()
    );
    w.upsert(vec![capped("long", 1100)]);
    assert!(
        w.lent.touches_capacity() <= 1024,
        "{}",
        w.lent.touches_capacity()
    );
}

/// The work order is put back by the first read after any run of changes:
/// small upserts, replacements, removals (of slots settled and of slots
/// added since) and refreshes, in any mix with no read between, give the
/// order a plain scan gives, and so does one change between two reads.
#[test]
fn the_order_read_after_a_run_of_changes_is_the_scans() {
    let reply = |id: &str| contact(id, &format!("{OUT},{IN}"));
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    // Settled once, then changed in small steps (few enough to be merged
    // into the order, not sorted with it).
    w.upsert(sample_of(100));
    check_against_scan(&w);
    for part in sample_of(120).chunks(7) {
        w.upsert(part.to_vec());
    }
    let gone = |ids: &[usize]| -> Vec<String> { ids.iter().map(|i| format!("c{i}")).collect() };
    // Slots settled (c3, c9) and added since the last read (c100, c119).
    assert_eq!(w.remove(&gone(&[3, 9, 100, 119])).removed, 4);
    w.upsert(vec![reply("c1"), reply("c4"), contact("c200", OUT)]);
    assert_eq!(w.remove(&gone(&[4, 200, 50])).removed, 3);
    w.refresh(at("2026-11-13T15:00:00Z"));
    assert_eq!(w.len(), 120 - 4 + 1 - 3);
    check_against_scan(&w);
    // Nothing can have changed at the same instant: nothing is re-evaluated.
    assert_eq!(w.refresh(at("2026-11-13T15:00:00Z")), 0);
    // One change at a time between reads: a replacement, an addition, a
    // removal that moves the last slot.
    w.upsert(vec![reply("c2")]);
    check_against_scan(&w);
    w.upsert(vec![contact("c300", "")]);
    check_against_scan(&w);
    assert_eq!(w.remove(&gone(&[5])).removed, 1);
    check_against_scan(&w);
    // Before a first `now` nothing is listed; the first refresh lists all.
    let mut later = Worklist::new(playbook(), None);
    for part in sample_of(40).chunks(9) {
        later.upsert(part.to_vec());
    }
    later.remove(&gone(&[0, 39]));
    assert!(later.query(&Filter::default()).is_empty());
    later.upsert(vec![reply("c7")]);
    later.refresh(at("2026-11-12T15:00:00Z"));
    check_against_scan(&later);
}

/// A refresh at exactly a contact's `validUntil` brings it on (its facts can
/// change at that instant): stepping from one `validUntil` to the next moves
/// it on each time, re-evaluating the contact where its history changes and
/// following the window where only the window turns.
#[test]
fn a_refresh_at_valid_until_itself_brings_the_contact_on() {
    let mut w = Worklist::new(playbook(), Some(at("2026-11-12T15:00:00Z")));
    w.upsert(vec![contact("a", OUT)]);
    let until = |w: &Worklist| w.kept("a").and_then(|k| k.valid_until);
    let mut evaluated = 0;
    // Till two history changes were reached (a window turns twice a day).
    for _ in 0..400 {
        let Some(v) = until(&w).filter(|&v| v < i64::MAX && evaluated < 2) else {
            break;
        };
        evaluated += w.refresh(Instant(v));
        assert!(until(&w) > Some(v), "validUntil stayed at {v}");
        let want = crate::evaluate::evaluate(&contact("a", OUT), &w.playbook, Instant(v));
        assert_eq!(until(&w), Some(want.valid_until_ms()));
    }
    assert!(evaluated > 0, "no history change was reached");
}

/// A window that never opens within the search from `now` ("nextAllowedAt:
/// null") holds so only until a later search could see it open: the kept
/// facts are re-evaluated then, as `evaluate` gives them. In 1866 Alaska kept
/// Russian time, a day ahead of the rest of the US: windows on Tuesdays and
/// Thursdays read in every US zone never met until its clock moved in
/// October 1867.
#[test]
fn a_window_never_open_within_the_search_is_searched_again() {
    let pb = Playbook::from_json(
        r#"{"name":"p","region":"US","window":[{"days":["tue","thu"],"from":"09:00","to":"17:00"}]}"#,
    )
    .unwrap_or_else(|_| unreachable_pb());
    let c = crate::input::contact_from_json(
        r#"{"id":"us","addedAt":"1866-01-01T12:00:00Z","events":[]}"#,
    )
    .unwrap_or_else(|e| {
        #[allow(clippy::panic)]
        {
            panic!("{e}")
        }
    });
    let mut w = Worklist::new(pb.clone(), Some(at("1866-09-01T12:00:00Z")));
    w.upsert(vec![c.clone()]);
    let never = evaluate(&c, &pb, at("1866-09-01T12:00:00Z"));
    assert_eq!(never.channels.call.next_allowed_at, None);
    let kept = w.kept("us").and_then(|k| k.valid_until);
    assert_eq!(kept, never.valid_until.map(|v| v.at.0));
    // 400 days before the first opening after Alaska's change.
    assert_eq!(kept, Some(at("1866-09-17T20:46:38Z").0));
    for now in [
        "1866-09-17T20:46:37Z",
        "1866-09-17T20:46:38Z",
        "1866-10-01T12:00:00Z",
    ] {
        w.refresh(at(now));
        let ev = evaluate(&c, &pb, at(now));
        assert_eq!(w.get("us").as_ref(), Some(&ev), "{now}");
        assert_eq!(
            w.kept("us").and_then(|k| k.valid_until),
            ev.valid_until.map(|v| v.at.0),
            "{now}"
        );
    }
    let found = w.get("us").and_then(|e| e.channels.call.next_allowed_at);
    assert_eq!(found.map(|s| s.at), Some(at("1867-10-22T20:46:38Z")));
}

/// A window that never opens keeps one `validUntil` from every `now` before
/// it (a fixed schedule, not a bound counted from `now`), so a refresh before
/// it leaves the kept facts as `evaluate` gives them.
#[test]
fn a_window_that_never_opens_keeps_one_valid_until() {
    let pb = Playbook::from_json(
        r#"{"name":"p","region":"US","window":[{"from":"22:00","to":"23:00"}]}"#,
    )
    .unwrap_or_else(|_| unreachable_pb());
    let c = contact("ny", "");
    let mut w = Worklist::new(pb.clone(), Some(at("2026-11-12T15:00:00Z")));
    w.upsert(vec![c.clone()]);
    w.refresh(at("2026-12-13T00:00:00Z"));
    assert_eq!(
        w.kept("ny").and_then(|k| k.valid_until),
        Some(at("2028-01-17T00:00:00Z").0)
    );
    for now in [
        "2026-11-12T15:00:00Z",
        "2026-12-01T00:00:00Z",
        "2026-12-12T23:59:59.999Z",
        "2026-12-13T00:00:00Z",
        // The end of the range: no instant after it to search again at.
        "9999-12-31T23:59:59.999Z",
    ] {
        w.refresh(at(now));
        let ev = evaluate(&c, &pb, at(now));
        assert_eq!(ev.channels.call.next_allowed_at, None, "{now}");
        assert_eq!(w.get("ny").as_ref(), Some(&ev), "{now}");
        assert_eq!(
            w.kept("ny").and_then(|k| k.valid_until),
            ev.valid_until.map(|v| v.at.0),
            "{now}"
        );
    }
    assert_eq!(w.kept("ny").and_then(|k| k.valid_until), None);
}

#[test]
fn an_overdue_reply_comes_before_a_waiting_attempt_and_nothing_to_do_comes_last() {
    // `fresh` owes its 1st Attempt since 1 November; `waiting` owes a reply
    // whose deadline (its due time) passed on the 4th; `sold` (priority 9)
    // has nothing to do; `later` has a callback to come.
    let mut sold = contact(
        "sold",
        r#"{"kind":"activity","at":"2026-11-03T15:00:00Z","interaction":"call","outcome":"sold"}"#,
    );
    sold.priority = Some(9.0);
    let list = vec![
        contact("fresh", ""),
        contact(
            "waiting",
            r#"{"kind":"message","at":"2026-11-02T15:00:00Z","channel":"sms","direction":"out"},
               {"kind":"message","at":"2026-11-03T15:00:00Z","channel":"sms","direction":"in","text":"Yes, how much?"}"#,
        ),
        sold,
        contact(
            "later",
            r#"{"kind":"activity","at":"2026-11-04T15:00:00Z","interaction":"call","outcome":"connected"},
               {"kind":"callback","at":"2026-11-04T15:01:00Z","dueAt":"2026-11-06T15:00:00Z"}"#,
        ),
    ];
    let mut w = Worklist::new(playbook(), Some(at("2026-11-05T15:00:00Z")));
    w.upsert(list);
    let got: Vec<String> = w
        .query(&Filter::default())
        .iter()
        .map(|i| i.text())
        .collect();
    assert_eq!(got, ["waiting", "fresh", "later", "sold"]);
    check_against_scan(&w);
}
