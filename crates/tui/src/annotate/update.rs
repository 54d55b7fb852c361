//! Applies actions and prompt results to the state. Pure: no terminal, no
//! disk.

use super::action::Action;
use super::search;
use super::state::{App, LineInput, Mode, Prompt, PromptKind, Span};
use crate::runtime::Flow;
use crate::widgets::line_input::{Complete, Edit, split_type};
use byline_model::Para;
use byline_model::annotation::{Claim, Kind};
use byline_suggest::Suggestion;
use std::sync::Arc;

pub fn update(app: &mut App, action: Action) -> Flow {
    // A message is about what was just done: it goes with the next action,
    // except that adjusting a selection keeps what the message says of it
    // ("match 1 of 3 … l/h move its end").
    if app.mode == Mode::Normal || !action.adjusts() {
        app.core.message = None;
    }
    if action != Action::ToggleDone {
        app.confirm_done = false;
    }
    match action {
        Action::NextSentence => next_sentence(app),
        Action::PrevSentence => prev_sentence(app),
        Action::NextParagraph => go_paragraph(app, app.cursor.para.next()),
        Action::PrevParagraph => go_paragraph(app, app.cursor.para.prev()),
        Action::FirstParagraph => go_paragraph(app, Para::FIRST),
        Action::LastParagraph => go_paragraph(app, Para::last_of(app.article.len())),
        // Grows from what is selected; already growing, it keeps it.
        Action::Select => {
            let t = app.target();
            app.mode = Mode::Select {
                start: t.start,
                end: t.end,
            }
        }
        Action::GrowSentence => move_end(app, |app, end| first_after(sentence_ends(app), end)),
        Action::ShrinkSentence => move_end(app, |app, end| last_before(sentence_ends(app), end)),
        // Word moves stop on both sides of attached punctuation and quote
        // marks: a selection can end at `US` or `US”`, start at `We` or `“We`.
        Action::GrowWord => move_end(app, |app, end| {
            first_after(app.current().word_ends_near(end), end)
        }),
        Action::ShrinkWord => move_end(app, |app, end| {
            last_before(app.current().word_ends_near(end), end)
        }),
        Action::StartWordRight => move_start(app, |app, start| {
            first_after(app.current().word_starts_near(start), start)
        }),
        Action::StartWordLeft => move_start(app, |app, start| {
            last_before(app.current().word_starts_near(start), start)
        }),
        Action::MarkSourced | Action::MarkAnonymous | Action::MarkEditorial => {
            if let Some(kind) = action.kind() {
                mark(app, kind)
            }
        }
        Action::EditNote => edit_note(app),
        Action::Delete => delete(app),
        Action::Undo => undo(app, true),
        Action::Redo => undo(app, false),
        Action::NextClaim => jump_claim(app, true),
        Action::NextNeedsReview => next_needs_review(app),
        Action::PlaceClaim => place(app),
        Action::PrevClaim => jump_claim(app, false),
        Action::Search => {
            app.mode = Mode::Prompt(Prompt {
                kind: PromptKind::Search,
                line: LineInput::new("", app.last_search.clone()),
            })
        }
        Action::NextSuggestion => jump_suggestion(app, true),
        Action::PrevSuggestion => jump_suggestion(app, false),
        Action::AcceptSuggestion => accept(app),
        Action::Summary => app.mode = Mode::Summary,
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        // The screen opens its message log (it keeps it, not the state).
        Action::Messages => {}
        Action::Cancel => back_to_sentence(app),
        Action::ToggleDone => toggle_done(app),
        Action::Claims => super::claims::open(app),
        Action::ClaimsNext
        | Action::ClaimsPrev
        | Action::ClaimsGo
        | Action::ClaimsDelete
        | Action::ClaimsNote
        | Action::ClaimsFilter
        | Action::ClaimsSourced
        | Action::ClaimsAnonymous
        | Action::ClaimsEditorial
        | Action::ClaimsClose => super::claims::update(app, action),
        Action::Quit => {
            super::progress::leave(app);
            return Flow::Quit;
        }
    }
    Flow::Continue
}

