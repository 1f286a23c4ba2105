//! Ladders and sequences: when each step falls due, which are done, and the
//! step the person (or the host's sender) owes next.
//!
//! The steps are walked in order here; when each falls due is in `timing`,
//! which touch carries one out in `marks`, and where the walk ends in
//! `answer`.

mod answer;
mod marks;
mod timing;

use crate::consent::{next_allowed, Consent, Refusal};
use crate::context::Ctx;
use crate::explain::Explain;
use crate::model::Event;
use crate::playbook::{Mode, Step};
use crate::time::{Instant, MINUTE};

use super::place::{reaches, Reach};
use super::{ActChannel, Candidate, Done, Kind, Label};
use answer::{step_words, stopped};
use timing::place_step;

/// Where a step cadence stands.
#[derive(Debug, Clone, PartialEq)]
pub struct StepState {
    /// Work for a person: the step the sequence waits on, and earlier
    /// reminders still open.
    pub candidates: Vec<Candidate>,
    /// The automatic send the host's sender owes or will owe next, if any.
    pub auto: Option<Candidate>,
    /// Done, if the steps are over.
    pub done: Option<Done>,
}

/// The next step of a ladder or sequence: the person's work, and the host's
/// next automatic send.
pub fn steps(ctx: &Ctx, s: &Consent, explain: &mut Explain) -> StepState {
    let mut walk = Walk::new(ctx, s);
    for (n, step) in ctx.playbook.steps.iter().enumerate() {
        if let Some(state) = walk.step(n, step, explain) {
            return state;
        }
    }
    walk.finish(explain)
}

/// The steps taken in order: where the cadence stands after the steps before
/// the one at hand.
struct Walk<'c, 'a> {
    ctx: &'c Ctx<'a>,
    s: &'c Consent<'a>,
    history: &'a [Event],
    enrolled: Instant,
    /// The first contact-making event since enrollment the playbook stops on.
    stop: Option<Reach>,
    /// Per channel (sms, call, email), where to look for the next unmarked
    /// touch: each step takes the first one at or after its anchor, and anchors
    /// only move forward, so no touch before a cursor can count again.
    cursor: [usize; 3],
    /// When the step before was done (or fell due, if it does not hold).
    anchor: Instant,
    /// The on-time schedule (every step done at its own time), for the gaps.
    on_time: Instant,
    /// Where the window puts the last step of the on-time schedule: each
    /// step at its own time's opening, after the one before and its gap (a
    /// lead in at 22:30 has its call at 08:00, its text at 08:05, its email
    /// at 09:05).
    on_time_open: Instant,
    /// Steps passed over for want of an allowed channel.
    skipped: usize,
    /// Open reminders: they close once a later step for a person (not an
    /// automatic one: the sender's work is not the rep's) falls due later
    /// than they did, or is done. An automatic send owed to the sender: it
    /// closes once it is sent, a later step is done after it fell due, or its
    /// day lapses; the sends behind it wait their turn.
    reminders: Vec<Candidate>,
    /// The sends owed, in step order, each with when it stops being owed
    /// unsent: the first is the one to send.
    owed: Vec<(Candidate, Instant)>,
    /// The next automatic send to come.
    auto: Option<Candidate>,
    /// The response that stopped an automatic send still owed, unsent.
    cut_short: Option<Reach>,
    /// When the last unsent automatic send stops being owed: the one behind
    /// it is owed from then at the latest.
    turn: Instant,
    /// Per event of `history`, the step its mark names (marks.rs).
    named: Vec<Option<&'a str>>,
}

impl<'c, 'a> Walk<'c, 'a> {
    fn new(ctx: &'c Ctx<'a>, s: &'c Consent<'a>) -> Self {
        let enrolled = ctx.contact.added_at;
        let stop_on = &ctx.playbook.stop_on;
        let stop = reaches(ctx, s).find(|r| r.at >= enrolled && r.is_in(stop_on));
        Walk {
            ctx,
            s,
            history: ctx.history(),
            enrolled,
            stop,
            cursor: [0usize; 3],
            anchor: enrolled,
            on_time: enrolled,
            on_time_open: ctx.hours().next_open(enrolled).unwrap_or(enrolled),
            skipped: 0,
            reminders: Vec::new(),
            owed: Vec::new(),
            auto: None,
            cut_short: None,
            turn: enrolled,
            named: marks::named_steps(&ctx.playbook.steps, ctx.history()),
        }
    }

