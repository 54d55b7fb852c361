//! Applies keys to the adjudication state. Pure: no terminal, no disk;
//! the gold file in memory changes and the runtime saves it.

use super::action::Action;
use super::state::{AdjudicateApp, EditStep, Mode, Snapshot};
use crate::runtime::Flow;
use crate::widgets::line_input::{Complete, Edit, LineInput, split_type};
use crate::widgets::status::SaveState;
use byline_model::annotation::{Claim, Dismissed, Kind};
use byline_model::review::adjudicate as adj;
use std::sync::Arc;

pub fn update(app: &mut AdjudicateApp, action: Action) -> Flow {
    app.core.message = None;
    let changes = matches!(
        action,
        Action::Take | Action::Merge | Action::Reject | Action::Edit | Action::Undo
    ) || action.annotator().is_some();
    if changes && let SaveState::ReadOnly(why) = &app.core.save {
        app.core.message = Some(format!("read-only: {why}"));
        return Flow::Continue;
    }
    if changes && action != Action::Undo && app.dispute().is_none() {
        app.core.message = Some(format!(
            "nothing to decide: the annotators agree on every claim; {} quits",
            app.key(Action::Quit)
        ));
        return Flow::Continue;
    }
    match action {
        Action::NextDispute => step(app, true, true),
        Action::PrevDispute => step(app, false, true),
        Action::NextAny => step(app, true, false),
        Action::PrevAny => step(app, false, false),
        Action::NextVersion => move_cursor(app, true),
        Action::PrevVersion => move_cursor(app, false),
        Action::Take => {
            if let Some(v) = app.current() {
                take(app, vec![v]);
            }
        }
        Action::Merge => merge(app),
        Action::Reject => reject(app),
        Action::Edit => open_edit(app),
        Action::Undo => undo(app),
        // Written by the screen, which has the disk.
        Action::Save => {}
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        // The screen opens its message log (it keeps it, not the state).
        Action::Messages => {}
        Action::Quit => return Flow::Quit,
        a => {
            if let Some(n) = a.annotator() {
                take_annotator(app, n);
            }
        }
    }
    Flow::Continue
}

/// To the next (or previous) dispute, wrapping round: with `undecided`,
/// the next one still to decide while any is left (else any), so a
/// resumed adjudication walks only what is left; without, every one, so a
/// decision can be seen and made again.
fn step(app: &mut AdjudicateApp, forward: bool, undecided: bool) {
    let n = app.plan.disputes.len();
    if n == 0 {
        app.core.message = Some("no disagreements: the annotators agree on every claim".into());
        return;
    }
    let only_left = undecided && app.left() > 0;
    let Some(next) = (1..=n)
        .map(|d| {
            if forward {
                (app.focus + d) % n
            } else {
                (app.focus + n * 2 - d) % n
            }
        })
        .find(|&i| !only_left || !app.decided[i])
    else {
        return;
    };
    if next == app.focus {
        app.core.message = Some(if n == 1 {
            "this is the only disagreement".into()
        } else {
            "this is the only disagreement left".into()
        });
    } else if forward && next < app.focus || !forward && next > app.focus {
        app.core.message = Some(if forward {
            "from the top".into()
        } else {
            "from the bottom".into()
        });
    }
    app.focus = next;
    app.cursor = 0;
}

/// To the next undecided dispute after the focus, if any is left.
fn advance(app: &mut AdjudicateApp) {
    let n = app.plan.disputes.len();
    match (1..=n)
        .map(|d| (app.focus + d) % n)
        .find(|&i| !app.decided[i])
    {
        Some(i) => {
            app.focus = i;
            app.cursor = 0;
        }
        None => {
            app.core.message = Some(format!(
                "every disagreement is decided: {} has {} claims; {} quits",
                app.gold_file.display(),
                app.gold.claims.len(),
                app.key(Action::Quit)
            ));
        }
    }
}

fn move_cursor(app: &mut AdjudicateApp, forward: bool) {
    let n = app.versions().len();
    if n == 0 {
        return;
    }
    app.cursor = if forward {
        (app.cursor + 1) % n
    } else {
        (app.cursor + n - 1) % n
    };
}

