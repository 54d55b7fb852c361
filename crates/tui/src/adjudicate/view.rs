//! Drawing the adjudication screen: the disputed paragraph with its
//! versions marked, each annotator's version below it, and what gold holds
//! there. Reads the state, wraps only the visible paragraphs, writes
//! nothing but the frame.

use super::action::{Action, COMPACT, HINTS, NORMAL};
use super::state::{AdjudicateApp, EditStep, Mode};
use crate::theme::Theme;
use crate::ui::Ui;
use crate::view_util::{
    Mark, MarkedBody, claim_spans, draw_panel_block, draw_status_line, rows_around, screen_areas,
    truncate,
};
use crate::widgets::{footer, help};
use byline_model::Para;
use byline_model::annotation::Claim;
use byline_model::review::adjudicate as adj;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// Columns left of the text: current-paragraph bar, the kinds' letters,
/// `G` where gold has a claim, a space.
const GUTTER: u16 = 6;

pub fn render(app: &AdjudicateApp, ui: &Ui, frame: &mut Frame) {
    crate::view_util::render_with_cursor(frame, |area, buf| draw(app, ui, area, buf));
}

/// Draws into `buf`; returns where the text cursor goes, if anywhere.
pub fn draw(app: &AdjudicateApp, ui: &Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = ui.theme;
    let rows = panel_rows(app, theme, area.width as usize);
    let room = area.height.saturating_sub(2);
    let panel_h = (rows.lines.len() as u16 + 1).min((room / 2).max(2));
    let [status, body, panel, foot] = screen_areas(area, panel_h);
    draw_status(app, theme, status, buf);
    draw_body(app, theme, body, buf);
    draw_panel(app, theme, rows, panel, buf);
    let cursor = draw_footer(app, ui, foot, buf);
    if let Mode::Help { scroll } = app.mode {
        draw_help(ui, scroll, area, buf);
        return None;
    }
    cursor
}

fn draw_status(app: &AdjudicateApp, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let saved = app.core.save.label_with(app.core.diverted);
    let (agreed, left, total) = (app.plan.agreed.len(), app.left(), app.plan.disputes.len());
    let long = format!(" {agreed} agreed → gold, {left} of {total} disagreements left │ {saved} ");
    let medium = format!(" {agreed} → gold · {left}/{total} left │ {saved} ");
    let right = [long, medium]
        .into_iter()
        .find(|s| s.width() + 12 <= area.width as usize)
        .unwrap_or_else(|| format!(" {left}/{total} left │ {saved} "));
    draw_status_line(theme, &app.article.title, &right, &app.core.save, area, buf);
}

// ---- the article ---------------------------------------------------------

/// The marks of `para`: gold's in gutter column 3, the versions under the
/// cursor in their kind's.
fn marks(app: &AdjudicateApp, theme: &Theme, para: Para) -> Vec<Mark> {
    let p = &app.article[para];
    let bytes = |c: &Claim| p.byte_of(c.at.start)..p.byte_of(c.at.end);
    let mut out: Vec<Mark> = app
        .gold
        .claims
        .iter()
        .filter(|g| g.at.para == para && !g.needs_review())
        .map(|g| Mark {
            bytes: bytes(g),
            style: theme.kind(g.kind),
            marker: (3, 'G', theme.kind(g.kind)),
            tag: (),
        })
        .collect();
    if app.paragraph() == para {
        for v in app.versions() {
            let c = app.claim(v);
            out.push(Mark {
                bytes: bytes(c),
                style: theme.kind(c.kind),
                marker: (c.kind.index(), c.kind.letter(), theme.kind(c.kind)),
                tag: (),
            });
        }
    }
    out
}

