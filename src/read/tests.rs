#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::*;
use crate::error::ErrorCode;
use crate::model::{ContactId, EventBody};
use crate::time::Zone;

/// A batch read element by element from its outline, as words: what
/// the one-pass reader must give.
fn by_ranges(text: &str, pb: &Playbook) -> std::result::Result<Vec<String>, String> {
    let ranges = array_elements(text).map_err(|e| e.message)?;
    Ok(ranges
        .into_iter()
        .map(|r| {
            let c = contact(&text[r.clone()], pb);
            format!("{r:?} {:?}", c.map_err(|e| e.to_string()))
        })
        .collect())
}

fn in_one_pass(text: &str, pb: &Playbook) -> std::result::Result<Vec<String>, String> {
    contacts(text, pb)
        .map(|item| {
            item.map(|(r, c)| format!("{r:?} {:?}", c.map_err(|e| e.to_string())))
                .map_err(|e| e.message)
        })
        .collect()
}

#[test]
fn one_pass_reads_a_batch_as_its_outline_does() {
    let pb = Playbook::from_json(crate::preset_json("monthly-campaign").unwrap()).unwrap();
    let good = r#"{"id":"a","addedAt":"2026-11-01T10:00:00Z","events":[{"kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"in","text":"stop"}]}"#;
    let bad_field = r#"{"id":"b","addedAt":"yesterday"}"#;
    let inner_syntax = r#"{"id":"c","addedAt" "2026-11-01T10:00:00Z"}"#;
    let texts = [
        "[]".to_string(),
        " [ ] ".to_string(),
        format!("[{good}]"),
        format!("[ {good} , {bad_field} ,{good}]"),
        format!("[{good},{inner_syntax},{good},{bad_field}]"),
        format!("[{good}, 3, \"x\", null, [1,2], {good}]"),
        format!("[{good}] trailing"),
        format!("[{good},]"),
        format!("[{good}"),
        format!("[{good} {good}]"),
        "{}".to_string(),
        "".to_string(),
        "[{\"id\":\"d\",\"addedAt\":\"2026-11-01T10:00:00Z\",\"x\":\"\u{1}\"}]".to_string(),
        format!("[{good},{{\"id\":\"e\",\"name\":\"a\\u0007b\",\"addedAt\":1}}]"),
        format!("[{good},{{\"id\":\"e\"]"),
        // A bad escape, a bare word: the element's own errors.
        format!("[{good},{{\"id\":\"f\",\"name\":\"\\q\"}},tru,{good}]"),
        // No element after the comma (found by fuzzing).
        "[{},\r\r]".to_string(),
    ];
    for text in &texts {
        let want = by_ranges(text, &pb);
        let got = in_one_pass(text, &pb);
        assert_eq!(got, want, "{text}");
    }
    // Not vacuous: the good, bad and inner-syntax records all appear.
    let mixed = in_one_pass(&texts[4], &pb).unwrap();
    assert_eq!(mixed.len(), 4);
    assert!(mixed[0].contains("Ok(") && mixed[1].contains("not valid JSON"));
    assert!(mixed[2].contains("Ok(") && mixed[3].contains("addedAt"));
}

fn err(json: &str) -> Error {
    contact_with(json, None, &Keywords::default())
        .err()
        .unwrap_or_else(|| Error::input("", "no error"))
}

#[test]
fn unknown_fields_are_skipped_and_empty_strings_are_not_given() {
    let c = contact_with(
        r#"{"id": 7, "phone": "+1 555", "owner": {"name": "Bo", "tags": [1, {"a": "}"}]},
            "name": "", "timeZone": "", "region": "", "priority": "",
            "addedAt": "2026-11-01T10:00:00Z",
            "events": [{"kind": "message", "at": 1793613600000, "channel": "sms",
                        "direction": "out", "text": "", "crmId": "x9", "step": ""}]}"#,
        None,
        &Keywords::default(),
    )
    .unwrap();
    assert_eq!(c.id, ContactId::Number(7.0));
    assert_eq!(
        (c.name, c.time_zone, c.region, c.priority),
        (None, None, None, None)
    );
    assert!(matches!(
        &c.events[0].body,
        EventBody::Message {
            reply: None,
            step: None,
            ..
        }
    ));
}

