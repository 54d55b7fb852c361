//! Files from the tools people already use (issue 22): the attribution
//! scheme in brat (PARC, as PolNeAR writes it), Label Studio and doccano,
//! with label mappings, both ways. Every fixture here is written by us in
//! the tools' documented formats; no corpus text.

use crate::common::{Run, root, run};
use crate::import::{claims, imported, samples};
use serde_json::{Value, json};
use std::path::Path;

/// `[start, end)` in chars of the `nth` (0-based) occurrence of `needle`.
fn at(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (b, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in the text"));
    let s = text[..b].chars().count();
    (s, s + needle.chars().count())
}

/// The same in UTF-16 code units, as JavaScript counts.
fn at16(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let (b, _) = text.match_indices(needle).nth(nth).unwrap();
    let s = text[..b].encode_utf16().count();
    (s, s + needle.encode_utf16().count())
}

const PARC_TEXT: &str = "Harbor vote delayed\n\nThe port authority said on Monday that the vote would wait.  Critics called the\ndelay a botched rollout.\n\n“We are not ready,” she said, adding that “the money is not there.”\n\nReportedly, the plan has been shelved; officials said the harbor would stay open, and they\nalso warned of costs.\n\nAccording to Mayor Ruiz, the council meets again in May. The aide, Ana Diaz, said that\n\nmore talks would follow.\n";

/// A brat file in the attribution scheme, as PolNeAR writes it: events
/// with Source, Cue and Content, a source shared by two events, an event
/// without a source, a discontinuous content, a cue apart from its
/// content, a content across a paragraph break, an event pointing at a
/// span that is not there, and spans the mapping ignores or does not know.
fn parc_ann() -> String {
    let t = PARC_TEXT;
    let mut ann = String::new();
    let mut n = 0;
    let mut span = |ann: &mut String, label: &str, segs: &[(usize, usize)]| {
        n += 1;
        let spec: Vec<String> = segs.iter().map(|(a, b)| format!("{a} {b}")).collect();
        let words: Vec<String> = segs
            .iter()
            .map(|&(a, b)| t.chars().skip(a).take(b - a).collect())
            .collect();
        ann.push_str(&format!(
            "T{n}\t{label} {}\t{}\n",
            spec.join(";"),
            words.join(" ")
        ));
        n
    };
    // E1: source, cue and content touching.
    let s = span(&mut ann, "Source", &[at(t, "The port authority", 0)]);
    let c = span(&mut ann, "Cue", &[at(t, "said", 0)]);
    let x = span(
        &mut ann,
        "Content",
        &[at(t, "on Monday that the vote would wait.", 0)],
    );
    let a = span(&mut ann, "Attribution", &[at(t, "said", 0)]);
    ann.push_str(&format!(
        "E1\tAttribution:T{a} Content:T{x} Cue:T{c} Source:T{s}\n"
    ));
    // A plain span the mapping knows (editorial) and two it does not.
    span(&mut ann, "Editorial", &[at(t, "a botched rollout", 0)]);
    span(&mut ann, "Discuss", &[at(t, "Critics called", 0)]);
    span(&mut ann, "Rumour", &[at(t, "delay", 0)]);
    // E2: a pronoun source; the content in two fragments around the cue.
    let s = span(&mut ann, "Source", &[at(t, "she", 0)]);
    let c = span(&mut ann, "Cue", &[at(t, "said", 1)]);
    let x = span(
        &mut ann,
        "Content",
        &[
            at(t, "“We are not ready,”", 0),
            at(t, "“the money is not there.”", 0),
        ],
    );
    let a = span(&mut ann, "Attribution", &[at(t, "said", 1)]);
    ann.push_str(&format!(
        "E2\tAttribution:T{a} Cue:T{c} Source:T{s} Content:T{x}\n"
    ));
    // E3: no source.
    let c = span(&mut ann, "Cue", &[at(t, "Reportedly", 0)]);
    let x = span(
        &mut ann,
        "Content",
        &[at(t, "the plan has been shelved", 0)],
    );
    let a = span(&mut ann, "Attribution-no-source", &[at(t, "Reportedly", 0)]);
    ann.push_str(&format!(
        "E3\tAttribution-no-source:T{a} Content:T{x} Cue:T{c}\n"
    ));
    // E4, E5: one source, two attributions (the second's content after a
    // line break).
    let s = span(&mut ann, "Source", &[at(t, "officials", 0)]);
    let c = span(&mut ann, "Cue", &[at(t, "said", 2)]);
    let x = span(
        &mut ann,
        "Content",
        &[at(t, "the harbor would stay open", 0)],
    );
    let a = span(&mut ann, "Attribution", &[at(t, "said", 2)]);
    ann.push_str(&format!(
        "E4\tAttribution:T{a} Content:T{x} Cue:T{c} Source:T{s}\n"
    ));
    let c = span(&mut ann, "Cue", &[at(t, "warned", 0)]);
    let x = span(&mut ann, "Content", &[at(t, "of costs", 0)]);
    let a = span(&mut ann, "Attribution", &[at(t, "warned", 0)]);
    ann.push_str(&format!(
        "E5\tAttribution:T{a} Content:T{x} Cue:T{c} Source:T{s}\n"
    ));
    ann.push_str("A1\tNegated E5\n");
    // E6: the cue apart from the content (the source between them).
    let c = span(&mut ann, "Cue", &[at(t, "According to", 0)]);
    let s = span(&mut ann, "Source", &[at(t, "Mayor Ruiz", 0)]);
    let x = span(
        &mut ann,
        "Content",
        &[at(t, "the council meets again in May.", 0)],
    );
    let a = span(&mut ann, "Attribution", &[at(t, "According to", 0)]);
    ann.push_str(&format!(
        "E6\tAttribution:T{a} Content:T{x} Cue:T{c} Source:T{s}\n"
    ));
    // E7: a content across a paragraph break.
    let s = span(&mut ann, "Source", &[at(t, "Ana Diaz", 0)]);
    let c = span(&mut ann, "Cue", &[at(t, "said", 3)]);
    let x = span(
        &mut ann,
        "Content",
        &[at(t, "that\n\nmore talks would follow.", 0)],
    );
    let a = span(&mut ann, "Attribution", &[at(t, "said", 3)]);
    ann.push_str(&format!(
        "E7\tAttribution:T{a} Content:T{x} Cue:T{c} Source:T{s}\n"
    ));
    // E8: a relation to a span that is not there.
    ann.push_str(&format!("E8\tAttribution:T{a} Content:T99 Cue:T{c}\n"));
    ann
}

/// PolNeAR's layout: `attributions/NAME_ANNOTATOR.ann`, `text/NAME.txt`.
fn parc_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("polnear/text")).unwrap();
    std::fs::create_dir_all(dir.join("polnear/attributions")).unwrap();
    std::fs::write(dir.join("polnear/text/harbor_vote.txt"), PARC_TEXT).unwrap();
    std::fs::write(
        dir.join("polnear/attributions/harbor_vote_ab12.ann"),
        parc_ann(),
    )
    .unwrap();
}

