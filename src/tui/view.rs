//! Drawing. Reads the state, wraps only the paragraphs that are visible,
//! and never writes anything but the frame.

use super::keymap;
use super::state::{App, Mode, PromptKind, SaveState, Span};
use super::theme::Theme;
use super::wrap::wrap;
use crate::annotation::{Claim, Kind};
use crate::article::Paragraph;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph as TParagraph, Widget, Wrap};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Below this the screen says so instead of drawing a broken layout.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Columns left of the text: current-paragraph bar, S, A, E, space.
const GUTTER: u16 = 5;
const MINIMAP: u16 = 4;
/// The longest screen line of article text.
const MAX_LINE: u16 = 100;

/// Below the minimum the screen only says so, and keys but quit do nothing.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Draws the whole screen and places the terminal cursor in a prompt.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if let Some(pos) = draw(app, theme, area, frame.buffer_mut()) {
        frame.set_cursor_position(pos);
    }
}

/// Draws into `buf`; returns where the text cursor goes, if anywhere.
pub fn draw(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if too_small(area.width, area.height) {
        let msg = format!(
            "terminal too small: {}x{}, byline needs {MIN_WIDTH}x{MIN_HEIGHT}",
            area.width, area.height
        );
        TParagraph::new(msg)
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return None;
    }
    let panel_h = panel_height(app, area.height);
    let [status, main, panel, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(panel_h),
        Constraint::Length(1),
    ])
    .areas(area);
    let [text, map] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(MINIMAP)]).areas(main);

    draw_status(app, theme, status, buf);
    draw_body(app, theme, text, buf);
    draw_minimap(app, theme, map, buf);
    draw_panel(app, theme, panel, buf);
    let cursor = draw_footer(app, theme, footer, buf);
    match app.mode {
        Mode::Help { scroll } => {
            draw_help(theme, scroll, area, buf);
            return None;
        }
        Mode::Summary => {
            draw_summary(app, theme, main, buf);
            return None;
        }
        _ => {}
    }
    cursor
}

fn panel_height(app: &App, height: u16) -> u16 {
    let n = app.claims_of(app.cursor.para).len() as u16;
    (n.max(1) + 1).min((height / 3).max(2))
}

// ---- status line ---------------------------------------------------------

fn draw_status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let counts = app.set.counts();
    let saved = match &app.save {
        _ if app.loading => "loading…".to_owned(),
        SaveState::Saved => "saved".to_owned(),
        SaveState::Pending => "saving…".to_owned(),
        SaveState::Failed(e) => format!("NOT SAVED: {e}"),
        SaveState::ReadOnly(_) => "read-only".to_owned(),
    };
    let total = if app.loading {
        "…".to_owned()
    } else {
        app.article.len().to_string()
    };
    let review = app.set.claims.iter().filter(|c| c.needs_review()).count();
    let saved = if review > 0 {
        format!("⚠ {review} to review (R) │ {saved}")
    } else {
        saved
    };
    let right = format!(
        " {} │ ¶ {}/{} │ S {} A {} E {} │ {saved} ",
        app.set.annotator.name,
        app.cursor.para + 1,
        total,
        counts.get(Kind::Sourced),
        counts.get(Kind::Anonymous),
        counts.get(Kind::Editorial),
    );
    buf.set_style(area, theme.bar());
    let right_w = (right.width() as u16).min(area.width);
    let right_x = area.right() - right_w;
    let title_w = right_x.saturating_sub(area.x) as usize;
    let title = truncate(&format!(" {}", app.article.title), title_w);
    buf.set_stringn(area.x, area.y, &title, title_w, theme.bar());
    let style = match app.save {
        SaveState::Failed(_) => theme.bar().patch(theme.warning()),
        _ => theme.bar(),
    };
    // Narrow screens drop the annotator name before the counts.
    let right = if right.width() > area.width as usize {
        format!(
            " ¶{}/{} S{} A{} E{} {saved}",
            app.cursor.para + 1,
            total,
            counts.get(Kind::Sourced),
            counts.get(Kind::Anonymous),
            counts.get(Kind::Editorial)
        )
    } else {
        right
    };
    let w = (right.width() as u16).min(area.width);
    buf.set_stringn(area.right() - w, area.y, &right, w as usize, style);
}

