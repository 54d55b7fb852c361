//! `--format html`: one self-contained page a person opens from disk.
//!
//! Inline CSS and SVG only: no script, no font, nothing fetched (a
//! Content-Security-Policy says so to the browser too). Everything that
//! comes from a file (titles, quotes, sources, notes, comments, the
//! article text) is untrusted: it is HTML-escaped and stripped of control
//! characters on the way out, as [`Text`].
//!
//! The page is written with maud templates, which escape what they are
//! given by default; a file's text goes in as [`Text`], byline's escaper
//! ([`esc`]: both quote kinds, no control characters). Two things are not
//! maud's: the page's frame (`<html>`, `<body>`, `<main>` are opened before
//! the article sections and closed after them, which stream in between),
//! and SVG's empty shapes, written `<rect …/>` by [`Empty`] as the page
//! always had them (maud writes no self-closing tags).
//!
//! The corpus overview needs every summary, so article sections are
//! rendered as files are read (in the worker threads), spooled to a
//! temporary file, and copied after the overview: a corpus of 5,000 files
//! is never held in memory as HTML.

use super::interchange::{Doc, VerdictOn};
use super::interval::Interval;
use super::table::{self, Figure, dec, pct};
use super::{ArticleSummary, Corpus, Group, RegistryUse, Tally};
use byline_model::annotation::{Claim, Kind, overlap};
use byline_model::review::verdict::Verdict;
use maud::{Markup, PreEscaped, Render, html};
use std::fmt::Display;
use std::io::Write;

/// Text from a file, escaped for HTML text and attribute values by
/// [`esc`]: what every file's words go into the page as.
pub(crate) struct Text<S>(pub(crate) S);

impl<S: AsRef<str>> Render for Text<S> {
    fn render_to(&self, buffer: &mut String) {
        esc_into(buffer, self.0.as_ref());
    }
}

/// A person's name, with what could make it pass for another name shown
/// (`byline_model::names`).
fn who(name: &str) -> Text<std::borrow::Cow<'_, str>> {
    Text(byline_model::names::shown(name))
}

/// An empty SVG element, `<name a="v" …/>`; its values are escaped.
struct Empty<'a>(&'static str, &'a [(&'static str, &'a dyn Display)]);

impl Render for Empty<'_> {
    fn render_to(&self, buffer: &mut String) {
        buffer.push('<');
        buffer.push_str(self.0);
        for (name, value) in self.1 {
            buffer.push(' ');
            buffer.push_str(name);
            buffer.push_str("=\"");
            esc_into(buffer, &value.to_string());
            buffer.push('"');
        }
        buffer.push_str("/>");
    }
}

/// Escapes `s` for HTML text and attribute values (both quote kinds), and
/// drops control characters: a file's text never becomes markup.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    esc_into(&mut out, s);
    out
}

fn esc_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