/// `Esc`: from a grown selection, a search match, a suggestion or a claim
/// back to the sentence that holds its start.
fn back_to_sentence(app: &mut App) {
    let t = app.target();
    app.mode = Mode::Normal;
    if let Some(r) = app.sentences(t.para).into_iter().find(|r| r.end > t.start) {
        app.cursor = Span::in_para(t.para, r);
    }
}

/// Marking an article with no claims done asks first: an empty file
/// marked done is more often a slip than a judgement.
fn toggle_done(app: &mut App) {
    let asking =
        app.set.annotator.done.is_none() && app.set.claims.is_empty() && !app.is_read_only();
    if asking && !app.confirm_done {
        app.confirm_done = true;
        app.core.message = Some(format!(
            "no claims are marked in this article: {} again marks it done anyway",
            app.key(Action::ToggleDone)
        ));
        return;
    }
    app.confirm_done = false;
    super::progress::toggle_done(app);
}

/// Goes to paragraph `p` (`14G`), the last when past the end.
pub fn go_to_paragraph(app: &mut App, p: Para) {
    app.core.message = None;
    go_paragraph(app, p);
}

fn set_cursor(app: &mut App, span: Span) {
    app.cursor = span;
    app.mode = Mode::Normal;
}

/// Goes to paragraph `para`, the last when past the end.
fn go_paragraph(app: &mut App, para: Para) {
    let para = para.clamp_to(app.article.len());
    let span = app.first_sentence(para);
    set_cursor(app, span);
}

fn next_sentence(app: &mut App) {
    let c = app.cursor;
    let next = app
        .sentences(c.para)
        .into_iter()
        .find(|r| r.start >= c.end.max(c.start + 1));
    match next {
        Some(r) => set_cursor(app, Span::in_para(c.para, r)),
        None if c.para.next().index() < app.article.len() => go_paragraph(app, c.para.next()),
        None => {}
    }
}

fn prev_sentence(app: &mut App) {
    let c = app.cursor;
    let prev = app
        .sentences(c.para)
        .into_iter()
        .rfind(|r| r.end <= c.start);
    match prev {
        Some(r) => set_cursor(app, Span::in_para(c.para, r)),
        None if c.para > Para::FIRST => {
            let span = app.last_sentence(c.para.prev());
            set_cursor(app, span);
        }
        None => {}
    }
}

/// Moves the end of what is selected (the sentence, a match, a
/// suggestion, a grown selection) to what `f` finds, keeping it after the
/// start; the result is a grown selection.
fn move_end(app: &mut App, f: impl Fn(&App, usize) -> Option<usize>) {
    let Span { start, end, .. } = app.target();
    if let Some(e) = f(app, end)
        && e > start
    {
        app.mode = Mode::Select { start, end: e };
    }
}

/// The first of `stops`, in order, after `at`.
fn first_after(stops: impl IntoIterator<Item = usize>, at: usize) -> Option<usize> {
    stops.into_iter().find(|&s| s > at)
}

/// The last of `stops`, in order, before `at`.
fn last_before<I>(stops: I, at: usize) -> Option<usize>
where
    I: IntoIterator<Item = usize>,
    I::IntoIter: DoubleEndedIterator,
{
    stops.into_iter().rfind(|&s| s < at)
}

/// Where the sentences of the cursor's paragraph end.
fn sentence_ends(app: &App) -> impl DoubleEndedIterator<Item = usize> {
    app.sentences(app.cursor.para).into_iter().map(|r| r.end)
}

/// Moves the start of what is selected to what `f` finds, keeping it
/// before the end.
fn move_start(app: &mut App, f: impl Fn(&App, usize) -> Option<usize>) {
    let Span { start, end, .. } = app.target();
    if let Some(s) = f(app, start)
        && s < end
    {
        app.mode = Mode::Select { start: s, end };
    }
}