fn draw_body(app: &AdjudicateApp, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if app.article.is_empty() {
        return;
    }
    let width = area.width.saturating_sub(GUTTER).max(1) as usize;
    let cur = app.paragraph();
    let p = &app.article[cur];
    let sel: Option<Range<usize>> = app.current().map(|v| {
        let c = app.claim(v);
        p.byte_of(c.at.start)..p.byte_of(c.at.end)
    });
    let focus = sel.as_ref().map_or(0, |r| r.start);
    let rows = rows_around(
        &app.article.paragraphs,
        cur,
        focus,
        width,
        area.height as usize,
    );
    MarkedBody {
        article: &app.article,
        theme,
        cur,
        sel: sel.map(|r| (cur, r)),
        gutter: GUTTER,
    }
    .draw(
        &rows,
        area,
        buf,
        |para| marks(app, theme, para),
        |_, _| None,
    );
}

// ---- the versions --------------------------------------------------------

/// The panel's lines, and which one the cursor is on.
struct PanelRows<'a> {
    lines: Vec<Line<'a>>,
    cursor: usize,
}

fn panel_rows<'a>(app: &'a AdjudicateApp, theme: &Theme, screen: usize) -> PanelRows<'a> {
    let mut lines = Vec::new();
    let mut cursor = 0;
    let Some(d) = app.dispute() else {
        lines.push(Line::styled(
            format!(
                "the annotators agree on every claim: {} went to gold; {} quits",
                app.plan.agreed.len(),
                app.key(Action::Quit)
            ),
            theme.hint(),
        ));
        return PanelRows { lines, cursor };
    };
    let width = app
        .slugs
        .iter()
        .map(|s| s.width())
        .max()
        .unwrap_or(4)
        // Narrow screens keep room for the versions themselves.
        .clamp(4, (screen / 4).clamp(4, 14));
    let current = app.current();
    for (a, slug) in app.slugs.iter().enumerate() {
        let head = |mark: &str| {
            let n = if a < 9 {
                format!("{}", a + 1)
            } else {
                " ".into()
            };
            Span::styled(
                format!("{mark}{n} {:<width$} ", truncate(slug, width)),
                theme.heading(),
            )
        };
        let versions = d.of(a);
        if versions.is_empty() {
            // Who marked what: their claim here may be one a majority
            // agreed on (in gold already), or there is none.
            let agreed = app.agreed_here(a);
            if agreed.is_empty() {
                lines.push(Line::from(vec![
                    head(" "),
                    Span::styled("— marked nothing here", theme.hint()),
                ]));
            }
            for c in agreed {
                let mut spans = vec![head(" "), Span::styled("agreed: ", theme.hint())];
                spans.extend(
                    claim_spans(theme, c)
                        .into_iter()
                        .map(|s| s.patch_style(theme.hint())),
                );
                lines.push(Line::from(spans));
            }
        }
        for v in versions {
            let on = current == Some(v);
            if on {
                cursor = lines.len();
            }
            let c = app.claim(v);
            let mut spans = vec![head(if on { "›" } else { " " })];
            spans.extend(claim_spans(theme, c));
            if let Some(n) = c.note.as_deref().filter(|n| !n.is_empty()) {
                spans.push(Span::raw(format!(" — {n}")));
            }
            let mut line = Line::from(spans);
            if on {
                line = line.patch_style(theme.heading());
            }
            lines.push(line);
        }
    }
    let gold_head = || Span::styled(format!("  {:<w$} ", "gold", w = width + 1), theme.heading());
    let here = app.gold_here();
    if app.decided[app.focus] || !here.is_empty() {
        for g in here {
            let mut spans = vec![gold_head()];
            spans.extend(claim_spans(theme, g));
            if let Some(n) = g.note.as_deref().filter(|n| !n.is_empty()) {
                spans.push(Span::raw(format!(" — {n}")));
            }
            let from = adj::from_of(&g.extra);
            if !from.is_empty() {
                spans.push(Span::styled(
                    format!(" ← {}", from.join(", ")),
                    theme.hint(),
                ));
            }
            lines.push(Line::from(spans));
        }
        if app.decided[app.focus] && app.gold_here().is_empty() {
            lines.push(Line::from(vec![
                gold_head(),
                Span::styled("rejected: nothing here", theme.hint()),
            ]));
        }
    }
    if !app.decided[app.focus] {
        let last = app.annotators.len().min(9);
        lines.push(Line::from(vec![
            gold_head(),
            Span::styled(
                format!(
                    "undecided: {}–{last} take · {} merge · {} reject · {} edit",
                    app.key(Action::Take1),
                    app.key(Action::Merge),
                    app.key(Action::Reject),
                    app.key(Action::Edit)
                ),
                theme.hint(),
            ),
        ]));
    }
    PanelRows { lines, cursor }
}

