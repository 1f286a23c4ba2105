//! Where the steps stand when the walk ends: waiting on a step, stopped at a
//! contact, or past the last step; and the words for a step.

use crate::cadence::place::Reach;
use crate::cadence::{Candidate, Done};
use crate::context::Ctx;
use crate::explain::Explain;
use crate::playbook::{Mode, Step, StepChannel};
use crate::time::Instant;

use super::{StepState, Walk};

/// The steps stop at a contact-making event the playbook stops on.
pub(super) fn stopped(ctx: &Ctx, r: Reach, explain: &mut Explain) -> StepState {
    if ctx.explains() {
        explain.push_fmt(format_args!(
            "steps stopped at {}: {} (stopOn)",
            ctx.words(r.at),
            r.how.words()
        ));
    }
    StepState {
        candidates: Vec::new(),
        auto: None,
        done: Some(Done {
            reason: "stopped",
            label: "Contact made",
            until: None,
        }),
    }
}

/// The automatic send to show the host: the first still owed (its lapse is
/// when the answer changes), else the next to come.
fn first_auto(
    ctx: &Ctx,
    owed: &[(Candidate, Instant)],
    next: Option<Candidate>,
) -> Option<Candidate> {
    match owed.first() {
        Some((cand, lapses)) => {
            ctx.note(*lapses);
            Some(cand.clone())
        }
        None => next,
    }
}

/// The `explain` line for step `n`: what it is, how it is made, when it is due.
pub(super) fn step_words(ctx: &Ctx, n: usize, step: &Step, due: Instant, explain: &mut Explain) {
    let how = match step.mode {
        Mode::Auto => "sent automatically",
        Mode::Manual => "a draft to review and send; the sequence waits for it",
        Mode::Action => "an activity; the sequence waits until it is done",
        Mode::Reminder => "a reminder; the sequence does not wait",
    };
    let what = match step.channel {
        StepChannel::Task => "task",
        c => c.as_str(),
    };
    explain
        .line()
        .s("step ")
        .d(n + 1)
        .s(" of ")
        .d(ctx.playbook.steps.len())
        .s(": ")
        .s(&step.label)
        .s(" (")
        .s(what)
        .s(", ")
        .s(how)
        .s(") due ")
        .words(ctx.words(due));
}

impl<'c, 'a> Walk<'c, 'a> {
    /// The steps wait on this one: it, after the reminders still open.
    pub(super) fn waiting(
        &mut self,
        n: usize,
        step: &Step,
        cand: Candidate,
        explain: &mut Explain,
    ) -> StepState {
        let ctx = self.ctx;
        if ctx.explains() {
            step_words(ctx, n, step, cand.due_at, explain);
        }
        ctx.note(cand.due_at);
        ctx.note(cand.overdue_at.plus(1));
        let mut candidates = std::mem::take(&mut self.reminders);
        candidates.push(cand);
        StepState {
            candidates,
            auto: first_auto(ctx, &self.owed, self.auto.take()),
            done: None,
        }
    }

    /// Past the last step: the reminders still open, the automatic send, or
    /// all done.
    pub(super) fn finish(self, explain: &mut Explain) -> StepState {
        let ctx = self.ctx;
        let pb = ctx.playbook;
        let auto = first_auto(ctx, &self.owed, self.auto);
        if let Some(r) = self.reminders.last() {
            if ctx.explains() {
                explain.push_fmt(format_args!("reminder {:?} open", r.label.text(pb)));
            }
            return StepState {
                candidates: self.reminders,
                auto,
                done: None,
            };
        }
        if pb.steps.is_empty() || auto.is_some() {
            return StepState {
                candidates: Vec::new(),
                auto,
                done: None,
            };
        }
        // Every step passed over (a STOPALL on arrival): no channel, not done.
        if self.skipped >= pb.steps.len() {
            if ctx.explains() {
                explain.push("no step could be made: no channel is allowed");
            }
            return StepState {
                candidates: Vec::new(),
                auto: None,
                done: Some(Done {
                    reason: "noChannel",
                    label: "No channel allowed",
                    until: None,
                }),
            };
        }
        // The last send was still owed when the customer responded.
        if let Some(r) = self.cut_short {
            return stopped(ctx, r, explain);
        }
        if ctx.explains() {
            explain.push_fmt(format_args!("all {} steps done", pb.steps.len()));
        }
        StepState {
            candidates: Vec::new(),
            auto: None,
            done: Some(Done {
                reason: "complete",
                label: "All steps done",
                until: None,
            }),
        }
    }
}