/// Records the claims before a change, for undo.
pub(super) fn checkpoint(app: &mut App) {
    app.undo.push(app.snapshot());
    app.redo.clear();
}

pub(super) fn changed(app: &mut App) {
    app.set.sort();
    app.core.revision += 1;
}

/// After a claim or a suggestion is taken away: back to reading, and
/// `said` (given the undo key's label) says what went and how it comes back.
fn taken_away(app: &mut App, said: impl FnOnce(String) -> String) {
    changed(app);
    app.mode = Mode::Normal;
    app.core.message = Some(said(app.key(Action::Undo)));
}

fn refuse_if_read_only(app: &mut App) -> bool {
    if let super::state::SaveState::ReadOnly(why) = &app.core.save {
        app.core.message = Some(format!("read-only: {why}"));
        app.mode = Mode::Normal;
        return true;
    }
    false
}

fn mark(app: &mut App, kind: Kind) {
    if refuse_if_read_only(app) {
        return;
    }
    let t = app.target();
    if t.is_empty() {
        return;
    }
    let len = t.len();
    if len > byline_model::annotation::MAX_CLAIM_CHARS {
        // Stored whole as its quote, a paragraph-long claim in a huge
        // paragraph would make a file byline cannot read back.
        app.core.message = Some(format!(
            "not marked: this span is {len} characters, and a claim is at most {}; select a shorter span ({}, then {}/{} by word)",
            byline_model::annotation::MAX_CLAIM_CHARS,
            app.key(super::action::Action::Select),
            app.key(super::action::Action::ShrinkWord),
            app.key(super::action::Action::GrowWord),
        ));
        app.mode = Mode::Normal;
        return;
    }
    // On a suggestion, its span is marked as another kind: a claim around
    // it (a sentence holding a loaded word) is left as it is.
    let suggestion = app.suggestion_at(t);
    // A claim with exactly this span changes kind; so does one that covers
    // the whole cursor sentence. A smaller claim inside the sentence stays
    // as it is and the sentence gets a claim of its own.
    // A claim that needs review is not where its offsets say: marking
    // these words never changes it (R and p place it).
    let trusted = |i: &usize| !app.set.claims[*i].needs_review();
    let existing = app
        .claim_with_span(t)
        .filter(trusted)
        .or_else(|| match app.mode {
            Mode::Select { .. } => None,
            _ if suggestion.is_some() => None,
            _ => app
                .claim_under_cursor()
                .filter(trusted)
                .filter(|&i| app.set.claims[i].at.contains(&t)),
        });
    checkpoint(app);
    let (index, was_new) = match existing {
        Some(i) => {
            let c = &mut app.set.claims[i];
            let was = c.kind;
            c.kind = kind;
            // The writer's own judgement cites no one (u brings it back).
            let removed = if kind.has_source() {
                None
            } else {
                c.source.take().filter(|s| !s.is_empty())
            };
            let para = c.at.para;
            let undo = app.key(Action::Undo);
            app.core.message = if was == kind {
                (!kind.has_source()).then(|| format!("the claim in ¶ {para} is already {kind}"))
            } else {
                Some(match removed {
                    Some(s) => format!(
                        "changed the claim in ¶ {para}: {was} → {kind}; source “{s}” removed — {undo} undoes"
                    ),
                    None => {
                        format!("changed the claim in ¶ {para}: {was} → {kind} — {undo} undoes")
                    }
                })
            };
            (i, false)
        }
        None => {
            let claim = Claim::new(t, app.paragraph(t.para), kind);
            app.set.claims.push(claim);
            changed(app);
            let i = app.claim_with_span(t).unwrap_or(app.set.claims.len() - 1);
            (i, true)
        }
    };
    if !was_new {
        changed(app);
    }
    let c = &app.set.claims[index];
    app.cursor = Span::new(t.para, c.at.start, c.at.end);
    app.mode = Mode::Normal;
    if kind.has_source() {
        // A new claim's prompt starts empty with a suggestion that Tab
        // takes; an existing claim's prompt holds its source to edit.
        let existing = app.set.claims[index].source.clone().filter(|_| !was_new);
        let hint = if existing.is_some() {
            None
        } else {
            suggestion
                .and_then(|s| s.source)
                .or_else(|| guess_source(app, index))
        };
        let mut line = LineInput::new(existing.unwrap_or_default(), hint);
        line.complete = app
            .sources
            .as_ref()
            .map(|s| Complete::new(Arc::clone(&s.registry), s.exists));
        app.mode = Mode::Prompt(Prompt {
            kind: PromptKind::Source {
                claim: index,
                was_new,
            },
            line,
        });
    }
}

