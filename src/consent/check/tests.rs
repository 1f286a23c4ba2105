//! The caps checked against their rule read plainly, and every channel
//! checked at once against each alone, on generated touches.

use proptest::prelude::*;

use super::*;
use crate::context::Env;
use crate::model::{Contact, ContactId};
use crate::playbook::Playbook;

/// The caps' rule read plainly: for each cap in turn, the touches made by
/// `t` whose last possible instant is inside its period, sorted by it; when
/// `max` or more, `t` moves to the max-th newest one's last instant +
/// period.
fn plain(caps: &[crate::window::Cap], touches: &[Touch], ch: Channel, t: Instant) -> Instant {
    let mut t = t;
    for cap in caps.iter().filter(|c| c.channels.contains(&ch)) {
        let mut inside: Vec<Instant> = touches
            .iter()
            .filter(|x| {
                cap.channels.contains(&x.channel) && x.at <= t && x.last.0 > t.0 - cap.period_ms
            })
            .map(|x| x.last)
            .collect();
        inside.sort();
        let max = cap.max as usize;
        if max > 0 && inside.len() >= max {
            if let Some(oldest) = inside.get(inside.len() - max) {
                t = t.max(oldest.plus(cap.period_ms));
            }
        }
    }
    t
}

/// The playbook of the tests: a cap of its own on `channels`, and
/// Oklahoma's 3 in 24 hours on calls and texts.
fn capped(max: u32, hours: u32, channels: &[Channel]) -> Result<Playbook, TestCaseError> {
    let chans: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
    Playbook::from_value(&serde_json::json!({
        "name": "p",
        "timeZone": "America/Chicago",
        "region": "US-OK",
        "frequencyCap": {"max": max, "hours": hours, "channels": chans},
    }))
    .map_err(|e| TestCaseError::fail(e.to_string()))
}

/// Touches from `start` on, each `gap` minutes after the one before (0
/// makes a tie) on channel number `c`: in time order, as the fold keeps them.
/// A channel number from 3 on is that channel logged with a date alone: it
/// may have come up to a day later.
fn touches(start: Instant, gaps: &[(i64, usize)]) -> Vec<Touch> {
    let mut at = start;
    gaps.iter()
        .map(|&(gap, c)| {
            at = at.plus(gap * 60_000);
            Touch {
                at,
                last: if c >= 3 { at.plus(86_400_000) } else { at },
                channel: Channel::ALL.get(c % 3).copied().unwrap_or(Channel::Sms),
            }
        })
        .collect()
}

/// A cap case: the playbook cap's max, hours and channels, the gaps of
/// the touches (see [`touches`]), a minute and an edge to ask at (see
/// [`asked`]), and the channel asked about.
#[derive(Debug)]
struct CapCase {
    max: u32,
    hours: u32,
    channels: Vec<Channel>,
    gaps: Vec<(i64, usize)>,
    ask: i64,
    edge: Option<(usize, u8, i64)>,
    ch: usize,
}

fn cap_case() -> impl Strategy<Value = CapCase> {
    (
        1u32..5,
        1u32..72,
        prop::sample::subsequence(Channel::ALL.to_vec(), 1..=3),
        prop::collection::vec((0i64..3_000, 0usize..6), 0..24),
        0i64..200_000,
        prop::option::of((0usize..24, 0u8..3, -1i64..=1)),
        0usize..3,
    )
        .prop_map(|(max, hours, channels, gaps, ask, edge, ch)| CapCase {
            max,
            hours,
            channels,
            gaps,
            ask,
            edge,
            ch,
        })
}

impl CapCase {
    /// Hands `test` the case's context (its two caps), its touches, the
    /// channel asked about and the instant asked at.
    fn run(
        &self,
        test: impl FnOnce(&Ctx, Vec<Touch>, Channel, Instant) -> Result<(), TestCaseError>,
    ) -> Result<(), TestCaseError> {
        let pb = capped(self.max, self.hours, &self.channels)?;
        let env = Env::new(&pb);
        let start = Instant(1_800_000_000_000);
        let contact = contact(start);
        let ctx = Ctx::new(&env, &contact, start);
        prop_assert_eq!(ctx.caps().len(), 2);
        let touches = touches(start, &self.gaps);
        let ch = Channel::ALL.get(self.ch).copied().unwrap_or(Channel::Sms);
        let t = asked(start, &touches, self.edge, self.ask, self.hours);
        test(&ctx, touches, ch, t)
    }
}