    /// Step `n`: `None` to go on to the next step, or where the steps stand
    /// when they wait on this one (or stop at it).
    fn step(&mut self, n: usize, step: &Step, explain: &mut Explain) -> Option<StepState> {
        let ctx = self.ctx;
        let ready = self.ready(n, step);
        let act = match step.channel.channel() {
            Some(c) => ActChannel::Reach(c),
            None => ActChannel::Task,
        };
        // An automatic step and a reminder are placed first: an unmarked
        // touch is theirs only until the step after falls due (then it is
        // the later steps' work: the reminder closed, the send was skipped).
        let placed = match step.mode {
            Mode::Auto | Mode::Reminder => place_step(ctx, self.s, step, act, ready),
            _ => None,
        };
        let until = placed.and_then(|due| match step.mode {
            Mode::Auto => self.credit_until(n, due, act),
            _ => self.next_on_time(n, due),
        });
        // An unmarked touch counts for a step made from the local day it is
        // ready: a second call on the day of the first is not the day-2
        // Redial, and a rep's own email the day of enrollment is not the
        // sender's day-1 Auto Email.
        let from = self.anchor.max(ctx.zone.start_of_day(ctx.zone.date(ready)));
        if let Some(at) = self.done_at(step, from, until) {
            self.done(step, at, ready);
            return None;
        }
        let Some(due_at) = placed.or_else(|| place_step(ctx, self.s, step, act, ready)) else {
            // (Stopped by contact made all the same: a sale stops the
            // steps whether or not the window would let them go on.)
            if let Some(r) = self.stop {
                return Some(stopped(ctx, r, explain));
            }
            if ctx.explains() {
                explain.push("the contact window never opens");
            }
            return Some(StepState {
                candidates: Vec::new(),
                auto: None,
                done: Some(Done {
                    reason: "noChannel",
                    label: "The contact window never opens",
                    until: None,
                }),
            });
        };
        // Refused for good now, or when it fell due (at its ready time or
        // where the window put it) or all through its day, though lifted
        // since: its time passed.
        let refused = step.channel.channel().and_then(|c| {
            let then = |t: Instant| (t <= ctx.now).then(|| self.s.lasting_at(c, t)).flatten();
            // Refused from after it fell due until past its day: its day ran
            // out under the refusal (a call DND set before the Call ASAP was
            // made and lifted days later leaves it behind).
            let day_end = ctx.zone.add_days(due_at, 1);
            let ran_out = || {
                (day_end <= ctx.now)
                    .then(|| self.s.held_past(c, due_at, day_end))
                    .flatten()
            };
            self.s
                .lasting(c)
                .or_else(|| then(ready))
                .or_else(|| then(due_at))
                .or_else(ran_out)
        });
        let cand = candidate(ctx, n, step, act, due_at);
        // An automatic step does not hold the sequence: the host sends it when
        // it falls due, and the steps after it count from then, recorded or not.
        if step.mode == Mode::Auto && refused.is_none() && self.stop.map_or(true, |r| due_at < r.at)
        {
            self.automatic(n, step, cand, explain);
            return None;
        }
        if let Some(r) = self.stop {
            return Some(stopped(ctx, r, explain));
        }
        if let Some(r) = refused {
            self.skip(step, r, ready, explain);
            return None;
        }
        self.close(due_at, true);
        if step.mode == Mode::Reminder {
            self.anchor = ready;
            self.reminders.push(cand);
            return None;
        }
        Some(self.waiting(n, step, cand, explain))
    }

    /// The step was done at `at`: the sequence moves on from then.
    fn done(&mut self, step: &Step, at: Instant, ready: Instant) {
        if step.mode != Mode::Auto {
            self.reminders.clear();
        }
        // A later step done after the owed send fell due closes it (the
        // sequence moved on without it); one done early (a rep's text
        // before the day-3 email) leaves it owed when it falls due, and so
        // does a step due with it (a rep's email due at the text's instant,
        // done before the sender came by: both are owed in turn).
        self.owed
            .retain(|(o, _)| !(at > o.due_at && ready > o.due_at));
        // A reminder does not hold the sequence: marked done late, it
        // leaves the steps after it where they were (done early, they
        // count from then).
        let at = if step.mode == Mode::Reminder {
            at.min(ready)
        } else {
            at
        };
        self.anchor = self.anchor.max(at);
    }

    /// A step falling due at `at` closes, if it is work for a person
    /// (`reminders`), the open reminders; until then, `at` is when the answer
    /// changes.
    fn close(&mut self, at: Instant, reminders: bool) {
        if self.ctx.now >= at {
            // A reminder due at the same instant is offered first, in turn.
            if reminders {
                self.reminders.retain(|r| r.due_at >= at);
            }
        } else {
            self.ctx.note(at);
        }
    }

