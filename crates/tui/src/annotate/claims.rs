//! The claims list over the annotation screen: every claim of the article
//! in order, with ¶, kind, source, note and quote; filtered by kind and by
//! text as it is typed; `Enter` goes to a claim, `x` deletes it, `n` edits
//! its note. The note of the chosen claim is shown whole, however long.

use super::action::Action;
use super::state::{App, ClaimsList, LineInput, Mode, Prompt, PromptKind};
use super::update::{changed, checkpoint};
use crate::row;
use crate::theme::Theme;
use crate::ui::Ui;
use crate::view_util::truncate;
use crate::widgets::line_input::Edit;
use byline_model::annotation::Kind;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Opens the list on the claim under the cursor (else the first after it).
pub fn open(app: &mut App) {
    if app.set.claims.is_empty() {
        app.core.message = Some("no claims yet: the list is empty".into());
        return;
    }
    let here = app.claim_under_cursor().or_else(|| {
        let at = (app.cursor.para, app.cursor.start);
        app.set
            .claims
            .iter()
            .position(|c| (c.at.para, c.at.start) >= at)
    });
    app.list = Some(ClaimsList {
        at: here.unwrap_or(0),
        ..ClaimsList::default()
    });
    app.mode = Mode::Claims;
}

fn close(app: &mut App) {
    app.list = None;
    app.mode = Mode::Normal;
}

/// A key of the open list.
pub fn update(app: &mut App, action: Action) {
    let shown = app.listed();
    let Some(list) = app.list.as_mut() else {
        app.mode = Mode::Normal;
        return;
    };
    list.at = row::clamp(list.at, shown.len());
    let chosen = shown.get(list.at).copied();
    match action {
        Action::ClaimsNext => list.at = row::next(list.at, shown.len()),
        Action::ClaimsPrev => list.at = row::prev(list.at),
        Action::ClaimsFilter => list.typing = true,
        Action::ClaimsSourced | Action::ClaimsAnonymous | Action::ClaimsEditorial => {
            let kind = match action {
                Action::ClaimsSourced => Kind::Sourced,
                Action::ClaimsAnonymous => Kind::Anonymous,
                _ => Kind::Editorial,
            };
            list.kind = if list.kind == Some(kind) {
                None
            } else {
                Some(kind)
            };
            list.at = 0;
        }
        Action::ClaimsClose => close(app),
        Action::ClaimsGo => {
            if let Some(i) = chosen {
                go_to(app, i);
            }
        }
        Action::ClaimsNote => {
            if let Some(i) = chosen {
                if app.is_read_only() {
                    app.core.message = Some("read-only: the note cannot be changed".into());
                    return;
                }
                app.mode = Mode::Prompt(Prompt {
                    kind: PromptKind::Note { claim: i },
                    line: LineInput::new(app.set.claims[i].note.clone().unwrap_or_default(), None),
                });
            }
        }
        Action::ClaimsDelete => {
            if let Some(i) = chosen {
                if app.is_read_only() {
                    app.core.message = Some("read-only: nothing can be deleted".into());
                    return;
                }
                checkpoint(app);
                let c = app.set.claims.remove(i);
                changed(app);
                app.core.message = Some(format!(
                    "deleted the {} claim in ¶ {} ({} undoes)",
                    c.kind,
                    c.at.para,
                    app.key(Action::Undo)
                ));
                if app.set.claims.is_empty() {
                    close(app);
                }
            }
        }
        _ => {}
    }
}

/// The filter prompt ended: `Enter` keeps the filter, `Esc` clears it.
pub fn filter_done(app: &mut App, edit: Edit) {
    if let Some(list) = app.list.as_mut() {
        list.typing = false;
        if edit == Edit::Cancel {
            list.filter = LineInput::default();
        }
        list.at = 0;
    }
}

/// Puts the cursor on claim `i` and closes the list.
fn go_to(app: &mut App, i: usize) {
    let c = &app.set.claims[i];
    let mut span = app.claim_span(c);
    let message = format!("¶ {} · the {} claim", c.at.para, c.kind);
    if span.start >= span.end {
        span = app.first_sentence(span.para);
    }
    close(app);
    app.cursor = span;
    app.core.message = Some(message);
}

