#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::*;
use crate::model::{ContactId, EventBody};

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
