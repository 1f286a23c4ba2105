//! The resident worklist (`Worklist`): work order and what `upsert` reports.

use cadence_engine::input::contact_from_json;
use cadence_engine::worklist::{Filter, Worklist};
use cadence_engine::{preset_json, Contact, Instant, Playbook};

fn campaign() -> Playbook {
    Playbook::from_json(preset_json("monthly-campaign").expect("a preset")).expect("valid")
}

fn contact(id: &str, priority: u32, events: &str) -> Contact {
    contact_from_json(&format!(
        r#"{{"id":"{id}","timeZone":"America/New_York","addedAt":"2026-10-20T15:00:00Z","priority":{priority},"events":[{events}]}}"#
    ))
    .expect("a valid contact")
}

/// `query` gives ids in work order: due first, then higher priority (the
/// `Worklist.query` doc in the package's types). A contact whose next attempt
/// is not yet due comes after one whose attempt is, whatever its priority.
#[test]
fn due_contacts_come_first_whatever_the_priority() {
    let now = Instant::parse("2026-11-05T15:00:00Z").expect("a time");
    let mut w = Worklist::new(campaign(), Some(now));
    // Touched once this month: its 2nd Attempt is due when Follow Up starts.
    let waiting = contact(
        "waiting",
        9,
        r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#,
    );
    // Not touched: its 1st Attempt is due now.
    let due = contact("due", 1, "");
    w.upsert(vec![waiting, due]);
    let order: Vec<String> = w
        .query(&Filter::default())
        .iter()
        .map(|i| i.text())
        .collect();
    assert_eq!(order, ["due", "waiting"]);
    assert_eq!(w.get("due").and_then(|e| e.next.map(|n| n.due)), Some(true));
    assert_eq!(
        w.get("waiting").and_then(|e| e.next.map(|n| n.due)),
        Some(false)
    );
}

/// `upsert` counts a contact given again as it is as unchanged.
#[test]
fn upserting_a_contact_again_as_it_is_counts_it_unchanged() {
    let mut w = Worklist::new(campaign(), None);
    let first = w.upsert(vec![contact("a", 1, ""), contact("b", 1, "")]);
    assert_eq!((first.added, first.changed, first.unchanged), (2, 0, 0));
    let again = w.upsert(vec![contact("a", 1, ""), contact("b", 2, "")]);
    assert_eq!((again.added, again.changed, again.unchanged), (0, 1, 1));
}

/// `autoDue: true` finds the contacts whose automatic send is due now — what a
/// sender loop asks for (PRODUCT.md, `Worklist` filters).
#[test]
fn auto_due_finds_the_contacts_whose_automatic_send_is_due() {
    let sequence = Playbook::from_json(preset_json("sequence").expect("a preset")).expect("valid");
    // Enrolled on Oct 20: Auto Email 1 (day 1) is due on Oct 21.
    let now = Instant::parse("2026-10-21T15:00:00Z").expect("a time");
    let mut w = Worklist::new(sequence, Some(now));
    w.upsert(vec![contact("s1", 1, "")]);
    let auto = w
        .get("s1")
        .and_then(|e| e.next_auto)
        .expect("an automatic send");
    assert!(auto.due, "{auto:?}");
    let due = Filter {
        auto_due: Some(true),
        ..Filter::default()
    };
    let ids: Vec<String> = w.query(&due).iter().map(|i| i.text()).collect();
    assert_eq!(ids, ["s1"]);
    let not_due = Filter {
        auto_due: Some(false),
        ..Filter::default()
    };
    assert!(w.query(&not_due).is_empty());
}

/// A worklist made without a `now` has evaluated nothing: it has no work
/// order to give until the first `refresh`.
#[test]
fn nothing_is_in_work_order_before_the_first_refresh() {
    let mut w = Worklist::new(campaign(), None);
    w.upsert(vec![contact("a", 1, ""), contact("b", 2, "")]);
    assert!(w.query(&Filter::default()).is_empty());
    w.refresh(Instant::parse("2026-11-05T15:00:00Z").expect("a time"));
    let order: Vec<String> = w
        .query(&Filter::default())
        .iter()
        .map(|i| i.text())
        .collect();
    assert_eq!(order, ["b", "a"]);
}

/// A contact that falls due at a later `refresh` moves up the work order.
#[test]
fn a_contact_that_falls_due_moves_up_at_refresh() {
    let mut w = Worklist::new(
        campaign(),
        Some(Instant::parse("2026-11-05T15:00:00Z").expect("a time")),
    );
    w.upsert(vec![
        contact(
            "waiting",
            9,
            r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#,
        ),
        contact("due", 1, ""),
    ]);
    let order = |w: &Worklist| -> Vec<String> {
        w.query(&Filter::default())
            .iter()
            .map(|i| i.text())
            .collect()
    };
    assert_eq!(order(&w), ["due", "waiting"]);
    // Follow Up has started: both are due, and the higher priority leads.
    w.refresh(Instant::parse("2026-11-12T15:00:00Z").expect("a time"));
    assert_eq!(order(&w), ["waiting", "due"]);
}