/// Cuts `s` to `width` columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

// ---- the article ---------------------------------------------------------

pub(crate) enum Row {
    Blank,
    Text { para: usize, line: Range<usize> },
}

/// Which paragraph lines fill a body of `height` rows for the annotation
/// screen: its cursor (or the growing selection's end) stays in view.
fn body_rows(app: &App, width: usize, height: usize) -> Vec<Row> {
    let para = app.current();
    let focus = match app.mode {
        Mode::Select { end, .. } => para.byte_of(end.saturating_sub(1)),
        _ => para.byte_of(app.cursor.start),
    };
    rows_around(
        &app.article.paragraphs,
        app.cursor.para,
        focus,
        width,
        height,
    )
}

/// Some context before, the paragraph `cur` (scrolled to the byte `focus`
/// if it is taller than the screen), context after. Only these paragraphs
/// are wrapped, so the cost does not grow with the article. Shared by the
/// annotation and review screens.
pub(crate) fn rows_around(
    paragraphs: &[Paragraph],
    cur: usize,
    focus: usize,
    width: usize,
    height: usize,
) -> Vec<Row> {
    let lines = wrap(&paragraphs[cur].text, width);
    let focus_line = lines.iter().rposition(|l| l.start <= focus).unwrap_or(0);
    if lines.len() + 2 > height {
        let first = focus_line
            .saturating_sub(height / 3)
            .min(lines.len().saturating_sub(height));
        return lines
            .into_iter()
            .skip(first)
            .take(height)
            .map(|line| Row::Text { para: cur, line })
            .collect();
    }
    let budget = (height - lines.len()) / 3;
    let mut before: Vec<Row> = Vec::new();
    let mut p = cur;
    while before.len() < budget && p > 0 {
        p -= 1;
        before.push(Row::Blank);
        for line in wrap(&paragraphs[p].text, width).into_iter().rev() {
            before.push(Row::Text { para: p, line });
        }
    }
    before.truncate(budget);
    // A blank row at the very top only wastes a line.
    while matches!(before.last(), Some(Row::Blank)) {
        before.pop();
    }
    before.reverse();
    let mut rows = before;
    rows.extend(lines.into_iter().map(|line| Row::Text { para: cur, line }));
    let mut p = cur + 1;
    while rows.len() < height && p < paragraphs.len() {
        rows.push(Row::Blank);
        for line in wrap(&paragraphs[p].text, width) {
            rows.push(Row::Text { para: p, line });
        }
        p += 1;
    }
    rows.truncate(height);
    rows
}

fn draw_body(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // One column of air between the text and the minimap.
    // Lines longer than this are hard to read on a wide terminal.
    let width = area.width.saturating_sub(GUTTER + 1).clamp(1, MAX_LINE) as usize;
    let rows = body_rows(app, width, area.height as usize);
    let mut marks: Option<(usize, ParaMarks)> = None;
    for (y, row) in rows.iter().enumerate() {
        let Row::Text { para, line } = row else {
            continue;
        };
        if marks.as_ref().is_none_or(|(p, _)| p != para) {
            marks = Some((*para, ParaMarks::new(app, *para)));
        }
        let Some((_, m)) = &marks else { continue };
        let y = area.y + y as u16;
        let (gutter, text) = m.line(app, theme, line.clone());
        buf.set_line(area.x, y, &gutter, GUTTER);
        buf.set_line(area.x + GUTTER, y, &text, area.width.saturating_sub(GUTTER));
    }
}

/// A paragraph's claims and selection in byte offsets, ready to style lines.
struct ParaMarks<'a> {
    para: usize,
    p: &'a Paragraph,
    claims: Vec<(Range<usize>, Kind, &'a Claim)>,
    selection: Option<Range<usize>>,
    hit: Option<Range<usize>>,
}

