//! Drawing the annotation screen. Reads the state, wraps only the
//! paragraphs that are visible, and never writes anything but the frame.

use super::action::{Action, CLAIMS, NORMAL, SELECT};
use super::search;
use super::state::{App, Mode, PromptKind, Span};
use crate::theme::Theme;
use crate::ui::Ui;
use crate::view_util::{
    Row, cuts, draw_panel_block, draw_status_line, rows_around, screen_areas, truncate,
};
use crate::widgets::{footer, help};
use byline_model::Para;
use byline_model::annotation::{Claim, Kind, overlap};
use byline_model::article::Paragraph;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Clear, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Columns left of the text: current-paragraph bar, S, A, E, and `?` for
/// a suggestion (else a space).
const GUTTER: u16 = 5;
const MINIMAP: u16 = 4;
/// The longest screen line of article text.
const MAX_LINE: u16 = 100;

/// Draws the whole screen and places the terminal cursor in a prompt.
pub fn render(app: &App, ui: &Ui, frame: &mut Frame) {
    crate::view_util::render_with_cursor(frame, |area, buf| draw(app, ui, area, buf));
}

/// Draws into `buf`; returns where the text cursor goes, if anywhere.
pub fn draw(app: &App, ui: &Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = ui.theme;
    let panel_h = panel_height(app, area.height);
    let [status, main, panel, footer] = screen_areas(area, panel_h);
    let [text, map] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(MINIMAP)]).areas(main);

    draw_status(app, theme, status, buf);
    draw_body(app, theme, text, buf);
    draw_minimap(app, theme, map, buf);
    draw_panel(app, ui, panel, buf);
    let cursor = draw_footer(app, ui, footer, buf);
    match app.mode {
        Mode::Help { scroll } => {
            draw_help(ui, scroll, area, buf);
            return None;
        }
        Mode::Summary => {
            draw_summary(app, theme, main, buf);
            return None;
        }
        _ => {}
    }
    // The claims list covers the text and the panel, also under its
    // note prompt.
    if app.list.is_some() {
        let over = Rect {
            height: main.height + panel.height,
            ..main
        };
        super::claims::draw(app, ui, over, buf);
    }
    cursor
}

fn panel_height(app: &App, height: u16) -> u16 {
    let n = app.claims_of(app.cursor.para).len() as u16 + u16::from(on_suggestion(app).is_some());
    (n.max(1) + 1).min((height / 3).max(2))
}

/// The suggestion the cursor is on, in reading mode.
fn on_suggestion(app: &App) -> Option<byline_suggest::Suggestion> {
    (app.mode == Mode::Normal)
        .then(|| app.suggestion_at(app.target()))
        .flatten()
}

// ---- status line ---------------------------------------------------------

fn draw_status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let counts = app.set.counts();
    let saved = if app.loading {
        "loading…".to_owned()
    } else {
        app.core.save.label_with(app.core.diverted)
    };
    let total = if app.loading {
        "…".to_owned()
    } else {
        app.article.len().to_string()
    };
    let review = app.set.claims.iter().filter(|c| c.needs_review()).count();
    let saved = if review > 0 {
        format!(
            "⚠ {review} to review ({}) │ {saved}",
            app.key(Action::NextNeedsReview)
        )
    } else {
        saved
    };
    // Suggestions still to decide; `+` while a long article's are counted
    // only as far as its paragraphs were shown.
    let saved = if app.suggester.is_some() {
        let more = if app.suggestions_complete() { "" } else { "+" };
        format!("? {}{more} │ {saved}", app.suggestion_count())
    } else {
        saved
    };
    let saved = if app.set.annotator.done.is_some() {
        format!("✓ done │ {saved}")
    } else {
        saved
    };
    let right = format!(
        " {} │ ¶ {}/{} │ S {} A {} E {} │ {saved} ",
        app.set.annotator.name,
        app.cursor.para,
        total,
        counts.get(Kind::Sourced),
        counts.get(Kind::Anonymous),
        counts.get(Kind::Editorial),
    );
    // Narrow screens drop the annotator name before the counts, and the
    // title with it.
    let (title, right) = if right.width() > area.width as usize {
        let short = format!(
            " ¶{}/{} S{} A{} E{} {saved}",
            app.cursor.para,
            total,
            counts.get(Kind::Sourced),
            counts.get(Kind::Anonymous),
            counts.get(Kind::Editorial)
        );
        ("", short)
    } else {
        (app.article.title.as_str(), right)
    };
    draw_status_line(theme, title, &right, &app.core.save, area, buf);
}