/// A suggested source, from the claim's own words only (never from
/// elsewhere in the paragraph): the source of the attribution the
/// suggestions read in the claim's own reporting clause (the suggestion
/// overlapping the claim most), else a source already used in this file
/// that the claim names (longest first), else the source its words alone
/// name ("according to …", "…, sources say, …", "Ruiz said").
fn guess_source(app: &App, index: usize) -> Option<String> {
    let claim = &app.set.claims[index];
    if let Some(s) = &claim.source {
        return Some(s.clone());
    }
    let para = claim.at.para;
    if para.index() < app.article.len() {
        let overlap = |s: &Suggestion| s.at.shared(&claim.at);
        if let Some(s) = app
            .reading_of(para)
            .iter()
            .filter(|s| s.kind.has_source() && s.source.is_some() && overlap(s) > 0)
            .max_by_key(|s| (overlap(s), std::cmp::Reverse(s.at.start)))
        {
            return s.source.clone();
        }
    }
    let quote = claim.quote.to_lowercase();
    let mut known: Vec<&str> = app
        .set
        .claims
        .iter()
        .filter_map(|c| c.source.as_deref())
        .filter(|s| !s.is_empty() && quote.contains(&s.to_lowercase()))
        .collect();
    known.sort_by_key(|s| std::cmp::Reverse(s.len()));
    if let Some(s) = known.first() {
        return Some((*s).to_owned());
    }
    let own = byline_model::article::Paragraph::new(claim.quote.clone(), false);
    // The user's own cues count here too, when suggestions are on.
    app.suggester
        .as_deref()
        .unwrap_or(byline_suggest::Suggester::shared())
        // Read as a body paragraph: the first would be read as a headline.
        .paragraph(byline_model::Para::from_index(1), &own)
        .into_iter()
        .filter(|s| s.kind.has_source())
        .find_map(|s| s.source)
}

fn edit_note(app: &mut App) {
    if refuse_if_read_only(app) {
        return;
    }
    match app.claim_under_cursor() {
        Some(i) => {
            app.mode = Mode::Prompt(Prompt {
                kind: PromptKind::Note { claim: i },
                line: LineInput::new(app.set.claims[i].note.clone().unwrap_or_default(), None),
            })
        }
        None => app.core.message = Some("no claim under the cursor to add a note to".into()),
    }
}

fn delete(app: &mut App) {
    if refuse_if_read_only(app) {
        return;
    }
    if let Some(s) = app.suggestion_at(app.target()) {
        dismiss(app, s);
        return;
    }
    let placing = app
        .placing
        .as_ref()
        .and_then(|p| app.set.claims.iter().position(|c| c == p));
    // Right after `R`, the claim to delete is the one that needs review,
    // not whatever else the cursor sentence holds.
    let just_found =
        placing.filter(|_| app.placing_at == Some(app.cursor) && matches!(app.mode, Mode::Normal));
    match just_found.or_else(|| app.claim_under_cursor()).or(placing) {
        Some(i) => {
            checkpoint(app);
            let c = app.set.claims.remove(i);
            if Some(i) == placing {
                app.placing = None;
            }
            taken_away(app, |undo| {
                format!("deleted the {} claim ({undo} undoes)", c.kind)
            });
        }
        None => app.core.message = Some("no claim under the cursor to delete".into()),
    }
}

