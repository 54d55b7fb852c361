//! Drawing the review screen. Reads the state, wraps only the visible
//! paragraphs, and writes nothing but the frame.

use super::action::{Action, HINTS, NORMAL};
use super::state::{Mode, ReviewApp};
use crate::theme::Theme;
use crate::ui::Ui;
use crate::view_util::{
    Mark, MarkedBody, Row, draw_panel_block, draw_status_line, rows_around, screen_areas, touches,
};
use crate::widgets::{footer, help};
use byline_model::Para;
use byline_model::annotation::Claim;
use byline_model::review::compare::State;
use byline_model::review::verdict::{Entry, Verdict};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Columns left of the text: current-paragraph bar, four markers, the
/// verdict, a space.
const GUTTER: u16 = 7;
const PANEL: u16 = 4;

fn state_style(theme: &Theme, s: State) -> Style {
    theme.comparison(s)
}

/// The gutter character of a state.
pub fn state_marker(s: State) -> char {
    match s {
        State::Agreed => '=',
        State::KindConflict => '≠',
        State::OnlyMine => 'M',
        State::OnlyTheirs => 'T',
    }
}

const STATES: [State; 4] = [
    State::Agreed,
    State::KindConflict,
    State::OnlyMine,
    State::OnlyTheirs,
];

fn verdict_marker(e: Option<&Entry>) -> &'static str {
    match e.map(|e| e.verdict) {
        Some(Verdict::Agree) => "✓",
        Some(Verdict::Dispute) => "✗",
        None => " ",
    }
}

pub fn render(app: &ReviewApp, ui: &Ui, frame: &mut Frame) {
    crate::view_util::render_with_cursor(frame, |area, buf| draw(app, ui, area, buf));
}

/// Draws into `buf`; returns where the text cursor goes, if anywhere.
pub fn draw(app: &ReviewApp, ui: &Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = ui.theme;
    let [status, body, panel, footer] = screen_areas(area, PANEL);
    draw_status(app, theme, status, buf);
    draw_body(app, theme, body, buf);
    draw_panel(app, theme, panel, buf);
    let cursor = draw_footer(app, ui, footer, buf);
    if let Mode::Help { scroll } = app.mode {
        draw_help(app, ui, scroll, area, buf);
        return None;
    }
    cursor
}

fn draw_status(app: &ReviewApp, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = app.progress();
    let saved = app.core.save.label_with(app.core.diverted);
    let long = format!(
        " {} reviews {} │ reviewed {}/{} · agreed {} · disputed {} │ {saved} ",
        app.parts.review.meta.reviewer,
        app.parts.review.meta.of,
        p.reviewed,
        p.claims,
        p.agreed,
        p.disputed
    );
    let of = format!(
        " of {} │ reviewed {}/{} · agreed {} · disputed {} │ {saved} ",
        app.parts.review.meta.of, p.reviewed, p.claims, p.agreed, p.disputed
    );
    let medium = format!(
        " reviewed {}/{} · agreed {} · disputed {} │ {saved} ",
        p.reviewed, p.claims, p.agreed, p.disputed
    );
    let short = format!(
        " {}/{} ✓{} ✗{} │ {saved} ",
        p.reviewed, p.claims, p.agreed, p.disputed
    );
    // Narrow screens drop the names, then the words, before the title.
    let right = [long, of, medium, short]
        .into_iter()
        .find(|s| s.width() + 12 <= area.width as usize)
        .unwrap_or_else(|| format!(" {}/{} │ {saved} ", p.reviewed, p.claims));
    draw_status_line(
        theme,
        &app.parts.article.title,
        &right,
        &app.core.save,
        area,
        buf,
    );
}

// ---- the article ---------------------------------------------------------