/// Asked at minute `ask` from `start`, or, given an `edge` `(k, which,
/// d)`, `d` ms off the `k`-th touch itself (`which` 0), its leaving the
/// playbook cap's period of `hours` (1) or Oklahoma's day (2).
fn asked(
    start: Instant,
    touches: &[Touch],
    edge: Option<(usize, u8, i64)>,
    ask: i64,
    hours: u32,
) -> Instant {
    match (edge, touches.len()) {
        (Some((k, which, d)), n) if n > 0 => {
            let period = match which {
                0 => 0,
                1 => i64::from(hours) * 3_600_000,
                _ => 86_400_000,
            };
            touches
                .get(k % n)
                .map_or(start, |x| x.last.plus(period + d))
        }
        _ => start.plus(ask * 60_000),
    }
}

fn contact(added_at: Instant) -> Contact {
    Contact {
        id: ContactId::Text("c".into()),
        name: None,
        time_zone: None,
        region: None,
        added_at,
        priority: None,
        events: Vec::new(),
    }
}

proptest! {
    /// With two caps of their own (a playbook's on some channels, Oklahoma's
    /// 3 in 24 hours on calls and texts), touches minutes to days apart
    /// (ties too), asked at any minute or at a period's very edge: the
    /// earliest clear time is the plain rule's.
    #[test]
    fn clears_where_the_plain_rule_does(
        case in cap_case(),
    ) {
        case.run(|ctx, touches, ch, t| {
            prop_assert_eq!(cap_clear(ctx, &touches, ch, t), plain(ctx.caps(), &touches, ch, t));
            Ok(())
        })?;
    }

    /// A touch audited against touches minutes to days apart (ties
    /// too), made at any minute or at a period's very edge, breaks each
    /// cap that counts its channel exactly when the plain count of the
    /// touches inside that cap's period has reached the cap's max.
    #[test]
    fn audits_caps_as_the_plain_count(
        case in cap_case(),
    ) {
        case.run(|ctx, touches, ch, at| {
            // The touches made by then, as the fold holds them at the audit.
            let before: Vec<_> = touches.into_iter().filter(|x| x.at <= at).collect();
            let want: Vec<(usize, usize)> = ctx
                .caps()
                .iter()
                .enumerate()
                .filter(|(_, cap)| cap.channels.contains(&ch))
                .filter_map(|(k, cap)| {
                    let inside = before
                        .iter()
                        .filter(|x| cap.channels.contains(&x.channel) && x.at.0 > at.0 - cap.period_ms)
                        .count();
                    (inside >= cap.max as usize).then_some((k, inside + 1))
                })
                .collect();
            let mut s = Consent {
                touches: before,
                ..Consent::default()
            };
            audit(ctx, &mut s, 0, at, ch, false);
            let got: Vec<(usize, usize)> = s
                .violations
                .iter()
                .filter(|v| v.rule == Rule::Refused(Refusal::FrequencyCap))
                .map(|v| (v.cap as usize, v.detail as usize))
                .collect();
            prop_assert_eq!(got, want);
            Ok(())
        })?;
    }

    /// Every channel checked at once answers as each checked alone, with
    /// caps that count calls and texts alike or not, DNDs on either, a
    /// wrong number, at any minute of a week (inside and outside the
    /// window).
    #[test]
    fn checked_together_as_alone(
        max in 1u32..4,
        cap_channels in prop::sample::subsequence(Channel::ALL.to_vec(), 1..=3),
        gaps in prop::collection::vec((0i64..600, 0usize..6), 0..12),
        dnd in prop::option::of(0usize..4),
        wrong_number in any::<bool>(),
        ask in 0i64..(7 * 24 * 60),
    ) {
        let pb = capped(max, 24, &cap_channels)?;
        let env = Env::new(&pb);
        let start = Instant(1_800_000_000_000);
        let contact = contact(start);
        let ctx = crate::context::Ctx::new(&env, &contact, start);
        let mut s = Consent {
            touches: touches(start, &gaps),
            ..Consent::default()
        };
        if let Some(slot) = dnd.and_then(|k| s.dnd.get_mut(k)) {
            *slot = Some(super::super::Dnd {
                since: start,
                reason: crate::model::DndSource::Manual,
                event: 0,
            });
        }
        if wrong_number {
            s.wrong_number = Some((start, 0));
        }
        let t = start.plus(ask * 60_000);
        let alone = Channel::ALL.map(|c| check(&ctx, &s, c, t));
        prop_assert_eq!(check_all(&ctx, &s, t), alone);
    }
}
