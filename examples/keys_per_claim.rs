//! Keys per claim, before and after suggestions, search and counts: each
//! sample annotation (Alex's and Sam's files in `annotations/`) is made
//! again through the real event loop with the fewest keys a planner finds,
//! and every claim is checked on disk (span, kind, source).
//!
//!     cargo run --release --example keys_per_claim
//!     cargo run --release --example keys_per_claim -- polnear ../shared/corpora/polnear/dev
//!
//! The second replays PolNeAR's gold attributions (see `polnear_replay`).
//!
//! "Before" may only move and grow one key at a time (`}` `j` `v` `j`/`k`
//! `l`/`h` `L`/`H`, then `s`/`a`/`e` and the source), as byline did before
//! counts, search and suggestions; it is measured with today's word stops,
//! which only flatters it (a span ending at `US”` could not be made at
//! all before). "After" takes the cheapest of: a suggestion (`]`/`[`, then
//! `Enter`, or another kind, or an adjusted span), a search (`/` + the
//! shortest prefix that lands there + `Enter`), or the moves with counts
//! (`5l` is two keys); word moves adjust whatever is selected without a
//! `v` first. A source costs `Tab Enter` when the prompt's hint is
//! right, else its typed letters and `Enter`.

use anyhow::Context;
use byline_model::annotation::{AnnotationSet, Claim, Kind};
use byline_model::article::Paragraph;
use byline_model::{Loc, Para};
use byline_store as store;
use byline_tui::annotate::AnnotateScreen;
use byline_tui::annotate::search;
use byline_tui::annotate::state::{App, Mode, Span};
use byline_tui::testing::Harness;
use std::path::Path;

#[path = "common/polnear.rs"]
mod polnear;
#[path = "common/split.rs"]
mod split;
use split::{FRESH, HELD_OUT, TUNED};

/// One key as the harness reads it.
fn key(k: &str) -> String {
    match k {
        "<" => "<lt>".into(),
        k => k.into(),
    }
}

/// `n` presses of `k`: with counts, a number and the key when shorter.
fn repeat(k: &str, n: usize, counts: bool) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    let digits = n.to_string();
    if counts && n > digits.len() + 1 {
        let mut v: Vec<String> = digits.chars().map(|c| c.to_string()).collect();
        v.push(key(k));
        v
    } else {
        vec![key(k); n]
    }
}

fn typed(text: &str) -> Vec<String> {
    text.chars().map(|c| key(&c.to_string())).collect()
}

fn mark_key(k: Kind) -> &'static str {
    match k {
        Kind::Sourced => "s",
        Kind::Anonymous => "a",
        Kind::Editorial => "e",
    }
}

/// Stops strictly between `a` and `b` and at `b`, in the direction of `b`.
fn moves(stops: &[usize], from: usize, to: usize) -> Option<usize> {
    if from == to {
        return Some(0);
    }
    if !stops.contains(&to) {
        return None;
    }
    Some(if to > from {
        stops.iter().filter(|&&s| s > from && s <= to).count()
    } else {
        stops.iter().filter(|&&s| s >= to && s < from).count()
    })
}

/// Keys that turn a selection `sel` (in select mode) into `start..end`.
fn adjust(
    p: &Paragraph,
    sel: (usize, usize),
    start: usize,
    end: usize,
    counts: bool,
) -> Option<Vec<String>> {
    let ends = p.word_ends();
    let starts = p.word_starts();
    let mut out = Vec::new();
    // The end first when it grows, the start first when the end shrinks
    // past the old start: the selection never turns inside out.
    let e = moves(&ends, sel.1, end)?;
    let s = moves(&starts, sel.0, start)?;
    let end_keys = repeat(if end > sel.1 { "l" } else { "h" }, e, counts);
    let start_keys = repeat(if start > sel.0 { "L" } else { "H" }, s, counts);
    if end < sel.0 {
        return None;
    }
    if start >= sel.1 {
        out.extend(end_keys);
        out.extend(start_keys);
    } else {
        out.extend(start_keys);
        out.extend(end_keys);
    }
    Some(out)
}

