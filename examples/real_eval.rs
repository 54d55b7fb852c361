//! Suggestions scored on real annotated news, in one process, with the
//! figures `../shared/tools/real_eval.py` prints (the same matching rules)
//! and, besides, per rule and per outlet:
//!
//!     cargo run --release --example real_eval -- polnear ../shared/corpora/polnear/dev
//!     cargo run --release --example real_eval -- basil ../shared/corpora/basil [--years=2010,2011]
//!     … [--list]      misses by cue, false alarms (tune on train/ only)
//!     … [--lang de]   a language pack other than English
//!
//! Nothing of the corpora is stored here: the folders are read where they
//! lie. PolNeAR: an attribution is found when a sourced or anonymous
//! suggestion overlaps its content or cue; a suggestion is right when it
//! overlaps some attribution's content, cue or source; the source is right
//! when, case and apostrophes folded and a leading article dropped, one
//! contains the other (pronoun sources are not scored). BASIL: a loaded
//! word outside quotations is found when an editorial suggestion overlaps
//! it.

use byline_suggest::{Suggester, Suggestion};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[path = "common/polnear.rs"]
mod polnear;
use polnear::Loc;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let listing = args.iter().any(|a| a == "--list");
    let years: Option<Vec<String>> = args
        .iter()
        .find_map(|a| a.strip_prefix("--years="))
        .map(|y| y.split(',').map(str::to_owned).collect());
    let lang = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let plain: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !(a.starts_with("--") || *i > 0 && args[*i - 1] == "--lang"))
        .map(|(_, a)| a)
        .collect();
    let (Some(which), Some(dir)) = (plain.first(), plain.get(1)) else {
        anyhow::bail!("usage: real_eval polnear|basil DIR [--list] [--years=Y,Y] [--lang L]");
    };
    let s = match &lang {
        Some(l) => Suggester::for_lang(l).ok_or_else(|| anyhow::anyhow!("no language pack {l}"))?,
        None => Suggester::builtin(),
    };
    let started = std::time::Instant::now();
    match which.as_str() {
        "polnear" => polnear(&s, Path::new(dir), listing)?,
        "basil" => basil(&s, Path::new(dir), listing, years.as_deref())?,
        other => anyhow::bail!("unknown corpus {other}: polnear or basil"),
    }
    eprintln!("took {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn fold(x: &str) -> String {
    let x = x
        .replace('\u{2019}', "'")
        .replace('\u{a0}', " ")
        .to_lowercase();
    let x = x.trim();
    let x = ["the ", "a ", "an "]
        .iter()
        .find_map(|a| x.strip_prefix(a))
        .unwrap_or(x);
    x.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn overlaps(a: Loc, b: Loc) -> bool {
    a.0 == b.0 && a.2.min(b.2) > a.1.max(b.1)
}

fn suggestion_loc(x: &Suggestion) -> Loc {
    (x.at.para.number(), x.at.start, x.at.end)
}

#[derive(Default)]
struct Per {
    suggested: usize,
    right: usize,
    found: usize,
}

fn polnear(s: &Suggester, d: &Path, listing: bool) -> anyhow::Result<()> {
    let speech = Regex::new(concat!(
        r"\b(sa(y|ys|id|ying)|t(ell|ells|old|elling)|according to|add(s|ed|ing)?|wr(ite|ites|ote|iting|itten)|stat(e|es|ed|ing|ement)|",
        r"argu\w*|claim\w*|insist\w*|assert\w*|declar\w*|announc\w*|explain\w*|not(e|es|ed|ing)|warn\w*|suggest\w*|",
        r"acknowledg\w*|admit\w*|den(y|ies|ied|ying|ial)|confirm\w*|report\w*|ask\w*|accus\w*|critici\w*|prais\w*|",
        r"complain\w*|repl(y|ies|ied|ying)|respond\w*|response|counter\w*|retort\w*|describ\w*|urg\w*|vow\w*|promis\w*|",
        r"predict\w*|estimat\w*|conced\w*|contend\w*|maintain\w*|reiterat\w*|repeat\w*|tweet\w*|post(s|ed)|testif\w*|",
        r"show(s|ed|n|ing)?|f(ind|inds|ound)|call(s|ed|ing)?|allege\w*|alleg\w*|recall\w*|remark\w*|comment\w*|",
        r"interview\w*|quot\w*|told|speech|statement)\b"
    ))?;
    let pronouns = [
        "he", "she", "they", "it", "we", "i", "you", "his", "her", "their",
    ];
    let texts = polnear::articles(d)?;
    let (mut gold_n, mut found_n, mut sugg_n, mut good_n) = (0, 0, 0, 0);
    let (mut src_ok, mut src_n, mut cue_ok, mut said_n, mut said_found) = (0, 0, 0, 0, 0);
    let mut by_outlet: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut rules: BTreeMap<&'static str, Per> = BTreeMap::new();
    let mut missed_cues: HashMap<String, usize> = HashMap::new();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let (mut cue_wrong, mut src_wrong) = (Vec::new(), Vec::new());
    let mut paragraphs_n = 0usize;
    let mut suggest_time = std::time::Duration::ZERO;
    for (name, t, ann) in &texts {
        let article = byline_store::article::load(t)?;
        let paras: Vec<String> = article.paragraphs.iter().map(|p| p.text.clone()).collect();
        paragraphs_n += paras.len();
        let gold = polnear::gold(t, ann, &paras)?;
        let t0 = std::time::Instant::now();
        let all = s.article(&article);
        suggest_time += t0.elapsed();
        let sug: Vec<&Suggestion> = all.iter().filter(|x| x.kind.has_source()).collect();
        let outlet = name.split('_').next().unwrap_or("").to_owned();
        for g in &gold {
            let spans_g: Vec<Loc> = [Some(g.content), g.cue].into_iter().flatten().collect();
            let hit: Vec<&&Suggestion> = sug
                .iter()
                .filter(|x| spans_g.iter().any(|y| overlaps(suggestion_loc(x), *y)))
                .collect();
            gold_n += 1;
            by_outlet.entry(outlet.clone()).or_default().1 += 1;
            let said = speech.is_match(&g.cue_text.to_lowercase());
            said_n += said as usize;
            said_found += (said && !hit.is_empty()) as usize;
            if hit.is_empty() {
                *missed_cues.entry(g.cue_text.to_lowercase()).or_default() += 1;
                if listing {
                    let p: Vec<char> = paras[g.content.0 - 1].chars().collect();
                    let q: String = p[g.content.1.min(p.len())
                        ..g.content.2.clamp(g.content.1.min(p.len()), p.len())]
                        .iter()
                        .take(90)
                        .collect();
                    misses.push(format!(
                        "{name} ¶{} cue={:?} src={:?}: {q:?}",
                        g.content.0, g.cue_text, g.src_text
                    ));
                }
                continue;
            }
            found_n += 1;
            by_outlet.get_mut(&outlet).unwrap().0 += 1;
            let mut seen = Vec::new();
            for h in &hit {
                if !seen.contains(&h.rule) {
                    seen.push(h.rule);
                    rules.entry(h.rule).or_default().found += 1;
                }
            }
            let ct = fold(&g.cue_text);
            if !ct.is_empty()
                && hit.iter().any(|h| {
                    let hc = fold(&h.cue);
                    !hc.is_empty() && (ct.contains(&hc) || hc.contains(&ct))
                })
            {
                cue_ok += 1;
            } else if listing {
                cue_wrong.push(format!(
                    "{name} ¶{} gold={:?} ours={:?}",
                    g.content.0,
                    g.cue_text,
                    hit.iter().map(|h| h.cue.as_str()).collect::<Vec<_>>()
                ));
            }
            let st = fold(&g.src_text);
            if !st.is_empty() && !pronouns.contains(&st.as_str()) {
                src_n += 1;
                if hit.iter().any(|h| {
                    let hs = fold(h.source_words().unwrap_or(""));
                    !hs.is_empty() && (st.contains(&hs) || hs.contains(&st))
                }) {
                    src_ok += 1;
                } else if listing {
                    src_wrong.push(format!(
                        "{name} ¶{} gold={:?} ours={:?}",
                        g.content.0,
                        g.src_text,
                        hit.iter()
                            .map(|h| h.source_words().unwrap_or(""))
                            .collect::<Vec<_>>()
                    ));
                }
            }
        }
        for x in &sug {
            sugg_n += 1;
            let r = rules.entry(x.rule).or_default();
            r.suggested += 1;
            let sp = suggestion_loc(x);
            if gold.iter().any(|g| {
                [Some(g.content), g.cue, g.src]
                    .into_iter()
                    .flatten()
                    .any(|y| overlaps(sp, y))
            }) {
                good_n += 1;
                r.right += 1;
            } else if listing {
                false_alarms.push(format!(
                    "{name} ¶{} {:?} [{}] src={:?}: {:?}",
                    x.at.para,
                    x.kind,
                    x.rule,
                    x.source,
                    x.quote.chars().take(90).collect::<String>()
                ));
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let rec = ratio(found_n, gold_n);
    let prec = ratio(good_n, sugg_n);
    if listing {
        println!("MISSED CUES (most frequent first)");
        let mut mc: Vec<_> = missed_cues.into_iter().collect();
        mc.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (c, n) in mc.iter().take(400) {
            println!("{n:5} {c:?}");
        }
        println!("MISSES");
        for m in misses.iter().take(20000) {
            println!("{m}");
        }
        println!("FALSE");
        for f in false_alarms.iter().take(5000) {
            println!("{f}");
        }
        println!("CUE WRONG");
        for f in &cue_wrong {
            println!("{f}");
        }
        println!("SOURCE WRONG");
        for f in &src_wrong {
            println!("{f}");
        }
    }
    let worst = by_outlet
        .iter()
        .map(|(o, (f, n))| (o.clone(), ratio(*f, *n)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let figures = serde_json::json!({
        "articles": texts.len(), "gold": gold_n, "suggested": sugg_n, "recall": rec,
        "precision": prec, "f1": if rec + prec > 0.0 { 2.0 * rec * prec / (rec + prec) } else { 0.0 },
        "cue": ratio(cue_ok, found_n), "source": ratio(src_ok, src_n),
        "said": said_n, "said_recall": ratio(said_found, said_n),
        "worst_outlet": worst,
    });
    println!("{figures}");
    println!();
    println!("| rule | suggested | right | precision | attributions found |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    let mut rs: Vec<_> = rules.iter().collect();
    rs.sort_by_key(|r| std::cmp::Reverse(r.1.suggested));
    for (rule, r) in rs {
        println!(
            "| {rule} | {} | {} | {:.2} | {} |",
            r.suggested,
            r.right,
            ratio(r.right, r.suggested),
            r.found
        );
        if r.suggested == 0 {
            println!("| (rule {rule} matched nothing) | | | | |");
        }
    }
    println!();
    println!("| outlet | attributions | found | recall |");
    println!("| --- | ---: | ---: | ---: |");
    for (o, (f, n)) in &by_outlet {
        println!("| {o} | {n} | {f} | {:.2} |", ratio(*f, *n));
    }
    eprintln!(
        "suggestions for {paragraphs_n} paragraphs in {:.0} ms: {:.1} µs a paragraph",
        suggest_time.as_secs_f64() * 1e3,
        suggest_time.as_secs_f64() * 1e6 / paragraphs_n.max(1) as f64
    );
    Ok(())
}

fn basil(s: &Suggester, d: &Path, listing: bool, years: Option<&[String]>) -> anyhow::Result<()> {
    let tmp = tempfile::tempdir()?;
    let (mut gold_n, mut found_n, mut sugg_n, mut good_n) = (0, 0, 0, 0);
    let mut rules: BTreeMap<&'static str, Per> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let mut year_dirs: Vec<PathBuf> = std::fs::read_dir(d.join("annotations"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    year_dirs.sort();
    for yd in year_dirs {
        let year = yd.file_name().unwrap().to_string_lossy().to_string();
        if years.is_some_and(|ys| !ys.contains(&year)) {
            continue;
        }
        let mut files: Vec<PathBuf> = std::fs::read_dir(&yd)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for a in files {
            let fname = a.file_name().unwrap().to_string_lossy().to_string();
            let Some(base) = fname.strip_suffix("_ann.json") else {
                continue;
            };
            let art: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(
                d.join("articles").join(&year).join(format!("{base}.json")),
            )?)?;
            let ann: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&a)?)?;
            let body: Vec<Vec<String>> = art["body-paragraphs"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .map(|p| {
                            p.as_array()
                                .map(|ss| {
                                    ss.iter()
                                        .filter_map(|s| s.as_str().map(str::to_owned))
                                        .collect()
                                })
                                .unwrap_or_default()
                        })
                        .collect()
                })
                .unwrap_or_default();
            let paras: Vec<String> = body
                .iter()
                .map(|p| p.iter().map(|s| s.trim()).collect::<Vec<_>>().join(" "))
                .collect();
            let mut where_: Vec<(usize, usize, usize)> = Vec::new();
            for (pi, p) in body.iter().enumerate() {
                let mut off = 0;
                for s in p {
                    let s2 = s.trim();
                    let lead = s.chars().count() - s.trim_start().chars().count();
                    where_.push((pi + 2, off, lead));
                    off += s2.chars().count() + 1;
                }
            }
            let title = art["title"].as_str().unwrap_or(base).trim().to_owned();
            let text = format!("{title}\n\n{}\n", paras.join("\n\n"));
            let path = tmp.path().join(format!("{base}.txt"));
            std::fs::write(&path, text)?;
            let article = byline_store::article::load(&path)?;
            let bparas: Vec<Vec<char>> = article
                .paragraphs
                .iter()
                .map(|p| p.text.chars().collect())
                .collect();
            let mut gold = Vec::new();
            for x in ann["phrase-level-annotations"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let id = x["id"].as_str().unwrap_or("");
                if x["bias"] != "lex" || x["quote"] == "yes" {
                    continue;
                }
                let Some(k) = id.get(1..).and_then(|k| k.parse::<usize>().ok()) else {
                    continue;
                };
                let Some(&(pn, off, lead)) = where_.get(k) else {
                    continue;
                };
                let (Some(st), Some(en)) = (x["start"].as_u64(), x["end"].as_u64()) else {
                    continue;
                };
                let (st, en) = (
                    (off + st as usize).saturating_sub(lead),
                    (off + en as usize).saturating_sub(lead),
                );
                let txt = x["txt"].as_str().unwrap_or("");
                if let Some(bp) = bparas.get(pn - 1)
                    && en <= bp.len()
                    && st <= en
                    && bp[st..en].iter().collect::<String>() == txt
                {
                    gold.push((pn, st, en));
                }
            }
            let sug: Vec<Suggestion> = s
                .article(&article)
                .into_iter()
                .filter(|x| x.kind == byline_model::annotation::Kind::Editorial)
                .collect();
            for g in &gold {
                gold_n += 1;
                if let Some(h) = sug.iter().find(|x| overlaps(suggestion_loc(x), *g)) {
                    found_n += 1;
                    rules.entry(h.rule).or_default().found += 1;
                } else if listing {
                    misses.push(format!(
                        "{base} ¶{}: {:?}",
                        g.0,
                        bparas[g.0 - 1][g.1..g.2].iter().collect::<String>()
                    ));
                }
            }
            for x in &sug {
                sugg_n += 1;
                let r = rules.entry(x.rule).or_default();
                r.suggested += 1;
                if gold.iter().any(|g| overlaps(suggestion_loc(x), *g)) {
                    good_n += 1;
                    r.right += 1;
                } else if listing {
                    false_alarms.push(format!("{base} ¶{} [{}]: {:?}", x.at.para, x.rule, x.quote));
                }
            }
        }
    }
    if listing {
        println!("MISSES");
        for m in misses.iter().take(400) {
            println!("{m}");
        }
        println!("FALSE");
        for f in false_alarms.iter().take(5000) {
            println!("{f}");
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "{}",
        serde_json::json!({"gold": gold_n, "suggested": sugg_n, "recall": ratio(found_n, gold_n), "precision": ratio(good_n, sugg_n)})
    );
    println!();
    println!("| rule | suggested | overlap a loaded word | loaded words found |");
    println!("| --- | ---: | ---: | ---: |");
    for (rule, r) in &rules {
        println!("| {rule} | {} | {} | {} |", r.suggested, r.right, r.found);
    }
    Ok(())
}
