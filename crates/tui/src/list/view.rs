//! Draws the article list from a borrow of its state: a status bar, a row
//! per article (title, outlet, my claims, review, progress), the footer.

use super::action::{Action, NORMAL};
use super::state::{Entry, ListApp, Mode, Sort};
use crate::ui::Ui;
use crate::view_util::truncate;
use crate::widgets::{footer, help};
use byline_store::corpus::counts_label;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Layout, Rect};
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

const HINTS: &[(Action, &str)] = &[
    (Action::Next, "next"),
    (Action::Prev, "prev"),
    (Action::Open, "open"),
    (Action::Filter, "filter"),
    (Action::Sort, "sort"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

pub fn render(app: &ListApp, ui: &Ui, frame: &mut Frame) {
    let area = frame.area();
    let view = app.view();
    // Whose work I reviewed in the selected article, and what is left: a
    // line of its own where the terminal has room.
    let reviews = (area.height >= 10)
        .then(|| selected_reviews(app, &view))
        .flatten();
    let [status, heads, body, detail, foot] = Layout::vertical([
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Length(1),
        ratatui::layout::Constraint::Fill(1),
        ratatui::layout::Constraint::Length(u16::from(reviews.is_some())),
        ratatui::layout::Constraint::Length(1),
    ])
    .areas(area);
    let buf = frame.buffer_mut();
    draw_status(app, ui, &view, status, buf);
    let cols = Columns::for_width(area.width);
    draw_heads(&cols, ui, heads, buf);
    draw_rows(app, ui, &view, &cols, body, buf);
    if let Some(line) = reviews {
        buf.set_stringn(
            detail.x,
            detail.y,
            truncate(&line, detail.width as usize),
            detail.width as usize,
            ui.theme.hint(),
        );
    }
    if let Some(cursor) = draw_footer(app, ui, foot, buf) {
        frame.set_cursor_position(cursor);
    }
    if let Mode::Help { scroll } = app.mode {
        let back = ui
            .keys
            .annotate
            .label(crate::annotate::action::Action::Quit)
            .unwrap_or_default();
        let done = ui
            .keys
            .annotate
            .label(crate::annotate::action::Action::ToggleDone)
            .unwrap_or_default();
        let rows_note = format!(
            "Rows: title, outlet, my claims by kind (S A E), ⚠ claims that need review, the colleagues whose claims I reviewed of how many (the line below the list names them), and ¶ where I stopped of how many, or ✓ done ({done} in an article)."
        );
        let back_note = format!(
            "{back} in an article comes back here with the next article not done selected."
        );
        let notes = [rows_note.as_str(), back_note.as_str()];
        help::draw(
            ui.look(),
            "byline article list keys",
            vec![
                ("Article list", ui.keys.list.help_rows(NORMAL)),
                ("In the filter prompt", help::prompt_rows(&ui.keys.prompt)),
            ],
            &notes,
            scroll,
            area,
            frame.buffer_mut(),
        );
    }
}

fn draw_status(app: &ListApp, ui: &Ui, view: &[usize], area: Rect, buf: &mut Buffer) {
    let theme = ui.theme;
    buf.set_style(area, theme.bar());
    let total = app.entries.len();
    let shown = if view.len() == total {
        format!("{total} articles")
    } else {
        format!("{} of {total} articles", view.len())
    };
    let left = format!(
        " byline · {shown} · {} done · {}",
        app.done_count(),
        app.annotator
    );
    let right = if app.scanned < total {
        format!(" scanning {}/{total}… ", app.scanned)
    } else {
        match app.sort {
            Sort::Path => " sorted by path ".to_owned(),
            Sort::Progress => " sorted by progress ".to_owned(),
        }
    };
    let rw = (right.width() as u16).min(area.width);
    let lw = area.width.saturating_sub(rw) as usize;
    buf.set_stringn(area.x, area.y, truncate(&left, lw), lw, theme.bar());
    buf.set_stringn(area.right() - rw, area.y, &right, rw as usize, theme.bar());
}

/// `S 12 A 10 E 9`.
const CLAIMS_W: usize = 14;

/// `✓ 2/2`: colleagues whose claims I reviewed, of how many.
const REVIEWS_W: usize = 7;

/// The selected article's colleagues and my review of each:
/// `reviewed: sam-example ✓ · kim-example 3 of 7 claims · to review: jo`.
fn selected_reviews(app: &ListApp, view: &[usize]) -> Option<String> {
    let at = app.cursor_in(view)?;
    let row = app.entries.get(*view.get(at)?)?.row.as_ref()?;
    if row.colleagues.is_empty() {
        return None;
    }
    let name =
        |c: &byline_store::corpus::Colleague| byline_model::sanitize::line(&c.slug).into_owned();
    let mut parts = Vec::new();
    for c in &row.colleagues {
        if c.is_reviewed() {
            parts.push(format!("{} ✓", name(c)));
        } else if c.reviewed > 0 {
            parts.push(format!("{} {} of {} claims", name(c), c.reviewed, c.claims));
        }
    }
    let left: Vec<String> = row
        .colleagues
        .iter()
        .filter(|c| c.reviewed == 0 && !c.is_reviewed())
        .map(name)
        .collect();
    let mut said = Vec::new();
    if !parts.is_empty() {
        said.push(format!("reviewed: {}", parts.join(" · ")));
    }
    if !left.is_empty() {
        said.push(format!("to review: {}", left.join(", ")));
    }
    let line = format!("  {}", said.join(" · "));
    Some(line)
}

/// The reviews cell: colleagues fully reviewed, of how many.
fn reviews_label(colleagues: &[byline_store::corpus::Colleague]) -> String {
    if colleagues.is_empty() {
        return String::new();
    }
    let done = colleagues.iter().filter(|c| c.is_reviewed()).count();
    if done == colleagues.len() {
        format!("✓ {done}/{}", colleagues.len())
    } else {
        format!("{done}/{}", colleagues.len())
    }
}

/// Which columns fit: the title takes what the others leave.
struct Columns {
    outlet: usize,
    claims: bool,
    review: bool,
    reviews: bool,
    progress: usize,
}

impl Columns {
    fn for_width(w: u16) -> Columns {
        Columns {
            outlet: match w {
                0..80 => 0,
                80..120 => 16,
                _ => 28,
            },
            claims: w >= 56,
            review: w >= 44,
            reviews: w >= 100,
            progress: 9,
        }
    }

    /// Width of everything right of the title.
    fn right(&self) -> usize {
        let mut w = self.progress + 1;
        if self.outlet > 0 {
            w += self.outlet + 1;
        }
        if self.claims {
            w += CLAIMS_W + 1;
        }
        if self.review {
            w += 4;
        }
        if self.reviews {
            w += REVIEWS_W + 1;
        }
        w
    }
}

fn draw_heads(cols: &Columns, ui: &Ui, area: Rect, buf: &mut Buffer) {
    let line = layout_line(
        cols,
        area.width as usize,
        ["  title", "outlet", "my claims", "", "reviews", "progress"],
    );
    buf.set_stringn(
        area.x,
        area.y,
        line,
        area.width as usize,
        ui.theme.hint().add_modifier(Modifier::BOLD),
    );
}

/// One row's text, its cells padded to the columns.
/// `cells`: title, outlet, claims, review, reviews, progress.
fn layout_line(cols: &Columns, width: usize, cells: [&str; 6]) -> String {
    let [title, outlet, claims, review, reviews, progress] = cells;
    let title_w = width.saturating_sub(cols.right()).max(8);
    let mut s = pad(title, title_w);
    if cols.outlet > 0 {
        s.push(' ');
        s.push_str(&pad(outlet, cols.outlet));
    }
    if cols.claims {
        s.push(' ');
        s.push_str(&pad(claims, CLAIMS_W));
    }
    if cols.review {
        s.push(' ');
        s.push_str(&pad(review, 3));
    }
    if cols.reviews {
        s.push(' ');
        s.push_str(&pad(reviews, REVIEWS_W));
    }
    s.push(' ');
    s.push_str(&pad(progress, cols.progress));
    s
}

fn pad(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let fill = w.saturating_sub(t.width());
    t + &" ".repeat(fill)
}

fn draw_rows(app: &ListApp, ui: &Ui, view: &[usize], cols: &Columns, area: Rect, buf: &mut Buffer) {
    let h = area.height as usize;
    if view.is_empty() {
        let msg = if app.needle().is_empty() {
            "no articles".to_owned()
        } else {
            format!("no article matches “{}”", app.needle())
        };
        buf.set_stringn(
            area.x + 2,
            area.y,
            msg,
            area.width as usize,
            ui.theme.hint(),
        );
        return;
    }
    let at = app.cursor_in(view).unwrap_or(0);
    // The page moves only when the cursor reaches its edge.
    // When the rows fit (the window grew), none stays scrolled away.
    let mut top = app
        .top
        .get()
        .min(crate::row::last(view.len()))
        .min(view.len().saturating_sub(h));
    if at < top {
        top = at;
    } else if h > 0 && at >= top + h {
        top = at + 1 - h;
    }
    app.top.set(top);
    // Two copies of one article (its .txt and its saved page) share a
    // title: those rows name their file too, so they can be told apart.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in &app.entries {
        *seen.entry(e.title()).or_default() += 1;
    }
    for (row, &i) in view.iter().enumerate().skip(top).take(h) {
        let y = area.y + (row - top) as u16;
        let selected = row == at;
        let e = &app.entries[i];
        let repeated = seen.get(e.title()).is_some_and(|&n| n > 1);
        let (text, style) = row_text(e, cols, area.width as usize, selected, repeated, ui);
        let style = if selected {
            style.patch(ui.theme.selection())
        } else {
            style
        };
        buf.set_stringn(area.x, y, text, area.width as usize, style);
    }
}

fn row_text(
    e: &Entry,
    cols: &Columns,
    width: usize,
    selected: bool,
    repeated: bool,
    ui: &Ui,
) -> (String, Style) {
    let mark = if selected { "▶ " } else { "  " };
    let Some(r) = &e.row else {
        let line = layout_line(
            cols,
            width,
            [&format!("{mark}{}", e.shown), "", "", "", "", "…"],
        );
        return (line, ui.theme.context());
    };
    if let Some(why) = &r.problem {
        let text = format!("{mark}⚠ {}: {why}", e.shown);
        return (pad(&text, width), ui.theme.warning());
    }
    let claims = if r.annotated {
        counts_label(&r.counts)
    } else {
        String::new()
    };
    let review = if r.needs_review > 0 {
        format!("⚠{}", r.needs_review)
    } else {
        String::new()
    };
    let progress = match (r.done, r.position, r.paragraphs) {
        (true, _, _) => "✓ done".to_owned(),
        (false, Some(p), Some(n)) => format!("¶ {p}/{n}"),
        (false, None, Some(_)) if r.claims() > 0 => "started".to_owned(),
        _ => "—".to_owned(),
    };
    let line = layout_line(
        cols,
        width,
        [
            &if repeated {
                // The file first: a long title would cut it off.
                let file = e.path.file_name().map(|f| f.to_string_lossy().into_owned());
                let file = file.unwrap_or_default();
                // A stranger's file name: shown, never obeyed.
                let file = byline_model::sanitize::line(&file);
                format!("{mark}{file} · {}", e.title())
            } else {
                format!("{mark}{}", e.title())
            },
            r.outlet.as_deref().unwrap_or(""),
            &claims,
            &review,
            &reviews_label(&r.colleagues),
            &progress,
        ],
    );
    let style = if r.done {
        ui.theme.context()
    } else {
        Style::new()
    };
    (line, style)
}

/// The filter prompt, else a message, else the hints; where the terminal
/// cursor goes when a prompt is open.
fn draw_footer(
    app: &ListApp,
    ui: &Ui,
    area: Rect,
    buf: &mut Buffer,
) -> Option<ratatui::layout::Position> {
    if let Mode::Filter(input) = &app.mode {
        return Some(input.draw(
            "filter: ",
            ("keep", "clear"),
            &ui.keys.prompt,
            ui.theme,
            area,
            buf,
        ));
    }
    if let Some(m) = &app.message {
        footer::draw_message(m, ui.theme.warning(), area, buf);
        return None;
    }
    let mut hints = footer::hints(&ui.keys.list, HINTS);
    if !app.filter.is_empty()
        && let Some(k) = ui.keys.list.label(Action::ClearFilter)
    {
        hints = format!("filter “{}” ({k} clears)  {hints}", app.filter);
    }
    footer::draw_hints(&hints, ui.theme, area, buf);
    None
}
