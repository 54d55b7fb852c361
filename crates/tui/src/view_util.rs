//! Drawing helpers that the screens share: which paragraph lines are
//! visible, a claim on one line, text cut to a width.

use super::theme::Theme;
use super::widgets::status::SaveState;
use super::wrap::wrap;
use byline_model::Para;
use byline_model::annotation::Claim;
use byline_model::article::{Article, Paragraph};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span as TSpan};
use ratatui::widgets::{Block, Borders, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

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

pub enum Row {
    Blank,
    Text { para: Para, line: Range<usize> },
}

/// Some context before, the paragraph `cur` (scrolled to the byte `focus`
/// if it is taller than the screen), context after. Only these paragraphs
/// are wrapped, so the cost does not grow with the article. Shared by the
/// annotation and review screens.
pub fn rows_around(
    paragraphs: &[Paragraph],
    cur: Para,
    focus: usize,
    width: usize,
    height: usize,
) -> Vec<Row> {
    let lines = wrap_part(&paragraphs[cur.index()].text, width, Part::Around(focus));
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
    while before.len() < budget && p > Para::FIRST {
        p = p.prev();
        before.push(Row::Blank);
        for line in wrap_part(&paragraphs[p.index()].text, width, Part::Tail)
            .into_iter()
            .rev()
        {
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
    let mut p = cur.next();
    while rows.len() < height && p.index() < paragraphs.len() {
        rows.push(Row::Blank);
        for line in wrap_part(&paragraphs[p.index()].text, width, Part::Head) {
            rows.push(Row::Text { para: p, line });
        }
        p = p.next();
    }
    rows.truncate(height);
    rows
}

/// Bytes of a paragraph wrapped around the focus when the paragraph is
/// longer than twice this: far more than a screen holds, and wrapping all
/// of a 50 MB paragraph on every key took a second.
const WRAP_WINDOW: usize = 32 * 1024;

/// Which part of a paragraph is shown.
#[derive(Clone, Copy)]
enum Part {
    /// The lines around this byte (the current paragraph).
    Around(usize),
    /// The first lines (context after the current paragraph).
    Head,
    /// The last lines (context before it).
    Tail,
}

/// [`wrap`], of only the part of a long paragraph that can be on screen.
/// The window starts on a fixed grid of [`WRAP_WINDOW`] bytes (then at
/// white space), so the lines stay put while the cursor moves inside it.
fn wrap_part(text: &str, width: usize, part: Part) -> Vec<Range<usize>> {
    if text.len() <= 3 * WRAP_WINDOW {
        return wrap(text, width);
    }
    let (lo, hi) = match part {
        Part::Around(focus) => {
            let cell = (focus / WRAP_WINDOW) * WRAP_WINDOW;
            let lo = cell.saturating_sub(WRAP_WINDOW);
            (lo, (cell + 2 * WRAP_WINDOW).min(text.len()))
        }
        Part::Head => (0, WRAP_WINDOW),
        Part::Tail => (text.len() - WRAP_WINDOW, text.len()),
    };
    let lo = floor_boundary(text, lo);
    let hi = floor_boundary(text, hi);
    // Start after a space and end before one, so no word is split by the
    // window (the text's own edges stay as they are).
    let lo = if lo == 0 {
        0
    } else {
        text[lo..hi].find(' ').map_or(lo, |i| lo + i + 1)
    };
    let hi = if hi == text.len() {
        hi
    } else {
        text[lo..hi].rfind(' ').map_or(hi, |i| lo + i)
    };
    wrap(&text[lo..hi], width)
        .into_iter()
        .map(|r| r.start + lo..r.end + lo)
        .collect()
}

fn floor_boundary(text: &str, mut b: usize) -> usize {
    b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// A claim on one line: kind (letter and name), a warning when it needs
/// review, its source and its quote. Shared with the review screen.
pub fn claim_spans<'a>(theme: &Theme, c: &'a Claim) -> Vec<TSpan<'a>> {
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
    spans.push(quote_span(theme, &c.quote));
    spans
}

/// A claim's quote in marks, unless it brings its own.
pub fn quote_span<'a>(theme: &Theme, quote: &str) -> TSpan<'a> {
    let shown = if byline_model::annotation::has_own_quote_marks(quote) {
        format!(" {quote}")
    } else {
        format!(" “{quote}”")
    };
    TSpan::styled(shown, theme.hint())
}

/// Draws a screen whose `draw` says where the terminal cursor goes (in a
/// prompt), and puts it there.
pub fn render_with_cursor(
    frame: &mut ratatui::Frame,
    draw: impl FnOnce(Rect, &mut Buffer) -> Option<ratatui::layout::Position>,
) {
    let area = frame.area();
    if let Some(pos) = draw(area, frame.buffer_mut()) {
        frame.set_cursor_position(pos);
    }
}

/// One screen line (`line`, bytes of `text`) painted: each stretch in the
/// style of the mark that shows there by the overlap rule (`marks` are byte
/// ranges and styles in file order), the selection over it. Shared by the
/// review and adjudication screens.
pub fn painted<'a>(
    text: &'a str,
    line: &Range<usize>,
    marks: &[(Range<usize>, Style)],
    selection: Option<(&Range<usize>, Style)>,
    base: Style,
) -> Vec<TSpan<'a>> {
    let cuts = cuts(
        line,
        marks
            .iter()
            .map(|(r, _)| r)
            .chain(selection.map(|(r, _)| r)),
    );
    let inside = |r: &Range<usize>, a: usize, b: usize| r.start <= a && b <= r.end;
    let mut spans = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut style = base;
        if let Some((_, (_, s))) = marks
            .iter()
            .enumerate()
            .filter(|(_, (r, _))| inside(r, a, b))
            .max_by_key(|(i, (r, _))| byline_model::annotation::overlap::precedence(r, *i))
        {
            style = style.patch(*s);
        }
        if let Some((r, s)) = selection
            && inside(r, a, b)
        {
            style = style.patch(s);
        }
        spans.push(TSpan::styled(&text[a..b], style));
    }
    spans
}