/// Keys from the cursor to the sentence holding `start` of paragraph `para`.
fn navigate(app: &App, para: Para, start: usize, counts: bool) -> (Vec<String>, Span) {
    let c = app.cursor;
    let sentences = app.sentences(para);
    let idx = sentences.iter().position(|r| r.end > start).unwrap_or(0);
    let target = Span {
        para,
        start: sentences[idx].start,
        end: sentences[idx].end,
    };
    let mut keys = Vec::new();
    if para == c.para {
        let here = sentences.iter().position(|r| r.end > c.start).unwrap_or(0);
        if idx == here && (c.start, c.end) != (target.start, target.end) {
            // On a claim inside the sentence: out and back.
            keys.extend(["k".to_owned(), "j".to_owned()]);
        } else if idx >= here
            && !(idx == here
                && (c.start, c.end) != (target.start, target.end)
                && c.start > target.start)
        {
            keys.extend(repeat("j", idx - here, counts));
            if idx == here && (c.start, c.end) != (target.start, target.end) {
                // On a claim inside the sentence: out and back.
                keys.extend(["k".to_owned(), "j".to_owned()]);
            }
        } else {
            keys.extend(repeat("k", here.saturating_sub(idx), counts));
        }
    } else {
        let (k, n) = if para > c.para {
            ("}", para.distance(c.para))
        } else {
            ("{", c.para.distance(para))
        };
        keys.extend(repeat(k, n, counts));
        keys.extend(repeat("j", idx, counts));
    }
    (keys, target)
}

/// The planned keys up to the mark (the source is decided on the prompt).
fn plan_moves(app: &App, c: &Claim, counts: bool) -> Option<Vec<String>> {
    let para = c.at.para;
    let (mut keys, sentence) = navigate(app, para, c.at.start, counts);
    if (sentence.start, sentence.end) != (c.at.start, c.at.end) {
        // Word moves adjust the sentence at once now; before, `v` came
        // first.
        if !counts {
            keys.push("v".into());
        }
        keys.extend(adjust(
            app.paragraph(para),
            (sentence.start, sentence.end),
            c.at.start,
            c.at.end,
            counts,
        )?);
    }
    keys.push(mark_key(c.kind).into());
    Some(keys)
}

fn plan_search(app: &App, c: &Claim) -> Option<Vec<String>> {
    let para = c.at.para;
    let p = app.paragraph(para);
    let quote: Vec<char> = c.quote.chars().collect();
    let mut best: Option<Vec<String>> = None;
    for len in 1..=quote.len().min(40) {
        let q: String = quote[..len].iter().collect();
        if q.ends_with(' ') {
            continue;
        }
        let found = search::locate(app, &q, search::origin(app));
        let Some(hit) = found.at else { break };
        if hit.para != para
            || hit.start < c.at.start.saturating_sub(1)
            || hit.start > c.at.start + 1
        {
            continue;
        }
        let sel = search::selection_of(app, hit);
        let Some(adj) = adjust(p, (sel.start, sel.end), c.at.start, c.at.end, true) else {
            continue;
        };
        let mut keys = vec!["/".to_owned()];
        keys.extend(typed(&q));
        keys.push("<Enter>".into());
        keys.extend(adj);
        keys.push(mark_key(c.kind).into());
        if best.as_ref().is_none_or(|b| keys.len() < b.len()) {
            best = Some(keys);
        }
    }
    best
}

