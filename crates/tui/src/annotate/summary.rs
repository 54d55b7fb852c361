//! The summary view: the numbers `byline export` gives for the article on
//! screen, drawn from the same [`ArticleSummary`] so the two always agree.
//!
//! How to call it (the `%` view in `view.rs` does this):
//!
//! 1. count the article's words and sentences once, and build the summary
//!    from the claims as they are:
//!
//!    ```ignore
//!    let stats = byline_formats::export::TextStats::new(&article); // once per article
//!    let summary = byline_formats::export::summarize_with(
//!        &set, String::new(), Some(&stats), byline_formats::export::TextStatus::Ok);
//!    ```
//!
//!    (`byline_formats::export::summarize(&set, Some(&article))` does both, counting
//!    the text again on each call);
//! 2. `summary::draw_summary(&summary, theme, area, buf)` into any `Rect`;
//!    it needs about 60×16 and degrades below that (the strip is cut with
//!    `…`, rows that do not fit are left out).

use crate::theme::Theme;
use byline_formats::export::{ArticleSummary, STRIP_EMPTY};
use byline_model::annotation::Kind;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Widget};

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{:.1}%", x * 100.0))
}

/// The kind's colour, or no style at all under NO_COLOR (the bars and the
/// strip carry the kind's letter, so nothing depends on colour).
fn kind_fg(theme: &Theme, k: Kind) -> Style {
    if theme.color {
        Style::new().fg(theme.kind_color(k))
    } else {
        Style::new()
    }
}

/// Draws the summary of one annotator's file on one article into `area`:
/// a bar chart of the kinds, the anonymity ratio and editorial density,
/// and the per-paragraph strip.
pub fn draw_summary(summary: &ArticleSummary, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .title(" Summary ")
        .border_style(theme.border());
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    // Three bars need five rows with gaps; short screens drop the gaps.
    let gap = u16::from(inner.height >= 12);
    let [chart, figures, strip] = Layout::vertical([
        Constraint::Length(3 + 2 * gap),
        Constraint::Length(4),
        Constraint::Min(0),
    ])
    .areas(inner);

    let t = &summary.tally;
    let bars: Vec<Bar> = Kind::ALL
        .iter()
        .map(|&k| {
            let n = t.by_kind.get(k);
            // Counts in the label, so a short bar never hides them.
            let label = format!(
                "{} {:<9} {n:>3} {:>6} ",
                k.letter(),
                k.as_str(),
                pct(t.share_by_claims(k))
            );
            Bar::with_label(label, n as u64)
                .style(kind_fg(theme, k))
                .text_value(String::new())
        })
        .collect();
    BarChart::horizontal(bars)
        .bar_width(1)
        .bar_gap(gap)
        .max(t.claims().max(1) as u64)
        .render(chart, buf);

    let attributed = t.by_kind.get(Kind::Sourced) + t.by_kind.get(Kind::Anonymous);
    let mut lines = vec![Line::from(format!(
        "anonymity ratio {}  ({} anonymous of {attributed} attributed)",
        pct(t.anonymity_ratio()),
        t.by_kind.get(Kind::Anonymous),
    ))];
    match summary.text.reason() {
        None => lines.push(Line::from(format!(
            "editorial {} per 100 words, {} of sentences",
            t.editorial_per_100_words()
                .map_or_else(|| "—".into(), |d| format!("{d:.2}")),
            pct(t.editorial_sentence_share()),
        ))),
        Some(why) => lines.push(Line::from(Span::styled(
            format!("editorial density unknown: {why}"),
            theme.hint(),
        ))),
    }
    lines.push(Line::from(format!(
        "in the lead ({}): {} of anonymous, {} of editorial",
        lead_words(&summary.lead),
        pct(t.lead_share(Kind::Anonymous)),
        pct(t.lead_share(Kind::Editorial)),
    )));
    let never = summary.paragraphs_without_claims().len();
    let review = if t.needs_review > 0 {
        Span::styled(format!("{} need review", t.needs_review), theme.warning())
    } else {
        Span::raw("none need review")
    };
    lines.push(Line::from(vec![
        Span::raw(format!(
            "{} of {} paragraphs never annotated; ",
            never, t.paragraphs
        )),
        review,
    ]));
    Paragraph::new(lines).render(figures, buf);

    draw_strip(summary, theme, strip, buf);
}

/// One row per kind, one cell per paragraph: the kind's letter where the
/// paragraph holds such a claim, else a dim dot. Cut with `…` when the
/// article has more paragraphs than the width.
fn draw_strip(summary: &ArticleSummary, theme: &Theme, area: Rect, buf: &mut Buffer) {
    const LABEL: u16 = 2;
    if area.height == 0 || area.width <= LABEL {
        return;
    }
    let n = summary.by_paragraph.len();
    let room = usize::from(area.width - LABEL);
    let (shown, cut) = if n > room {
        (room.saturating_sub(1), true)
    } else {
        (n, false)
    };
    let mut rows = vec![Line::from(Span::styled(format!("¶ 1…{n}"), theme.hint()))];
    for k in Kind::ALL {
        let mut spans = vec![Span::styled(format!("{} ", k.letter()), theme.heading())];
        for i in 0..shown {
            let c = summary.strip_cell(i, k);
            let style = if c == STRIP_EMPTY {
                theme.context()
            } else {
                kind_fg(theme, k).add_modifier(Modifier::BOLD)
            };
            spans.push(Span::styled(c.to_string(), style));
        }
        if cut {
            spans.push(Span::styled("…", theme.hint()));
        }
        rows.push(Line::from(spans));
    }
    Paragraph::new(rows).render(area, buf);
}

/// What the lead is, as the export says it: "¶ 1 headline, ¶ 2 3 4".
fn lead_words(lead: &[usize]) -> String {
    match lead.split_first() {
        None => "no text".into(),
        Some((h, [])) => format!("¶ {h} headline"),
        Some((h, rest)) => {
            let body: Vec<String> = rest.iter().map(usize::to_string).collect();
            format!("¶ {h} headline, ¶ {}", body.join(" "))
        }
    }
}