fn undo(app: &mut App, is_undo: bool) {
    let (from, to) = crate::undo::stacks(&mut app.undo, &mut app.redo, is_undo);
    match from.pop() {
        Some(snap) => {
            let now = crate::annotate::state::Snapshot {
                claims: std::mem::replace(&mut app.set.claims, snap.claims),
                dismissed: std::mem::replace(&mut app.set.dismissed, snap.dismissed),
            };
            // Where the change was, so an undo far from the cursor is seen.
            let moved = app
                .set
                .claims
                .iter()
                .find(|c| !now.claims.contains(c))
                .or_else(|| now.claims.iter().find(|c| !app.set.claims.contains(c)))
                .cloned();
            // The change itself went from `before` to `after`: undo goes
            // back over it, redo makes it again.
            let what = if is_undo {
                what_changed(
                    &app.set.claims,
                    &now.claims,
                    &app.set.dismissed,
                    &now.dismissed,
                )
            } else {
                what_changed(
                    &now.claims,
                    &app.set.claims,
                    &now.dismissed,
                    &app.set.dismissed,
                )
            };
            to.push(now);
            changed(app);
            app.mode = Mode::Normal;
            let word = if is_undo { "undone" } else { "redone" };
            if let Some(c) = moved {
                let span = app.claim_span(&c);
                if span.para != app.cursor.para {
                    app.cursor = span;
                    if app.cursor.start >= app.cursor.end {
                        app.cursor = app.first_sentence(span.para);
                    }
                }
            }
            app.core.message = Some(match what {
                Some(what) => format!("{word}: {what}"),
                None => word.to_owned(),
            });
        }
        None => app.core.message = Some(crate::undo::nothing(is_undo)),
    }
}

/// What one change did, from the claims and dismissals `before` it to those
/// `after`: "the note of the editorial claim in ¶ 15", "marking the …".
fn what_changed(
    before: &[Claim],
    after: &[Claim],
    dismissed_before: &[byline_model::annotation::Dismissed],
    dismissed_after: &[byline_model::annotation::Dismissed],
) -> Option<String> {
    let gone: Vec<&Claim> = before.iter().filter(|c| !after.contains(c)).collect();
    let new: Vec<&Claim> = after.iter().filter(|c| !before.contains(c)).collect();
    match (gone.as_slice(), new.as_slice()) {
        ([], []) => {
            let d = dismissed_after
                .iter()
                .find(|d| !dismissed_before.contains(d))?;
            Some(format!(
                "dismissing the {} suggestion in ¶ {}",
                d.kind, d.at.para
            ))
        }
        ([], [c]) => Some(format!("marking the {} claim in ¶ {}", c.kind, c.at.para)),
        ([c], []) => Some(format!("deleting the {} claim in ¶ {}", c.kind, c.at.para)),
        ([was], [now]) => {
            let at = format!("the {} claim in ¶ {}", now.kind, now.at.para);
            Some(if was.kind != now.kind {
                let source = match (&was.source, &now.source) {
                    (Some(s), None) => format!(" (its source “{s}”)"),
                    _ => String::new(),
                };
                format!(
                    "{} → {} of the claim in ¶ {}{source}",
                    was.kind, now.kind, now.at.para
                )
            } else if was.note != now.note {
                format!("the note of {at}")
            } else if was.source != now.source {
                format!("the source of {at}")
            } else {
                format!("the place of {at}")
            })
        }
        (gone, new) => Some(format!("{} changes", gone.len().max(new.len()))),
    }
}