/// `]`/`[` to a suggestion overlapping the claim, then Enter, another
/// kind, or an adjusted span.
fn plan_suggestion(app: &App, c: &Claim) -> Option<(Vec<String>, bool)> {
    // In the order `]` walks them.
    let mut all: Vec<_> = Para::all(app.article.len())
        .flat_map(|i| app.suggestions_of(i))
        .collect();
    all.sort_by_key(App::suggestion_order);
    if all.is_empty() {
        return None;
    }
    let cur = app.cursor;
    let on = app.suggestion_at(cur).is_some();
    let keyof = App::suggestion_order;
    let here = (cur.para, cur.start, std::cmp::Reverse(cur.end));
    let n = all.len();
    let first_fwd = all
        .iter()
        .position(|s| {
            if on {
                keyof(s) > here
            } else {
                (keyof(s).0, keyof(s).1) >= (here.0, here.1)
            }
        })
        .unwrap_or(0);
    let first_back = all
        .iter()
        .rposition(|s| {
            if on {
                keyof(s) < here
            } else {
                (keyof(s).0, keyof(s).1) < (here.0, here.1)
            }
        })
        .unwrap_or(n - 1);
    let mut best: Option<(Vec<String>, bool)> = None;
    for (t, s) in all.iter().enumerate() {
        if !c.at.overlaps(&s.at) {
            continue;
        }
        let fwd = (t + n - first_fwd) % n + 1;
        let back = (first_back + n - t) % n + 1;
        let mut keys = if fwd <= back {
            repeat("]", fwd, true)
        } else {
            repeat("[", back, true)
        };
        let exact = (s.at.start, s.at.end) == (c.at.start, c.at.end);
        let accept = exact && s.kind == c.kind && s.source == c.source;
        if accept {
            keys.push("<Enter>".into());
        } else if exact {
            keys.push(mark_key(c.kind).into());
        } else {
            // Word moves adjust the suggestion at once (no `v`).
            let Some(adj) = adjust(
                app.paragraph(c.at.para),
                (s.at.start, s.at.end),
                c.at.start,
                c.at.end,
                true,
            ) else {
                continue;
            };
            keys.extend(adj);
            keys.push(mark_key(c.kind).into());
        }
        if best.as_ref().is_none_or(|(b, _)| keys.len() < b.len()) {
            best = Some((keys, accept));
        }
    }
    best
}

/// Sends the keys; if a source prompt opens, answers it as cheaply as the
/// hint allows. Returns the keys sent, and how many of them typed a source.
fn make(h: &mut Harness<AnnotateScreen>, keys: &[String], c: &Claim) -> (usize, usize) {
    h.press(&keys.concat());
    let mut sent = keys.len();
    let mut letters = 0;
    if let Mode::Prompt(p) = &h.screen().app.mode {
        let answer: Vec<String> = match (&c.source, &p.line.hint) {
            (None, _) => vec!["<Esc>".into()],
            (Some(s), Some(hint)) if s == hint => vec!["<Tab>".into(), "<Enter>".into()],
            (Some(s), _) => {
                let mut v = typed(s);
                letters = v.len();
                v.push("<Enter>".into());
                v
            }
        };
        h.press(&answer.concat());
        sent += answer.len();
    }
    (sent, letters)
}

fn same(a: &Claim, b: &Claim) -> bool {
    (a.at, a.kind, &a.source) == (b.at, b.kind, &b.source)
}

#[derive(Default)]
struct Totals {
    claims: usize,
    before: usize,
    after: usize,
    before_letters: usize,
    after_letters: usize,
    accepted_keys: usize,
    by_route: [usize; 3],
    accepted: usize,
}

fn run(root: &Path, file: &str, who: &str, t: &mut Totals) -> anyhow::Result<()> {
    let art = root.join("examples/articles").join(file);
    let id = byline_store::article::load(&art)?.id;
    let Some(target) = store::load(
        &root
            .join("annotations")
            .join(&id)
            .join(format!("{who}.toml")),
    )?
    else {
        return Ok(());
    };
    let set: AnnotationSet = target;
    replay(&art, &set.claims, t, true)
        .map(|_| ())
        .with_context(|| format!("({who})"))
}

/// What one claim cost in one pass: keys sent, of them typed source
/// letters, the route (moves, search, suggestion), accepted as suggested.
type Made = (usize, usize, usize, bool);

