//! The report's tables as one model: columns (a head and an alignment),
//! rows of typed cells (text, a name, a count, a share, a decimal, an
//! estimate with its interval), each table built once from the summary by
//! a function below, and drawn by one Markdown renderer and one HTML
//! renderer (a maud template, escaped by default). How a figure is written
//! (`38.5%`, `0.42`, `—` when undefined) is decided here, for both.
//!
//! The Markdown report and the page do not show quite the same table for
//! the same thing (the page's groups table has a column of medians where
//! the report has one of sentences, and says `S` where it says `sourced`):
//! a column says which of them shows it, and each may give its own head,
//! so both stay as they were.

use super::interval::{Interval, MIN_ARTICLES};
use super::{ArticleSummary, Corpus, Group, Metric, SourceCount, Tally};
use byline_model::annotation::Kind;
use maud::{Markup, Render, html};
use std::fmt::Write as _;

/// A share as a percentage with one decimal; `—` when undefined.
pub(crate) fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{:.1}%", x * 100.0))
}

/// A figure with two decimals; `—` when undefined.
pub(crate) fn dec(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |x| format!("{x:.2}"))
}

/// How a figure is written: a share or a plain number.
#[derive(Clone, Copy)]
pub(crate) enum Figure {
    Share,
    Decimal,
}

impl Figure {
    pub(crate) fn of(m: Metric) -> Figure {
        if m.is_share() {
            Figure::Share
        } else {
            Figure::Decimal
        }
    }

    pub(crate) fn show(self, x: Option<f64>) -> String {
        match self {
            Figure::Share => pct(x),
            Figure::Decimal => dec(x),
        }
    }
}