/// Puts `claims` and `dismissed` in gold as the decision on the focused
/// dispute, replacing an earlier decision on it, and moves on.
fn decide(app: &mut AdjudicateApp, claims: Vec<Claim>, dismissed: Vec<Dismissed>, what: String) {
    let Some(d) = app.dispute().cloned() else {
        return;
    };
    app.undo.push(Snapshot {
        claims: app.gold.claims.clone(),
        dismissed: app.gold.dismissed.clone(),
        focus: app.focus,
    });
    let sets = app.sets();
    let (old_claims, old_dismissed) = adj::decisions(&d, &sets, &app.slugs, &app.gold);
    let redone = !old_claims.is_empty() || !old_dismissed.is_empty();
    let mut i = 0;
    app.gold.claims.retain(|_| {
        i += 1;
        !old_claims.contains(&(i - 1))
    });
    let mut i = 0;
    app.gold.dismissed.retain(|_| {
        i += 1;
        !old_dismissed.contains(&(i - 1))
    });
    app.gold.claims.extend(claims);
    app.gold.dismissed.extend(dismissed);
    app.gold.sort();
    app.core.revision += 1;
    app.refresh();
    let again = if redone {
        " (instead of the earlier decision)"
    } else {
        ""
    };
    let left = app.left();
    advance(app);
    if app.core.message.is_none() {
        app.core.message = Some(format!(
            "{what}{again}; {left} left · {} undoes",
            app.key(Action::Undo)
        ));
    }
}

fn names(from: &[String]) -> String {
    if from.is_empty() {
        "nobody".into()
    } else {
        from.join(", ")
    }
}

fn take(app: &mut AdjudicateApp, versions: Vec<adj::Version>) {
    let Some(d) = app.dispute().cloned() else {
        return;
    };
    let sets = app.sets();
    let claims: Vec<Claim> = versions
        .iter()
        .filter_map(|v| adj::taken_claim(&d, *v, &sets, &app.slugs, &app.article))
        .collect();
    if claims.is_empty() {
        app.core.message =
            Some("that version is not in the article's text; it cannot be taken".into());
        return;
    }
    let who = names(&[app.slugs[versions[0].annotator].clone()]);
    let kind = claims[0].kind;
    decide(
        app,
        claims,
        Vec::new(),
        format!("{who}'s {kind} version → gold"),
    );
}

fn take_annotator(app: &mut AdjudicateApp, n: usize) {
    let Some(d) = app.dispute() else { return };
    if n >= app.annotators.len() {
        app.core.message = Some(format!(
            "there are {} annotators; {} takes the first one's version",
            app.annotators.len(),
            app.key(Action::Take1)
        ));
        return;
    }
    let versions = d.of(n);
    if versions.is_empty() {
        app.core.message = Some(if app.agreed_here(n).is_empty() {
            format!(
                "{} marked nothing here; {} rejects every version",
                app.slugs[n],
                app.key(Action::Reject)
            )
        } else {
            format!(
                "{}'s claim here is one a majority agreed on, in gold already; {} rejects the other versions",
                app.slugs[n],
                app.key(Action::Reject)
            )
        });
        return;
    }
    take(app, versions);
}

fn merge(app: &mut AdjudicateApp) {
    let (Some(d), Some(v)) = (app.dispute().cloned(), app.current()) else {
        return;
    };
    let kind = app.claim(v).kind;
    let sets = app.sets();
    let claims = adj::merged_claims(&d, kind, &sets, &app.slugs, &app.article);
    if claims.is_empty() {
        return;
    }
    let from: Vec<String> = claims.iter().flat_map(|c| adj::from_of(&c.extra)).collect();
    let what = format!("{kind} spans of {} merged → gold", names(&dedup(from)));
    decide(app, claims, Vec::new(), what);
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

fn reject(app: &mut AdjudicateApp) {
    let Some(d) = app.dispute().cloned() else {
        return;
    };
    let sets = app.sets();
    let dismissed = adj::rejections(&d, &sets, &app.slugs);
    decide(
        app,
        Vec::new(),
        dismissed,
        "rejected: nothing of it goes to gold".into(),
    );
}

fn open_edit(app: &mut AdjudicateApp) {
    let (Some(d), Some(v)) = (app.dispute().cloned(), app.current()) else {
        return;
    };
    let sets = app.sets();
    let Some(draft) = adj::taken_claim(&d, v, &sets, &app.slugs, &app.article) else {
        app.core.message =
            Some("that version is not in the article's text; it cannot be edited".into());
        return;
    };
    // Empty, the version's kind as the hint: Enter keeps it, a letter
    // changes it, and typing never appends to the old word.
    app.mode = Mode::Edit {
        step: EditStep::Kind,
        input: LineInput::new("", Some(draft.kind.as_str().to_owned())),
        draft: Box::new(draft),
    };
}

/// A kind typed in full or by its first letters (`s`, `anon`).
pub fn parse_kind(text: &str) -> Option<Kind> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    Kind::ALL.into_iter().find(|k| k.as_str().starts_with(&t))
}