type Key = (
    usize,
    usize,
    usize,
    String,
    String,
    Option<String>,
    Option<String>,
    Vec<String>,
);

fn keys(set: &byline_model::annotation::AnnotationSet) -> Vec<Key> {
    set.claims
        .iter()
        .map(|c| {
            (
                c.at.para.number(),
                c.at.start,
                c.at.end,
                c.kind.as_str().to_owned(),
                c.quote.clone(),
                c.source.clone(),
                c.extra
                    .get("cue")
                    .and_then(|v| v.as_str())
                    .map(str::to_owned),
                c.tags.clone(),
            )
        })
        .collect()
}

fn import_parc(dir: &Path) -> Run {
    run(
        dir,
        &[
            "import",
            "polnear/attributions",
            "--from",
            "brat",
            "--labels",
            "parc",
            "--annotations",
            "ann",
        ],
    )
}

#[test]
fn attribution_events_become_one_claim_each() {
    let dir = tempfile::tempdir().unwrap();
    parc_corpus(dir.path());
    let r = import_parc(dir.path());
    let file = "polnear/attributions/harbor_vote_ab12.ann";
    let err: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        err,
        [
            format!(
                "byline: {file}: line 40 (E8): the event points at T99, which is no span of this file; skipped"
            ),
            format!(
                "byline: warning: {file}: line 39 (E7): the span crosses a paragraph break; the claim keeps its part in paragraph 5"
            ),
            "byline: warning: labels the mapping \"parc\" does not know were left out: \"Negated (attribute)\" (1), \"Rumour\" (1); map them with --label NAME=KIND or --labels FILE".into(),
        ],
        "{}",
        r.stderr
    );
    assert_eq!(r.code, 1, "a skipped event is a failure to report");
    let got = imported(&dir.path().join("ann"), "harbor-vote", "ab12");
    assert_eq!(got.annotator.name, "ab12");
    let s = |x: &str| Some(x.to_owned());
    let tags = |t: &[&str]| t.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let k = keys(&got);
    assert_eq!(
        k,
        [
            (
                2,
                19,
                59,
                "sourced".into(),
                "said on Monday that the vote would wait.".into(),
                s("The port authority"),
                s("said"),
                // A body by its common noun reads as sure.
                tags(&[])
            ),
            (
                2,
                85,
                102,
                "editorial".into(),
                "a botched rollout".into(),
                None,
                None,
                tags(&[])
            ),
            (
                3,
                0,
                67,
                "sourced".into(),
                "“We are not ready,” she said, adding that “the money is not there.”".into(),
                s("she"),
                s("said"),
                tags(&["needs-review"])
            ),
            (
                4,
                0,
                37,
                "anonymous".into(),
                "Reportedly, the plan has been shelved".into(),
                None,
                s("Reportedly"),
                tags(&[])
            ),
            (
                4,
                49,
                80,
                "anonymous".into(),
                "said the harbor would stay open".into(),
                s("officials"),
                s("said"),
                tags(&[])
            ),
            (
                4,
                96,
                111,
                "anonymous".into(),
                "warned of costs".into(),
                s("officials"),
                s("warned"),
                tags(&[])
            ),
            (
                5,
                25,
                56,
                "sourced".into(),
                "the council meets again in May.".into(),
                s("Mayor Ruiz"),
                s("According to"),
                tags(&[])
            ),
            (
                5,
                77,
                86,
                "sourced".into(),
                "said that".into(),
                s("Ana Diaz"),
                s("said"),
                tags(&[])
            ),
        ]
    );
    assert_eq!(
        r.stdout.lines().last(),
        Some(
            "imported 8 claims from 1 file into 1 annotator file (1 tagged needs-review: how their source reads is a guess); 1 skipped: 1 span or record (listed above)"
        ),
        "{}",
        r.stdout
    );
    // Where the file came from, and its article found again.
    let ext = |k: &str| got.annotator.extra.get(k).and_then(|v| v.as_str());
    assert_eq!(ext("imported_from"), Some("brat"));
    assert_eq!(ext("imported_file"), Some("harbor_vote_ab12.ann"));
    assert_eq!(
        got.article.path.as_deref(),
        Some("../../polnear/text/harbor_vote.txt")
    );
    // Importing again would overwrite: refused, naming the file.
    let r = import_parc(dir.path());
    assert!(
        r.stderr
            .contains("ann/harbor-vote/ab12.toml already exists and is not overwritten"),
        "{}",
        r.stderr
    );
}

