//! `--format markdown`: a report for people. Plain GitHub-flavoured
//! Markdown that also reads well as text in a terminal: tables, lists, and
//! a per-paragraph strip drawn with letters in a code block.

use super::table::{self, dec, pct};
use super::{
    ArticleSummary, Corpus, Group, LEAD_BODY_PARAGRAPHS, RegistryUse, STRIP_EMPTY, SourceCount,
    SourceTypes, Tally,
};
use crate::plural;
use byline_model::annotation::Kind;
use std::fmt::Write as _;
use std::io::Write;

/// Sources listed in the corpus overview; the JSON export has them all.
const CORPUS_SOURCES: usize = 20;
/// Paragraphs per line of the strip, in groups of ten.
const STRIP_WIDTH: usize = 50;

/// Inline text (also a table cell) with Markdown's special characters
/// escaped, on one line: a field from a file cannot open a heading, a
/// link, an image, raw HTML or a new table cell, nor end its line.
/// A person's name, escaped, with what could make it pass for another
/// name shown (`byline_model::names`).
fn who(name: &str) -> String {
    esc(&byline_model::names::shown(name))
}

pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            // `&#x1b;`, `&lt;`: a character reference would be decoded by
            // the renderer; a lone `&` (`A&E`) is text and stays as it is.
            '&' if is_reference(&s[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' | '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Whether text after a `&` makes it a character reference (CommonMark:
/// `&name;`, `&#123;`, `&#x1b;`).
fn is_reference(rest: &str) -> bool {
    let Some(end) = rest.find(';') else {
        return false;
    };
    let body = &rest[..end];
    if let Some(num) = body.strip_prefix('#') {
        match num.strip_prefix(['x', 'X']) {
            Some(hex) => (1..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => (1..=7).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()),
        }
    } else {
        body.len() <= 32
            && body.starts_with(|c: char| c.is_ascii_alphabetic())
            && body.bytes().all(|b| b.is_ascii_alphanumeric())
    }
}

/// A code span holding `s` literally (CommonMark 6.1): the fence is one
/// backtick longer than the longest run of backticks inside, so none of
/// them can close it, and a space pads each side when `s` contains one
/// (a leading or trailing backtick would otherwise join the fence; the
/// renderer strips one space from each side). Line ends become spaces, so
/// the span cannot end its line and start a block.
fn code(s: &str) -> String {
    let s: std::borrow::Cow<str> = if s.contains(['\n', '\r']) {
        s.replace(['\n', '\r'], " ").into()
    } else {
        s.into()
    };
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // Content that begins and ends with a space loses one on each side: a
    // pad keeps them.
    let pad = longest > 0 || (s.starts_with(' ') && s.ends_with(' ') && !s.trim().is_empty());
    if pad {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// `¶1–4, ¶7`: paragraph numbers with runs collapsed.
fn para_list(v: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let mut j = i;
        while j + 1 < v.len() && v[j + 1] == v[j] + 1 {
            j += 1;
        }
        parts.push(if j == i {
            format!("¶{}", v[i])
        } else {
            format!("¶{}–{}", v[i], v[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// Writes the report: a corpus overview first when there are several
/// files, then one section per file.
pub fn write(
    out: &mut dyn Write,
    articles: &[ArticleSummary],
    corpus: &Corpus,
    agreement: Option<&super::agreement::Agreement>,
) -> std::io::Result<()> {
    let mut s = String::new();
    match articles {
        [] => {
            s.push_str("# byline export\n\nNo annotations to summarise; the summary is empty.\n");
        }
        [one] => article(&mut s, one, 1),
        many => {
            overview(&mut s, many, corpus);
            for a in many {
                s.push('\n');
                article(&mut s, a, 2);
            }
        }
    }
    if let Some(a) = agreement {
        super::agreement::markdown(&mut s, a);
    }
    out.write_all(s.as_bytes())
}

fn kind_table(s: &mut String, t: &Tally) {
    table::kinds(t).markdown(s);
}

/// `Done: Alex Example 2 of 7 · Sam Example 0 of 7`.
fn done_line(s: &mut String, c: &Corpus) {
    let parts: Vec<String> = c
        .by_annotator
        .iter()
        .map(|g| format!("{} {} of {}", who(&g.name), g.tally.done, g.tally.files))
        .collect();
    if !parts.is_empty() {
        let _ = writeln!(
            s,
            "\nDone (articles marked done, of the annotator's files): {}",
            parts.join(" · ")
        );
    }
}

fn overview(s: &mut String, articles: &[ArticleSummary], c: &Corpus) {
    let t = &c.totals.tally;
    let _ = writeln!(s, "# byline export\n");
    let _ = writeln!(
        s,
        "{} · {} · {} · {} · {}\n",
        plural(t.files, "annotation file", "annotation files"),
        plural(c.totals.distinct_articles, "article", "articles"),
        plural(c.totals.annotators, "annotator", "annotators"),
        plural(c.totals.outlets, "outlet", "outlets"),
        plural(t.claims(), "claim", "claims"),
    );
    s.push_str("## Corpus\n\n");
    kind_table(s, t);
    s.push('\n');

    s.push_str("Pooled figures divide the corpus's sums; the median and quartiles are taken over the annotation files where the measure is defined.\n\n");
    table::measures(c).markdown(s);
    if t.with_text < t.files {
        let _ = writeln!(
            s,
            "\nWords and sentences come from the {} of {} files whose article text was found.",
            t.with_text, t.files
        );
    }

    group_table(s, "By outlet", "outlet", &c.by_outlet);
    group_table(s, "By annotator", "annotator", &c.by_annotator);
    done_line(s, c);
    s.push_str(INTERVAL_NOTE);

    s.push_str("\n### Sources across the corpus\n\n");
    registry_line(s, c);
    sources_table(s, &c.sources, CORPUS_SOURCES);
    if let Some(t) = &c.types {
        types_table(s, t);
    }

    s.push_str("\n### Articles\n\n");
    table::articles(articles).markdown(s);
}

fn group_table(s: &mut String, title: &'static str, what: &'static str, groups: &[Group]) {
    let _ = writeln!(s, "\n### {title}\n");
    table::groups(title, what, groups).markdown(s);
}

/// Says once under each table what the bracketed ranges are.
const INTERVAL_NOTE: &str = "\n(In brackets: the 95% interval, a percentile bootstrap over annotation files with 2,000 resamples and a fixed seed; files, not claims, are the sampling unit; a group of fewer than 5 articles gets none. Groups whose intervals do not overlap differ by more than sampling noise.)\n";

fn sources_table(s: &mut String, sources: &[SourceCount], limit: usize) {
    if sources.is_empty() {
        s.push_str("No claim names a source.\n");
        return;
    }
    table::sources(sources, limit, None).markdown(s);
    if sources.len() > limit {
        let _ = writeln!(
            s,
            "\n{} more in the JSON export.",
            plural(sources.len() - limit, "source", "sources")
        );
    }
}

/// Which registry counted the sources, or that the export ran without
/// the one it found; nothing when there is none.
fn registry_line(s: &mut String, c: &Corpus) {
    match &c.registry {
        RegistryUse::None => {}
        RegistryUse::Used { path } => {
            let _ = writeln!(
                s,
                "Sources are counted by their canonical names in the registry {} (aliases merged).\n",
                code(path)
            );
        }
        RegistryUse::Failed { path, message } => {
            let _ = writeln!(
                s,
                "This export ran without the sources registry {}, which could not be used: {}. Sources are counted as typed.\n",
                code(path),
                esc(message)
            );
        }
    }
}

/// Attributed claims by the type of their source, for the corpus and
/// each outlet: a count and its share of the row's attributed claims.
fn types_table(s: &mut String, t: &SourceTypes) {
    s.push_str("\n### Sources by type\n\n");
    s.push_str("Sourced and anonymous claims by the type of their source in the registry, with each type's share of the row's attributed claims. An anonymous claim whose source is not in the registry counts as unnamed.\n\n");
    let table = super::types_table(t);
    let _ = write!(s, "| outlet | attributed claims |");
    for column in &table.columns {
        let _ = write!(s, " {} |", esc(&column.label));
    }
    s.push_str("\n|:--|--:|");
    for _ in &table.columns {
        s.push_str("--:|");
    }
    s.push('\n');
    for row in &table.rows {
        let name = row.outlet.unwrap_or("all outlets");
        let _ = write!(s, "| {} | {} |", esc(name), row.total);
        for cell in &row.cells {
            let _ = write!(s, " {} ({}) |", cell.count, pct(cell.share));
        }
        s.push('\n');
    }
}

/// One file's section; `level` is the heading level of its title.
fn article(s: &mut String, a: &ArticleSummary, level: usize) {
    let h = "#".repeat(level);
    let t = &a.tally;
    let _ = writeln!(s, "{h} {} — {}\n", esc(&a.title), who(&a.annotator));
    let mut line = vec![code(&a.article)];
    if let Some(o) = &a.outlet {
        line.push(esc(o));
    }
    if let Some(w) = &a.author {
        line.push(format!("by {}", esc(w)));
    }
    if !a.file.is_empty() {
        line.push(code(&a.file));
    }
    let _ = writeln!(s, "{}\n", line.join(" · "));
    kind_table(s, t);
    s.push('\n');

    let attributed = t.by_kind.get(Kind::Sourced) + t.by_kind.get(Kind::Anonymous);
    let _ = writeln!(
        s,
        "- **Anonymity ratio:** {} ({} anonymous of {})",
        pct(t.anonymity_ratio()),
        t.by_kind.get(Kind::Anonymous),
        plural(attributed, "attributed claim", "attributed claims"),
    );
    match a.text.reason() {
        None => {
            let _ = writeln!(
                s,
                "- **Editorial density:** {} editorial claims per 100 words ({}); {} of {} ({}) touched by an editorial claim",
                dec(t.editorial_per_100_words()),
                plural(t.words, "word", "words"),
                t.editorial_sentences,
                plural(t.sentences, "sentence", "sentences"),
                pct(t.editorial_sentence_share()),
            );
        }
        Some(why) => {
            let _ = writeln!(s, "- **Editorial density:** not available: {}", esc(&why));
        }
    }
    match a.sources.first() {
        Some(top) => {
            let named: usize = a.sources.iter().map(|s| s.count).sum();
            let _ = write!(
                s,
                "- **Concentration:** the top source, {}, has {} of the {} that name a source; effective number of sources {}",
                esc(&top.name),
                pct(a.top_source_share()),
                plural(named, "attributed claim", "attributed claims"),
                dec(a.effective_sources()),
            );
        }
        None => s.push_str("- **Concentration:** no claim names a source"),
    }
    if t.claims_without_source > 0 {
        let _ = write!(
            s,
            " ({} without a source)",
            plural(
                t.claims_without_source,
                "attributed claim",
                "attributed claims"
            )
        );
    }
    s.push('\n');
    let lead_note = if a.has_text() {
        ""
    } else {
        ", assuming the headline is ¶1"
    };
    let _ = writeln!(
        s,
        "- **Placement** (headline and first {LEAD_BODY_PARAGRAPHS} paragraphs: {}{lead_note}): {} of {} anonymous claims ({}), {} of {} editorial claims ({})",
        para_list(&a.lead),
        t.in_lead.get(Kind::Anonymous),
        t.by_kind.get(Kind::Anonymous),
        pct(t.lead_share(Kind::Anonymous)),
        t.in_lead.get(Kind::Editorial),
        t.by_kind.get(Kind::Editorial),
        pct(t.lead_share(Kind::Editorial)),
    );
    let never = a.paragraphs_without_claims();
    if never.is_empty() {
        let _ = writeln!(
            s,
            "- **Paragraphs never annotated:** none of {}",
            t.paragraphs
        );
    } else {
        let _ = writeln!(
            s,
            "- **Paragraphs never annotated:** {} of {}: {}",
            never.len(),
            t.paragraphs,
            para_list(&never)
        );
    }
    for r in &a.reviews {
        let kinds: Vec<String> = [
            ("sourced", &r.by_kind.sourced),
            ("anonymous", &r.by_kind.anonymous),
            ("editorial", &r.by_kind.editorial),
        ]
        .iter()
        .filter(|(_, k)| k.reviewed > 0)
        .map(|(name, k)| format!("{name} {}/{} agreed", k.agreed, k.reviewed))
        .collect();
        let _ = writeln!(
            s,
            "- **Reviewed by {}:** {} of {} claims, {} agreed, {} disputed{}",
            who(&r.reviewer),
            r.reviewed,
            r.claims,
            r.agreed,
            r.disputed,
            if kinds.is_empty() {
                String::new()
            } else {
                format!(" ({})", kinds.join(", "))
            }
        );
        for d in &r.disputes {
            let _ = writeln!(
                s,
                "  - disputes ¶{} {}–{} ({}{}{}){}",
                d.at.para,
                d.at.start,
                d.at.end,
                d.kind,
                d.proposed.map(|k| format!(" → {k}")).unwrap_or_default(),
                d.claim
                    .as_deref()
                    .map(|i| format!(", {}", code(i)))
                    .unwrap_or_default(),
                d.comment
                    .as_deref()
                    .map(|c| format!(": {}", esc(c)))
                    .unwrap_or_default(),
            );
        }
    }
    if a.needs_review.is_empty() {
        s.push_str("- **Needs review:** none\n");
    } else {
        let list: Vec<String> = a
            .needs_review
            .iter()
            .map(|c| {
                let id = c.id.as_deref().map(|i| format!(" {}", code(i)));
                format!(
                    "¶{} {}–{}{}",
                    c.at.para,
                    c.at.start,
                    c.at.end,
                    id.unwrap_or_default()
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "- **Needs review:** {}: {}",
            plural(list.len(), "claim", "claims"),
            list.join(", ")
        );
    }

    let _ = writeln!(s, "\n{h}# Sources\n");
    sources_table(s, &a.sources, usize::MAX);

    let _ = writeln!(s, "\n{h}# Paragraphs\n");
    s.push_str("```text\n");
    for line in strip(a) {
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s.push_str("```\n\n");
    let _ = writeln!(
        s,
        "S sourced, A anonymous, E editorial, {STRIP_EMPTY} none; one column per paragraph, in groups of ten."
    );
}

/// The strip: a ruler and one row per kind, one column per paragraph,
/// wrapped every [`STRIP_WIDTH`] paragraphs.
pub fn strip(a: &ArticleSummary) -> Vec<String> {
    const LABEL: usize = 11;
    let n = a.by_paragraph.len();
    let mut lines = Vec::new();
    let mut from = 0;
    while from < n {
        if from > 0 {
            lines.push(String::new());
        }
        let to = (from + STRIP_WIDTH).min(n);
        let mut ruler = format!("{:<LABEL$}", "¶");
        for g in (from..to).step_by(10) {
            let len = (to - g).min(10);
            let _ = write!(ruler, "{:<w$}", g + 1, w = len + 1);
        }
        lines.push(ruler);
        for k in Kind::ALL {
            let mut row = format!("{:<LABEL$}", k.as_str());
            for i in from..to {
                if i > from && (i - from) % 10 == 0 {
                    row.push(' ');
                }
                row.push(a.strip_cell(i, k));
            }
            lines.push(row);
        }
        from = to;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_lists_collapse_runs() {
        assert_eq!(para_list(&[1, 2, 3, 4, 7, 9, 10]), "¶1–4, ¶7, ¶9–10");
        assert_eq!(para_list(&[]), "");
    }

    #[test]
    fn escapes_markdown() {
        assert_eq!(esc("a|b *c* [d]_e"), "a\\|b \\*c\\* \\[d\\]\\_e");
        assert_eq!(
            esc("A&E &amp; &#x1b; &#7;x"),
            "A&E \\&amp; \\&\\#x1b; \\&\\#7;x"
        );
        assert_eq!(esc("a\n# b"), "a \\# b");
    }

    #[test]
    fn code_spans_hold_any_backticks() {
        assert_eq!(code("abc"), "`abc`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a``b"), "``` a``b ```");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code(" x "), "`  x  `");
        assert_eq!(code("a\n# h"), "`a # h`");
    }
}