/// A group's 95% interval, `lo–hi`; without one, the n when the group has
/// too few articles for one, or `—`.
pub(crate) fn interval_or_n(figure: Figure, ci: Option<Interval>, articles: usize) -> String {
    match ci {
        Some(i) => format!("{}–{}", figure.show(Some(i.lo)), figure.show(Some(i.hi))),
        None if articles < MIN_ARTICLES => format!(
            "n = {articles} {}",
            if articles == 1 { "article" } else { "articles" }
        ),
        None => "—".into(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// Which output shows a column.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    Both,
    Markdown,
    Html,
}

pub(crate) struct Column {
    /// The head in the Markdown report (byline's words, not escaped).
    pub md: &'static str,
    /// The head on the page, and what follows it in grey there.
    pub html: &'static str,
    pub html_aside: Option<&'static str>,
    pub align: Align,
    pub shown: Shown,
}

impl Column {
    /// A column both outputs show under the same head.
    fn both(head: &'static str, align: Align) -> Column {
        Column::each(head, head, align)
    }

    /// A column both outputs show, each under its own head.
    fn each(md: &'static str, html: &'static str, align: Align) -> Column {
        Column {
            md,
            html,
            html_aside: None,
            align,
            shown: Shown::Both,
        }
    }

    /// Columns both outputs show under the same heads: `left` aligned
    /// left, then `right` aligned right.
    pub(crate) fn heads(left: &[&'static str], right: &[&'static str]) -> Vec<Column> {
        let left = left.iter().map(|h| Column::both(h, Align::Left));
        left.chain(right.iter().map(|h| Column::both(h, Align::Right)))
            .collect()
    }

    fn only(shown: Shown, head: &'static str, align: Align) -> Column {
        Column {
            shown,
            ..Column::both(head, align)
        }
    }

    fn aside(self, html_aside: &'static str) -> Column {
        Column {
            html_aside: Some(html_aside),
            ..self
        }
    }
}

pub(crate) enum Cell {
    /// Text, escaped by each renderer.
    Text(String),
    /// A person's name, escaped, with what could make it pass for another
    /// name shown (`byline_model::names`).
    Name(String),
    Count(usize),
    Figure(Figure, Option<f64>),
    /// A group's pooled figure and its 95% interval over `articles`
    /// articles: the report gives the interval when there is one; the page
    /// gives it in grey, or the n when there are too few articles for one.
    Estimate {
        figure: Figure,
        value: Option<f64>,
        ci: Option<Interval>,
        articles: usize,
    },
    /// A median, with its quartiles in grey.
    Spread {
        figure: Figure,
        median: Option<f64>,
        q1: Option<f64>,
        q3: Option<f64>,
    },
    /// `Q1–Q3`, or `—` unless both are defined.
    Range(Figure, Option<f64>, Option<f64>),
    /// byline's words in grey on the page (`not in the registry`).
    Muted(&'static str),
    Empty,
}

/// How the Markdown renderer escapes text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MdText {
    /// Every character Markdown gives a meaning (`markdown::esc`).
    Escaped,
    /// On one line, with its pipes escaped: what the agreement section's
    /// tables have always written.
    PipesOnly,
}

impl MdText {
    pub(crate) fn esc(self, s: &str) -> String {
        match self {
            MdText::Escaped => super::markdown::esc(s),
            MdText::PipesOnly => byline_model::sanitize::line(s)
                .replace('|', "\\|")
                .replace('\n', " "),
        }
    }
}

pub(crate) struct Caption {
    pub text: &'static str,
    pub aside: Option<&'static str>,
}

pub(crate) struct Table {
    /// The page's caption; the Markdown report heads a table with a
    /// heading of its own level instead.
    pub caption: Option<Caption>,
    /// The page's `id` and `class` for the table.
    pub id: Option<&'static str>,
    pub class: Option<&'static str>,
    pub md_text: MdText,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Cell {
    fn markdown(&self, text: MdText) -> String {
        let esc = |s: &str| text.esc(s);
        match self {
            Cell::Text(s) => esc(s),
            Cell::Name(s) => esc(&byline_model::names::shown(s)),
            Cell::Count(n) => n.to_string(),
            Cell::Figure(f, x) => f.show(*x),
            Cell::Estimate {
                figure, value, ci, ..
            } => match ci {
                Some(i) => format!(
                    "{} ({}–{})",
                    figure.show(*value),
                    figure.show(Some(i.lo)),
                    figure.show(Some(i.hi))
                ),
                None => figure.show(*value),
            },
            Cell::Spread {
                figure,
                median,
                q1,
                q3,
            } => format!(
                "{} ({}–{})",
                figure.show(*median),
                figure.show(*q1),
                figure.show(*q3)
            ),
            Cell::Range(f, Some(a), Some(b)) => {
                format!("{}–{}", f.show(Some(*a)), f.show(Some(*b)))
            }
            Cell::Range(..) => "—".into(),
            Cell::Muted(s) => esc(s),
            Cell::Empty => String::new(),
        }
    }
}

impl Render for Cell {
    fn render_to(&self, buffer: &mut String) {
        use super::html::Text;
        let markup = match self {
            Cell::Text(s) => html! { (Text(s)) },
            Cell::Name(s) => html! { (Text(byline_model::names::shown(s))) },
            Cell::Count(n) => html! { (n) },
            Cell::Figure(f, x) => html! { (f.show(*x)) },
            Cell::Estimate {
                figure,
                value,
                ci,
                articles,
            } => {
                let aside = interval_or_n(*figure, *ci, *articles);
                html! { (figure.show(*value)) " " span class="muted" { "(" (aside) ")" } }
            }
            Cell::Spread {
                figure,
                median,
                q1,
                q3,
            } => html! {
                (figure.show(*median)) " "
                span class="muted" { "(" (figure.show(*q1)) "–" (figure.show(*q3)) ")" }
            },
            Cell::Range(..) => html! { (self.markdown(MdText::Escaped)) },
            Cell::Muted(s) => html! { span class="muted" { (s) } },
            Cell::Empty => html! {},
        };
        buffer.push_str(&markup.into_string());
    }
}

impl Table {
    pub(crate) fn new(columns: Vec<Column>, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            caption: None,
            id: None,
            class: None,
            md_text: MdText::Escaped,
            columns,
            rows,
        }
    }

    fn shown(&self, by: Shown) -> impl Iterator<Item = (usize, &Column)> {
        self.columns
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.shown == Shown::Both || c.shown == by)
    }

    /// A GitHub-flavoured Markdown table, its heads and alignments on the
    /// first two lines.
    pub(crate) fn markdown(&self, s: &mut String) {
        let columns: Vec<(usize, &Column)> = self.shown(Shown::Markdown).collect();
        let heads: Vec<&str> = columns.iter().map(|(_, c)| c.md).collect();
        let _ = writeln!(s, "| {} |", heads.join(" | "));
        s.push('|');
        for (_, c) in &columns {
            s.push_str(match c.align {
                Align::Left => ":--|",
                Align::Right => "--:|",
            });
        }
        s.push('\n');
        for row in &self.rows {
            let cells: Vec<String> = columns
                .iter()
                .map(|&(i, _)| row[i].markdown(self.md_text))
                .collect();
            let _ = writeln!(s, "| {} |", cells.join(" | "));
        }
    }

    /// A table for the page: the first column heads its row, the style
    /// sheet aligns the others right, and one aligned left says so.
    pub(crate) fn html(&self) -> Markup {
        let columns: Vec<(usize, &Column)> = self.shown(Shown::Html).collect();
        let style =
            |n: usize, c: &Column| (n > 0 && c.align == Align::Left).then_some("text-align:left");
        html! {
            table id=[self.id] class=[self.class] {
                @if let Some(c) = &self.caption {
                    caption {
                        (c.text)
                        @if let Some(aside) = c.aside { " " span class="muted" { (aside) } }
                    }
                }
                thead {
                    tr {
                        @for (n, (_, c)) in columns.iter().enumerate() {
                            th scope="col" style=[style(n, c)] {
                                (c.html)
                                @if let Some(aside) = c.html_aside { " " span class="muted" { (aside) } }
                            }
                        }
                    }
                }
                tbody {
                    "\n"
                    @for row in &self.rows {
                        tr {
                            @for (n, &(i, c)) in columns.iter().enumerate() {
                                @if n == 0 {
                                    th scope="row" { (row[i]) }
                                } @else {
                                    td style=[style(n, c)] { (row[i]) }
                                }
                            }
                        }
                        "\n"
                    }
                }
            }
            "\n"
        }
    }
}

/// Claims and characters by kind, with a total row.
pub(crate) fn kinds(t: &Tally) -> Table {
    let mut rows: Vec<Vec<Cell>> = Kind::ALL
        .into_iter()
        .map(|k| {
            vec![
                Cell::Text(k.to_string()),
                Cell::Count(t.by_kind.get(k)),
                Cell::Figure(Figure::Share, t.share_by_claims(k)),
                Cell::Count(t.chars_by_kind.get(k)),
                Cell::Figure(Figure::Share, t.share_by_chars(k)),
            ]
        })
        .collect();
    rows.push(vec![
        Cell::Text("total".into()),
        Cell::Count(t.claims()),
        Cell::Empty,
        Cell::Count(t.covered_chars()),
        Cell::Empty,
    ]);
    let columns = Column::heads(
        &["kind"],
        &[
            "claims",
            "% of claims",
            "characters covered",
            "% of characters",
        ],
    );
    Table::new(columns, rows)
}

/// Every measure over the corpus: pooled, and its spread over the files.
pub(crate) fn measures(c: &Corpus) -> Table {
    let t = &c.totals.tally;
    let rows = Metric::ALL
        .into_iter()
        .map(|m| {
            let f = Figure::of(m);
            let sp = c.totals.spread(m);
            vec![
                Cell::Text(m.label().into()),
                Cell::Figure(f, m.pooled(t)),
                Cell::Figure(f, sp.median),
                Cell::Range(f, sp.q1, sp.q3),
                Cell::Count(sp.n),
            ]
        })
        .collect();
    let columns = Column::heads(&["measure"], &["pooled", "median", "Q1–Q3", "files"]);
    Table::new(columns, rows)
}

/// One row per outlet or annotator (`what`), with the 95% intervals of
/// its ratios. The report names a group as a person's name is shown; the
/// page as it is written.
pub(crate) fn groups(title: &'static str, what: &'static str, groups: &[Group]) -> Table {
    use Align::{Left, Right};
    let rows = groups
        .iter()
        .map(|g| {
            let t = &g.tally;
            let sp = g.spread(Metric::AnonymityRatio);
            vec![
                Cell::Name(g.name.clone()),
                Cell::Text(g.name.clone()),
                Cell::Count(t.files),
                Cell::Count(t.claims()),
                Cell::Count(t.by_kind.get(Kind::Sourced)),
                Cell::Count(t.by_kind.get(Kind::Anonymous)),
                Cell::Count(t.by_kind.get(Kind::Editorial)),
                Cell::Estimate {
                    figure: Figure::Share,
                    value: t.anonymity_ratio(),
                    ci: g.intervals.anonymity_ratio,
                    articles: g.distinct_articles,
                },
                Cell::Estimate {
                    figure: Figure::Decimal,
                    value: t.editorial_per_100_words(),
                    ci: g.intervals.editorial_per_100_words,
                    articles: g.distinct_articles,
                },
                Cell::Figure(Figure::Share, t.editorial_sentence_share()),
                Cell::Spread {
                    figure: Figure::Share,
                    median: sp.median,
                    q1: sp.q1,
                    q3: sp.q3,
                },
            ]
        })
        .collect();
    Table {
        caption: Some(Caption {
            text: title,
            aside: None,
        }),
        id: None,
        class: None,
        md_text: MdText::Escaped,
        columns: vec![
            Column::only(Shown::Markdown, what, Left),
            Column::only(Shown::Html, what, Left),
            Column::each("files", "annotation files", Right),
            Column::both("claims", Right),
            Column::each("sourced", "S", Right),
            Column::each("anonymous", "A", Right),
            Column::each("editorial", "E", Right),
            Column::both("anonymity ratio", Right).aside("(95% interval)"),
            Column::each("editorial / 100 words", "editorial per 100 words", Right)
                .aside("(95% interval)"),
            Column::only(Shown::Markdown, "sentences touched by editorial", Right),
            Column::only(Shown::Html, "per-file median anonymity ratio", Right)
                .aside("(quartiles)"),
        ],
        rows,
    }
}

/// One row per annotation file, in the corpus overview.
pub(crate) fn articles(articles: &[ArticleSummary]) -> Table {
    let rows = articles
        .iter()
        .map(|a| {
            let t = &a.tally;
            vec![
                Cell::Text(a.article.clone()),
                Cell::Name(a.annotator.clone()),
                Cell::Text(
                    a.outlet
                        .as_deref()
                        .unwrap_or(super::UNKNOWN_OUTLET)
                        .to_owned(),
                ),
                Cell::Count(t.claims()),
                Cell::Count(t.by_kind.get(Kind::Sourced)),
                Cell::Count(t.by_kind.get(Kind::Anonymous)),
                Cell::Count(t.by_kind.get(Kind::Editorial)),
                Cell::Figure(Figure::Share, t.anonymity_ratio()),
                Cell::Figure(Figure::Decimal, t.editorial_per_100_words()),
            ]
        })
        .collect();
    let columns = Column::heads(
        &["article", "annotator", "outlet"],
        &[
            "claims",
            "sourced",
            "anonymous",
            "editorial",
            "anonymity ratio",
            "editorial / 100 words",
        ],
    );
    Table::new(columns, rows)
}

/// The first `limit` sources, most cited first; with `types` (the page,
/// with a registry) the type of each in a column after its name.
pub(crate) fn sources(
    sources: &[SourceCount],
    limit: usize,
    types: Option<&[Option<String>]>,
) -> Table {
    use Align::{Left, Right};
    let rows = sources
        .iter()
        .take(limit)
        .enumerate()
        .map(|(i, src)| {
            let kind = match types.map(|t| t.get(i).cloned().flatten()) {
                Some(Some(k)) => Cell::Text(k),
                Some(None) => Cell::Muted("not in the registry"),
                None => Cell::Empty,
            };
            vec![
                Cell::Text(src.name.clone()),
                kind,
                Cell::Text(src.kind.to_string()),
                Cell::Count(src.count),
            ]
        })
        .collect();
    Table {
        caption: Some(Caption {
            text: "Most cited sources",
            aside: Some("(canonical names from the sources registry; aliases merged)"),
        }),
        id: Some("sources"),
        class: None,
        md_text: MdText::Escaped,
        columns: vec![
            Column::both("source", Left),
            Column::only(Shown::Html, "type", Left),
            Column::both("kind", Left),
            Column::both("claims", Right),
        ],
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_a_file_is_escaped_by_both_renderers() {
        let t = Table::new(
            Column::heads(&["source"], &["claims"]),
            vec![vec![Cell::Text("<b>|x".into()), Cell::Count(3)]],
        );
        let mut md = String::new();
        t.markdown(&mut md);
        assert_eq!(md, "| source | claims |\n|:--|--:|\n| \\<b\\>\\|x | 3 |\n");
        assert_eq!(
            t.html().into_string(),
            "<table><thead><tr><th scope=\"col\">source</th><th scope=\"col\">claims</th></tr></thead>\
             <tbody>\n<tr><th scope=\"row\">&lt;b&gt;|x</th><td>3</td></tr>\n</tbody></table>\n"
        );
    }

    #[test]
    fn the_agreement_tables_escape_only_pipes_in_markdown() {
        assert_eq!(MdText::PipesOnly.esc("a|*b*"), "a\\|*b*");
        assert_eq!(MdText::Escaped.esc("a|*b*"), "a\\|\\*b\\*");
    }

    #[test]
    fn each_output_shows_its_own_columns_and_intervals() {
        let estimate = Cell::Estimate {
            figure: Figure::Share,
            value: Some(0.125),
            ci: None,
            articles: 2,
        };
        let mut columns = Column::heads(&["outlet"], &[]);
        columns.push(Column::only(Shown::Html, "anonymity ratio", Align::Right));
        columns.push(Column::each("sourced", "S", Align::Right));
        let t = Table::new(
            columns,
            vec![vec![Cell::Text("Post".into()), estimate, Cell::Count(1)]],
        );
        let mut md = String::new();
        t.markdown(&mut md);
        assert_eq!(md, "| outlet | sourced |\n|:--|--:|\n| Post | 1 |\n");
        let html = t.html().into_string();
        assert!(html.contains("<th scope=\"col\">S</th>"), "{html}");
        assert!(
            html.contains("<td>12.5% <span class=\"muted\">(n = 2 articles)</span></td>"),
            "{html}"
        );
    }
}