/// Facets count each campaign phase and each channel allowed now (the
/// opted-out contact's texts are not), and `text` finds an opted-out contact
/// by its display name ("NAME - can't text").
#[test]
fn facets_count_phases_and_channels_and_text_finds_the_display_name() {
    let mut w = Worklist::new(
        campaign(),
        Some(Instant::parse("2026-11-05T15:00:00Z").expect("a time")),
    );
    let opted_out = contact_from_json(
        r#"{"id":"o1","name":"Ana Ruiz","timeZone":"America/New_York","addedAt":"2026-10-20T15:00:00Z","events":[
            {"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"},
            {"kind":"message","at":"2026-11-02T15:00:00Z","channel":"sms","direction":"in","text":"STOP"}]}"#,
    )
    .expect("a valid contact");
    w.upsert(vec![contact("a", 1, ""), contact("b", 1, ""), opted_out]);
    let f = w.facets(&Filter::default());
    assert_eq!(f.phase.get("initiate"), Some(&3), "{:?}", f.phase);
    assert_eq!(f.allowed.get("sms"), Some(&2), "{:?}", f.allowed);
    assert_eq!(f.allowed.get("call"), Some(&3), "{:?}", f.allowed);
    let by_text = Filter {
        text: Some("can't text".to_string()),
        ..Filter::default()
    };
    let ids: Vec<String> = w.query(&by_text).iter().map(|i| i.text()).collect();
    assert_eq!(ids, ["o1"]);
}

/// A filter is read from JSON as `query` and `facets` take it from JavaScript
/// (docs/reference.md, `Filter`): its camelCase fields, and an unknown field
/// refused by name.
#[test]
fn a_filter_is_read_from_json_by_its_field_names() {
    let mut d = serde_json::Deserializer::from_str(
        r#"{"autoDue":true,"text":"ana","status":["newAccount","sold"],"allowed":["call"]}"#,
    );
    let f = Filter::from_deserializer(&mut d).expect("a filter");
    assert_eq!(f.auto_due, Some(true));
    assert_eq!(f.text.as_deref(), Some("ana"));
    assert_eq!(f.status.map(|s| s.len()), Some(2));
    assert_eq!(f.allowed.map(|c| c.len()), Some(1));
    let mut bad = serde_json::Deserializer::from_str(r#"{"dueNow":true}"#);
    let e = Filter::from_deserializer(&mut bad).expect_err("an unknown field");
    assert!(e.to_string().contains("dueNow"), "{e}");
}

/// A phase filter keeps the contacts in a listed campaign phase and only them
/// (docs/reference.md, `Filter.phase`).
#[test]
fn a_phase_filter_keeps_the_contacts_in_that_phase() {
    let mut w = Worklist::new(
        campaign(),
        Some(Instant::parse("2026-11-05T15:00:00Z").expect("a time")),
    );
    w.upsert(vec![contact("a", 1, ""), contact("b", 2, "")]);
    let ids = |phase: &str| -> Vec<String> {
        let f = Filter {
            phase: Some(vec![phase.to_string()]),
            ..Filter::default()
        };
        w.query(&f).iter().map(|i| i.text()).collect()
    };
    assert_eq!(ids("initiate"), ["b", "a"]);
    assert!(ids("followUp").is_empty());
}

/// `columns()` gives each contact's facts as numbers with the names they stand
/// for: a slot's next-action label number is the label `get` reports.
#[test]
fn the_label_column_numbers_the_next_action_labels() {
    let now = Instant::parse("2026-11-05T15:00:00Z").expect("a time");
    let mut w = Worklist::new(campaign(), Some(now));
    let touched = contact(
        "touched",
        1,
        r#"{"kind":"message","at":"2026-11-02T14:00:00Z","channel":"sms","direction":"out"}"#,
    );
    w.upsert(vec![contact("fresh", 1, ""), touched]);
    let names = w.label_names();
    let ids: Vec<String> = w.ids().map(|i| i.text()).collect();
    for (slot, id) in ids.iter().enumerate() {
        let label = w.columns().label.get(slot).copied().expect("a slot");
        let expected = w.get(id).and_then(|e| e.next.map(|n| n.label));
        assert_eq!(
            Some(names.name(usize::from(label))),
            expected.as_deref(),
            "{id}"
        );
    }
    assert_eq!(ids.len(), 2);
}

/// A contact that falls due at `refresh` moves ahead of one that is not due,
/// also when it is the only one `refresh` re-evaluates (the other's facts
/// hold until later): due first, then priority.
#[test]
fn falling_due_alone_moves_a_contact_up() {
    let ladder = Playbook::from_json(preset_json("call-ladder").expect("a preset")).expect("valid");
    let mut w = Worklist::new(
        ladder,
        Some(Instant::parse("2026-11-05T14:00:00Z").expect("a time")),
    );
    let lead = |id: &str, priority: u32, added: &str, calls: &[&str]| {
        let events: Vec<String> = calls
            .iter()
            .map(|at| {
                format!(
                    r#"{{"kind":"activity","at":"{at}","interaction":"call","outcome":"noAnswer"}}"#
                )
            })
            .collect();
        contact_from_json(&format!(
            r#"{{"id":"{id}","timeZone":"America/New_York","addedAt":"{added}","priority":{priority},"events":[{}]}}"#,
            events.join(",")
        ))
        .expect("a valid contact")
    };
    // Called on arrival: its Redial is due on day 2, 10:00 on November 5.
    let soon = lead("soon", 0, "2026-11-03T15:00:00Z", &["2026-11-03T15:05:00Z"]);
    // Four calls made: its next Redial is on day 15, November 9.
    let later = lead(
        "later",
        5,
        "2026-10-25T15:00:00Z",
        &[
            "2026-10-25T15:05:00Z",
            "2026-10-27T15:05:00Z",
            "2026-10-29T15:05:00Z",
            "2026-11-01T15:05:00Z",
        ],
    );
    w.upsert(vec![soon, later]);
    let order = |w: &Worklist| -> Vec<String> {
        w.query(&Filter::default())
            .iter()
            .map(|i| i.text())
            .collect()
    };
    assert_eq!(order(&w), ["later", "soon"]);
    let now = Instant::parse("2026-11-05T15:30:00Z").expect("a time");
    assert_eq!(w.refresh(now), 1, "only the contact that fell due changed");
    assert_eq!(order(&w), ["soon", "later"]);
}