/// The focused paragraph (scrolled to the focus if taller than the body),
/// with context before and after. Only these paragraphs are wrapped.
fn body_rows(app: &ReviewApp, width: usize, height: usize) -> Vec<Row> {
    let cur = app.paragraph();
    let p = &app.parts.article[cur];
    let focus = app
        .focused()
        .filter(|i| i.at.para == cur)
        .map_or(0, |i| p.byte_of(i.at.start));
    rows_around(&app.parts.article.paragraphs, cur, focus, width, height)
}

/// The marks of `para`, each with its verdict's marker.
fn marks(app: &ReviewApp, theme: &Theme, para: Para) -> Vec<Mark<Option<&'static str>>> {
    let p = &app.parts.article[para];
    let bytes = |c: &Claim| p.byte_of(c.at.start)..p.byte_of(c.at.end);
    let mut out = Vec::new();
    for item in app.items.iter().filter(|i| i.at.para == para) {
        let theirs = item.theirs.map(|t| &app.parts.theirs.claims[t]);
        let verdict = item.theirs.map(|t| verdict_marker(app.verdict(t)));
        match app.state_of(item) {
            Some(state) => {
                let style = state_style(theme, state);
                let col = STATES.iter().position(|s| *s == state).unwrap_or(0);
                let marker = (col, state_marker(state), style);
                for c in theirs.into_iter().chain(app.my_claim(item)) {
                    out.push(Mark {
                        bytes: bytes(c),
                        style,
                        marker,
                        tag: verdict,
                    });
                }
            }
            None => {
                if let Some(c) = theirs {
                    let style = theme.kind(c.kind);
                    out.push(Mark {
                        bytes: bytes(c),
                        style,
                        marker: (c.kind.index(), c.kind.letter(), style),
                        tag: verdict,
                    });
                }
            }
        }
    }
    out
}

fn draw_body(app: &ReviewApp, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width.saturating_sub(GUTTER).max(1) as usize;
    let rows = body_rows(app, width, area.height as usize);
    let cur = app.paragraph();
    let focus: Option<(Para, Range<usize>)> = app.focused().map(|i| {
        let para = i.at.para;
        let p = &app.parts.article[para.clamp_to(app.parts.article.len())];
        (para, p.byte_of(i.at.start)..p.byte_of(i.at.end))
    });
    MarkedBody {
        article: &app.parts.article,
        theme,
        cur,
        sel: focus,
        gutter: GUTTER,
    }
    .draw(
        &rows,
        area,
        buf,
        |para| marks(app, theme, para),
        |marks, line| Some(Span::raw(verdict_on(marks, line))),
    );
}