/// Moves to the next claim that needs review (wrapping) and remembers it
/// for `p`. Such a claim may point past the changed article, so its place
/// is clamped, and the message quotes it.
fn next_needs_review(app: &mut App) {
    let key = |c: &Claim| c.at;
    // From the claim found last, so `R` again moves on.
    let here = match &app.placing {
        Some(c) => key(c),
        None => app.cursor,
    };
    let pending: Vec<&Claim> = app.set.claims.iter().filter(|c| c.needs_review()).collect();
    let Some(c) = pending
        .iter()
        .find(|c| key(c) > here)
        .or(pending.first())
        .map(|c| (*c).clone())
    else {
        app.core.message = Some("no claim needs review".into());
        return;
    };
    // Its offsets no longer hold its words: the cursor goes to the sentence
    // about where it was, a whole sentence that `p` or `v`… then place.
    let para = c.at.para.clamp_to(app.article.len());
    let last = app.paragraph(para).char_len().saturating_sub(1);
    let at = c.at.start.min(last);
    let span = app
        .sentences(para)
        .into_iter()
        .find(|r| r.end > at)
        .map(|r| Span::in_para(para, r))
        .unwrap_or_else(|| app.first_sentence(para));
    let n = pending.len();
    set_cursor(app, span);
    app.placing_at = Some(span);
    app.core.message = Some(format!(
        "⚠ {n} to review · “{}” (was ¶ {}) — select its new place, {} places it, {} deletes it",
        crate::view_util::truncate(&c.quote, 60),
        c.at.para,
        app.key(Action::PlaceClaim),
        app.key(Action::Delete),
    ));
    app.placing = Some(c);
}

/// Puts the claim found with `R` on the selection (or the cursor sentence).
fn place(app: &mut App) {
    if refuse_if_read_only(app) {
        return;
    }
    let Some(i) = app
        .placing
        .as_ref()
        .and_then(|p| app.set.claims.iter().position(|c| c == p))
    else {
        app.core.message = Some(format!(
            "nothing to place: {} goes to a claim that needs review",
            app.key(Action::NextNeedsReview)
        ));
        return;
    };
    let t = app.target();
    if t.start >= t.end {
        return;
    }
    if let Some(other) = app.claim_with_span(t).filter(|&j| j != i) {
        app.core.message = Some(format!(
            "a {} claim already has exactly these words; {} deletes the one that needs review",
            app.set.claims[other].kind,
            app.key(Action::Delete)
        ));
        return;
    }
    checkpoint(app);
    let p = app.paragraph(t.para).clone();
    byline_model::annotation::anchor::place_claim(&mut app.set.claims[i], t, &p);
    changed(app);
    app.placing = None;
    app.placing_at = None;
    app.cursor = t;
    app.mode = Mode::Normal;
    app.core.message = Some("placed; the claim no longer needs review".into());
}

fn jump_claim(app: &mut App, forward: bool) {
    if app.set.claims.is_empty() {
        app.core.message = Some("no claims yet".into());
        return;
    }
    let here = app.cursor;
    let key = |c: &Claim| c.at;
    let claims = &app.set.claims;
    let found = if forward {
        claims.iter().find(|c| key(c) > here).or(claims.first())
    } else {
        claims
            .iter()
            .rev()
            .find(|c| key(c) < here)
            .or(claims.last())
    };
    if let Some(c) = found {
        let span = app.claim_span(c);
        set_cursor(app, span);
    }
}