const CSS: &str = r#"
:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#555;--rule:#d0d0d0;--panel:#f6f6f4;
--s-bg:#dbeafe;--s-fg:#0b3d91;--s:#2563eb;--a-bg:#ffedd5;--a-fg:#7c2d12;--a:#c2410c;
--e-bg:#fae8ff;--e-fg:#6b21a8;--e:#a21caf;--on-k:#fff;--warn:#b45309;--bad:#b91c1c;--ok:#15803d;--bar:#475569;--ci:#111}
@media (prefers-color-scheme:dark){:root{--bg:#16181d;--fg:#e8e8e8;--muted:#a8a8a8;--rule:#3a3d45;--panel:#1f2229;
--s-bg:#1e3a5f;--s-fg:#cfe3ff;--s:#60a5fa;--a-bg:#5a2a0c;--a-fg:#ffe2c7;--a:#fb923c;
--e-bg:#4a1d5c;--e-fg:#f8dcff;--e:#e879f9;--on-k:#111;--warn:#fbbf24;--bad:#f87171;--ok:#4ade80;--bar:#94a3b8;--ci:#f1f1f1}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
header.page,main,footer{max-width:70rem;margin:0 auto;padding:0 1.25rem}
header.page{padding-top:1.5rem;border-bottom:1px solid var(--rule)}
h1{font-size:1.8rem;margin:.2rem 0 .4rem}h2{font-size:1.4rem;margin:2rem 0 .5rem}h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
.muted,.meta{color:var(--muted)}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums;font-size:.92rem;width:100%}
th{font-weight:600}thead th{vertical-align:bottom}td .muted{white-space:nowrap}
th,td{padding:.25rem .6rem;border-bottom:1px solid var(--rule);text-align:right}
th:first-child,td:first-child{text-align:left}
thead th{border-bottom:2px solid var(--fg)}
caption{text-align:left;font-weight:600;padding:.2rem 0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1rem}
figure{margin:0;padding:.6rem .8rem;background:var(--panel);border:1px solid var(--rule);border-radius:6px}
figcaption{font-weight:600;margin-bottom:.3rem}
svg{max-width:100%;height:auto;display:block}
svg text{fill:var(--fg);font:12px system-ui,sans-serif}
svg .lbl{font-size:12px}svg .val{font-size:11px;fill:var(--muted)}
svg .bar{fill:var(--bar)}svg .ci{stroke:var(--ci);stroke-width:1.5}
svg .axis{stroke:var(--rule)}
svg .k-sourced{fill:var(--s)}svg .k-anonymous{fill:var(--a)}svg .k-editorial{fill:var(--e)}
svg .seg-text{fill:var(--on-k);font-weight:600}
svg .empty{fill:var(--panel);stroke:var(--rule)}
.legend{display:flex;gap:1rem;flex-wrap:wrap;font-size:.9rem;margin:.3rem 0}
.legend span::before{content:"";display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border-radius:2px}
.legend .sw-sourced::before{background:var(--s)}.legend .sw-anonymous::before{background:var(--a)}.legend .sw-editorial::before{background:var(--e)}
nav.toc ol{columns:2;padding-left:1.5rem}
article.doc{border-top:3px solid var(--fg);margin-top:2.5rem;padding-top:.5rem}
dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.4rem 1rem;margin:.5rem 0}
dl.figures div{background:var(--panel);border:1px solid var(--rule);border-radius:6px;padding:.3rem .6rem}
dl.figures dt{font-size:.8rem;color:var(--muted)}dl.figures dd{margin:0;font-size:1.15rem;font-weight:600}
.text{max-width:47rem;padding-left:2.6rem}
.text p{position:relative;margin:0 0 .9rem}
.text p[data-n]::before{content:attr(data-n);position:absolute;left:-2.6rem;width:2rem;text-align:right;color:var(--muted);font-size:.75rem;top:.25rem}
.text p.h{font-weight:700;font-size:1.1rem}
mark.claim{color:inherit;padding:.05em 0;border-radius:2px;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.claim[data-kind=sourced]{background:var(--s-bg);text-decoration-color:var(--s);text-decoration-style:solid}
mark.claim[data-kind=anonymous]{background:var(--a-bg);text-decoration-color:var(--a);text-decoration-style:dashed}
mark.claim[data-kind=editorial]{background:var(--e-bg);text-decoration-color:var(--e);text-decoration-style:double}
mark.claim mark.claim{text-underline-offset:.45em}
mark.claim[data-badge]::before{content:attr(data-badge);display:inline-block;font-size:.62em;font-weight:700;line-height:1;padding:.18em .3em;margin-right:.2em;border-radius:3px;vertical-align:.35em;color:var(--on-k);text-decoration:none}
mark.claim[data-kind=sourced][data-badge]::before{background:var(--s)}
mark.claim[data-kind=anonymous][data-badge]::before{background:var(--a)}
mark.claim[data-kind=editorial][data-badge]::before{background:var(--e)}
mark.claim[data-source]::before{content:attr(data-badge) " · " attr(data-source);max-width:16em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:.2em}
mark.claim.review{outline:2px dotted var(--warn);outline-offset:1px}
mark.claim.disputed{box-shadow:inset 0 -0.15em 0 var(--bad)}
ol.claims{padding-left:0;list-style:none}
ol.claims li{display:grid;grid-template-columns:3.2rem 1fr;gap:.2rem .6rem;padding:.5rem 0;border-bottom:1px solid var(--rule)}
.badge{display:inline-block;min-width:2.6rem;text-align:center;font-weight:700;font-size:.8rem;color:var(--on-k);border-radius:4px;padding:.15rem .3rem;height:fit-content}
.badge.k-sourced{background:var(--s)}.badge.k-anonymous{background:var(--a)}.badge.k-editorial{background:var(--e)}
ol.claims q{font-style:italic}
ol.claims q.own{quotes:none}
ol.claims .facts{font-size:.9rem;color:var(--muted)}
.flag{color:var(--warn);font-weight:600}
.verdicts{list-style:none;padding:0;margin:.3rem 0 0;font-size:.92rem}
ol.claims .verdicts li{display:block;border:0;padding:.15rem 0 .15rem .6rem;border-left:3px solid var(--rule)}
ol.claims .verdicts .agree{border-left-color:var(--ok)}ol.claims .verdicts .dispute{border-left-color:var(--bad)}
.note{background:var(--panel);border-left:4px solid var(--warn);padding:.4rem .8rem}
code{font-size:.9em}
footer{margin:3rem auto 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);padding-top:1rem}
@media print{body{font-size:11pt;background:#fff;color:#000}
:root{--bg:#fff;--fg:#000;--muted:#333;--panel:#fff;--rule:#999}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav.toc{display:none}article.doc{break-before:page}figure,ol.claims li,dl.figures{break-inside:avoid}
.text p[data-n]::before{left:-2.4rem}header.page,main,footer{max-width:none}}
@media (max-width:40rem){.text{padding-left:0}.text p[data-n]::before{position:static;display:inline-block;width:auto;margin-right:.4rem}}
"#;

/// Page head, the overview and the table of contents are written at the
/// end; article sections stream into `spool` as they come.
pub struct Html {
    spool: byline_store::plain::Spool,
    toc: Vec<Toc>,
}

/// One entry of the table of contents.
pub struct Toc {
    pub anchor: String,
    pub title: String,
    pub annotator: String,
    pub outlet: Option<String>,
    pub claims: usize,
    pub needs_review: usize,
    pub disputed: usize,
}

impl Toc {
    pub fn of(index: usize, s: &ArticleSummary) -> Toc {
        Toc {
            anchor: anchor(index),
            title: s.title.clone(),
            annotator: s.annotator.clone(),
            outlet: s.outlet.clone(),
            claims: s.claims(),
            needs_review: s.tally.needs_review,
            disputed: s.reviews.iter().map(|r| r.disputed).sum(),
        }
    }
}

fn anchor(index: usize) -> String {
    format!("a{}", index + 1)
}

impl Html {
    pub fn new() -> std::io::Result<Html> {
        Ok(Html {
            spool: byline_store::plain::Spool::new()?,
            toc: Vec::new(),
        })
    }

    pub fn section(&mut self, bytes: &[u8], toc: Toc) -> std::io::Result<()> {
        self.toc.push(toc);
        self.spool.write_all(bytes)
    }

    pub fn end(
        self,
        out: &mut dyn Write,
        corpus: &Corpus,
        agreement: &super::agreement::Agreement,
    ) -> std::io::Result<()> {
        let mut head = page_head(corpus).into_string();
        head.push_str(&overview(corpus).into_string());
        // After the articles, so the overview and the first article stay
        // on the first screen; the overview links to it.
        let mut agree = String::new();
        super::agreement::section(&mut agree, agreement);
        if !agree.is_empty() {
            head.push_str(super::agreement::LINK);
        }
        head.push_str(&toc(&self.toc).into_string());
        out.write_all(head.as_bytes())?;
        self.spool.copy_to(out)?;
        out.write_all(agree.as_bytes())?;
        out.write_all(page_foot().into_string().as_bytes())
    }
}

/// The page's frame, opened before the article sections and closed after
/// them (they stream in between, so no template holds both ends).
const OPEN_HTML: PreEscaped<&str> = PreEscaped("<html lang=\"en\">\n");
const OPEN_BODY: PreEscaped<&str> = PreEscaped("<body>\n");
const OPEN_MAIN: PreEscaped<&str> = PreEscaped("<main>\n");
const CLOSE_MAIN: PreEscaped<&str> = PreEscaped("</main>\n");
const CLOSE_PAGE: PreEscaped<&str> = PreEscaped("</body>\n</html>\n");

fn page_head(c: &Corpus) -> Markup {
    let t = &c.totals;
    let articles = plural(t.distinct_articles, "article", "articles");
    html! {
        (maud::DOCTYPE) "\n" (OPEN_HTML)
        head {
            "\n" meta charset="utf-8";
            "\n" meta name="viewport" content="width=device-width, initial-scale=1";
            "\n" meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            "\n" meta name="generator" content="byline";
            "\n" title { "byline report: " (t.distinct_articles) " " (articles) ", " (t.tally.claims()) " claims" }
            "\n" style { (PreEscaped(CSS)) (PreEscaped(super::agreement::CSS)) }
            "\n"
        }
        "\n" (OPEN_BODY)
        header class="page" {
            p class="muted" { "byline report" }
            h1 { "Sources and judgement in " (t.distinct_articles) " " (articles) }
            "\n"
            p class="meta" {
                (t.tally.files) " annotation " (plural(t.tally.files, "file", "files"))
                " by " (t.annotators) " " (plural(t.annotators, "annotator", "annotators"))
                " across " (t.outlets) " " (plural(t.outlets, "outlet", "outlets"))
                "; " (t.tally.claims()) " claims."
            }
        }
        "\n" (OPEN_MAIN)
    }
}

fn page_foot() -> Markup {
    html! {
        (CLOSE_MAIN)
        footer {
            p {
                "Written by " strong { "byline export --format html" } ". "
                "Intervals are 95% percentile bootstrap intervals over annotation files (2,000 resamples, fixed seed), given only for groups of at least 5 articles. "
                "Claims: " (badge_key(Kind::Sourced)) " sourced (solid underline), "
                (badge_key(Kind::Anonymous)) " anonymous (dashed underline), "
                (badge_key(Kind::Editorial)) " editorial (double underline)."
            }
        }
        "\n" (CLOSE_PAGE)
    }
}

/// A kind's badge, as the claims list shows it.
fn badge_key(k: Kind) -> Markup {
    html! { span class={ "badge k-" (k) } { (k.letter()) } }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn legend() -> Markup {
    html! {
        p class="legend" aria-hidden="true" {
            span class="sw-sourced" { "S sourced" }
            span class="sw-anonymous" { "A anonymous" }
            span class="sw-editorial" { "E editorial" }
        }
        "\n"
    }
}

/// A row of figures: each a label and its value, text escaped.
fn figures<L: AsRef<str>, V: AsRef<str>>(items: impl IntoIterator<Item = (L, V)>) -> Markup {
    html! {
        dl class="figures" {
            @for (label, value) in items {
                div { dt { (Text(label)) } dd { (Text(value)) } }
            }
        }
    }
}

fn overview(c: &Corpus) -> Markup {
    let t = &c.totals;
    // Share of kinds: one stacked bar per group.
    let mut rows: Vec<(String, &Tally)> = vec![("All annotation files".into(), &t.tally)];
    rows.extend(
        c.by_outlet
            .iter()
            .map(|g| (format!("outlet: {}", g.name), &g.tally)),
    );
    rows.extend(c.by_annotator.iter().map(|g| {
        (
            format!("annotator: {}", byline_model::names::shown(&g.name)),
            &g.tally,
        )
    }));
    html! {
        section id="overview" aria-labelledby="overview-h" {
            "\n" h2 id="overview-h" { "Corpus overview" } "\n"
            (figures([
                ("annotation files", t.tally.files.to_string()),
                ("articles", t.distinct_articles.to_string()),
                ("claims", t.tally.claims().to_string()),
                ("anonymity ratio", pct(t.tally.anonymity_ratio())),
                ("editorial per 100 words", dec(t.tally.editorial_per_100_words())),
                ("needs review", t.tally.needs_review.to_string()),
            ]))
            "\n"
            figure {
                figcaption id="kinds-h" { "Share of claims by kind" } "\n"
                (legend())
                (stacked("kinds", &rows))
            }
            "\n"
            div class="charts" {
                "\n"
                @for (what, groups) in [("outlet", &c.by_outlet), ("annotator", &c.by_annotator)] {
                    (bars(
                        &format!("anon-{what}"),
                        &format!("Anonymity ratio by {what}"),
                        "anonymous / (sourced + anonymous), with its 95% interval",
                        groups,
                        |g| (g.tally.anonymity_ratio(), g.intervals.anonymity_ratio),
                        true,
                    ))
                    (bars(
                        &format!("ed-{what}"),
                        &format!("Editorial density by {what}"),
                        "editorial claims per 100 words, with its 95% interval",
                        groups,
                        |g| {
                            (
                                g.tally.editorial_per_100_words(),
                                g.intervals.editorial_per_100_words,
                            )
                        },
                        false,
                    ))
                }
            }
            "\n"
            (table::groups("By outlet", "outlet", &c.by_outlet).html())
            (table::groups("By annotator", "annotator", &c.by_annotator).html())
            (sources(c))
            p class="muted" {
                "Figures are pooled over annotation files (Σ numerators / Σ denominators). "
                "The 95% interval is a percentile bootstrap over annotation files — one annotator's file on one article — "
                "with 2,000 resamples and a fixed seed: claims within an article are not independent, so files are the sampling unit. "
                "A group with fewer than 5 articles behind it gets its n and no interval: two files of one article are no sample. "
                "Two groups whose intervals do not overlap differ by more than sampling noise; "
                "with only a few articles in a group, the interval itself is rough."
            }
            "\n"
        }
        "\n"
    }
}

/// The types table's cells: narrower than the page's tables, so a
/// dozen types fit its width (inline, so the style sheet is the same
/// without a registry).
const PAD: &str = "padding:.25rem .3rem";

/// Sources cited in the corpus with more than this many claims are
/// listed in the report's sources table (the JSON export has them all).
const TOP_SOURCES: usize = 20;

/// With a sources registry: the sources table (canonical names, their
/// types) and attributed claims by type of source per outlet; without
/// one that could be used, a line saying so; nothing when there is none.
fn sources(c: &Corpus) -> Markup {
    match &c.registry {
        RegistryUse::None => return html! {},
        RegistryUse::Failed { path, message } => {
            return html! {
                p class="registry-failed" {
                    "This report ran without the sources registry " code { (Text(path)) }
                    ", which could not be used: " (Text(message)) ". Sources are counted as typed."
                }
                "\n"
            };
        }
        RegistryUse::Used { .. } => {}
    }
    let Some(t) = &c.types else {
        return html! {};
    };
    let table = super::types_table(t);
    // Inline styles: the page's style sheet is the same with a registry
    // and without one. A dozen types are wider than the page: the table
    // scrolls sideways, and a cell never breaks between count and share.
    html! {
        div class="wide" style="overflow-x:auto" {
            table id="source-types" style="font-size:.85em" {
                caption { "Sources by type, per outlet" }
                thead {
                    tr {
                        th scope="col" style=(PAD) { "outlet" }
                        th scope="col" style=(PAD) { "attributed claims" }
                        @for column in &table.columns {
                            th scope="col" data-type=(Text(&column.id)) style=(PAD) {
                                // "government/official" may break after its slash.
                                @for (i, part) in column.label.split('/').enumerate() {
                                    @if i > 0 { "/" wbr; }
                                    (Text(part))
                                }
                            }
                        }
                    }
                }
                tbody {
                    "\n"
                    @for row in &table.rows {
                        tr {
                            th scope="row" style=(PAD) {
                                (Text(row.outlet.unwrap_or("All outlets")))
                            }
                            td style=(PAD) { (row.total) }
                            @for (column, cell) in table.columns.iter().zip(&row.cells) {
                                @if cell.count == 0 {
                                    td data-type=(Text(&column.id)) class="muted" style=(PAD) { "0" }
                                } @else {
                                    td data-type=(Text(&column.id)) style=(PAD) {
                                        (cell.count) (PreEscaped("&nbsp;"))
                                        span class="muted" { "(" (pct(cell.share)) ")" }
                                    }
                                }
                            }
                        }
                        "\n"
                    }
                }
            }
        }
        "\n"
        p class="muted" {
            "Sourced and anonymous claims by the type of their source in the sources registry, with each type's share of the row's attributed claims. An anonymous claim whose source is not in the registry counts as unnamed."
        }
        "\n"
        @if !c.sources.is_empty() {
            (table::sources(&c.sources, TOP_SOURCES, Some(&t.of_sources)).html())
        }
    }
}

/// Bar charts sit two to a row; the stacked bars and strips take the
/// whole width.
const CHART_W: f64 = 460.0;
const LABEL_W: f64 = 140.0;
const WIDE_W: f64 = 900.0;
const WIDE_LABEL_W: f64 = 230.0;
const ROW_H: f64 = 26.0;
/// Columns of the per-paragraph strip at most.
const STRIP_COLUMNS: usize = 200;

/// `x` with one decimal, as SVG coordinates are written.
fn f1(x: f64) -> String {
    format!("{x:.1}")
}

/// Horizontal bars with 95% whiskers, one row per group.
fn bars(
    id: &str,
    title: &str,
    desc: &str,
    groups: &[Group],
    value: impl Fn(&Group) -> (Option<f64>, Option<Interval>),
    share: bool,
) -> Markup {
    let vals: Vec<(Option<f64>, Option<Interval>)> = groups.iter().map(&value).collect();
    let figure = if share {
        Figure::Share
    } else {
        Figure::Decimal
    };
    let max = if share {
        1.0
    } else {
        let m = vals
            .iter()
            .flat_map(|(v, ci)| [v.unwrap_or(0.0), ci.map_or(0.0, |c| c.hi)])
            .fold(0.0f64, f64::max);
        nice_max(m)
    };
    let plot = CHART_W - LABEL_W - 60.0;
    let h = ROW_H * groups.len().max(1) as f64 + 28.0;
    let x = |v: f64| LABEL_W + (v / max).clamp(0.0, 1.0) * plot;
    // Axis with three ticks.
    let ay = 6.0 + ROW_H * groups.len().max(1) as f64;
    html! {
        figure {
            figcaption id={ (id) "-t" } { (title) }
            "\n"
            svg role="img" aria-labelledby={ (id) "-t " (id) "-d" } viewBox={ "0 0 " (CHART_W) " " (h) } width=(CHART_W) height=(h) {
                desc id={ (id) "-d" } { (desc) }
                "\n"
                @for (i, (g, (v, ci))) in groups.iter().zip(&vals).enumerate() {
                    @let y = 6.0 + i as f64 * ROW_H;
                    @let shown = figure.show(*v);
                    g {
                        title {
                            (Text(&g.name)) ": " (shown) ", "
                            @if ci.is_some() { "95% interval " }
                            (table::interval_or_n(figure, *ci, g.distinct_articles))
                        }
                        text class="lbl" x=(LABEL_W - 8.0) y=(y + 14.0) text-anchor="end" {
                            (Text(truncate(&g.name, 20)))
                        }
                        @if let Some(v) = v {
                            (Empty("rect", &[
                                ("class", &"bar"),
                                ("x", &LABEL_W),
                                ("y", &y),
                                ("width", &f1(x(*v) - LABEL_W)),
                                ("height", &(ROW_H - 10.0)),
                                ("rx", &"2"),
                            ]))
                        }
                        @if let Some(ci) = ci {
                            @let (x0, x1, ym) = (f1(x(ci.lo)), f1(x(ci.hi)), y + (ROW_H - 10.0) / 2.0);
                            (Empty("line", &[("class", &"ci"), ("x1", &x0), ("x2", &x1), ("y1", &ym), ("y2", &ym)]))
                            (Empty("line", &[("class", &"ci"), ("x1", &x0), ("x2", &x0), ("y1", &(ym - 5.0)), ("y2", &(ym + 5.0))]))
                            (Empty("line", &[("class", &"ci"), ("x1", &x1), ("x2", &x1), ("y1", &(ym - 5.0)), ("y2", &(ym + 5.0))]))
                        }
                        @let vx = v.map_or(LABEL_W, &x).max(ci.map_or(0.0, |c| x(c.hi)));
                        text class="val" x=(f1(vx + 6.0)) y=(y + 13.0) { (shown) }
                    }
                    "\n"
                }
                (Empty("line", &[("class", &"axis"), ("x1", &LABEL_W), ("x2", &(LABEL_W + plot)), ("y1", &ay), ("y2", &ay)]))
                @for f in [0.0, 0.5, 1.0] {
                    text class="val" x=(f1(LABEL_W + f * plot)) y=(ay + 16.0) text-anchor="middle" {
                        @if share { (format!("{:.0}%", f * 100.0)) } @else { (format!("{:.2}", f * max)) }
                    }
                }
            }
        }
        "\n"
    }
}

fn nice_max(m: f64) -> f64 {
    if m <= 0.0 {
        return 1.0;
    }
    let mag = 10f64.powf(m.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|f| f * mag)
        .find(|&x| x >= m)
        .unwrap_or(10.0 * mag)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// One stacked bar per row: the kinds' shares of claims, each segment
/// labelled with its letter and percentage (readable without colour).
fn stacked(id: &str, rows: &[(String, &Tally)]) -> Markup {
    let plot = WIDE_W - WIDE_LABEL_W - 10.0;
    let h = ROW_H * rows.len() as f64 + 6.0;
    html! {
        svg role="img" aria-labelledby={ (id) "-h " (id) "-d" } viewBox={ "0 0 " (WIDE_W) " " (h) } width=(WIDE_W) height=(h) {
            desc id={ (id) "-d" } { "Share of sourced (S), anonymous (A) and editorial (E) claims" }
            "\n"
            @for (i, (name, t)) in rows.iter().enumerate() {
                @let y = 4.0 + i as f64 * ROW_H;
                @let total = t.claims();
                g {
                    text class="lbl" x=(WIDE_LABEL_W - 8.0) y=(y + 14.0) text-anchor="end" {
                        (Text(truncate(name, 34)))
                    }
                    @if total == 0 {
                        (Empty("rect", &[
                            ("class", &"empty"),
                            ("x", &WIDE_LABEL_W),
                            ("y", &y),
                            ("width", &plot),
                            ("height", &(ROW_H - 8.0)),
                        ]))
                        text class="val" x=(WIDE_LABEL_W + 6.0) y=(y + 13.0) { "no claims" }
                    } @else {
                        @let mut x = WIDE_LABEL_W;
                        @for k in Kind::ALL {
                            @let n = t.by_kind.get(k);
                            @if n > 0 {
                                @let share = n as f64 / total as f64;
                                @let w = share * plot;
                                rect class={ "k-" (k) } x=(f1(x)) y=(y) width=(f1(w)) height=(ROW_H - 8.0) {
                                    title { (Text(name)) ": " (k) " " (n) " of " (total) " (" (pct(Some(share))) ")" }
                                }
                                @if w > 46.0 {
                                    text class="seg-text" x=(f1(x + 5.0)) y=(y + 13.0) {
                                        (k.letter()) " " (format!("{:.0}", share * 100.0)) "%"
                                    }
                                } @else if w > 12.0 {
                                    text class="seg-text" x=(f1(x + 3.0)) y=(y + 13.0) { (k.letter()) }
                                }
                                ({ x += w; "" })
                            }
                        }
                    }
                }
                "\n"
            }
        }
        "\n"
    }
}

fn toc(entries: &[Toc]) -> Markup {
    html! {
        nav class="toc" aria-labelledby="toc-h" {
            h2 id="toc-h" { "Articles" }
            ol {
                "\n"
                @for t in entries {
                    li {
                        a href={ "#" (t.anchor) } { (Text(&t.title)) }
                        " "
                        span class="muted" {
                            "— " (who(&t.annotator))
                            @if let Some(o) = &t.outlet { ", " (Text(o)) }
                            ", " (t.claims) " claims"
                        }
                        @if t.needs_review > 0 {
                            " " span class="flag" { "⚠ " (t.needs_review) " need review" }
                        }
                        @if t.disputed > 0 {
                            " " span class="flag" { (t.disputed) " disputed" }
                        }
                    }
                    "\n"
                }
            }
        }
        "\n"
    }
}

/// The strip: one column per paragraph, one row per kind, each filled cell
/// also carrying its letter.
fn strip(id: &str, a: &ArticleSummary) -> Markup {
    let paragraphs = a.by_paragraph.len();
    // A long article's paragraphs share columns (bands), so the strip stays
    // one screen wide however long the article is.
    let cols = paragraphs.clamp(1, STRIP_COLUMNS);
    let band = |j: usize| {
        (j * paragraphs / cols)..((j + 1) * paragraphs / cols).max(j * paragraphs / cols + 1)
    };
    let cell = ((WIDE_W - 90.0) / cols as f64).floor().clamp(3.0, 18.0);
    let w = 90.0 + cell * cols as f64 + 4.0;
    let rh = cell.max(12.0);
    let h = 3.0 * (rh + 2.0) + 18.0;
    let what = if cols < paragraphs {
        "One column per band of paragraphs"
    } else {
        "One column per paragraph"
    };
    let cw = f1((cell - 1.0).max(1.0));
    let ty = 3.0 * (rh + 2.0) + 12.0;
    html! {
        figure class="strip" {
            figcaption id={ (id) "-st" } { "Claims by paragraph" }
            svg role="img" aria-labelledby={ (id) "-st " (id) "-sd" } viewBox={ "0 0 " (w) " " (h) } width=(w) height=(h) {
                desc id={ (id) "-sd" } { (what) "; a filled cell holds a claim of that kind." }
                "\n"
                @for (r, k) in Kind::ALL.into_iter().enumerate() {
                    @let y = r as f64 * (rh + 2.0);
                    text class="lbl" x="0" y=(y + rh - 2.0) { (k) }
                    @for j in 0..cols {
                        @let x = 90.0 + j as f64 * cell;
                        @let range = band(j);
                        @let count: usize = a
                            .by_paragraph
                            .get(range.start..range.end.min(paragraphs))
                            .unwrap_or_default()
                            .iter()
                            .map(|c| c.get(k))
                            .sum();
                        @if count == 0 {
                            (Empty("rect", &[("class", &"empty"), ("x", &x), ("y", &y), ("width", &cw), ("height", &rh)]))
                        } @else {
                            rect class={ "k-" (k) } x=(x) y=(y) width=(cw) height=(rh) {
                                title {
                                    "¶" (range.start + 1)
                                    @if range.len() != 1 { "–" (range.end) }
                                    ": " (count) " " (k)
                                }
                            }
                            @if cell >= 11.0 {
                                text class="seg-text" x=(f1(x + (cell - 1.0).max(1.0) / 2.0)) y=(y + rh - 3.0) text-anchor="middle" style="font-size:9px" {
                                    (k.letter())
                                }
                            }
                        }
                    }
                }
                text class="val" x="90" y=(ty) { "¶1" }
                text class="val" x=(90.0 + cell * cols as f64) y=(ty) text-anchor="end" { "¶" (paragraphs) }
            }
        }
        "\n"
    }
}

/// What hovering a claim shows, one fact a line, each escaped.
struct Lines(Vec<String>);

impl Render for Lines {
    fn render_to(&self, buffer: &mut String) {
        for (i, line) in self.0.iter().enumerate() {
            if i > 0 {
                buffer.push_str("&#10;");
            }
            esc_into(buffer, line);
        }
    }
}

fn claim_title(c: &Claim, verdicts: &[VerdictOn<'_>]) -> Lines {
    let mut lines = vec![c.kind.as_str().to_owned()];
    if let Some(src) = c.source.as_deref().filter(|s| !s.is_empty()) {
        lines.push(format!("source: {src}"));
    }
    if let Some(n) = c.note.as_deref().filter(|s| !s.is_empty()) {
        lines.push(format!("note: {n}"));
    }
    if !c.tags.is_empty() {
        lines.push(format!("tags: {}", c.tags.join(", ")));
    }
    if let Some(st) = &c.status {
        lines.push(format!("status: {st}"));
    }
    for v in verdicts {
        lines.push(verdict_line(v));
    }
    Lines(lines)
}

fn verdict_line(v: &VerdictOn<'_>) -> String {
    let mut line = format!(
        "{} {}",
        byline_model::names::shown(v.reviewer),
        match v.entry.verdict {
            Verdict::Agree => "agrees",
            Verdict::Dispute => "disputes",
        }
    );
    if let Some(k) = v.entry.kind {
        line.push_str(&format!(", proposes {k}"));
    }
    if let Some(c) = v.entry.comment.as_deref().filter(|c| !c.is_empty()) {
        line.push_str(": ");
        line.push_str(c);
    }
    line
}

/// A marked claim in the text.
struct Span<'a> {
    /// Index into the file's claims.
    index: usize,
    claim: &'a Claim,
}

/// A paragraph's text with its claims marked: text, and marks around
/// text and marks.
enum Piece<'t> {
    Text(&'t str),
    /// The claim `spans[span]`; `first` for its first part (a claim that
    /// crosses another's end is split).
    Mark {
        span: usize,
        first: bool,
        inner: Vec<Piece<'t>>,
    },
}

/// The paragraph's text with its claims as marks around exactly their
/// text. Overlapping claims nest; where one claim crosses another's end it
/// is split, so the text reads once and every claim's marks hold exactly
/// its quote, in order.
fn marked<'t>(text: &'t str, spans: &[Span<'_>]) -> Vec<Piece<'t>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |c: usize| chars.get(c).map_or(text.len(), |x| x.0);
    let mut bounds: Vec<usize> = spans
        .iter()
        .flat_map(|s| [s.claim.at.start, s.claim.at.end])
        .chain([0, chars.len()])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    // Outer first, so the innermost mark (the one that shows) is the one
    // the overlap rule puts on top.
    let order = |s: &Span<'_>| overlap::precedence(&(s.claim.at.start..s.claim.at.end), s.index);
    // The open marks, outermost first: their span and what they hold yet.
    let mut open: Vec<(usize, bool, Vec<Piece<'t>>)> = Vec::new();
    let mut root: Vec<Piece<'t>> = Vec::new();
    let close = |open: &mut Vec<(usize, bool, Vec<Piece<'t>>)>, root: &mut Vec<Piece<'t>>| {
        let (span, first, inner) = open.pop().expect("an open mark");
        let piece = Piece::Mark { span, first, inner };
        match open.last_mut() {
            Some(parent) => parent.2.push(piece),
            None => root.push(piece),
        }
    };
    let mut started: Vec<bool> = vec![false; spans.len()];
    // Spans by start, taken in as the sweep reaches them; the active ones
    // are kept in nesting order, so each step costs what is open there.
    let mut by_start: Vec<usize> = (0..spans.len()).collect();
    by_start.sort_by_key(|&i| order(&spans[i]));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&i| spans[i].claim.at.end >= b);
        let mut added = false;
        while next < by_start.len() && spans[by_start[next]].claim.at.start <= a {
            let i = by_start[next];
            next += 1;
            if spans[i].claim.at.end >= b {
                active.push(i);
                added = true;
            }
        }
        if added {
            active.sort_by_key(|&i| order(&spans[i]));
        }
        let keep = open
            .iter()
            .zip(&active)
            .take_while(|(x, y)| x.0 == **y)
            .count();
        while open.len() > keep {
            close(&mut open, &mut root);
        }
        for &i in &active[keep..] {
            let first = !started[i];
            started[i] = true;
            open.push((i, first, Vec::new()));
        }
        let piece = Piece::Text(&text[byte(a)..byte(b)]);
        match open.last_mut() {
            Some(parent) => parent.2.push(piece),
            None => root.push(piece),
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut root);
    }
    root
}

/// Marked text as markup: `mark` writes one claim's mark around what it
/// holds.
fn render_pieces(pieces: &[Piece<'_>], mark: &dyn Fn(usize, bool, Markup) -> Markup) -> Markup {
    html! {
        @for p in pieces {
            @match p {
                Piece::Text(t) => (Text(t)),
                Piece::Mark { span, first, inner } => (mark(*span, *first, render_pieces(inner, mark))),
            }
        }
    }
}

/// One article's section.
pub fn article_section(index: usize, doc: &Doc, a: &ArticleSummary) -> Vec<u8> {
    let id = anchor(index);
    let set = &doc.set;
    let verdicts = doc.verdicts();
    let art = &set.article;
    let mut meta: Vec<Markup> = Vec::new();
    if let Some(o) = art.outlet.as_deref().filter(|o| !o.is_empty()) {
        meta.push(html! { span { (Text(o)) } });
    }
    if let Some(a) = art.author.as_deref().filter(|a| !a.is_empty()) {
        meta.push(html! { "by " span class="author" { (Text(a)) } });
    }
    if let Some(d) = art.published {
        meta.push(html! { time { (Text(d.to_string())) } });
    }
    meta.push(html! { "annotated by " strong { (who(&set.annotator.name)) } });
    if let Some(u) = art.url.as_deref().filter(|u| !u.is_empty()) {
        // Shown, not linked: the page makes no reference outside itself.
        meta.push(html! { code { (Text(u)) } });
    }
    meta.push(html! { code { (Text(&doc.file)) } });

    let t = &a.tally;
    let disputed: usize = a.reviews.iter().map(|r| r.disputed).sum();
    let mut figs: Vec<(String, String)> = vec![
        ("claims".into(), t.claims().to_string()),
        (
            "sourced · anonymous · editorial".into(),
            format!(
                "{} · {} · {}",
                t.by_kind.get(Kind::Sourced),
                t.by_kind.get(Kind::Anonymous),
                t.by_kind.get(Kind::Editorial)
            ),
        ),
        ("anonymity ratio".into(), pct(t.anonymity_ratio())),
        (
            "editorial per 100 words".into(),
            dec(t.editorial_per_100_words()),
        ),
        (
            "paragraphs with claims".into(),
            format!("{} of {}", t.paragraphs_with_claims, t.paragraphs),
        ),
        ("needs review".into(), t.needs_review.to_string()),
    ];
    for r in &a.reviews {
        figs.push((
            format!("reviewed by {}", byline_model::names::shown(&r.reviewer)),
            format!("{} agreed · {} disputed", r.agreed, r.disputed),
        ));
    }

    // Badge numbers follow the claims' file order.
    let badge = |i: usize| format!("{}{}", set.claims[i].kind.letter(), i + 1);
    // By number, not by id: ids come from the file and need not be
    // unique once made fit for an HTML id.
    let claim_anchor = |i: usize| format!("{id}-c{}", i + 1);
    let mark = |index: usize, first: bool, inner: Markup| {
        let c = &set.claims[index];
        let mut class = String::from("claim");
        if c.needs_review() {
            class.push_str(" review");
        }
        if verdicts[index]
            .iter()
            .any(|v| v.entry.verdict == Verdict::Dispute)
        {
            class.push_str(" disputed");
        }
        // Who is cited, beside the badge, on screen and in print: not
        // only in a tooltip.
        let source = c.source.as_deref().filter(|x| !x.is_empty());
        html! {
            mark class=(class) data-kind=(c.kind) data-claim=(Text(c.id.as_deref().unwrap_or("")))
                title=(claim_title(c, &verdicts[index]))
                id=[first.then(|| format!("{}-m", claim_anchor(index)))]
                data-badge=[first.then(|| badge(index))]
                data-source=[source.filter(|_| first).map(Text)]
                data-part=[(!first).then_some("continued")]
            { (inner) }
        }
    };

    let section = html! {
        article class="doc" id=(id) aria-labelledby={ (id) "-h" } {
            "\n"
            header {
                h2 id={ (id) "-h" } { (Text(&art.title)) }
                "\n"
                p class="meta" {
                    @for (i, m) in meta.iter().enumerate() {
                        @if i > 0 { " · " }
                        (m)
                    }
                }
            }
            "\n"
            (figures(figs))
            "\n"
            @if disputed > 0 {
                p class="flag" {
                    (disputed) " " (plural(disputed, "claim", "claims"))
                    " disputed by colleagues: marked with a red underline below."
                }
                "\n"
            }
            (strip(&id, a))
            @match &doc.article {
                Some(article) => {
                    h3 { "Text" } "\n"
                    (legend())
                    div class="text" {
                        "\n"
                        @for (pi, para) in article.paragraphs.iter().enumerate() {
                            // Claims are in file order (`perfile::render` sorts them).
                            @let spans = set
                                .paragraph_range(byline_model::Para::from_index(pi))
                                .map(|index| Span {
                                    index,
                                    claim: &set.claims[index],
                                })
                                .filter(|sp| doc.holds(sp.claim))
                                .collect::<Vec<Span<'_>>>();
                            @let pieces = marked(&para.text, &spans);
                            // `marked` numbers its marks by place in `spans`.
                            p class=[para.heading.then_some("h")] data-n=(pi + 1) {
                                (render_pieces(&pieces, &|i, first, inner| mark(spans[i].index, first, inner)))
                            }
                            "\n"
                        }
                    }
                    "\n"
                },
                None => {
                    p class="note" {
                        "The text cannot be shown: "
                        (Text(a.text.reason().unwrap_or_else(|| "the article text is not available".into())))
                        ". The claims are listed from their quotes."
                    }
                    "\n"
                },
            }
            @if !set.claims.is_empty() {
                h3 { "Claims" } "\n"
                ol class="claims" {
                    "\n"
                    @for (i, c) in set.claims.iter().enumerate() {
                        li id=(claim_anchor(i)) data-claim=(Text(c.id.as_deref().unwrap_or(""))) {
                            span class={ "badge k-" (c.kind) } aria-hidden="true" { (badge(i)) }
                            div {
                                // A quote that opens or ends with its own quote
                                // mark gets no second one from `<q>` (“…“no control””).
                                q class=[byline_model::annotation::has_own_quote_marks(&c.quote).then_some("own")] {
                                    (Text(&c.quote))
                                }
                                div class="facts" {
                                    strong { (c.kind) } " · ¶" (c.at.para) " " (c.at.start) "–" (c.at.end)
                                    @if let Some(src) = c.source.as_deref().filter(|x| !x.is_empty()) {
                                        " · source: " strong { (Text(src)) }
                                    } @else if c.kind.has_source() {
                                        " · " em { "no source given" }
                                    }
                                    @if !c.tags.is_empty() {
                                        " · tags: " (Text(c.tags.join(", ")))
                                    }
                                    @if let Some(id) = &c.id {
                                        " · id " code { (Text(id)) }
                                    }
                                    @if doc.holds(c) {
                                        " · " a href={ "#" (claim_anchor(i)) "-m" } { "in the text" }
                                    }
                                }
                                @if let Some(n) = c.note.as_deref().filter(|x| !x.is_empty()) {
                                    div { "Note: " (Text(n)) }
                                }
                                @if c.needs_review() {
                                    div class="flag" { "⚠ needs review: the article changed and this claim could not be placed with confidence" }
                                } @else if doc.article.is_some() && !doc.holds(c) {
                                    div class="flag" { "⚠ its offsets do not hold its quote in this text" }
                                }
                                @if !verdicts[i].is_empty() {
                                    ul class="verdicts" aria-label="colleagues' verdicts" {
                                        @for v in &verdicts[i] {
                                            li class=(v.entry.verdict.as_str()) {
                                                @if v.entry.verdict == Verdict::Agree { "✓" } @else { "✗" }
                                                " " (Text(verdict_line(v)))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
        "\n"
    };
    section.into_string().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_model::article::Paragraph;

    fn claim(p: &Paragraph, s: usize, e: usize, id: &str) -> Claim {
        let mut c = Claim::new(
            byline_model::Loc::new(byline_model::Para::FIRST, s, e),
            p,
            Kind::Editorial,
        );
        c.id = Some(id.into());
        c
    }

    #[test]
    fn a_long_article_strip_has_bands_not_a_column_per_paragraph() {
        use byline_model::annotation::KindCounts;
        let p = Paragraph::new("x".into(), false);
        let set = byline_model::annotation::AnnotationSet::new(
            &byline_model::article::Article::new("x".into(), "x".into(), "x".into(), vec![p]),
            "A",
            None,
        );
        let mut a = super::super::summarize(&set, None);
        a.by_paragraph = vec![KindCounts::default(); 40_000];
        a.by_paragraph[39_999].add(Kind::Editorial);
        let s = strip("t", &a).into_string();
        assert_eq!(s.matches("<rect").count(), 3 * STRIP_COLUMNS);
        assert!(
            s.contains("¶39801–40000: 1 editorial"),
            "{}",
            &s[s.len() - 600..]
        );
    }

    #[test]
    fn escapes_and_strips_controls() {
        assert_eq!(
            esc("<script>\"a\" & 'b'\u{7}</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn overlapping_claims_split_so_text_reads_once() {
        let p = Paragraph::new("abcdefghij".into(), false);
        let a = claim(&p, 0, 6, "a");
        let b = claim(&p, 3, 9, "b");
        let c = claim(&p, 4, 5, "c");
        let spans = [
            Span {
                index: 0,
                claim: &a,
            },
            Span {
                index: 1,
                claim: &b,
            },
            Span {
                index: 2,
                claim: &c,
            },
        ];
        let pieces = marked(&p.text, &spans);
        let out = render_pieces(&pieces, &|i, _, inner| {
            PreEscaped(format!(
                "<mark c={}>{}</mark>",
                spans[i].claim.id.as_deref().unwrap(),
                inner.into_string()
            ))
        })
        .into_string();
        assert_eq!(
            out,
            "<mark c=a>abc<mark c=b>d<mark c=c>e</mark>f</mark></mark><mark c=b>ghi</mark>j"
        );
    }
}
