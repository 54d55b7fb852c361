//! Applies keys and actions to the review state. Pure: no terminal, no
//! disk (changes to my file are queued in `pending` for the store).

use super::action::Action;
use super::state::{MineOp, Mode, ReviewApp, Step};
use crate::runtime::Flow;
use crate::widgets::line_input::{Edit, LineInput};
use byline_model::annotation::{Claim, Kind};
use byline_model::review::verdict::Verdict;

pub fn update(app: &mut ReviewApp, action: Action) -> Flow {
    app.core.message = None;
    let changes = matches!(
        action,
        Action::Agree
            | Action::Dispute
            | Action::ProposeSourced
            | Action::ProposeAnonymous
            | Action::ProposeEditorial
            | Action::Comment
            | Action::Clear
            | Action::Undo
            | Action::Redo
    );
    if changes && let crate::widgets::status::SaveState::ReadOnly(why) = &app.core.save {
        app.core.message = Some(format!("read-only: {why}"));
        return Flow::Continue;
    }
    match action {
        Action::NextClaim => step(app, true, |i| i.theirs.is_some(), "no claims of theirs"),
        Action::PrevClaim => step(app, false, |i| i.theirs.is_some(), "no claims of theirs"),
        Action::NextDisagreement | Action::PrevDisagreement => {
            if !app.parts.side_by_side {
                app.core.message =
                    Some("disagreements need your file: run review with --mine FILE".into());
                return Flow::Continue;
            }
            let forward = action == Action::NextDisagreement;
            step(
                app,
                forward,
                |i| i.state.is_disagreement(),
                "no disagreements with your file",
            );
        }
        Action::Agree => {
            if judge(app, Verdict::Agree, None).is_some() {
                step(app, true, |i| i.theirs.is_some(), "");
            }
        }
        Action::Dispute => dispute(app, None),
        Action::ProposeSourced | Action::ProposeAnonymous | Action::ProposeEditorial => {
            dispute(app, action.proposed())
        }
        Action::Comment => match app.focused_claim() {
            Some(c) if app.verdict(c).is_some() => open_comment(app, c),
            Some(_) => {
                app.core.message = Some(format!(
                    "no verdict yet: {} agrees, {} disputes",
                    app.key(Action::Agree),
                    app.key(Action::Dispute)
                ))
            }
            None => not_theirs(app),
        },
        Action::Clear => match app.focused_claim() {
            Some(c) if app.verdict(c).is_some() => {
                checkpoint(app);
                app.parts.review.clear(&app.parts.theirs.claims, c);
                verdicts_changed(app);
                app.core.message = Some(format!(
                    "verdict taken back ({} undoes)",
                    app.key(Action::Undo)
                ));
            }
            Some(_) => app.core.message = Some("no verdict on this claim".into()),
            None => not_theirs(app),
        },
        Action::Copy => copy(app),
        Action::Undo => undo(app, true),
        Action::Redo => undo(app, false),
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        // The screen opens its message log (it keeps it, not the state).
        Action::Messages => {}
        Action::Quit => return Flow::Quit,
    }
    Flow::Continue
}

/// Moves the focus to the next (or previous) item that `want` accepts,
/// wrapping round.
fn step(
    app: &mut ReviewApp,
    forward: bool,
    want: impl Fn(&byline_model::review::compare::Item) -> bool,
    none: &str,
) {
    let n = app.items.len();
    let found = (1..=n)
        .map(|d| {
            if forward {
                (app.focus + d) % n
            } else {
                (app.focus + n * 2 - d) % n
            }
        })
        .find(|&i| want(&app.items[i]));
    match found {
        Some(i) => {
            let wrapped = if forward {
                i <= app.focus
            } else {
                i >= app.focus
            };
            app.focus = i;
            if wrapped && n > 1 && !none.is_empty() {
                app.core.message = Some(if forward {
                    "from the top".into()
                } else {
                    "from the bottom".into()
                });
            }
        }
        None if !none.is_empty() => app.core.message = Some(none.into()),
        None => {}
    }
}

fn not_theirs(app: &mut ReviewApp) {
    app.core.message =
        Some("this claim is only in your file; there is nothing of theirs to review here".into());
}

fn checkpoint(app: &mut ReviewApp) {
    app.undo
        .push(Step::Verdicts(app.parts.review.verdicts.clone()));
    app.redo.clear();
}

fn verdicts_changed(app: &mut ReviewApp) {
    app.core.revision += 1;
    app.refresh();
}