/// Where the style may change on the screen line `line`: its ends and the
/// ends of `ranges` that fall on it, in order.
pub fn cuts<'r>(line: &Range<usize>, ranges: impl Iterator<Item = &'r Range<usize>>) -> Vec<usize> {
    let mut cuts = vec![line.start, line.end];
    for r in ranges {
        cuts.extend([r.start, r.end]);
    }
    cuts.retain(|c| (line.start..=line.end).contains(c));
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Whether the byte range `mark` shows on the screen line `line` (an empty
/// line counts as one character wide).
pub fn touches(mark: &Range<usize>, line: &Range<usize>) -> bool {
    mark.start < line.end.max(line.start + 1) && line.start < mark.end
}

/// The gutter's columns `0..cols` for one screen line: in each, the
/// character and style of the first mark of that column on the line.
pub fn gutter_marks<'a>(
    marks: impl Iterator<Item = (Range<usize>, usize, char, Style)> + Clone,
    line: &Range<usize>,
    cols: usize,
) -> Vec<TSpan<'a>> {
    (0..cols)
        .map(|col| {
            match marks
                .clone()
                .find(|(r, c, _, _)| *c == col && touches(r, line))
            {
                Some((_, _, ch, style)) => TSpan::styled(ch.to_string(), style),
                None => TSpan::raw(" "),
            }
        })
        .collect()
}

/// The gutter's first column: a bar beside the current paragraph.
pub fn paragraph_bar<'a>(current: bool, theme: &Theme) -> TSpan<'a> {
    if current {
        TSpan::raw("▌")
    } else {
        TSpan::styled(" ", theme.context())
    }
}