/// Draws the list over `area` (the text and the panel); the footer says
/// its keys.
pub fn draw(app: &App, ui: &Ui, area: Rect, buf: &mut Buffer) {
    let Some(list) = &app.list else { return };
    let theme = ui.theme;
    let shown = app.listed();
    let counts = app.set.counts();
    let total = app.set.claims.len();
    let mut title = format!(
        " Claims {}/{total} · S {} A {} E {} ",
        shown.len(),
        counts.get(Kind::Sourced),
        counts.get(Kind::Anonymous),
        counts.get(Kind::Editorial)
    );
    if let Some(k) = list.kind {
        title.push_str(&format!("· only {k} "));
    }
    Clear.render(area, buf);
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(truncate(&title, area.width as usize));
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    // The filter line while there is one, then the rows, then the chosen
    // claim whole (its note can be long) under a rule.
    let mut y = inner.y;
    if list.typing || !list.filter.text.is_empty() {
        let label = if list.typing {
            "filter: "
        } else {
            "filtered: "
        };
        let line = Line::from(vec![
            TSpan::styled(label, theme.heading()),
            TSpan::raw(list.filter.text.clone()),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
    }
    let left = inner.bottom().saturating_sub(y);
    let chosen = shown.get(row::clamp(list.at, shown.len())).copied();
    let detail = chosen.map(|i| detail_lines(app, i, inner.width as usize));
    // The detail takes at most half of what is left, and at least 2 rows
    // stay for the list.
    let detail_h = detail
        .as_ref()
        .map_or(0, |d| (d.len() as u16 + 1).min(left / 2).max(left.min(2)));
    let rows = left.saturating_sub(detail_h) as usize;
    if shown.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            y,
            "no claim matches",
            inner.width.saturating_sub(1) as usize,
            theme.hint(),
        );
        return;
    }
    let at = list.at.min(shown.len() - 1);
    let skip = (at + 1).saturating_sub(rows.max(1));
    for (row, (n, &i)) in shown.iter().enumerate().skip(skip).take(rows).enumerate() {
        let line = row_line(app, theme, i, n == at, inner.width as usize);
        buf.set_line(inner.x, y + row as u16, &line, inner.width);
    }
    if let Some(detail) = detail
        && detail_h > 1
    {
        let top = inner.bottom() - detail_h;
        buf.set_stringn(
            inner.x,
            top,
            "─".repeat(inner.width as usize),
            inner.width as usize,
            theme.border(),
        );
        for (k, line) in detail.iter().take(detail_h as usize - 1).enumerate() {
            buf.set_line(inner.x, top + 1 + k as u16, line, inner.width);
        }
    }
}

/// One row: `▶ ¶ 14 A regional analysts · note · “quote”`.
fn row_line<'a>(app: &'a App, theme: &Theme, i: usize, chosen: bool, width: usize) -> Line<'a> {
    let c = &app.set.claims[i];
    let narrow = width < 60;
    let kind = if narrow {
        c.kind.letter().to_string()
    } else {
        format!("{} {:<9}", c.kind.letter(), c.kind.as_str())
    };
    let mut spans = vec![
        TSpan::raw(if chosen { "▶" } else { " " }),
        TSpan::raw(if narrow {
            format!("¶{} ", c.at.para)
        } else {
            format!("¶{:<3} ", c.at.para)
        }),
        TSpan::styled(kind, theme.kind(c.kind)),
    ];
    if c.needs_review() {
        spans.push(TSpan::styled(" ⚠", theme.warning()));
    }
    // Source and note cut to a share of the row, so the quote still shows.
    let share = (width / 4).max(8);
    if let Some(s) = c.source.as_deref().filter(|s| !s.is_empty()) {
        spans.push(TSpan::raw(format!(" {} ·", truncate(s, share))));
    }
    if let Some(n) = c.note.as_deref().filter(|n| !n.is_empty()) {
        spans.push(TSpan::styled(
            format!(" note: {} ·", truncate(n, share)),
            Style::new().add_modifier(Modifier::ITALIC),
        ));
    }
    spans.push(TSpan::styled(format!(" “{}”", c.quote), theme.hint()));
    let line = Line::from(spans);
    if chosen {
        line.style(Style::new().add_modifier(Modifier::BOLD))
    } else {
        line
    }
}

/// The chosen claim whole: its source, its note and its quote, wrapped.
fn detail_lines(app: &App, i: usize, width: usize) -> Vec<Line<'static>> {
    let c = &app.set.claims[i];
    let mut text = format!("¶ {} · {}", c.at.para, c.kind);
    if let Some(s) = c.source.as_deref().filter(|s| !s.is_empty()) {
        text.push_str(&format!(" · source: {s}"));
    }
    let mut out: Vec<Line<'static>> = wrap_plain(&text, width)
        .into_iter()
        .map(Line::raw)
        .collect();
    if let Some(n) = c.note.as_deref().filter(|n| !n.is_empty()) {
        out.extend(
            wrap_plain(&format!("note: {n}"), width)
                .into_iter()
                .map(|l| Line::styled(l, Style::new().add_modifier(Modifier::ITALIC))),
        );
    }
    out.extend(
        wrap_plain(&format!("“{}”", c.quote), width)
            .into_iter()
            .map(Line::raw),
    );
    out
}

fn wrap_plain(text: &str, width: usize) -> Vec<String> {
    crate::wrap::wrap(text, width.max(1))
        .into_iter()
        .map(|r| text[r].to_owned())
        .filter(|l| l.width() > 0)
        .collect()
}