/// The open prompt was submitted (Enter) or left (Esc).
pub fn prompt_done(app: &mut App, edit: Edit) {
    if app.mode == Mode::Claims {
        super::claims::filter_done(app, edit);
        return;
    }
    let Mode::Prompt(prompt) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    match edit {
        Edit::Submit(value) => submit(app, prompt.kind, value),
        _ => {
            let said = app.core.message.take();
            app.core.message = match prompt.kind {
                PromptKind::Source { was_new: true, .. } => Some(format!(
                    "no source recorded ({} or {} on the claim asks again)",
                    app.key(Action::MarkSourced),
                    app.key(Action::MarkAnonymous)
                )),
                // What marking did to the claim (its kind changed) stays.
                PromptKind::Source { was_new: false, .. } => Some(match said {
                    Some(m) => format!("{m}; source unchanged"),
                    None => "source unchanged".into(),
                }),
                _ => None,
            };
        }
    }
    // A note edited from the claims list goes back to the list.
    if app.list.is_some() && app.mode == Mode::Normal {
        app.mode = Mode::Claims;
    }
}

fn submit(app: &mut App, kind: PromptKind, value: Option<String>) {
    match kind {
        PromptKind::Source { claim, was_new } => {
            // `name; type`: the source is the name, and a name the registry
            // does not know yet is added to it with that type.
            let typed = value.as_deref().and_then(split_type).and_then(|(name, t)| {
                let r = &app.sources.as_ref()?.registry;
                let t = r.type_for(t)?;
                (!name.is_empty())
                    .then(|| (name.to_owned(), t.id.clone(), r.resolve(name).is_none()))
            });
            let value = match typed {
                Some((name, kind, new)) => {
                    if new {
                        app.pending_source = Some((name.clone(), kind));
                    }
                    Some(name)
                }
                None => value,
            };
            if let Some(c) = app.set.claims.get_mut(claim)
                && c.source != value
            {
                // Marking and naming the source are one undo step for a
                // new claim; for an existing one, the source is its own.
                if !was_new {
                    app.undo.push(app.snapshot());
                    app.redo.clear();
                }
                app.set.claims[claim].source = value;
                changed(app);
            }
        }
        PromptKind::Note { claim } => {
            if app.set.claims.get(claim).is_some_and(|c| c.note != value) {
                checkpoint(app);
                app.set.claims[claim].note = value;
                changed(app);
            }
        }
        PromptKind::Search => {
            let query = value.or_else(|| app.last_search.clone());
            if let Some(q) = query {
                search(app, &q);
                app.last_search = Some(q);
            }
        }
    }
}

/// Jumps to the next match (case-insensitive, typographic quotes as
/// ASCII) from the cursor, wrapping round, and selects it widened to whole
/// words, so the next key can mark exactly those words.
fn search(app: &mut App, query: &str) {
    let found = search::locate(app, query, search::origin(app));
    let Some(hit) = found.at else {
        app.search_hit = None;
        app.core.message = Some(format!("no match for “{query}”"));
        return;
    };
    let sel = search::selection_of(app, hit);
    let sentence = app
        .sentences(hit.para)
        .into_iter()
        .find(|r| r.end > hit.start)
        .unwrap_or(sel.start..sel.end);
    app.cursor = Span::in_para(hit.para, sentence);
    app.mode = Mode::Select {
        start: sel.start,
        end: sel.end,
    };
    app.search_hit = Some(hit);
    // The keys first: a long query or a narrow screen cuts the end.
    app.core.message = Some(format!(
        "“{query}”: match {} of {} in ¶ {}{} · {} {} {} mark · {} {} {} {} adjust",
        found.index,
        found.total,
        hit.para,
        if found.wrapped { " (wrapped)" } else { "" },
        app.key(Action::MarkSourced),
        app.key(Action::MarkAnonymous),
        app.key(Action::MarkEditorial),
        app.key(Action::GrowWord),
        app.key(Action::ShrinkWord),
        app.key(Action::StartWordRight),
        app.key(Action::StartWordLeft),
    ));
}