/// Makes `claims` of the article at `art` again, before and after, adding
/// to `t` the keys of every claim both passes made. A claim the planner
/// finds no keys for, or whose keys do not make it, is an error when
/// `strict`; otherwise it is left out of `t`, counted in the result, and
/// the screen is brought back with `Esc`.
fn replay(art: &Path, claims: &[Claim], t: &mut Totals, strict: bool) -> anyhow::Result<usize> {
    let file = art.file_name().unwrap_or_default().to_string_lossy();
    let mut passes: Vec<Vec<Option<Made>>> = Vec::new();
    for after in [false, true] {
        let dir = tempfile::tempdir()?;
        let mut h = if after {
            Harness::annotate_suggesting(art, dir.path(), "Keys Example")
        } else {
            Harness::annotate(art, dir.path(), "Keys Example")
        };
        let mut pass = Vec::new();
        for c in claims {
            let made = make_one(&mut h, c, after);
            match made {
                Ok(m) => pass.push(Some(m)),
                Err(e) if strict => return Err(e.context(format!("{file}"))),
                Err(_) => {
                    h.press("<Esc><Esc>");
                    pass.push(None);
                }
            }
        }
        passes.push(pass);
    }
    let mut unmade = 0;
    for (b, a) in passes[0].iter().zip(&passes[1]) {
        let (Some((b_sent, b_letters, _, _)), Some((sent, letters, route, accepted))) = (b, a)
        else {
            unmade += 1;
            continue;
        };
        t.before += b_sent;
        t.before_letters += b_letters;
        t.claims += 1;
        t.after += sent;
        t.after_letters += letters;
        t.by_route[*route] += 1;
        t.accepted += usize::from(*accepted);
        if *accepted {
            t.accepted_keys += sent;
        }
    }
    Ok(unmade)
}

/// Plans the cheapest keys for `c` (only moves before suggestions, search
/// and counts), sends them, and checks the claim is on the screen's set.
fn make_one(h: &mut Harness<AnnotateScreen>, c: &Claim, after: bool) -> anyhow::Result<Made> {
    let app = &h.screen().app;
    let moves = plan_moves(app, c, after);
    let (keys, route, accepted) = if after {
        let mut options: Vec<(Vec<String>, usize, bool)> = Vec::new();
        if let Some(k) = moves {
            options.push((k, 0, false));
        }
        if let Some(k) = plan_search(app, c) {
            options.push((k, 1, false));
        }
        if let Some((k, acc)) = plan_suggestion(app, c) {
            options.push((k, 2, acc));
        }
        // A source typed costs its letters; an accepted suggestion
        // brings its own.
        let cost = |(k, _, acc): &(Vec<String>, usize, bool)| {
            k.len() + if *acc || !c.kind.has_source() { 0 } else { 2 }
        };
        let Some(best) = options.into_iter().min_by_key(cost) else {
            anyhow::bail!("no way to make {:?}", c.quote);
        };
        best
    } else {
        match moves {
            Some(k) => (k, 0, false),
            None => anyhow::bail!("no way to make {:?}", c.quote),
        }
    };
    let before_n = h.screen().app.set.claims.len();
    let (sent, letters) = make(h, &keys, c);
    let made = &h.screen().app.set.claims;
    if made.len() != before_n + 1 || !made.iter().any(|m| same(m, c)) {
        let now: Vec<(usize, usize, &str, Kind)> = made
            .iter()
            .filter(|m| m.at.para == c.at.para)
            .map(|m| (m.at.start, m.at.end, m.quote.as_str(), m.kind))
            .collect();
        anyhow::bail!(
            "keys {:?} did not make {:?} {}..{} (the paragraph's claims now: {now:?})",
            keys.concat(),
            c.quote,
            c.at.start,
            c.at.end
        );
    }
    Ok((sent, letters, route, accepted))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [which, dir] = args.as_slice() {
        anyhow::ensure!(which == "polnear", "usage: keys_per_claim [polnear DIR]");
        return polnear_replay(Path::new(dir));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, files) in [
        ("tuned on", TUNED),
        ("held out in session 2, tuned on since", HELD_OUT),
        ("fresh (held out)", FRESH),
    ] {
        let mut t = Totals::default();
        for file in files {
            for who in ["alex-example", "sam-example"] {
                run(root, file, who, &mut t)?;
            }
        }
        print_totals(&format!("{name}: {}", files.join(", ")), &t);
    }
    Ok(())
}