/// A key given twice takes its last value, as `JSON.parse` does: the first
/// value is gone, its errors with it (a CRM that merges a custom column and a
/// standard one under one name writes such records); the last one's errors
/// stand.
#[test]
fn a_repeated_key_takes_its_last_value() {
    let c = contact_with(
        r#"{"id": "", "id": 7, "priority": "High", "priority": 3,
            "timeZone": "Eastern Time", "timeZone": "America/Chicago",
            "region": "TX", "region": null, "name": {"first": "Ana"}, "name": "Ana",
            "addedAt": "11/3/2026", "addedAt": "2026-11-01 10:00",
            "events": "x", "events": [{"kind": "message", "at": "2026-11-02 09:00",
                                       "channel": "sms", "direction": "out"}]}"#,
        None,
        &Keywords::default(),
    )
    .unwrap();
    assert_eq!(c.id, ContactId::Number(7.0));
    assert_eq!(c.priority, Some(3.0));
    assert_eq!(c.name.as_deref(), Some("Ana"));
    assert_eq!((c.region, c.events.len()), (None, 1));
    // The local times are read in the last zone: 10:00 in Chicago (CST).
    assert_eq!(
        c.added_at,
        crate::parse_time("2026-11-01T10:00:00-06:00", "").unwrap()
    );
    // A first local time replaced by a bad one: only the last one's error.
    let e = err(r#"{"id": 1, "addedAt": "2026-11-01 10:00", "addedAt": "soon"}"#);
    assert_eq!((e.path.as_str(), e.also.len()), ("addedAt", 0), "{e}");
    // A good value replaced by a bad one is an error, as JSON.parse's record is.
    let e =
        err(r#"{"id": 1, "addedAt": "2026-11-01T10:00:00Z", "priority": 3, "priority": "High"}"#);
    assert_eq!(e.path, "priority");
}

/// An event's key given twice takes its last value too, as `JSON.parse`
/// keeps it, with the aliases read as they are in the parsed object: the
/// text reads as the object `evaluate` is given after `JSON.parse` does.
#[test]
fn an_events_repeated_key_takes_its_last_value() {
    let ev = |members: &str| {
        let text = format!(
            r#"{{"id": 1, "timeZone": "America/New_York", "addedAt": "2026-11-01T10:00:00Z",
                "events": [{{"kind": "message", "at": "2026-11-03T15:15:00Z", "channel": "sms",
                             "direction": "in", {members}}}]}}"#
        );
        let c = contact_with(&text, None, &Keywords::default()).map_err(|e| e.to_string());
        c.map(|c| format!("{:?}", c.events))
    };
    for (twice, parsed) in [
        // The last value empty: not given, and no STOP.
        (r#""text": "STOP", "text": """#, r#""text": """#),
        // The contract's key given empty at last: its alias is read.
        (
            r#""Text": "STOP", "text": "ok", "text": """#,
            r#""Text": "STOP", "text": """#,
        ),
        (r#""Text": "STOP", "Text": """#, r#""Text": """#),
        (r#""body": "STOP", "body": "ok""#, r#""body": "ok""#),
        (
            r#""text": "ok", "text": null, "Body": "STOP""#,
            r#""text": null, "Body": "STOP""#,
        ),
        (
            r#""Explain": "x", "text": "STOP", "Explain": "y""#,
            r#""Explain": "y", "text": "STOP""#,
        ),
    ] {
        let got = ev(twice);
        assert_eq!(got, ev(parsed), "{twice}");
    }
    // Not vacuous: the two readings differ in what they hold.
    assert_ne!(ev(r#""text": """#), ev(r#""Text": "STOP", "text": """#));
}

/// `null` in an optional field is "not given", as `""` is: the contact reads as
/// if the field were absent, on the contact and on an event, in the one-pass
/// batch reader as in the single reader.
#[test]
fn null_optional_fields_are_not_given() {
    let plain = r#"{"id":"a","addedAt":"2026-11-01T10:00:00Z","events":[{"kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"out"}]}"#;
    let nulls = r#"{"id":"a","name":null,"timeZone":null,"region":null,"priority":null,"crmId":null,"addedAt":"2026-11-01T10:00:00Z","events":[{"kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"out","text":null,"step":null,"crmId":null}]}"#;
    let kw = Keywords::default();
    let want = contact_with(plain, None, &kw).unwrap();
    assert_eq!(contact_with(nulls, None, &kw).unwrap(), want);
    let pb = Playbook::from_json(crate::preset_json("monthly-campaign").unwrap()).unwrap();
    let batch = format!("[{nulls},{plain}]");
    let read: Vec<Contact> = contacts(&batch, &pb)
        .map(|item| item.unwrap().1.unwrap())
        .collect();
    assert_eq!(read.len(), 2);
    assert_eq!(read[0], read[1]);
}

/// A host's `NaN` or `Infinity`, written as `null` by `JSON.stringify`, is
/// read as the number it was (an error in the field's own words), in the
/// contact's fields the reader reads only; a `null` the host had is "not
/// given". (An event's fields are not asked about: a required one given
/// `null` is an error all the same.)
#[test]
fn a_hosts_non_finite_numbers_are_read_where_its_text_has_null() {
    /// NaN for record 0's priority and `at` (its events' are not asked
    /// about), Infinity for record 1's
    /// name and its unknown `score`, -Infinity for record 2's events.
    struct Host;
    impl NonFinite for Host {
        fn number(&self, record: usize, field: &str) -> Option<f64> {
            match (record, field) {
                (0, "priority" | "at") => Some(f64::NAN),
                (1, "name" | "score") => Some(f64::INFINITY),
                (2, "events") => Some(f64::NEG_INFINITY),
                _ => None,
            }
        }
    }
    let pb = Playbook::from_json(crate::preset_json("monthly-campaign").unwrap()).unwrap();
    let first = r#"{"id":"a","priority":null,"name":null,"addedAt":"2026-11-01T10:00:00Z","events":[{"kind":"message","at":"2026-11-02T10:00:00Z","channel":"sms","direction":"out","text":null},{"kind":"message","at":null,"channel":"sms","direction":"out"}]}"#;
    let second = r#"{"id":"b","name":null,"score":null,"addedAt":"2026-11-01T10:00:00Z"}"#;
    let third = r#"{"id":"c","priority":null,"events":null,"addedAt":"2026-11-01T10:00:00Z"}"#;
    let e = contact_from_host(first, &pb, &Host).unwrap_err();
    let all: Vec<String> = std::iter::once(&e)
        .chain(&e.also)
        .map(|e| format!("{}: {}", e.path, e.message))
        .collect();
    assert_eq!(
        all,
        [
            "priority: expected a number from -1e9 to 1e9, got the number NaN".to_string(),
            format!("events[1].at: required: {EXPECTED_TIME}"),
        ]
    );
    assert_eq!(e.also[0].code, ErrorCode::InvalidTime);

    let batch = format!("[{first},{second},{third},{second}]");
    let read: Vec<std::result::Result<Contact, String>> = contacts_from_host(&batch, &pb, &Host)
        .map(|item| {
            item.unwrap()
                .1
                .map_err(|e| format!("{}: {}", e.path, e.message))
        })
        .collect();
    assert_eq!(read[0].as_ref().unwrap_err(), &all[0]);
    assert_eq!(
        read[1].as_ref().unwrap_err(),
        "name: expected a string, got the number Infinity"
    );
    assert_eq!(
        read[2].as_ref().unwrap_err(),
        "events: expected an array of events, got the number -Infinity"
    );
    // Record 3 had nothing but nulls: not given, as without a host.
    assert_eq!(read[3], Ok(contact(second, &pb).unwrap()));
}

#[test]
fn every_bad_field_is_reported() {
    let e = err(r#"{"id": "a", "addedAt": "yesterday", "events": [
            {"kind": "message", "at": "2026-11-01T00:00:00Z", "channel": "fax", "direction": "out"},
            {"kind": "activity", "at": "2026-11-01T00:00:00Z", "interaction": "sms", "outcome": "noAnswer"},
            {"kind": "note", "at": 5}]}"#);
    let paths: Vec<&str> = std::iter::once(e.path.as_str())
        .chain(e.also.iter().map(|x| x.path.as_str()))
        .collect();
    assert_eq!(
        paths,
        [
            "addedAt",
            "events[0].channel",
            "events[1].outcome",
            "events[2].kind",
            "events[2].at"
        ]
    );
    assert!(e.also[0]
        .message
        .contains("expected \"sms\" or \"email\", got \"fax\""));
}

#[test]
fn seconds_are_refused_with_a_reason() {
    let e = err(r#"{"id": "a", "addedAt": 1794322800}"#);
    assert_eq!(e.path, "addedAt");
    assert!(e.message.contains("looks like seconds"), "{e}");
    assert!(e.message.contains("2026-11-10"), "{e}");
    assert!(err(r#"{"id": "a", "addedAt": 0}"#)
        .message
        .contains("seconds"));
    assert!(contact_with(
        r#"{"id": "a", "addedAt": "1794322800000"}"#,
        None,
        &Keywords::default()
    )
    .is_ok());
}

#[test]
fn local_times_are_read_in_the_contacts_zone() {
    let c = contact_with(
        r#"{"id": "a", "addedAt": "2026-11-03 10:15", "events": [
            {"kind": "message", "at": "2026-11-03T10:15:30", "channel": "sms", "direction": "out"}],
            "timeZone": "America/New_York"}"#,
        None,
        &Keywords::default(),
    )
    .unwrap();
    assert_eq!(c.added_at.to_utc_string(), "2026-11-03T15:15:00+00:00");
    assert_eq!(c.events[0].at.to_utc_string(), "2026-11-03T15:15:30+00:00");
    // The playbook's zone when the contact has none; an error without any.
    let ny = Zone::parse("America/Chicago").ok();
    let c = contact_with(
        r#"{"id": "a", "addedAt": "2026-11-03"}"#,
        ny,
        &Keywords::default(),
    )
    .unwrap();
    assert_eq!(c.added_at.to_utc_string(), "2026-11-03T06:00:00+00:00");
    let e = err(r#"{"id": "a", "addedAt": "2026-11-03 10:15"}"#);
    assert_eq!(e.path, "addedAt");
    assert!(e.message.contains("no timeZone"), "{e}");
}

#[test]
fn shapes_and_syntax() {
    assert_eq!(
        err(r#"["a"]"#).to_string(),
        "expected a contact object, got an array"
    );
    assert_eq!(
        err(r#"{"id":"a","addedAt":"2026-11-01T00:00:00Z","events":[["message"]]}"#).to_string(),
        "events[0]: expected an event object, got an array"
    );
    assert!(err(r#"{"id":"a","#).message.starts_with("not valid JSON"));
    assert_eq!(err(r#"{"addedAt":"2026-11-01T00:00:00Z"}"#).path, "id");
    let c = contact_with(
        r#"{"id":"a","name":"Ana \ud83d","addedAt":"2026-11-01T00:00:00Z"}"#,
        None,
        &Keywords::default(),
    );
    assert_eq!(c.map(|c| c.name), Ok(Some(Box::from("Ana \u{fffd}"))));
    let c = contact_with(
        r#"{"id":"\ud83d\ude00","addedAt":"2026-11-01T00:00:00Z"}"#,
        None,
        &Keywords::default(),
    );
    assert_eq!(c.map(|c| c.id), Ok(ContactId::Text("😀".into())));
}

#[test]
fn every_json_escape_reads_as_its_character() {
    let c = contact_with(
        r#"{"id":"a","name":"q\"b\\s\/b\bf\fn\nr\rt\tu\u00e9\u20AC.","addedAt":"2026-11-01T00:00:00Z"}"#,
        None,
        &Keywords::default(),
    );
    assert_eq!(
        c.map(|c| c.name),
        Ok(Some(Box::from("q\"b\\s/b\u{8}f\u{c}n\nr\rt\tué€.")))
    );
    // A high surrogate not followed by `\u` and a low one stands alone:
    // U+FFFD, and what follows is read as it is.
    for (json, name) in [
        (r#""\ud83dAuzzzz""#, "\u{fffd}Auzzzz"),
        (r#""\ud83d\nzz""#, "\u{fffd}\nzz"),
        (r#""\ud83d\u0041""#, "\u{fffd}A"),
    ] {
        let c = contact_with(
            &format!(r#"{{"id":"a","name":{json},"addedAt":"2026-11-01T00:00:00Z"}}"#),
            None,
            &Keywords::default(),
        );
        assert_eq!(c.map(|c| c.name), Ok(Some(Box::from(name))), "{json}");
    }
    // Within the text's last eight bytes a string's end is found byte by
    // byte: an escape, a control character and a space there too.
    let tail = |name: &str| {
        contact_with(
            &format!(r#"{{"id":"a","addedAt":"2026-11-01T00:00:00Z","name":"{name}"}}"#),
            None,
            &Keywords::default(),
        )
        .map(|c| c.name)
        .map_err(|e| e.message)
    };
    assert_eq!(tail(r"x\n"), Ok(Some(Box::from("x\n"))));
    assert_eq!(tail(r"\t y"), Ok(Some(Box::from("\t y"))));
    assert!(tail("x\u{1}")
        .unwrap_err()
        .contains("expected a character allowed in a string"));
    // A bad escape, and a raw control character, are syntax errors.
    assert!(err(r#"{"id":"a\x","addedAt":"2026-11-01T00:00:00Z"}"#)
        .message
        .contains(r"expected an escape such as \n"));
    assert!(
        err("{\"id\":\"a\u{1}\",\"addedAt\":\"2026-11-01T00:00:00Z\"}")
            .message
            .contains("expected a character allowed in a string")
    );
}

#[test]
fn a_syntax_error_names_what_it_met() {
    // A visible character is quoted; anything else is named by its byte.
    assert_eq!(
        err(r#"{"id" x}"#).message,
        "not valid JSON: expected ':' at byte 6, got 'x'"
    );
    assert_eq!(
        err("{\"id\" \u{7f}}").message,
        "not valid JSON: expected ':' at byte 6, got byte 0x7f"
    );
    assert_eq!(
        err(r#"{"id""#).message,
        "not valid JSON: expected ':' at byte 5, got the end of the text"
    );
    // A number needs digits: after its sign, its point and its exponent.
    for (json, what) in [
        ("-", "a digit"),
        ("1.", "a digit after the decimal point"),
        ("1e+", "a digit in the exponent"),
    ] {
        let e = err(&format!(r#"{{"id":{json},"addedAt":1700000000000}}"#));
        assert!(
            e.message.contains(&format!("expected {what} at")),
            "{json}: {e}"
        );
    }
}

#[test]
fn text_after_the_value_is_an_error() {
    // One contact: its text must end with it.
    let e = err(r#"{"id":"a","addedAt":"2026-11-01T00:00:00Z"} {}"#);
    assert_eq!(
        e.message,
        "expected the end of the contact, got more text at byte 44"
    );
    assert!(contact_with(
        " {\"id\":\"a\",\"addedAt\":\"2026-11-01T00:00:00Z\"}\n ",
        None,
        &Keywords::default()
    )
    .is_ok());
    // A batch: its text must end with the array.
    assert_eq!(
        array_elements("[1, {}] x").map_err(|e| e.message),
        Err("expected the end of the array, got more text at byte 8".to_string())
    );
    assert_eq!(array_elements(" [1, {}] \n"), Ok(vec![2..3, 5..7]));
    // An element with a fault inside is found all the same (by its quotes
    // and brackets), to be refused on its own.
    assert_eq!(
        array_elements(r#"[{"a":"\q"}, {"b" 1} , tru, "]\"x"]"#),
        Ok(vec![1..11, 13..20, 23..26, 28..34])
    );
    assert!(array_elements(r#"[{"a":[}, 1]"#).is_err());
    // No element between a comma and the bracket: the batch's error.
    assert!(array_elements("[{},\r\r]").is_err());
}

#[test]
fn epoch_numbers_in_messages_are_written_exactly() {
    // Above 2^53 a float's shortest digits are not the integer it holds;
    // the message gives the integer.
    let e = time_number(72_057_594_037_927_936.0).unwrap_err();
    assert!(e.message.contains("got 72057594037927936"), "{e}");
    let e = time_number(1e19).unwrap_err();
    assert!(e.message.contains("got 10000000000000000000"), "{e}");
    let e = time_number(1.5e12 + 0.25).map(|t| t.0);
    assert_eq!(e, Ok(1_500_000_000_000));
}

#[test]
fn numbers_out_of_their_range_are_refused() {
    // `1e999` reads as infinity: no id, and no priority.
    let e = err(r#"{"id":1e999,"addedAt":"2026-11-01T00:00:00Z"}"#);
    assert_eq!(
        (
            e.path.as_str(),
            e.message
                .contains("expected a non-empty string or a number")
        ),
        ("id", true),
        "{e}"
    );
    for p in ["2e9", "-1000000001", "1e999"] {
        let e = err(&format!(
            r#"{{"id":"a","addedAt":"2026-11-01T00:00:00Z","priority":{p}}}"#
        ));
        assert_eq!(e.path, "priority", "{p}: {e}");
    }
    let c = contact_with(
        r#"{"id":"a","addedAt":"2026-11-01T00:00:00Z","priority":-1e9}"#,
        None,
        &Keywords::default(),
    );
    assert_eq!(c.map(|c| c.priority), Ok(Some(-1e9)));
    // Epoch milliseconds up to the last millisecond of year 9999, inclusive.
    let max = crate::time::MAX_MS;
    assert_eq!(time_number(max as f64).map(|t| t.0), Ok(max));
    assert!(time_number((max + 1) as f64).is_err());
}

#[test]
fn flags_given_as_text_and_local_due_times_are_read() {
    let c = contact_with(
        r#"{"id":"a","timeZone":"America/New_York","addedAt":"2026-11-01T00:00:00Z","events":[
            {"kind":"dnd","at":"2026-11-02T00:00:00Z","channel":"sms","active":" TRUE ","source":"manual"},
            {"kind":"dnd","at":"2026-11-03T00:00:00Z","channel":"sms","active":"false","source":"manual"},
            {"kind":"callback","at":"2026-11-04T00:00:00Z","dueAt":"2026-11-05 10:00"}]}"#,
        None,
        &Keywords::default(),
    )
    .unwrap();
    let active: Vec<bool> = c
        .events
        .iter()
        .filter_map(|e| match e.body {
            EventBody::Dnd { active, .. } => Some(active),
            _ => None,
        })
        .collect();
    assert_eq!(active, [true, false]);
    // 1 and 0, as numbers or digits, and yes/no, y/n, t/f, as spreadsheets and
    // SQL exports write flags; anything else is refused.
    let dnd = |active: &str| {
        contact_with(
            &format!(
                r#"{{"id":"a","addedAt":"2026-11-01T00:00:00Z","events":[
                {{"kind":"dnd","at":"2026-11-02T00:00:00Z","channel":"sms","active":{active}}}]}}"#
            ),
            None,
            &Keywords::default(),
        )
        .map(|c| {
            c.events.iter().find_map(|e| match e.body {
                EventBody::Dnd { active, .. } => Some(active),
                _ => None,
            })
        })
    };
    for (given, want) in [
        ("1", true),
        ("0", false),
        ("\" 1\"", true),
        ("\"0\"", false),
        ("\"Yes\"", true),
        ("\"NO\"", false),
        ("\"y\"", true),
        ("\" N \"", false),
        ("\"t\"", true),
        ("\"F\"", false),
        ("\"active\"", true),
        ("\"Inactive\"", false),
        ("\"permanent\"", true),
        ("\"on\"", true),
        ("\"OFF\"", false),
        ("\"checked\"", true),
        ("\"unchecked\"", false),
        ("\"X\"", true),
        // A float column's 1 and 0, and Access's true.
        ("\"1.0\"", true),
        ("\"0.0\"", false),
        ("-1", true),
        ("\"-1\"", true),
        // A status column's state.
        ("\"Opted Out\"", true),
        ("\"unsubscribed\"", true),
        ("\"DND\"", true),
        ("\"Opted-In\"", false),
    ] {
        assert_eq!(dnd(given), Ok(Some(want)), "{given}");
    }
    for bad in [
        "2", "0.5", "-2", "\"yess\"", "\"ye\"", "[1]", "\"onn\"", "\"tr\"", "\"xx\"",
    ] {
        assert!(dnd(bad).is_err(), "{bad}");
    }
    // 10:00 in New York on 5 November is 15:00 UTC.
    let due = c.events.iter().find_map(|e| match e.body {
        EventBody::Callback { due_at, .. } => Some(due_at.to_utc_string()),
        _ => None,
    });
    assert_eq!(due.as_deref(), Some("2026-11-05T15:00:00+00:00"));
}

#[test]
fn start_and_end_are_from_and_to_only_in_a_window_block() {
    use super::repeated::repeated_key;
    let dup =
        repeated_key(r#"{"name":"p","window":[{"from":"09:00","start":"10:00","to":"17:00"}]}"#);
    assert_eq!(
        dup.map(|e| e.to_string()),
        Some("window[0]: duplicate field \"from\"".to_string())
    );
    let dup = repeated_key(r#"{"name":"p","window":{"end":"17:00","to":"18:00","from":"09:00"}}"#);
    assert_eq!(
        dup.map(|e| e.to_string()),
        Some("window: duplicate field \"to\"".to_string())
    );
    // Elsewhere they are keys of their own.
    assert_eq!(
        repeated_key(r#"{"name":"p","x":{"from":1,"start":2,"to":3,"end":4}}"#)
            .map(|e| e.to_string()),
        None
    );
}

/// Every name from a fixed list (kind, channel, direction, interaction, outcome,
/// source) reads in CRM exports' spellings: any letter case, words apart with
/// spaces, `_` or `-`, the providers' other words (Twilio's directions,
/// "text", "phone", "voicemail") and the outcomes as a rep picks them ("Left a
/// Voicemail", "Sold a Product or Service"). Other words stay an error naming
/// the list.
#[test]
fn event_names_read_as_crm_exports_write_them() {
    let read = |event: &str| {
        contact_with(
            &format!(r#"{{"id":"a","addedAt":"2026-11-01T00:00:00Z","events":[{event}]}}"#),
            None,
            &Keywords::default(),
        )
        .map(|c| format!("{:?}", c.events))
        .map_err(|e| e.to_string())
    };
    let pairs = [
        (
            r#"{"kind":"Activity","at":"2026-11-02T00:00:00Z","interaction":"In Store","outcome":"SALE_IN_PROGRESS"}"#,
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"inStore","outcome":"saleInProgress"}"#,
        ),
        (
            r#"{"kind":"ACTIVITY","at":"2026-11-02T00:00:00Z","interaction":"Call","outcome":" No Answer "}"#,
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"call","outcome":"noAnswer"}"#,
        ),
        (
            r#"{"kind":"Message","at":"2026-11-02T00:00:00Z","channel":"SMS","direction":"In","text":"hi"}"#,
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"sms","direction":"in","text":"hi"}"#,
        ),
        (
            r#"{"kind":"DND","at":"2026-11-02T00:00:00Z","channel":"E-Mail","active":true,"source":"Manual"}"#,
            r#"{"kind":"dnd","at":"2026-11-02T00:00:00Z","channel":"email","active":true,"source":"manual"}"#,
        ),
        (
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"Text","direction":"inbound","text":"hi"}"#,
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"sms","direction":"in","text":"hi"}"#,
        ),
        (
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"text message","direction":"outbound-api"}"#,
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"sms","direction":"out"}"#,
        ),
        (
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"Call","outcome":"Left a Voicemail"}"#,
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"call","outcome":"leftVoicemail"}"#,
        ),
        (
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"In Store","outcome":"Sold a Product or Service"}"#,
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"inStore","outcome":"sold"}"#,
        ),
        (
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"Phone Call","outcome":"Voicemail"}"#,
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"call","outcome":"leftVoicemail"}"#,
        ),
        (
            r#"{"kind":"dnd","at":"2026-11-02T00:00:00Z","channel":"phone","active":true}"#,
            r#"{"kind":"dnd","at":"2026-11-02T00:00:00Z","channel":"call","active":true}"#,
        ),
        (
            r#"{"kind":"step_done","at":"2026-11-02T00:00:00Z","step":"s1"}"#,
            r#"{"kind":"stepDone","at":"2026-11-02T00:00:00Z","step":"s1"}"#,
        ),
    ];
    for (crm, contract) in pairs {
        let want = read(contract);
        assert!(want.is_ok(), "{contract}: {want:?}");
        assert_eq!(read(crm), want, "{crm}");
    }
    for (bad, message) in [
        (
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"S M S X","direction":"in"}"#,
            r#"events[0].channel: expected "sms" or "email", got "S M S X""#,
        ),
        (
            r#"{"kind":"activity","at":"2026-11-02T00:00:00Z","interaction":"call","outcome":"no answer yet"}"#,
            r#"events[0].outcome: expected "connected", "noAnswer""#,
        ),
        (
            // "phone" is a call, and a text message's channel is not a call.
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"phone","direction":"in"}"#,
            r#"events[0].channel: expected "sms" or "email", got "phone""#,
        ),
        (
            r#"{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"sms","direction":"i"}"#,
            r#"events[0].direction: expected "in" or "out", got "i""#,
        ),
    ] {
        let got = read(bad);
        assert!(
            got.as_ref().is_err_and(|e| e.contains(message)),
            "{bad}: {got:?}"
        );
    }
}

/// A zone given as an offset, as text or as a number of hours, is an error
/// that says why: an offset has no daylight saving time.
#[test]
fn a_zone_given_as_an_offset_says_why_it_is_refused() {
    // Windows' own "UTC-08" and "UTC+12" (fixed offsets) are refused too: a
    // CRM that writes "UTC-08" means the offset, and read as Windows does, a
    // Los Angeles contact's summer evenings would be an hour late.
    for zone in [
        "\"-05:00\"",
        "\"UTC-5\"",
        "-5",
        "\"UTC-08\"",
        "\"utc+12\"",
        "\"UTC-02\"",
        // As people space, bracket and dash them.
        "\"UTC -5\"",
        "\"(UTC-05:00)\"",
        "\"EST (UTC-5)\"",
        "\"UTC\\u20135\"",
        "\"5\"",
        "\"05:00\"",
    ] {
        let e = err(&format!(
            r#"{{"id":"a","timeZone":{zone},"addedAt":"2026-11-01T00:00:00Z","events":[]}}"#
        ))
        .to_string();
        assert!(e.starts_with("timeZone: expected an IANA time zone"), "{e}");
        assert!(
            e.ends_with("(an offset is not a zone: it has no daylight saving time)"),
            "{e}"
        );
    }
}

/// Twilio's message directions, every one of them.
#[test]
fn twilio_directions() {
    for (given, read) in [
        ("inbound", "in"),
        ("outbound-api", "out"),
        ("outbound-call", "out"),
        ("outbound-reply", "out"),
    ] {
        let c = contact_with(
            &format!(
                r#"{{"id":"a","addedAt":"2026-11-01T00:00:00Z","events":[{{"kind":"message","at":"2026-11-02T00:00:00Z","channel":"sms","direction":"{given}"}}]}}"#
            ),
            None,
            &Keywords::default(),
        )
        .map(|c| format!("{:?}", c.events));
        assert!(
            c.as_deref().is_ok_and(|e| e.contains(&format!(
                "direction: {}",
                if read == "in" { "In" } else { "Out" }
            ))),
            "{given}: {c:?}"
        );
    }
}

/// A numeric id past 2^53 has lost digits: refused, not merged with another.
#[test]
fn numeric_ids_past_2_53_are_refused() {
    let read = |id: &str| {
        contact_with(
            &format!(r#"{{"id":{id},"addedAt":"2026-11-01T00:00:00Z"}}"#),
            None,
            &Keywords::default(),
        )
        .map(|c| c.id)
        .map_err(|e| e.to_string())
    };
    assert_eq!(
        read("9007199254740991"),
        Ok(ContactId::Number(9_007_199_254_740_991.0))
    );
    assert!(read("4150868000000224005")
        .is_err_and(|e| e.starts_with("id: expected a string, or a number of at most 2^53 - 1")));
    assert!(read("-1e300").is_err());
    assert_eq!(
        read("\"4150868000000224005\""),
        Ok(ContactId::Text("4150868000000224005".into()))
    );
}

/// A horizon's local `buyAt` for a contact whose zone is unknown has one
/// error, its own: not also "before the event's at" for the time not read.
#[test]
fn an_unread_buy_at_is_one_error() {
    let json = r#"{"id":"h","region":"US-AK","addedAt":"2026-11-01T12:00:00Z","events":[{"kind":"horizon","at":"2026-11-02T20:00:00Z","buyAt":"2027-05-02 10:00"}]}"#;
    let fallback = crate::context::Fallback {
        zone: Zone::parse("America/New_York").ok(),
        region: None,
        by_clock: false,
    };
    let e = contact_with(json, fallback, &Keywords::default()).unwrap_err();
    assert_eq!(e.path, "events[0].buyAt");
    assert!(e.also.is_empty(), "{:?}", e.also);
}