/// Two annotators of one article, imported: `agree` prints figures and
/// says the files are imports.
#[test]
fn agree_between_two_imported_annotators_prints_figures() {
    let dir = tempfile::tempdir().unwrap();
    parc_corpus(dir.path());
    // The second annotator left out E6 (the "According to" attribution).
    let second: String = parc_ann()
        .lines()
        .filter(|l| !l.starts_with("E6\t"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        dir.path().join("polnear/attributions/harbor_vote_cd34.ann"),
        second,
    )
    .unwrap();
    import_parc(dir.path());
    let r = run(
        dir.path(),
        &[
            "agree",
            "ann/harbor-vote/ab12.toml",
            "ann/harbor-vote/cd34.toml",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("annotators: ab12, cd34"), "{}", r.stdout);
    assert!(r.stdout.contains("Krippendorff's alpha"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("span F1 exact    0.9333  (7 matched; 8 + 7 claims)"),
        "{}",
        r.stdout
    );
    assert_eq!(
        r.stderr,
        "byline: warning: imported, not annotated in byline: ab12 (from brat), cd34 (from brat)\n"
    );
}

#[test]
fn the_attribution_scheme_survives_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    parc_corpus(dir.path());
    import_parc(dir.path());
    let first = imported(&dir.path().join("ann"), "harbor-vote", "ab12");
    let r = run(
        dir.path(),
        &[
            "export",
            "ann",
            "--format",
            "brat",
            "--scheme",
            "attribution",
            "--labels",
            "parc",
            "-o",
            "out",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ann = std::fs::read_to_string(dir.path().join("out/harbor-vote/ab12.ann")).unwrap();
    assert_eq!(ann.lines().filter(|l| l.starts_with('E')).count(), 7);
    assert!(
        ann.contains("\tAttribution:T"),
        "the scheme's own event type:\n{ann}"
    );
    let conf = std::fs::read_to_string(dir.path().join("out/annotation.conf")).unwrap();
    assert!(
        conf.contains("[events]\nAttribution\tContent:<ENTITY>"),
        "{conf}"
    );
    let r = run(
        dir.path(),
        &[
            "import",
            "out",
            "--from",
            "brat",
            "--labels",
            "parc",
            "--annotations",
            "again",
        ],
    );
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let again = imported(&dir.path().join("again"), "harbor-vote", "ab12");
    assert_eq!(keys(&again), keys(&first));
    assert_eq!(claims(&again), claims(&first));
}

/// Every example's claims come back from each new format.
#[test]
fn every_example_survives_each_new_format() {
    for (format, from, extra) in [
        ("label-studio", "label-studio", &[][..]),
        ("doccano", "doccano", &[][..]),
        (
            "brat",
            "brat",
            &["--scheme", "attribution", "--labels", "parc"][..],
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(if format == "brat" {
            "out".to_owned()
        } else {
            format!("out.{}", if format == "doccano" { "jsonl" } else { "json" })
        });
        let mut args = vec!["export", "--format", format, "-o", out.to_str().unwrap()];
        args.extend(extra);
        let r = run(&root(), &args);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let ann = dir.path().join("ann");
        let mut args = vec![
            "import",
            out.to_str().unwrap(),
            "--from",
            from,
            "--annotations",
            ann.to_str().unwrap(),
        ];
        if format == "brat" {
            args.extend(["--labels", "parc"]);
        }
        let r = run(&root(), &args);
        assert_eq!(r.code, 0, "{format}: {}\n{}", r.stdout, r.stderr);
        for (article, slug, set) in samples() {
            let got = imported(&ann, &article, &slug);
            assert_eq!(claims(&got), claims(&set), "{format}: {article}/{slug}");
            assert_eq!(got.article.sha256, set.article.sha256, "{format}");
            assert_eq!(
                got.annotator
                    .extra
                    .get("imported_from")
                    .and_then(|v| v.as_str()),
                Some(from)
            );
        }
    }
}

const LS_TEXT: &str = "Port officials said the ferry 🚢 would run late.\n\nThe so-called reform, Mayor Ruiz said, is a botched rollout.";

fn region(id: &str, needle: &str, nth: usize, label: &str) -> Value {
    let (s, e) = at16(LS_TEXT, needle, nth);
    json!({"id": id, "from_name": "label", "to_name": "text", "type": "labels",
           "origin": "manual",
           "value": {"start": s, "end": e, "text": needle, "labels": [label]}})
}

/// A Label Studio export as its documentation shows one: a text task,
/// `labels` results with UTF-16 offsets, `completed_by` a user id, one
/// cancelled annotation, other `data` fields.
fn label_studio_export() -> Value {
    json!([{
        "id": 7,
        "data": {"text": LS_TEXT, "batch": "week 3", "reader": 2},
        "annotations": [
            {"id": 11, "completed_by": 4, "was_cancelled": false,
             "result": [
                region("r1", "Port officials said the ferry 🚢 would run late.", 0, "Unnamed"),
                region("r2", "would run late", 0, "Quote"),
                region("r3", "so-called reform", 0, "Spin"),
                region("r4", "a botched rollout", 0, "Spin"),
                {"id": "r4", "from_name": "comment", "to_name": "text", "type": "textarea",
                 "value": {"text": ["loaded"]}},
             ]},
            {"id": 12, "completed_by": 5, "was_cancelled": true, "result": []},
        ],
        "predictions": [],
    }])
}

const LS_LABELS: [&str; 6] = [
    "--label",
    "Quote=sourced",
    "--label",
    "Unnamed=anonymous",
    "--label",
    "Spin=editorial",
];

/// (start, end, text, labels) of every labels region of every task.
fn regions(v: &Value) -> Vec<(u64, u64, String, Vec<String>)> {
    let mut out = Vec::new();
    for task in v.as_array().unwrap() {
        for a in task["annotations"].as_array().unwrap() {
            if a["was_cancelled"].as_bool() == Some(true) {
                continue;
            }
            for r in a["result"].as_array().unwrap() {
                if r["type"] == "labels" {
                    let v = &r["value"];
                    out.push((
                        v["start"].as_u64().unwrap(),
                        v["end"].as_u64().unwrap(),
                        v["text"].as_str().unwrap().to_owned(),
                        serde_json::from_value(v["labels"].clone()).unwrap(),
                    ));
                }
            }
        }
    }
    out.sort();
    out
}

#[test]
fn a_label_studio_export_imports_and_exports_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let original = label_studio_export();
    std::fs::write(dir.path().join("project.json"), original.to_string()).unwrap();
    std::fs::write(dir.path().join("project.txt"), LS_TEXT).unwrap();
    let mut args = vec![
        "import",
        "project.json",
        "--from",
        "label-studio",
        "--article",
        "project.txt",
        "--annotations",
        "ann",
    ];
    args.extend(LS_LABELS);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let got = imported(&dir.path().join("ann"), "project", "label-studio-user-4");
    let k: Vec<_> = got
        .claims
        .iter()
        .map(|c| {
            (
                c.at.para.number(),
                c.at.start,
                c.at.end,
                c.kind.as_str(),
                c.quote.as_str(),
            )
        })
        .collect();
    // 🚢 counts one character here, two UTF-16 units in the file.
    assert_eq!(
        k,
        [
            (
                1,
                0,
                47,
                "anonymous",
                "Port officials said the ferry 🚢 would run late."
            ),
            (1, 32, 46, "sourced", "would run late"),
            (2, 4, 20, "editorial", "so-called reform"),
            (2, 42, 59, "editorial", "a botched rollout"),
        ]
    );
    assert_eq!(got.claims[3].note.as_deref(), Some("loaded"));
    assert_eq!(
        got.article.extra.get("batch").and_then(|v| v.as_str()),
        Some("week 3")
    );
    assert_eq!(
        got.annotator
            .extra
            .get("imported_file")
            .and_then(|v| v.as_str()),
        Some("project.json")
    );
    // The cancelled annotation made no file.
    assert_eq!(
        std::fs::read_dir(dir.path().join("ann/project"))
            .unwrap()
            .count(),
        1
    );

    let mut args = vec![
        "export",
        "ann",
        "--format",
        "label-studio",
        "-o",
        "back.json",
    ];
    args.extend(LS_LABELS);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let back: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("back.json")).unwrap())
            .unwrap();
    assert_eq!(regions(&back), regions(&original));
    assert_eq!(back[0]["data"]["text"], LS_TEXT);
}

#[test]
fn label_studio_problems_are_named_by_task_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mut tasks = label_studio_export();
    // Inside the ship's two UTF-16 halves; past the text; a task on
    // another text than the article.
    let (s, _) = at16(LS_TEXT, "🚢", 0);
    tasks[0]["annotations"][0]["result"]
        .as_array_mut()
        .unwrap()
        .extend([
            json!({"id": "r5", "type": "labels", "value": {"start": s + 1, "end": s + 10, "labels": ["Quote"]}}),
            json!({"id": "r6", "type": "labels", "value": {"start": 90, "end": 400, "labels": ["Quote"]}}),
        ]);
    let mut other = tasks[0].clone();
    other["id"] = json!(8);
    other["data"]["text"] = json!("Another text altogether.");
    tasks.as_array_mut().unwrap().push(other);
    std::fs::write(dir.path().join("project.json"), tasks.to_string()).unwrap();
    std::fs::write(dir.path().join("article.txt"), LS_TEXT).unwrap();
    let mut args = vec![
        "import",
        "project.json",
        "--from",
        "label-studio",
        "--article",
        "article.txt",
        "--annotations",
        "ann",
    ];
    args.extend(LS_LABELS);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 1);
    let err: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(err.len(), 3, "{}", r.stderr);
    assert!(
        err[0].starts_with(&format!(
            "byline: project.json: task 7, result 6: offset {} is inside a character",
            s + 1
        )),
        "{}",
        err[0]
    );
    assert!(
        err[1].starts_with(
            "byline: project.json: task 7, result 7: offsets 90..400 are outside the text (0..110 in UTF-16 code units)"
        ),
        "{}",
        err[1]
    );
    assert!(
        err[2].starts_with(
            "byline: project.json: task 8, annotation 1: its text is not the article's (sha256 "
        ),
        "{}",
        err[2]
    );
    let got = imported(&dir.path().join("ann"), "article", "label-studio-user-4");
    assert_eq!(got.claims.len(), 4);
}