/// Records a verdict on the focused claim, keeping an existing comment.
/// Returns the claim's index.
fn judge(app: &mut ReviewApp, verdict: Verdict, kind: Option<Kind>) -> Option<usize> {
    let Some(c) = app.focused_claim() else {
        not_theirs(app);
        return None;
    };
    if kind == Some(app.parts.theirs.claims[c].kind) {
        app.core.message = Some(format!(
            "they marked it {} already: {} agrees, {} disputes without a kind",
            app.parts.theirs.claims[c].kind,
            app.key(Action::Agree),
            app.key(Action::Dispute)
        ));
        return None;
    }
    let comment = match verdict {
        Verdict::Agree => None,
        Verdict::Dispute => app.verdict(c).and_then(|e| e.comment.clone()),
    };
    checkpoint(app);
    app.parts
        .review
        .set(&app.parts.theirs.claims, c, verdict, kind, comment);
    verdicts_changed(app);
    Some(c)
}

fn dispute(app: &mut ReviewApp, kind: Option<Kind>) {
    if let Some(c) = judge(app, Verdict::Dispute, kind) {
        open_comment(app, c);
    }
}

fn open_comment(app: &mut ReviewApp, claim: usize) {
    let before = app.verdict(claim).and_then(|e| e.comment.clone());
    app.mode = Mode::Comment {
        claim,
        input: LineInput::new(before.clone().unwrap_or_default(), None),
        before,
    };
}

/// The comment prompt was submitted (the review moves on) or left.
pub fn comment_done(app: &mut ReviewApp, edit: Edit) {
    let Mode::Comment { claim, .. } = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    if let Edit::Submit(text) = edit {
        set_comment(app, claim, text);
        step(app, true, |i| i.theirs.is_some(), "");
    }
}

fn set_comment(app: &mut ReviewApp, claim: usize, comment: Option<String>) {
    let Some(e) = app.verdict(claim) else { return };
    if e.comment == comment {
        return;
    }
    let (verdict, kind) = (e.verdict, e.kind);
    // The comment belongs to the verdict just given: one undo step, unless
    // it edits an older verdict's comment.
    if !matches!(app.undo.last(), Some(Step::Verdicts(_))) {
        checkpoint(app);
    }
    app.parts
        .review
        .set(&app.parts.theirs.claims, claim, verdict, kind, comment);
    verdicts_changed(app);
}

/// The same span, kind and quote: how a copied claim is found again.
pub fn same_claim(a: &Claim, b: &Claim) -> bool {
    (a.at, a.kind) == (b.at, b.kind) && a.quote == b.quote
}

fn copy(app: &mut ReviewApp) {
    let Some(c) = app.focused_claim() else {
        not_theirs(app);
        return;
    };
    let theirs = &app.parts.theirs.claims[c];
    if theirs.needs_review() {
        app.core.message = Some(
            "this claim was not found in the current article text; it cannot be copied".into(),
        );
        return;
    }
    let Some(p) = app.parts.article.paragraph(theirs.at.para) else {
        return;
    };
    let mut claim = Claim::new(theirs.at, p, theirs.kind);
    claim.source = theirs.source.clone();
    claim.note = theirs.note.clone();
    claim.tags = theirs.tags.clone();
    let mine = app.parts.mine.as_ref().map_or(&[][..], |m| &m.claims[..]);
    if mine.iter().any(|m| same_claim(m, &claim)) {
        app.core.message = Some("your file already has this claim".into());
        return;
    }
    if let Some(m) = mine.iter().find(|m| m.at == claim.at) {
        app.core.message = Some(format!(
            "your file marks this span as {}; change it there with byline annotate",
            m.kind
        ));
        return;
    }
    app.pending.push(MineOp::Add(claim.clone()));
    app.undo.push(Step::Copied(Box::new(claim)));
    app.redo.clear();
}

fn undo(app: &mut ReviewApp, is_undo: bool) {
    let (from, to) = crate::undo::stacks(&mut app.undo, &mut app.redo, is_undo);
    let Some(step) = from.pop() else {
        app.core.message = Some(crate::undo::nothing(is_undo));
        return;
    };
    match step {
        Step::Verdicts(v) => {
            let now = std::mem::replace(&mut app.parts.review.verdicts, v);
            to.push(Step::Verdicts(now));
            verdicts_changed(app);
            app.core.message = Some(if is_undo { "undone" } else { "redone" }.into());
        }
        Step::Copied(claim) => {
            app.pending.push(if is_undo {
                MineOp::Remove((*claim).clone())
            } else {
                MineOp::Add((*claim).clone())
            });
            to.push(Step::Copied(claim));
            app.core.message = Some(
                if is_undo {
                    "copy undone"
                } else {
                    "copied again"
                }
                .into(),
            );
        }
    }
    app.mode = Mode::Normal;
}