// ---- the article ---------------------------------------------------------

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

fn draw_body(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // One column of air between the text and the minimap.
    // Lines longer than this are hard to read on a wide terminal.
    let width = area.width.saturating_sub(GUTTER + 1).clamp(1, MAX_LINE) as usize;
    let rows = body_rows(app, width, area.height as usize);
    let mut marks: Option<(Para, ParaMarks)> = None;
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
    para: Para,
    p: &'a Paragraph,
    claims: Vec<(Range<usize>, Kind, &'a Claim)>,
    selection: Option<Range<usize>>,
    hit: Option<Range<usize>>,
    suggestions: Vec<(Range<usize>, Kind)>,
    /// While a search is typed: every match, and the one Enter selects.
    matches: Vec<Range<usize>>,
    current_match: Option<Range<usize>>,
}

impl<'a> ParaMarks<'a> {
    fn new(app: &'a App, para: Para) -> Self {
        let p = app.paragraph(para);
        let bytes = |s: Span| p.byte_of(s.start)..p.byte_of(s.end);
        // A claim that needs review has offsets that no longer hold its
        // quote: drawing it would mark the wrong words. The panel lists it.
        let claims = app.set.claims[app.claims_of(para)]
            .iter()
            .filter(|c| !c.needs_review())
            .map(|c| (p.byte_of(c.at.start)..p.byte_of(c.at.end), c.kind, c))
            .collect();
        let typing = live_query(app);
        let selection =
            (app.cursor.para == para && !matches!(app.mode, Mode::Help { .. }) && typing.is_none())
                .then(|| bytes(app.target()));
        let hit = app
            .search_hit
            .filter(|h| h.para == para && typing.is_none())
            .map(bytes);
        let suggestions = app
            .suggestions_of(para)
            .iter()
            .map(|s| (p.byte_of(s.at.start)..p.byte_of(s.at.end), s.kind))
            .collect();
        let (matches, current_match) = match typing {
            Some(q) => {
                let needle = byline_model::article::find::Needle::new(q);
                let all = needle
                    .find_all(p)
                    .into_iter()
                    .map(|r| p.byte_of(r.start)..p.byte_of(r.end))
                    .collect();
                let current = live_found(app, q).at.filter(|h| h.para == para).map(bytes);
                (all, current)
            }
            None => (Vec::new(), None),
        };
        ParaMarks {
            para,
            p,
            claims,
            selection,
            hit,
            suggestions,
            matches,
            current_match,
        }
    }

    /// The gutter and the styled text of one screen line.
    fn line(&self, app: &App, theme: &Theme, line: Range<usize>) -> (Line<'a>, Line<'a>) {
        let current = self.para == app.cursor.para;
        // A heading reads as one wherever it is, not dimmed as context.
        let base = if self.p.reads_as_heading() {
            theme.heading()
        } else if !current {
            theme.context()
        } else {
            Style::new()
        };
        let ranges = self
            .claims
            .iter()
            .map(|(r, _, _)| r)
            .chain(self.selection.iter().chain(self.hit.iter()))
            .chain(self.suggestions.iter().map(|(r, _)| r))
            .chain(self.matches.iter().chain(self.current_match.iter()));
        let cuts = cuts(&line, ranges);
        let inside = |r: &Range<usize>, a: usize, b: usize| r.start <= a && b <= r.end;
        let mut spans = Vec::new();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let mut style = base;
            // Where claims overlap, the overlap rule says which shows.
            if let Some((_, (_, kind, _))) = self
                .claims
                .iter()
                .enumerate()
                .filter(|(_, (r, _, _))| inside(r, a, b))
                .max_by_key(|(i, (r, _, _))| overlap::precedence(r, *i))
            {
                style = style.patch(theme.kind(*kind));
            } else if let Some((_, (_, kind))) = self
                .suggestions
                .iter()
                .enumerate()
                .filter(|(_, (r, _))| inside(r, a, b))
                .max_by_key(|(i, (r, _))| overlap::precedence(r, *i))
            {
                style = style.patch(theme.suggestion(*kind));
            }
            if self.matches.iter().any(|r| inside(r, a, b)) {
                style = style.patch(theme.search_hit());
            }
            if self.current_match.as_ref().is_some_and(|r| inside(r, a, b)) {
                style = style.patch(theme.search_current());
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
        let suggested = self
            .suggestions
            .iter()
            .any(|(r, _)| r.start < line.end.max(line.start + 1) && line.start < r.end);
        gutter.push(if suggested {
            TSpan::styled("?", theme.suggestion_marker())
        } else {
            TSpan::raw(" ")
        });
        (Line::from(gutter), Line::from(spans))
    }
}

/// The query of a search being typed, if one is.
fn live_query(app: &App) -> Option<&str> {
    match &app.mode {
        Mode::Prompt(p) if p.kind == PromptKind::Search && !p.line.text.is_empty() => {
            Some(p.line.text.as_str())
        }
        _ => None,
    }
}

/// Where `Enter` would go for the query being typed, counted once per
/// query and cursor.
fn live_found(app: &App, query: &str) -> search::Found {
    let origin = search::origin(app);
    if let Some((q, o, found)) = app.search_cache.borrow().as_ref()
        && q == query
        && *o == origin
    {
        return found.clone();
    }
    let found = search::locate(app, query, origin);
    *app.search_cache.borrow_mut() = Some((query.to_owned(), origin, found.clone()));
    found
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
    // Every row holds the same number of paragraphs (the last may hold
    // fewer), so row r is always ¶ r·per+1 …: bands of unequal size put
    // a mark beside the wrong stretch of the article.
    let per = n.div_ceil(rows);
    let used = n.div_ceil(per);
    let row_of = |para: Para| para.index() / per;
    let mut kinds = vec![[false; 3]; rows];
    for c in &app.set.claims {
        if let Some(k) = kinds.get_mut(row_of(c.at.para)) {
            k[c.kind.index()] = true;
        }
    }
    let here = row_of(app.cursor.para);
    for (r, k) in kinds.iter().enumerate() {
        if r >= used {
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

fn draw_panel(app: &App, ui: &Ui, area: Rect, buf: &mut Buffer) {
    let theme = ui.theme;
    let range = app.claims_of(app.cursor.para);
    let rows = area.height.saturating_sub(1) as usize;
    let title = match range.len() {
        0 => format!(" ¶ {} · no claims ", app.cursor.para),
        1 => format!(" ¶ {} · 1 claim ", app.cursor.para),
        n if n > rows => format!(
            " ¶ {} · {n} claims, {rows} shown ({} moves) ",
            app.cursor.para,
            ui.keys
                .annotate
                .label(Action::NextClaim)
                .unwrap_or_default()
        ),
        n => format!(" ¶ {} · {n} claims ", app.cursor.para),
    };
    let inner = draw_panel_block(theme, title, area, buf);
    if range.is_empty() && on_suggestion(app).is_none() {
        let k = |a| ui.keys.annotate.label(a).unwrap_or_default();
        let hint = format!(
            "move with {}/{}, grow with {}, mark with {} {} {}",
            k(Action::NextSentence),
            k(Action::PrevSentence),
            k(Action::Select),
            k(Action::MarkSourced),
            k(Action::MarkAnonymous),
            k(Action::MarkEditorial)
        );
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            &hint,
            inner.width.saturating_sub(1) as usize,
            theme.hint(),
        );
        return;
    }
    let under = app.claim_under_cursor();
    let width = inner.width as usize;
    let mut y = inner.y;
    let mut rows = inner.height as usize;
    // The suggestion under the cursor first: its source is what accepting
    // it would record, and the footer has no room for it on a narrow screen.
    if let Some(s) = on_suggestion(app)
        && rows > 0
    {
        let mut spans = vec![
            TSpan::raw("▶ "),
            TSpan::styled(
                format!("? {} (suggested)", s.kind),
                theme.suggestion(s.kind),
            ),
        ];
        if let Some(src) = &s.source {
            spans.push(TSpan::raw(format!(
                " {}",
                truncate(src, (width / 3).max(12))
            )));
        }
        spans.push(TSpan::styled(format!(" “{}”", s.quote), theme.hint()));
        buf.set_line(inner.x, y, &Line::from(spans), inner.width);
        y += 1;
        rows -= 1;
    }
    let pos = under.map_or(0, |u| u.saturating_sub(range.start));
    let skip = (pos + 1).saturating_sub(rows);
    for (row, i) in range.clone().skip(skip).take(rows).enumerate() {
        let c = &app.set.claims[i];
        let selected = Some(i) == under;
        let mut spans = vec![TSpan::raw(if selected { "▶ " } else { "  " })];
        spans.extend(panel_claim_spans(theme, c, width));
        let mut line = Line::from(spans);
        if selected {
            line = line.style(Style::new().add_modifier(ratatui::style::Modifier::BOLD));
        }
        buf.set_line(inner.x, y + row as u16, &line, inner.width);
    }
}

/// A claim on one panel line: kind, source and note each cut to a share of
/// the width, so the quote (and the note, from 100 columns on) always
/// begins on the line; the claims list (`c`) shows them whole.
fn panel_claim_spans<'a>(theme: &Theme, c: &'a Claim, width: usize) -> Vec<TSpan<'a>> {
    let narrow = width < 100;
    let mut spans = vec![TSpan::styled(
        if width < 60 {
            c.kind.letter().to_string()
        } else {
            format!("{} {:<9}", c.kind.letter(), c.kind.as_str())
        },
        theme.kind(c.kind),
    )];
    if c.needs_review() {
        spans.push(TSpan::styled(" ⚠ needs review", theme.warning()));
    }
    if let Some(s) = c.source.as_deref().filter(|s| !s.is_empty()) {
        spans.push(TSpan::raw(format!(
            " {} ·",
            truncate(s, (width / 4).max(10))
        )));
    }
    // The note before the quote: a long quote would push it off the
    // line, and the quote's words are on the screen above anyway.
    if let Some(n) = c.note.as_deref().filter(|n| !n.is_empty()) {
        let share = if narrow { width / 3 } else { width / 2 };
        spans.push(TSpan::raw(format!(
            " note: {} ·",
            truncate(n, share.max(8))
        )));
    }
    spans.push(crate::view_util::quote_span(theme, &c.quote));
    spans
}

// ---- footer --------------------------------------------------------------

fn draw_footer(app: &App, ui: &Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = ui.theme;
    if let Mode::Prompt(p) = &app.mode {
        let (label, meaning) = match p.kind {
            PromptKind::Source { claim, .. } => (
                if app
                    .set
                    .claims
                    .get(claim)
                    .is_some_and(|c| c.kind == Kind::Anonymous)
                {
                    if area.width < 60 {
                        "Anon. source: "
                    } else {
                        "Anonymous source: "
                    }
                } else {
                    "Source: "
                },
                ("keep", "leave empty"),
            ),
            PromptKind::Note { .. } => ("Note: ", ("keep", "cancel")),
            PromptKind::Search => ("Search: ", ("find", "cancel")),
        };
        let told;
        let meaning = match (&p.kind, live_query(app)) {
            (PromptKind::Search, Some(q)) => {
                told = search::describe(&live_found(app, q));
                (told.as_str(), meaning.1)
            }
            _ => meaning,
        };
        return Some(
            p.line
                .draw(label, meaning, &ui.keys.prompt, theme, area, buf),
        );
    }
    if let crate::widgets::status::SaveState::ReadOnly(why) = &app.core.save
        && app.core.message.is_none()
    {
        footer::draw_message(&format!("read-only: {why}"), theme.warning(), area, buf);
        return None;
    }
    if let Some(n) = app.count {
        footer::draw_message(&format!("{n}…"), theme.heading(), area, buf);
        return None;
    }
    if let Some(m) = &app.core.message {
        footer::draw_message(m, Style::new(), area, buf);
        return None;
    }
    let (hints, compact) = match app.mode {
        Mode::Select { .. } => (SELECT_HINTS, SELECT_COMPACT),
        Mode::Claims => (CLAIMS_HINTS, CLAIMS_COMPACT),
        _ if on_suggestion(app).is_some() => (SUGGESTION_HINTS, SUGGESTION_COMPACT),
        _ => (NORMAL_HINTS, NORMAL_COMPACT),
    };
    footer::draw_fitted(&ui.keys.annotate, hints, compact, theme, area, buf);
    None
}

const NORMAL_HINTS: &[(Action, &str)] = &[
    (Action::NextSentence, "next"),
    (Action::NextParagraph, "¶"),
    (Action::Select, "select"),
    (Action::MarkSourced, "sourced"),
    (Action::MarkAnonymous, "anon"),
    (Action::MarkEditorial, "editorial"),
    (Action::Claims, "claims"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];
/// The three keys that mark a kind, shown as one in a narrow footer.
const MARK_KEYS: &[Action] = &[
    Action::MarkSourced,
    Action::MarkAnonymous,
    Action::MarkEditorial,
];
/// What a narrow footer keeps, most needed first; the last always stays.
const NORMAL_COMPACT: &[(&[Action], &str)] = &[
    (MARK_KEYS, "mark"),
    (&[Action::Select], "grow"),
    (&[Action::Claims], "claims"),
    (&[Action::EditNote], "note"),
    (&[Action::Quit], "quit"),
    (&[Action::Help], "help"),
];
const SELECT_COMPACT: &[(&[Action], &str)] = &[
    (MARK_KEYS, "mark"),
    (&[Action::GrowWord, Action::ShrinkWord], "end"),
    (&[Action::StartWordRight, Action::StartWordLeft], "start"),
    (&[Action::GrowSentence, Action::ShrinkSentence], "sentence"),
    (&[Action::Cancel], "back"),
];
const SUGGESTION_COMPACT: &[(&[Action], &str)] = &[
    (&[Action::AcceptSuggestion], "accept"),
    (&[Action::Delete], "dismiss"),
    (MARK_KEYS, "kind"),
    (&[Action::NextSuggestion], "next"),
    (&[Action::Help], "help"),
];
const CLAIMS_COMPACT: &[(&[Action], &str)] = &[
    (&[Action::ClaimsGo], "go"),
    (&[Action::ClaimsFilter], "filter"),
    (&[Action::ClaimsDelete], "del"),
    (&[Action::ClaimsNote], "note"),
    (
        &[
            Action::ClaimsSourced,
            Action::ClaimsAnonymous,
            Action::ClaimsEditorial,
        ],
        "kind",
    ),
    (&[Action::ClaimsClose], "close"),
];
const SUGGESTION_HINTS: &[(Action, &str)] = &[
    (Action::AcceptSuggestion, "accept"),
    (Action::MarkSourced, "sourced"),
    (Action::MarkAnonymous, "anon"),
    (Action::MarkEditorial, "editorial"),
    (Action::Delete, "dismiss"),
    (Action::NextSuggestion, "next ?"),
    (Action::Help, "help"),
];
// In the order a narrow footer keeps them: the first ones matter most.
const SELECT_HINTS: &[(Action, &str)] = &[
    (Action::MarkSourced, "src"),
    (Action::MarkAnonymous, "anon"),
    (Action::MarkEditorial, "edit"),
    (Action::GrowWord, "+word"),
    (Action::ShrinkWord, "-word"),
    (Action::StartWordRight, "start+"),
    (Action::StartWordLeft, "start-"),
    (Action::GrowSentence, "+sent"),
    (Action::ShrinkSentence, "-sent"),
    (Action::Cancel, "sentence"),
];
const CLAIMS_HINTS: &[(Action, &str)] = &[
    (Action::ClaimsGo, "go"),
    (Action::ClaimsFilter, "filter"),
    (Action::ClaimsSourced, "sourced"),
    (Action::ClaimsAnonymous, "anon"),
    (Action::ClaimsEditorial, "editorial"),
    (Action::ClaimsNote, "note"),
    (Action::ClaimsDelete, "delete"),
    (Action::ClaimsClose, "close"),
];

// ---- summary -------------------------------------------------------------

/// The export's figures for this article, over the text area.
fn draw_summary(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let stats = app
        .text_stats
        .get_or_init(|| byline_formats::export::TextStats::new(&app.article));
    let summary = byline_formats::export::summarize_with(
        &app.set,
        app.file.display().to_string(),
        Some(stats),
        byline_formats::export::TextStatus::Ok,
    );
    Clear.render(area, buf);
    super::summary::draw_summary(&summary, theme, area, buf);
}

// ---- help ----------------------------------------------------------------

fn draw_help(ui: &Ui, scroll: usize, area: Rect, buf: &mut Buffer) {
    let selecting = format!(
        "Selecting (after {}, a word move or a search)",
        ui.keys.annotate.labels(Action::Select, "/")
    );
    let listing = format!(
        "The claims list (after {})",
        ui.keys.annotate.labels(Action::Claims, "/")
    );
    help::draw(
        ui.look(),
        "byline keys",
        vec![
            ("Reading", ui.keys.annotate.help_rows(NORMAL)),
            (&selecting, ui.keys.annotate.help_rows(SELECT)),
            (&listing, ui.keys.annotate.help_rows(CLAIMS)),
            ("In a prompt", help::prompt_rows(&ui.keys.prompt)),
        ],
        &[
            "Marks (all underlined): S sourced · A anonymous, italic · E editorial, bold",
            "Suggestions: dim, not underlined, ? in the gutter",
            "A number before a motion repeats it: 5l, 3j, 2}; before G it goes to that paragraph: 14G",
        ],
        scroll,
        area,
        buf,
    );
}