/// doccano's JSONL as its documentation shows it: `label` as
/// `[start, end, "LABEL"]` triples (characters), one document a line.
#[test]
fn a_doccano_file_imports_and_exports_back_equal() {
    let dir = tempfile::tempdir().unwrap();
    let spans = [
        (
            "Port officials said the ferry 🚢 would run late.",
            "Unnamed",
        ),
        ("so-called reform", "Spin"),
        ("Mayor Ruiz said", "Quote"),
    ];
    let label: Vec<Value> = spans
        .iter()
        .map(|(n, l)| {
            let (s, e) = at(LS_TEXT, n, 0);
            json!([s, e, l])
        })
        .collect();
    let line = json!({"id": 3, "text": LS_TEXT, "label": label});
    std::fs::write(dir.path().join("kim.jsonl"), format!("{line}\n")).unwrap();
    std::fs::write(dir.path().join("kim.txt"), LS_TEXT).unwrap();
    let mut args = vec![
        "import",
        "kim.jsonl",
        "--from",
        "doccano",
        "--article",
        "kim.txt",
        "--annotations",
        "ann",
    ];
    args.extend(LS_LABELS);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let got = imported(&dir.path().join("ann"), "kim", "kim");
    assert_eq!(got.claims.len(), 3);
    assert_eq!(got.claims[2].quote, "Mayor Ruiz said");
    assert_eq!(got.claims[2].kind.as_str(), "sourced");

    let mut args = vec!["export", "ann", "--format", "doccano", "-o", "back.jsonl"];
    args.extend(LS_LABELS);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let back: Value = serde_json::from_str(
        std::fs::read_to_string(dir.path().join("back.jsonl"))
            .unwrap()
            .trim(),
    )
    .unwrap();
    assert_eq!(back["text"], LS_TEXT);
    let mut theirs: Vec<(u64, u64, String)> = back["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["start_offset"].as_u64().unwrap(),
                e["end_offset"].as_u64().unwrap(),
                e["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut ours: Vec<(u64, u64, String)> = label
        .iter()
        .map(|l| {
            (
                l[0].as_u64().unwrap(),
                l[1].as_u64().unwrap(),
                l[2].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    theirs.sort();
    ours.sort();
    assert_eq!(theirs, ours);
    // The newer `entities` form reads the same.
    let r = run(
        dir.path(),
        &[
            "import",
            "back.jsonl",
            "--from",
            "doccano",
            "--annotations",
            "again",
            "--annotator",
            "kim",
        ],
    );
    assert_eq!(r.code, 1, "labels not mapped: {}", r.stderr);
    assert!(r.stderr.contains("\"Quote\" (1)"), "{}", r.stderr);
    let mut args = vec![
        "import",
        "back.jsonl",
        "--from",
        "doccano",
        "--annotations",
        "again2",
    ];
    args.extend(LS_LABELS);
    let r = run(dir.path(), &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        claims(&imported(&dir.path().join("again2"), "kim", "kim")),
        claims(&got)
    );
}

#[test]
fn a_mapping_file_names_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("m.toml"), "[spans]\nQuote = \"maybe\"\n").unwrap();
    std::fs::write(
        dir.path().join("x.jsonl"),
        "{\"text\": \"a\", \"label\": []}\n",
    )
    .unwrap();
    let r = run(
        dir.path(),
        &[
            "import", "x.jsonl", "--from", "doccano", "--labels", "m.toml",
        ],
    );
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "byline: m.toml: [spans] \"Quote\": \"maybe\" is not a kind; write sourced, anonymous, editorial or ignore\n"
    );
    let r = run(
        dir.path(),
        &["import", "x.jsonl", "--from", "doccano", "--labels", "nope"],
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("nope: no such mapping file, and no shipped mapping of that name (shipped: byline, parc)"),
        "{}",
        r.stderr
    );
}