impl<'a> ParaMarks<'a> {
    fn new(app: &'a App, para: usize) -> Self {
        let p = app.paragraph(para);
        let bytes = |s: Span| p.byte_of(s.start)..p.byte_of(s.end);
        // A claim that needs review has offsets that no longer hold its
        // quote: drawing it would mark the wrong words. The panel lists it.
        let claims = app.set.claims[app.claims_of(para)]
            .iter()
            .filter(|c| !c.needs_review())
            .map(|c| (p.byte_of(c.start)..p.byte_of(c.end), c.kind, c))
            .collect();
        let selection = (app.cursor.para == para && !matches!(app.mode, Mode::Help { .. }))
            .then(|| bytes(app.target()));
        let hit = app.search_hit.filter(|h| h.para == para).map(bytes);
        ParaMarks {
            para,
            p,
            claims,
            selection,
            hit,
        }
    }

    /// The gutter and the styled text of one screen line.
    fn line(&self, app: &App, theme: &Theme, line: Range<usize>) -> (Line<'a>, Line<'a>) {
        let current = self.para == app.cursor.para;
        let base = if !current {
            theme.context()
        } else if self.p.heading {
            theme.heading()
        } else {
            Style::new()
        };
        let mut cuts = vec![line.start, line.end];
        for (r, _, _) in &self.claims {
            cuts.extend([r.start, r.end]);
        }
        for r in self.selection.iter().chain(self.hit.iter()) {
            cuts.extend([r.start, r.end]);
        }
        cuts.retain(|c| (line.start..=line.end).contains(c));
        cuts.sort_unstable();
        cuts.dedup();
        let inside = |r: &Range<usize>, a: usize, b: usize| r.start <= a && b <= r.end;
        let mut spans = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let mut style = base;
            // Where claims overlap, the one that starts last shows (ties:
            // the shorter), as in agreement counting.
            if let Some((_, kind, _)) = self
                .claims
                .iter()
                .filter(|(r, _, _)| inside(r, a, b))
                .max_by_key(|(r, _, _)| (r.start, std::cmp::Reverse(r.end)))
            {
                style = style.patch(theme.kind(*kind));
            }
            if self.hit.as_ref().is_some_and(|r| inside(r, a, b)) {
                style = style.patch(theme.search_hit());
            }
            if self.selection.as_ref().is_some_and(|r| inside(r, a, b)) {
                style = style.patch(theme.selection());
            }
            spans.push(TSpan::styled(&self.p.text[a..b], style));
        }
        let mut gutter = vec![TSpan::styled(
            if current { "▌" } else { " " },
            if current {
                Style::new()
            } else {
                theme.context()
            },
        )];
        for k in Kind::ALL {
            let present = self.claims.iter().any(|(r, kind, _)| {
                *kind == k && r.start < line.end.max(line.start + 1) && line.start < r.end
            });
            gutter.push(if present {
                TSpan::styled(k.letter().to_string(), theme.kind(k))
            } else {
                TSpan::raw(" ")
            });
        }
        gutter.push(TSpan::raw(" "));
        (Line::from(gutter), Line::from(spans))
    }
}

// ---- minimap -------------------------------------------------------------

/// One row per paragraph, or per band of paragraphs in a long article: the
/// kinds marked there, and where the cursor is.
fn draw_minimap(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = area.height as usize;
    let n = app.article.len();
    if rows == 0 || n == 0 {
        return;
    }
    let row_of = |para: usize| if n <= rows { para } else { para * rows / n };
    let mut kinds = vec![[false; 3]; rows];
    for c in &app.set.claims {
        if let Some(k) = kinds.get_mut(row_of(c.paragraph.saturating_sub(1))) {
            k[c.kind.index()] = true;
        }
    }
    let here = row_of(app.cursor.para);
    for (r, k) in kinds.iter().enumerate() {
        if n <= rows && r >= n {
            break;
        }
        let y = area.y + r as u16;
        let marker = if r == here { "▶" } else { "│" };
        let mstyle = if r == here {
            Style::new()
        } else {
            theme.border()
        };
        buf.set_string(area.x, y, marker, mstyle);
        for kind in Kind::ALL {
            let x = area.x + 1 + kind.index() as u16;
            if k[kind.index()] {
                buf.set_string(x, y, kind.letter().to_string(), theme.kind(kind));
            } else {
                buf.set_string(x, y, "·", theme.border());
            }
        }
    }
}

// ---- claims panel --------------------------------------------------------