/// The edit prompt was submitted (on to the next field, or into gold) or
/// left (nothing changes).
pub fn prompt_done(app: &mut AdjudicateApp, edit: Edit) {
    let Mode::Edit { step, draft, input } = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    let Edit::Submit(text) = edit else {
        app.core.message = Some("edit left; nothing went to gold".into());
        return;
    };
    let mut draft = draft;
    app.core.message = None;
    match step {
        EditStep::Kind => {
            let kind = match text.as_deref() {
                None => draft.kind,
                Some(t) => match parse_kind(t) {
                    Some(k) => k,
                    None => {
                        app.core.message = Some(format!(
                            "{t:?} is not a kind: type sourced, anonymous or editorial (or s, a, e)"
                        ));
                        app.mode = Mode::Edit {
                            step,
                            draft,
                            input: LineInput::new("", input.hint),
                        };
                        return;
                    }
                },
            };
            draft.kind = kind;
            if kind.has_source() {
                let source = draft.source.clone().unwrap_or_default();
                let mut input = LineInput::new(source, None);
                input.complete = app
                    .sources
                    .as_ref()
                    .map(|(r, exists, _)| Complete::new(Arc::clone(r), *exists));
                app.mode = Mode::Edit {
                    step: EditStep::Source,
                    draft,
                    input,
                };
            } else {
                draft.source = None;
                ask_note(app, draft);
            }
        }
        EditStep::Source => {
            draft.source = source_typed(app, text);
            ask_note(app, draft);
        }
        EditStep::Note => {
            draft.note = text;
            draft
                .extra
                .insert(adj::EDITED_KEY.to_owned(), toml::Value::Boolean(true));
            let from = adj::from_of(&draft.extra);
            let what = format!("edited version of {} ({}) → gold", names(&from), draft.kind);
            decide(app, vec![*draft], Vec::new(), what);
        }
    }
}

fn undo(app: &mut AdjudicateApp) {
    let Some(s) = app.undo.pop() else {
        app.core.message = Some("nothing to undo".into());
        return;
    };
    app.gold.claims = s.claims;
    app.gold.dismissed = s.dismissed;
    app.focus = crate::row::clamp(s.focus, app.plan.disputes.len());
    app.cursor = 0;
    app.core.revision += 1;
    app.refresh();
    app.core.message = Some(format!(
        "decision undone; {} of {} disagreements left",
        app.left(),
        app.plan.disputes.len()
    ));
}

/// On to the note prompt, with the draft's note in it.
fn ask_note(app: &mut AdjudicateApp, draft: Box<Claim>) {
    let note = draft.note.clone().unwrap_or_default();
    app.mode = Mode::Edit {
        step: EditStep::Note,
        draft,
        input: LineInput::new(note, None),
    };
}

/// `name; type` in the source prompt: the source is the name, and a name
/// the registry does not know yet is added to it with that type (as the
/// annotation screen does).
fn source_typed(app: &mut AdjudicateApp, text: Option<String>) -> Option<String> {
    let Some((registry, _, path)) = &app.sources else {
        return text;
    };
    let Some((name, t)) = text.as_deref().and_then(split_type) else {
        return text;
    };
    let Some(kind) = registry.type_for(t).map(|t| t.id.clone()) else {
        return text;
    };
    if name.is_empty() {
        return text;
    }
    let name = name.to_owned();
    if registry.resolve(&name).is_none() {
        match byline_store::sources::add(path, &name, &kind) {
            Ok(r) => {
                let label = r.label(&kind);
                app.core.message = Some(format!("added “{name}” ({label}) to {}", path.display()));
                let path = path.clone();
                app.sources = Some((Arc::new(r), true, path));
            }
            Err(e) => app.core.message = Some(format!("not added to the sources registry: {e}")),
        }
    }
    Some(name)
}
