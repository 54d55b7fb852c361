//! Applies actions and prompt results to the state. Pure: no terminal, no
//! disk.

use super::action::Action;
use super::state::{App, LineInput, Mode, Prompt, PromptKind, Span};
use crate::annotation::{Claim, Kind};
use crate::tui::runtime::Flow;
use crate::tui::widgets::line_input::Edit;

pub fn update(app: &mut App, action: Action) -> Flow {
    if app.mode == Mode::Normal {
        app.message = None;
    }
    match action {
        Action::NextSentence => next_sentence(app),
        Action::PrevSentence => prev_sentence(app),
        Action::NextParagraph => go_paragraph(app, app.cursor.para + 1),
        Action::PrevParagraph => go_paragraph(app, app.cursor.para.saturating_sub(1)),
        Action::FirstParagraph => go_paragraph(app, 0),
        Action::LastParagraph => go_paragraph(app, app.article.len() - 1),
        Action::Select => {
            app.mode = Mode::Select {
                start: app.cursor.start,
                end: app.cursor.end,
            }
        }
        Action::GrowSentence => move_end(app, |app, end| {
            let s = app.sentences(app.cursor.para);
            s.iter().map(|r| r.end).find(|&e| e > end)
        }),
        Action::ShrinkSentence => move_end(app, |app, end| {
            let s = app.sentences(app.cursor.para);
            s.iter().map(|r| r.end).rfind(|&e| e < end)
        }),
        Action::GrowWord => move_end(app, |app, end| {
            let w = app.current().words_near(end);
            w.iter().map(|r| r.end).find(|&e| e > end)
        }),
        Action::ShrinkWord => move_end(app, |app, end| {
            let w = app.current().words_near(end);
            w.iter().map(|r| r.end).rfind(|&e| e < end)
        }),
        Action::StartWordRight => move_start(app, |app, start| {
            let w = app.current().words_near(start);
            w.iter().map(|r| r.start).find(|&s| s > start)
        }),
        Action::StartWordLeft => move_start(app, |app, start| {
            let w = app.current().words_near(start);
            w.iter().map(|r| r.start).rfind(|&s| s < start)
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
        Action::Summary => app.mode = Mode::Summary,
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        // The screen opens its message log (it keeps it, not the state).
        Action::Messages => {}
        Action::Cancel => app.mode = Mode::Normal,
        Action::Quit => return Flow::Quit,
    }
    Flow::Continue
}

fn set_cursor(app: &mut App, span: Span) {
    app.cursor = span;
    app.mode = Mode::Normal;
}

fn go_paragraph(app: &mut App, para: usize) {
    let para = para.min(app.article.len() - 1);
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
        Some(r) => set_cursor(
            app,
            Span {
                para: c.para,
                start: r.start,
                end: r.end,
            },
        ),
        None if c.para + 1 < app.article.len() => go_paragraph(app, c.para + 1),
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
        Some(r) => set_cursor(
            app,
            Span {
                para: c.para,
                start: r.start,
                end: r.end,
            },
        ),
        None if c.para > 0 => {
            let span = app.last_sentence(c.para - 1);
            set_cursor(app, span);
        }
        None => {}
    }
}

/// Moves the selection's end to what `f` finds, keeping it after the start.
fn move_end(app: &mut App, f: impl Fn(&App, usize) -> Option<usize>) {
    if let Mode::Select { start, end } = app.mode
        && let Some(e) = f(app, end)
        && e > start
    {
        app.mode = Mode::Select { start, end: e };
    }
}

/// Moves the selection's start to what `f` finds, keeping it before the end.
fn move_start(app: &mut App, f: impl Fn(&App, usize) -> Option<usize>) {
    if let Mode::Select { start, end } = app.mode
        && let Some(s) = f(app, start)
        && s < end
    {
        app.mode = Mode::Select { start: s, end };
    }
}

/// Records the claims before a change, for undo.
fn checkpoint(app: &mut App) {
    app.undo.push(app.set.claims.clone());
    app.redo.clear();
}

fn changed(app: &mut App) {
    app.set.sort();
    app.revision += 1;
}

fn refuse_if_read_only(app: &mut App) -> bool {
    if let super::state::SaveState::ReadOnly(why) = &app.save {
        app.message = Some(format!("read-only: {why}"));
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
    if t.start >= t.end {
        return;
    }
    let len = t.end - t.start;
    if len > crate::annotation::MAX_CLAIM_CHARS {
        // Stored whole as its quote, a paragraph-long claim in a huge
        // paragraph would make a file byline cannot read back.
        app.message = Some(format!(
            "not marked: this span is {len} characters, and a claim is at most {}; select a shorter span ({}, then {}/{} by word)",
            crate::annotation::MAX_CLAIM_CHARS,
            app.key(super::action::Action::Select),
            app.key(super::action::Action::ShrinkWord),
            app.key(super::action::Action::GrowWord),
        ));
        app.mode = Mode::Normal;
        return;
    }
    // A claim with exactly this span changes kind; so does one that covers
    // the whole cursor sentence. A smaller claim inside the sentence stays
    // as it is and the sentence gets a claim of its own.
    let existing = app.claim_with_span(t).or_else(|| match app.mode {
        Mode::Select { .. } => None,
        _ => app
            .claim_under_cursor()
            .filter(|&i| app.set.claims[i].start <= t.start && t.end <= app.set.claims[i].end),
    });
    checkpoint(app);
    let (index, was_new) = match existing {
        Some(i) => {
            app.set.claims[i].kind = kind;
            if !kind.has_source() {
                // The writer's own judgement cites no one (u brings it back).
                app.set.claims[i].source = None;
            }
            (i, false)
        }
        None => {
            let claim = Claim::new(t.para + 1, app.paragraph(t.para), t.start, t.end, kind);
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
    app.cursor = Span {
        para: t.para,
        start: c.start,
        end: c.end,
    };
    app.mode = Mode::Normal;
    if kind.has_source() {
        // A new claim's prompt starts empty with a suggestion that Tab
        // takes; an existing claim's prompt holds its source to edit.
        let existing = app.set.claims[index].source.clone().filter(|_| !was_new);
        let hint = if existing.is_some() {
            None
        } else {
            guess_source(app, index)
        };
        app.mode = Mode::Prompt(Prompt {
            kind: PromptKind::Source {
                claim: index,
                was_new,
            },
            line: LineInput::new(existing.unwrap_or_default(), hint),
        });
    }
}

/// A suggested source: one already used in this file that appears in the
/// claim (longest first), else the words after "according to".
fn guess_source(app: &App, index: usize) -> Option<String> {
    let claim = &app.set.claims[index];
    if let Some(s) = &claim.source {
        return Some(s.clone());
    }
    // A long paragraph is looked at near the claim only: lowercasing all
    // of a 50 MB paragraph on every `s` took a second.
    let p = app.paragraph(claim.paragraph - 1);
    let text = if p.text.len() > crate::article::LONG_PARAGRAPH {
        p.slice(
            claim.start.saturating_sub(4096),
            claim.end.saturating_add(4096),
        )
    } else {
        &p.text
    }
    .to_lowercase();
    let mut known: Vec<&str> = app
        .set
        .claims
        .iter()
        .filter_map(|c| c.source.as_deref())
        .filter(|s| !s.is_empty() && text.contains(&s.to_lowercase()))
        .collect();
    known.sort_by_key(|s| std::cmp::Reverse(s.len()));
    if let Some(s) = known.first() {
        return Some((*s).to_owned());
    }
    let quote = &claim.quote;
    let lower = quote.to_lowercase();
    let at = lower.find("according to ")?;
    let rest = quote.get(at + "according to ".len()..)?;
    let end = rest
        .find([',', '.', ';', ':', '"', '”'])
        .unwrap_or(rest.len());
    let guess = rest[..end].trim();
    (!guess.is_empty()).then(|| guess.to_owned())
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
        None => app.message = Some("no claim under the cursor to add a note to".into()),
    }
}

fn delete(app: &mut App) {
    if refuse_if_read_only(app) {
        return;
    }
    let placing = app
        .placing
        .as_ref()
        .and_then(|p| app.set.claims.iter().position(|c| c == p));
    match app.claim_under_cursor().or(placing) {
        Some(i) => {
            checkpoint(app);
            let c = app.set.claims.remove(i);
            if Some(i) == placing {
                app.placing = None;
            }
            changed(app);
            app.mode = Mode::Normal;
            app.message = Some(format!(
                "deleted the {} claim ({} undoes)",
                c.kind,
                app.key(Action::Undo)
            ));
        }
        None => app.message = Some("no claim under the cursor to delete".into()),
    }
}

fn undo(app: &mut App, is_undo: bool) {
    let (from, to) = if is_undo {
        (&mut app.undo, &mut app.redo)
    } else {
        (&mut app.redo, &mut app.undo)
    };
    match from.pop() {
        Some(claims) => {
            to.push(std::mem::replace(&mut app.set.claims, claims));
            changed(app);
            app.mode = Mode::Normal;
            app.message = Some(if is_undo { "undone" } else { "redone" }.into());
        }
        None => {
            app.message = Some(
                if is_undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                }
                .into(),
            )
        }
    }
}

/// Moves to the next claim that needs review (wrapping) and remembers it
/// for `p`. Such a claim may point past the changed article, so its place
/// is clamped, and the message quotes it.
fn next_needs_review(app: &mut App) {
    let here = (app.cursor.para + 1, app.cursor.start, app.cursor.end);
    let key = |c: &Claim| (c.paragraph, c.start, c.end);
    let pending: Vec<&Claim> = app.set.claims.iter().filter(|c| c.needs_review()).collect();
    let Some(c) = pending
        .iter()
        .find(|c| key(c) > here)
        .or(pending.first())
        .map(|c| (*c).clone())
    else {
        app.message = Some("no claim needs review".into());
        return;
    };
    let para = c.paragraph.saturating_sub(1).min(app.article.len() - 1);
    let len = app.paragraph(para).char_len();
    let span = if c.start < c.end && c.end <= len {
        Span {
            para,
            start: c.start,
            end: c.end,
        }
    } else {
        app.first_sentence(para)
    };
    let n = pending.len();
    set_cursor(app, span);
    app.message = Some(format!(
        "⚠ {n} to review · “{}” (was ¶ {}) — select its new place, {} places it, {} deletes it",
        crate::tui::view_util::truncate(&c.quote, 60),
        c.paragraph,
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
        app.message = Some(format!(
            "nothing to place: {} goes to a claim that needs review",
            app.key(Action::NextNeedsReview)
        ));
        return;
    };
    let t = app.target();
    if t.start >= t.end {
        return;
    }
    checkpoint(app);
    let p = app.article.paragraphs[t.para].clone();
    crate::annotation::anchor::place_claim(&mut app.set.claims[i], t.para + 1, &p, t.start, t.end);
    changed(app);
    app.placing = None;
    app.cursor = t;
    app.mode = Mode::Normal;
    app.message = Some("placed; the claim no longer needs review".into());
}

fn jump_claim(app: &mut App, forward: bool) {
    if app.set.claims.is_empty() {
        app.message = Some("no claims yet".into());
        return;
    }
    let here = (app.cursor.para + 1, app.cursor.start, app.cursor.end);
    let key = |c: &Claim| (c.paragraph, c.start, c.end);
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
        let para = (c.paragraph - 1).min(app.article.len() - 1);
        let len = app.paragraph(para).char_len();
        let span = Span {
            para,
            start: c.start.min(len),
            end: c.end.min(len),
        };
        set_cursor(app, span);
    }
}

/// The open prompt was submitted (Enter) or left (Esc).
pub fn prompt_done(app: &mut App, edit: Edit) {
    let Mode::Prompt(prompt) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    match edit {
        Edit::Submit(value) => submit(app, prompt.kind, value),
        _ => {
            app.message = match prompt.kind {
                PromptKind::Source { was_new: true, .. } => Some(format!(
                    "no source recorded ({} or {} on the claim asks again)",
                    app.key(Action::MarkSourced),
                    app.key(Action::MarkAnonymous)
                )),
                PromptKind::Source { was_new: false, .. } => Some("source unchanged".into()),
                _ => None,
            };
        }
    }
}

fn submit(app: &mut App, kind: PromptKind, value: Option<String>) {
    match kind {
        PromptKind::Source { claim, was_new } => {
            if let Some(c) = app.set.claims.get_mut(claim)
                && c.source != value
            {
                // Marking and naming the source are one undo step for a
                // new claim; for an existing one, the source is its own.
                if !was_new {
                    app.undo.push(app.set.claims.clone());
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

/// Finds the next case-insensitive match after the cursor, wrapping round,
/// and puts the cursor on its sentence.
fn search(app: &mut App, query: &str) {
    let needle: Vec<char> = query.chars().map(lower).collect();
    let n = app.article.len();
    // Repeating a search starts after the last hit, not at its sentence.
    let from = match app.search_hit {
        Some(h) if h.para == app.cursor.para && h.start >= app.cursor.start => h.start + 1,
        _ => app.cursor.start + 1,
    };
    let here = app.cursor.para;
    for step in 0..=n {
        let para = (here + step) % n;
        let p = app.paragraph(para);
        let min_start = if step == 0 { from } else { 0 };
        if let Some(start) = find_ci(&p.text, &needle, min_start) {
            let end = start + needle.len();
            let sentence = app
                .sentences(para)
                .into_iter()
                .find(|r| r.end > start)
                .unwrap_or(start..end);
            set_cursor(
                app,
                Span {
                    para,
                    start: sentence.start,
                    end: sentence.end,
                },
            );
            app.search_hit = Some(Span { para, start, end });
            let wrapped = step == n || para < here;
            app.message = Some(format!(
                "“{query}” in ¶ {}{}",
                para + 1,
                if wrapped {
                    " (search wrapped to the top)"
                } else {
                    ""
                }
            ));
            return;
        }
    }
    app.search_hit = None;
    app.message = Some(format!("no match for “{query}”"));
}

/// `char` index of the first case-insensitive match at or after `min`.
fn find_ci(text: &str, needle: &[char], min: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let hay: Vec<char> = text.chars().map(lower).collect();
    if hay.len() < needle.len() {
        return None;
    }
    (min..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// One char to one char, so match offsets stay `char` offsets.
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}