fn draw_panel(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let range = app.claims_of(app.cursor.para);
    let title = match range.len() {
        0 => format!(" ¶ {} · no claims ", app.cursor.para + 1),
        1 => format!(" ¶ {} · 1 claim ", app.cursor.para + 1),
        n => format!(" ¶ {} · {n} claims ", app.cursor.para + 1),
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    if range.is_empty() {
        let hint = "move with j/k, grow with v, mark with s a e";
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            hint,
            inner.width.saturating_sub(1) as usize,
            theme.hint(),
        );
        return;
    }
    let under = app.claim_under_cursor();
    let rows = inner.height as usize;
    let pos = under.map_or(0, |u| u.saturating_sub(range.start));
    let skip = (pos + 1).saturating_sub(rows);
    for (y, i) in range.clone().skip(skip).take(rows).enumerate() {
        let c = &app.set.claims[i];
        let selected = Some(i) == under;
        let mut spans = vec![TSpan::raw(if selected { "▶ " } else { "  " })];
        spans.extend(claim_spans(theme, c));
        if let Some(n) = &c.note {
            spans.push(TSpan::raw(format!(" — {n}")));
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(Style::new().add_modifier(ratatui::style::Modifier::BOLD));
        }
        buf.set_line(inner.x, inner.y + y as u16, &line, inner.width);
    }
}

/// A claim on one line: kind (letter and name), a warning when it needs
/// review, its source and its quote. Shared with the review screen.
pub(crate) fn claim_spans<'a>(theme: &Theme, c: &'a Claim) -> Vec<TSpan<'a>> {
    let mut spans = vec![TSpan::styled(
        format!("{} {:<9}", c.kind.letter(), c.kind.as_str()),
        theme.kind(c.kind),
    )];
    if c.needs_review() {
        spans.push(TSpan::styled(" ⚠ needs review", theme.warning()));
    }
    if let Some(s) = c.source.as_deref().filter(|s| !s.is_empty()) {
        spans.push(TSpan::raw(format!(" {s} ·")));
    }
    spans.push(TSpan::styled(format!(" “{}”", c.quote), theme.hint()));
    spans
}

// ---- footer --------------------------------------------------------------

fn draw_footer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<Position> {
    if let Mode::Prompt(p) = &app.mode {
        let (label, keys) = match p.kind {
            PromptKind::Source { .. } => (
                if app
                    .set
                    .claims
                    .get(claim_of(&p.kind))
                    .is_some_and(|c| c.kind == Kind::Anonymous)
                {
                    "Anonymous source: "
                } else {
                    "Source: "
                },
                "Enter keep · Esc leave empty",
            ),
            PromptKind::Note { .. } => ("Note: ", "Enter keep · Esc cancel"),
            PromptKind::Search => ("Search: ", "Enter find · Esc cancel"),
        };
        // A long entry shows its end, where the typing happens.
        let room = (area.width as usize).saturating_sub(label.width() + 1);
        let shown = if p.input.width() > room {
            let mut tail: Vec<char> = Vec::new();
            let mut w = 1;
            for c in p.input.chars().rev() {
                w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if w > room {
                    break;
                }
                tail.push(c);
            }
            std::iter::once('…').chain(tail.into_iter().rev()).collect()
        } else {
            p.input.clone()
        };
        let cursor_x = area.x + (label.width() + shown.width()) as u16;
        let mut spans = vec![TSpan::styled(label, theme.heading()), TSpan::raw(shown)];
        if let Some(h) = &p.hint {
            spans.push(TSpan::styled(format!("  (Tab: {h})"), theme.hint()));
        }
        let line = Line::from(spans);
        buf.set_line(area.x, area.y, &line, area.width);
        let used = line.width() as u16 + 2;
        if used + keys.width() as u16 <= area.width {
            let x = area.right() - keys.width() as u16;
            buf.set_string(x, area.y, keys, theme.hint());
        }
        return Some(Position::new(
            cursor_x.min(area.right().saturating_sub(1)),
            area.y,
        ));
    }
    if let SaveState::ReadOnly(why) = &app.save
        && app.message.is_none()
    {
        buf.set_stringn(
            area.x,
            area.y,
            format!("read-only: {why}"),
            area.width as usize,
            theme.warning(),
        );
        return None;
    }
    if let Some(m) = &app.message {
        buf.set_stringn(area.x, area.y, m, area.width as usize, Style::new());
        return None;
    }
    let hints: &[(keymap::Bindings, &[(crate::tui::action::Action, &str)])] = match app.mode {
        Mode::Select { .. } => &[(keymap::SELECT, SELECT_HINTS)],
        _ => &[(keymap::NORMAL, NORMAL_HINTS)],
    };
    let mut text = String::new();
    for (bindings, list) in hints {
        for (action, label) in list.iter() {
            if let Some(k) = keymap::key_for(bindings, *action) {
                text.push_str(&format!("{k} {label}  "));
            }
        }
    }
    buf.set_stringn(
        area.x,
        area.y,
        truncate(text.trim_end(), area.width as usize),
        area.width as usize,
        theme.hint(),
    );
    None
}