/// Moves the selection to the next (or previous) suggestion, wrapping
/// round the article. From a suggestion it goes past it; from a sentence,
/// a suggestion that starts where the cursor does is the next one.
fn jump_suggestion(app: &mut App, forward: bool) {
    if app.suggester.is_none() {
        app.core.message =
            Some("suggestions are off (--no-suggest, or [suggest] enabled = false)".into());
        return;
    }
    let t = app.target();
    let on = app.suggestion_at(t).is_some();
    let key = App::suggestion_order;
    let here = (t.para, t.start, std::cmp::Reverse(t.end));
    let after = |s: &Suggestion| {
        let k = key(s);
        if on {
            k > here
        } else {
            (k.0, k.1) >= (here.0, here.1)
        }
    };
    let before = |s: &Suggestion| {
        let k = key(s);
        if on {
            k < here
        } else {
            (k.0, k.1) < (here.0, here.1)
        }
    };
    let n = app.article.len();
    let mut found = None;
    for step in 0..=n {
        // Round the article: indices modulo its length.
        let para = Para::from_index(if forward {
            (t.para.index() + step) % n
        } else {
            (t.para.index() + n * 2 - step) % n
        });
        let all = app.suggestions_of(para);
        let pick = match (step, forward) {
            (0, true) => all.into_iter().filter(|s| after(s)).min_by_key(key),
            (0, false) => all.into_iter().filter(|s| before(s)).max_by_key(key),
            (s, _) if s == n => None,
            (_, true) => all.into_iter().min_by_key(key),
            (_, false) => all.into_iter().max_by_key(key),
        };
        if pick.is_some() {
            found = pick;
            break;
        }
    }
    // Wrapped round to the cursor's own paragraph.
    if found.is_none() {
        let all = app.suggestions_of(t.para);
        found = if forward {
            all.into_iter().min_by_key(key)
        } else {
            all.into_iter().max_by_key(key)
        };
    }
    let Some(s) = found else {
        app.core.message = Some("no suggestions left".into());
        return;
    };
    set_cursor(app, s.at);
    app.core.message = Some(describe_suggestion(app, &s));
}

/// What the footer says about the suggestion under the cursor.
pub fn describe_suggestion(app: &App, s: &Suggestion) -> String {
    let source = s
        .source
        .as_deref()
        .map(|src| format!(" · source: {src}"))
        .unwrap_or_default();
    // Accept and dismiss first, the source last: on a narrow screen the
    // end is cut, and a long source must not push the keys off.
    format!(
        "? {} — {} accept · {} dismiss · {} {} {} other kind{source}",
        s.kind,
        app.key(Action::AcceptSuggestion),
        app.key(Action::Delete),
        app.key(Action::MarkSourced),
        app.key(Action::MarkAnonymous),
        app.key(Action::MarkEditorial),
    )
}

/// Turns the suggestion under the cursor into a claim, as suggested.
fn accept(app: &mut App) {
    if refuse_if_read_only(app) {
        return;
    }
    let Some(s) = app.suggestion_at(app.target()) else {
        app.core.message = Some(format!(
            "no suggestion here ({} goes to the next)",
            app.key(Action::NextSuggestion)
        ));
        return;
    };
    if s.kind.has_source() && s.source.is_none() {
        // "He said" with no one to point to: ask who.
        mark(app, s.kind);
        return;
    }
    checkpoint(app);
    let at = s.at;
    let mut claim = Claim::new(at, app.paragraph(at.para), s.kind);
    claim.source = s.source.clone();
    app.set.claims.push(claim);
    changed(app);
    app.core.message = Some(format!(
        "marked {}{} ({} undoes)",
        s.kind,
        s.source.map(|x| format!(" · {x}")).unwrap_or_default(),
        app.key(Action::Undo)
    ));
}

/// Dismisses a suggestion for good: it is saved as `[[dismissed]]`.
fn dismiss(app: &mut App, s: Suggestion) {
    checkpoint(app);
    app.set.dismissed.push(byline_model::annotation::Dismissed {
        at: s.at,
        quote: s.quote,
        kind: s.kind,
        extra: Default::default(),
    });
    taken_away(app, |undo| {
        format!(
            "dismissed the {} suggestion ({undo} brings it back)",
            s.kind
        )
    });
}