/// An article screen's status line: `title` from the left, cut to what
/// `right` leaves, and `right` against the right edge, in the warning
/// colour while the last save failed.
pub fn draw_status_line(
    theme: &Theme,
    title: &str,
    right: &str,
    save: &SaveState,
    area: Rect,
    buf: &mut Buffer,
) {
    buf.set_style(area, theme.bar());
    let w = (right.width() as u16).min(area.width);
    let title_w = (area.width - w) as usize;
    let title = truncate(&format!(" {title}"), title_w);
    buf.set_stringn(area.x, area.y, &title, title_w, theme.bar());
    let style = if save.failed() {
        theme.bar().patch(theme.warning())
    } else {
        theme.bar()
    };
    buf.set_stringn(area.right() - w, area.y, right, w as usize, style);
}

/// The panel under the article: a rule across its top with `title` in
/// it. Returns the area inside.
pub fn draw_panel_block<'a>(
    theme: &Theme,
    title: impl Into<Line<'a>>,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The rows of an article screen: the status line, the body, a panel of
/// `panel` rows, the footer.
pub fn screen_areas(area: Rect, panel: u16) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(panel),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// A span to paint in one paragraph, in byte offsets, with its mark in the
/// gutter (column 0–3, character, style); `tag` is what else the screen
/// keeps of it.
pub struct Mark<T = ()> {
    pub bytes: Range<usize>,
    pub style: Style,
    pub marker: (usize, char, Style),
    pub tag: T,
}

/// The article under the body of the review and adjudication screens.
pub struct MarkedBody<'a> {
    pub article: &'a Article,
    pub theme: &'a Theme,
    /// The paragraph the cursor is in.
    pub cur: Para,
    /// The selection, shown where it lies in `cur`.
    pub sel: Option<(Para, Range<usize>)>,
    /// The gutter's width.
    pub gutter: u16,
}

impl MarkedBody<'_> {
    /// Draws `rows`: in the gutter the paragraph bar, the marks' column
    /// and what `more` adds for the line; then the text painted with the
    /// marks and the selection. `marks` gives a paragraph's marks, asked
    /// once for each paragraph shown.
    pub fn draw<T>(
        &self,
        rows: &[Row],
        area: Rect,
        buf: &mut Buffer,
        marks: impl Fn(Para) -> Vec<Mark<T>>,
        more: impl Fn(&[Mark<T>], &Range<usize>) -> Option<TSpan<'static>>,
    ) {
        let theme = self.theme;
        let mut cache: Option<(Para, Vec<Mark<T>>)> = None;
        for (y, row) in rows.iter().enumerate() {
            let Row::Text { para, line } = row else {
                continue;
            };
            if cache.as_ref().is_none_or(|(p, _)| p != para) {
                cache = Some((*para, marks(*para)));
            }
            let Some((_, marks)) = &cache else { continue };
            let p = &self.article[*para];
            let current = *para == self.cur;
            let base = if !current {
                theme.context()
            } else if p.heading {
                theme.heading()
            } else {
                Style::new()
            };
            let sel = self
                .sel
                .as_ref()
                .filter(|(at, _)| at == para && current)
                .map(|(_, r)| (r, theme.selection()));
            let styled: Vec<(Range<usize>, Style)> =
                marks.iter().map(|m| (m.bytes.clone(), m.style)).collect();
            let spans = painted(&p.text, line, &styled, sel, base);
            let mut gutter = vec![paragraph_bar(current, theme)];
            gutter.extend(gutter_marks(
                marks
                    .iter()
                    .map(|m| (m.bytes.clone(), m.marker.0, m.marker.1, m.marker.2)),
                line,
                4,
            ));
            gutter.extend(more(marks, line));
            gutter.push(TSpan::raw(" "));
            let y = area.y + y as u16;
            buf.set_line(area.x, y, &Line::from(gutter), self.gutter);
            buf.set_line(
                area.x + self.gutter,
                y,
                &Line::from(spans),
                area.width.saturating_sub(self.gutter),
            );
        }
    }
}