    /// An automatic step: for a day once its channel opens, a send not
    /// recorded is owed to the host's sender; one still to come is the next
    /// automatic send.
    fn automatic(&mut self, n: usize, step: &Step, cand: Candidate, explain: &mut Explain) {
        let ctx = self.ctx;
        let due_at = cand.due_at;
        self.close(due_at, false);
        if due_at <= ctx.now {
            // Behind a send still owed it waits its turn (once that one went
            // out, the steps after it count from then), and its day starts
            // when its turn comes (once the unsent send ahead of it stopped
            // being owed, if that is later). Once the customer responded,
            // nothing automatic is owed.
            let lapses = self.lapses(due_at.max(self.turn), cand.channel);
            match self.stop {
                None => {
                    if ctx.now < lapses {
                        self.owed.push((cand, lapses));
                    }
                    self.turn = lapses;
                }
                // Still owed when the customer responded: the response
                // stopped it, unsent.
                Some(r) if r.at < lapses => self.cut_short = Some(r),
                _ => {}
            }
            if ctx.explains() {
                explain.push_fmt(format_args!(
                    "step {:?} ({}) fell due for the automatic sender at {}",
                    step.id,
                    step.label,
                    ctx.words(due_at)
                ));
            }
        } else if self.auto.is_none() {
            if ctx.explains() {
                step_words(ctx, n, step, due_at, explain);
            }
            self.auto = Some(cand);
        }
        self.anchor = self.anchor.max(due_at);
    }

    /// When a send owed since `due_at` on `act` stops being owed unsent: a
    /// day after it could first go out (its due time, or once its channel
    /// opens: window, day bans, caps; or once it opens again, when it shut
    /// within the hour after). A channel that is shut when that day
    /// ends (a Sunday ban after Saturday's close, a cap a rep's call filled
    /// just after it fell due) keeps it owed for a day after the channel
    /// opens again, rather than lapse unsent.
    pub(super) fn lapses(&self, due_at: Instant, act: ActChannel) -> Instant {
        let ActChannel::Reach(ch) = act else {
            return self.ctx.zone.add_days(due_at, 1);
        };
        let mut open = next_allowed(self.ctx, self.s, ch, due_at).unwrap_or(due_at);
        // Shut again within the hour after it could first go out (a window's
        // close minutes away, a cap the rep's calls filled meanwhile): too
        // soon for a sender to have sent it, so its day counts from the
        // channel's next opening (looked at every 5 minutes of that hour).
        if let Some(reopens) = (1..=12)
            .map(|k| open.plus(k * 5 * MINUTE))
            .find_map(|t| next_allowed(self.ctx, self.s, ch, t).filter(|&r| r > t))
        {
            open = reopens;
        }
        let mut lapses = self.ctx.zone.add_days(open, 1);
        // (A day that ends shut again, on a Sunday ban after Saturday's
        // opening, runs on again: a few turns reach an open day.)
        for _ in 0..8 {
            match next_allowed(self.ctx, self.s, ch, lapses) {
                Some(reopens) if reopens > lapses => lapses = self.ctx.zone.add_days(reopens, 1),
                _ => break,
            }
        }
        lapses
    }

    /// A step on a channel a lasting refusal blocks is passed over at its
    /// ready time.
    fn skip(&mut self, step: &Step, r: Refusal, ready: Instant, explain: &mut Explain) {
        if self.ctx.explains() {
            explain.push_fmt(format_args!(
                "step {:?} ({}) skipped: {} not allowed ({})",
                step.id,
                step.label,
                step.channel.as_str(),
                r.as_str()
            ));
        }
        self.skipped += 1;
        // A skipped step for a person comes after no reminder in turn: the
        // reminders due by its time close, one due at its instant too (else
        // it stayed open for good). That is all its time changes: with no
        // reminder open, it is no time to evaluate again at (a lead who
        // opted out of everything is not woken at each step it skips).
        if step.mode != Mode::Auto && !self.reminders.is_empty() {
            if self.ctx.now >= ready {
                self.reminders.retain(|r| r.due_at > ready);
            } else {
                self.ctx.note(ready);
            }
        }
        self.anchor = ready;
    }
}

/// Step `n` as the next action, due at `due_at` and overdue a day later.
fn candidate(ctx: &Ctx, n: usize, step: &Step, act: ActChannel, due_at: Instant) -> Candidate {
    Candidate {
        kind: Kind::Step,
        label: Label::Step(n),
        attempt: None,
        channel: act,
        mode: step.mode,
        due_at,
        opens_at: due_at,
        overdue_at: ctx.zone.add_days(due_at, 1),
        blocking: step.mode.blocks(),
    }
}