fn draw_panel(app: &AdjudicateApp, theme: &Theme, rows: PanelRows, area: Rect, buf: &mut Buffer) {
    let title = match app.dispute() {
        None => " no disagreements ".to_owned(),
        Some(d) => format!(
            " ¶ {} · disagreement {}/{} · {} ",
            d.at.para,
            app.focus + 1,
            app.plan.disputes.len(),
            if app.decided[app.focus] {
                "decided"
            } else {
                "undecided"
            }
        ),
    };
    let inner = draw_panel_block(theme, title, area, buf);
    let h = inner.height as usize;
    // The cursor's line stays in view.
    let first = rows.cursor.saturating_sub(crate::row::last(h));
    for (y, line) in rows.lines.iter().skip(first).take(h).enumerate() {
        buf.set_line(inner.x, inner.y + y as u16, line, inner.width);
    }
}

// ---- footer --------------------------------------------------------------

fn draw_footer(app: &AdjudicateApp, ui: &Ui, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = ui.theme;
    if let Mode::Edit { step, input, draft } = &app.mode {
        let (label, meaning) = match step {
            // A word that is no kind leaves the prompt open and says so.
            EditStep::Kind if app.core.message.is_some() => (
                format!("Not a kind; s/a/e [{}]: ", draft.kind),
                ("next", "leave the edit"),
            ),
            EditStep::Kind => (
                format!("Kind s/a/e [{}]: ", draft.kind),
                ("next", "leave the edit"),
            ),
            EditStep::Source => ("Source: ".into(), ("next", "leave the edit")),
            EditStep::Note => ("Note: ".into(), ("to gold", "leave the edit")),
        };
        return Some(input.draw(&label, meaning, &ui.keys.prompt, theme, area, buf));
    }
    if let Some(m) = &app.core.message {
        footer::draw_message(m, Style::new(), area, buf);
        return None;
    }
    footer::draw_fitted(&ui.keys.adjudicate, HINTS, COMPACT, theme, area, buf);
    None
}

// ---- help ----------------------------------------------------------------

/// The keymap's rows, the nine "take annotator N's version" as one.
fn help_rows(ui: &Ui) -> Vec<(String, &'static str)> {
    let keys = &ui.keys.adjudicate;
    let numbered: Vec<String> = (1..=9)
        .filter_map(|n| keys.label(Action::take(n)))
        .collect();
    let mut out = Vec::new();
    let mut said = false;
    for (k, what) in keys.help_rows(NORMAL) {
        if !what.starts_with("take annotator ") {
            out.push((k, what));
        } else if !said {
            said = true;
            out.push((
                numbered.join(" "),
                "take annotator 1…9's version (their number on screen)",
            ));
        }
    }
    out
}

fn draw_help(ui: &Ui, scroll: usize, area: Rect, buf: &mut Buffer) {
    help::draw(
        ui.look(),
        "byline adjudicate keys",
        vec![
            ("Adjudicating", help_rows(ui)),
            ("In the edit prompt", help::prompt_rows(&ui.keys.prompt)),
        ],
        &[
            "Claims that at least k annotators marked with one kind over overlapping spans went to gold at once.",
            "Gutter: S A E the versions' kinds · G a claim in gold · › the version under the cursor",
        ],
        scroll,
        area,
        buf,
    );
}