fn claim_of(kind: &PromptKind) -> usize {
    match kind {
        PromptKind::Source { claim, .. } | PromptKind::Note { claim } => *claim,
        PromptKind::Search => usize::MAX,
    }
}

use crate::tui::action::Action as A;
const NORMAL_HINTS: &[(A, &str)] = &[
    (A::NextSentence, "next"),
    (A::NextParagraph, "¶"),
    (A::Select, "select"),
    (A::Mark(Kind::Sourced), "sourced"),
    (A::Mark(Kind::Anonymous), "anon"),
    (A::Mark(Kind::Editorial), "editorial"),
    (A::EditNote, "note"),
    (A::Help, "help"),
    (A::Quit, "quit"),
];
const SELECT_HINTS: &[(A, &str)] = &[
    (A::GrowSentence, "+sent"),
    (A::ShrinkSentence, "-sent"),
    (A::GrowWord, "+word"),
    (A::ShrinkWord, "-word"),
    (A::StartWordRight, "start+"),
    (A::StartWordLeft, "start-"),
    (A::Mark(Kind::Sourced), "src"),
    (A::Mark(Kind::Anonymous), "anon"),
    (A::Mark(Kind::Editorial), "edit"),
    (A::Cancel, "cancel"),
];

// ---- summary -------------------------------------------------------------

/// The export's figures for this article, over the text area.
fn draw_summary(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let stats = app
        .text_stats
        .get_or_init(|| crate::export::TextStats::new(&app.article));
    let summary = crate::export::summarize_with(
        &app.set,
        app.file.display().to_string(),
        Some(stats),
        crate::export::TextStatus::Ok,
    );
    Clear.render(area, buf);
    super::summary::draw_summary(&summary, theme, area, buf);
}

// ---- help ----------------------------------------------------------------

fn draw_help(theme: &Theme, scroll: usize, area: Rect, buf: &mut Buffer) {
    let prompt = keymap::PROMPT_HELP
        .iter()
        .map(|(k, w)| ((*k).to_owned(), *w))
        .collect();
    help_popup(
        theme,
        " byline keys · j/k scroll · any other key closes ",
        vec![
            ("Reading", keymap::help_rows(keymap::NORMAL)),
            ("Selecting (after v)", keymap::help_rows(keymap::SELECT)),
            ("In a prompt", prompt),
        ],
        &["Marks (all underlined): S sourced · A anonymous, italic · E editorial, bold"],
        scroll,
        area,
        buf,
    );
}

/// A scrollable overlay of key tables (generated from the keymaps) and
/// notes; shared by the annotation and review screens.
pub(crate) fn help_popup(
    theme: &Theme,
    title: &str,
    sections: Vec<(&str, Vec<(String, &str)>)>,
    notes: &[&str],
    scroll: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let mut lines: Vec<Line> = Vec::new();
    for (heading, rows) in sections {
        lines.push(Line::styled(heading.to_owned(), theme.heading()));
        for (keys, what) in rows {
            lines.push(Line::from(vec![
                TSpan::styled(format!("  {keys:<14} "), theme.heading()),
                TSpan::raw(what.to_owned()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    for note in notes {
        lines.push(Line::styled((*note).to_owned(), theme.hint()));
    }
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(2);
    let popup = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(popup, buf);
    let visible = h.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(visible));
    TParagraph::new(lines)
        .scroll((scroll as u16, 0))
        .block(
            Block::bordered()
                .title(title.to_owned())
                .border_style(theme.border()),
        )
        .render(popup, buf);
}