/// PolNeAR's gold made again through the loop: each attribution is one
/// claim over its content, cue and source where they share the content's
/// paragraph, widened to the nearest word edges (what an annotator would
/// select); sourced when its source names someone (a capital letter or a
/// pronoun), anonymous otherwise ("officials", "a source", none). Two
/// attributions over the same span are one claim.
fn polnear_replay(d: &Path) -> anyhow::Result<()> {
    let pronouns = ["he", "she", "they", "it", "we", "i", "you"];
    let mut t = Totals::default();
    let (mut attributions, mut unmade, mut articles) = (0, 0, 0);
    for (_, text, ann) in polnear::articles(d)? {
        let article = byline_store::article::load(&text)?;
        let paras: Vec<String> = article.paragraphs.iter().map(|p| p.text.clone()).collect();
        let mut claims: Vec<Claim> = Vec::new();
        for g in polnear::gold(&text, &ann, &paras)? {
            attributions += 1;
            let (n, mut start, mut end) = g.content;
            for (m, a, b) in [g.cue, g.src].into_iter().flatten() {
                if m == n {
                    start = start.min(a);
                    end = end.max(b);
                }
            }
            let Some(para) = Para::from_number(n) else {
                continue;
            };
            let p = &article.paragraphs[para.index()];
            let Some(start) = p.word_starts().into_iter().rfind(|&s| s <= start) else {
                continue;
            };
            let Some(end) = p.word_ends().into_iter().find(|&e| e >= end) else {
                continue;
            };
            let src = g.src_text.trim();
            let named = src.chars().any(char::is_uppercase)
                || pronouns.contains(&src.to_lowercase().as_str());
            let kind = if named {
                Kind::Sourced
            } else {
                Kind::Anonymous
            };
            let mut c = Claim::new(Loc::new(para, start, end), p, kind);
            c.source = (!src.is_empty()).then(|| src.to_owned());
            claims.push(c);
        }
        claims.sort_by_key(|c| c.at);
        claims.dedup_by_key(|c| c.at);
        unmade += replay(&text, &claims, &mut t, false)?;
        articles += 1;
    }
    print_totals(
        &format!(
            "PolNeAR {}: {articles} articles, {attributions} attributions",
            d.display()
        ),
        &t,
    );
    println!("{unmade} claims the planner could not make in one of the passes are left out.");
    Ok(())
}

fn print_totals(name: &str, t: &Totals) {
    let per = |n: usize| n as f64 / t.claims.max(1) as f64;
    println!("## {name}");
    println!();
    println!("| | keys | keys per claim | without typing source names |");
    println!("| --- | ---: | ---: | ---: |");
    println!(
        "| before (moves only) | {} | {:.1} | {:.1} |",
        t.before,
        per(t.before),
        per(t.before - t.before_letters)
    );
    println!(
        "| after (suggestions, search, counts) | {} | {:.1} | {:.1} |",
        t.after,
        per(t.after),
        per(t.after - t.after_letters)
    );
    println!();
    println!(
        "A claim accepted as suggested cost {:.1} keys on average.",
        t.accepted_keys as f64 / t.accepted.max(1) as f64
    );
    println!();
    println!(
        "{} claims; after: {} by moves, {} by search, {} from a suggestion ({} accepted as suggested with Enter).",
        t.claims, t.by_route[0], t.by_route[1], t.by_route[2], t.accepted
    );
    println!();
}