/// The verdict column of a screen line: ✗ where a claim on it is
/// disputed, else ✓ where one is agreed with.
fn verdict_on(marks: &[Mark<Option<&'static str>>], line: &Range<usize>) -> &'static str {
    let on_line: Vec<&str> = marks
        .iter()
        .filter(|m| touches(&m.bytes, line))
        .filter_map(|m| m.tag)
        .collect();
    if on_line.contains(&"✗") {
        "✗"
    } else if on_line.contains(&"✓") {
        "✓"
    } else {
        " "
    }
}

// ---- the focused claim ---------------------------------------------------

fn claim_spans<'a>(theme: &Theme, who: &'a str, c: &'a Claim) -> Vec<Span<'a>> {
    let mut spans = vec![Span::styled(format!("{who:<7}"), theme.heading())];
    spans.extend(crate::view_util::claim_spans(theme, c));
    spans
}

fn draw_panel(app: &ReviewApp, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let p = app.progress();
    let item = app.focused();
    let title = match item {
        None => " no claims to review ".to_owned(),
        Some(i) => {
            let n = i.theirs.map_or(String::new(), |t| {
                format!(" · claim {}/{} of theirs", t + 1, p.claims)
            });
            let state = app.state_of(i).map_or(String::new(), |s| {
                format!(" · {} {}", state_marker(s), s.describe())
            });
            format!(" ¶ {}{n}{state} ", i.at.para)
        }
    };
    let inner = draw_panel_block(theme, title, area, buf);
    let Some(item) = item else {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "their file has no claims; q quits",
            inner.width.saturating_sub(1) as usize,
            theme.hint(),
        );
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    let theirs = item.theirs.map(|t| &app.parts.theirs.claims[t]);
    match theirs {
        Some(c) => lines.push(Line::from(claim_spans(theme, "theirs", c))),
        None => lines.push(Line::styled("theirs —", theme.hint())),
    }
    if app.parts.side_by_side {
        match app.my_claim(item) {
            Some(c) => lines.push(Line::from(claim_spans(theme, "mine", c))),
            None => lines.push(Line::styled("mine   —", theme.hint())),
        }
    } else if let Some(n) = theirs.and_then(|c| c.note.as_deref()) {
        lines.push(Line::from(vec![
            Span::styled(format!("{:<7}", "note"), theme.heading()),
            Span::raw(n),
        ]));
    }
    if let Some(t) = item.theirs {
        let line = match app.verdict(t) {
            None => Line::styled(
                format!(
                    "not reviewed yet: {} agree · {} dispute · {} {} {} propose a kind",
                    app.key(Action::Agree),
                    app.key(Action::Dispute),
                    app.key(Action::ProposeSourced),
                    app.key(Action::ProposeAnonymous),
                    app.key(Action::ProposeEditorial)
                ),
                theme.hint(),
            ),
            Some(e) => {
                let mut s = vec![Span::styled(format!("{:<7}", "you"), theme.heading())];
                s.push(Span::raw(match e.verdict {
                    Verdict::Agree => "✓ agreed".to_owned(),
                    Verdict::Dispute => "✗ disputed".to_owned(),
                }));
                if let Some(k) = e.kind {
                    s.push(Span::raw(" → proposes "));
                    s.push(Span::styled(format!("{} {}", k.letter(), k), theme.kind(k)));
                }
                if let Some(c) = &e.comment {
                    s.push(Span::raw(format!(" — {c}")));
                }
                Line::from(s)
            }
        };
        lines.push(line);
    }
    for (y, line) in lines.iter().take(inner.height as usize).enumerate() {
        buf.set_line(inner.x, inner.y + y as u16, line, inner.width);
    }
}

// ---- footer --------------------------------------------------------------

fn draw_footer(app: &ReviewApp, ui: &Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = ui.theme;
    if let Mode::Comment { input, claim, .. } = &app.mode {
        let label = match app.verdict(*claim).and_then(|e| e.kind) {
            Some(k) => format!("Why {k}? "),
            None => "Comment: ".to_owned(),
        };
        return Some(input.draw(&label, ("keep", "leave"), &ui.keys.prompt, theme, area, buf));
    }
    if let Some(m) = &app.core.message {
        footer::draw_message(m, Style::new(), area, buf);
        return None;
    }
    let hints: Vec<(Action, &str)> = HINTS
        .iter()
        .filter(|(a, _)| app.parts.side_by_side || *a != Action::NextDisagreement)
        .copied()
        .collect();
    footer::draw_hints(&footer::hints(&ui.keys.review, &hints), theme, area, buf);
    None
}

// ---- help ----------------------------------------------------------------

fn draw_help(app: &ReviewApp, ui: &Ui, scroll: usize, area: Rect, buf: &mut Buffer) {
    let mut notes = vec!["Gutter: ✓ agreed · ✗ disputed by you; their kinds S A E"];
    if app.parts.side_by_side {
        notes.push("With your file: = agreed · ≠ kind conflict · M only mine · T only theirs");
    }
    help::draw(
        ui.look(),
        "byline review keys",
        vec![
            ("Reviewing", ui.keys.review.help_rows(NORMAL)),
            ("In the comment prompt", help::prompt_rows(&ui.keys.prompt)),
        ],
        &notes,
        scroll,
        area,
        buf,
    );
}
