use super::*;

fn para(s: &str) -> Paragraph {
    Paragraph::new(s.into(), false)
}

fn of(s: &str) -> Vec<(String, Kind, Option<String>)> {
    let p = para(s);
    Suggester::builtin()
        .paragraph(1, &p)
        .into_iter()
        .map(|x| (x.quote, x.kind, x.source))
        .collect()
}

fn one(s: &str, kind: Kind) -> (String, Option<String>) {
    let all: Vec<_> = of(s).into_iter().filter(|x| x.1 == kind).collect();
    assert_eq!(all.len(), 1, "{s}: {all:?}");
    (all[0].0.clone(), all[0].2.clone())
}

#[test]
fn a_named_subject_is_sourced() {
    let (q, src) = one(
        "Mayor Lucia Ruiz told reporters the delay was brief. Then it rained.",
        Kind::Sourced,
    );
    assert_eq!(q, "Mayor Lucia Ruiz told reporters the delay was brief.");
    assert_eq!(src.as_deref(), Some("Mayor Lucia Ruiz"));
}

#[test]
fn a_name_after_a_quotation_is_the_source() {
    let (_, src) = one(
        "“The seawall holds,” said Tom Becker, the port's chief engineer.",
        Kind::Sourced,
    );
    assert_eq!(src.as_deref(), Some("Tom Becker"));
    let (_, src) = one("\"I have not read it,\" Okafor said.", Kind::Sourced);
    assert_eq!(src.as_deref(), Some("Okafor"));
}

#[test]
fn asides_and_appositions_are_skipped_for_the_subject() {
    let (_, src) = one(
        "Councillor Denise Okafor, who chairs the committee, said the papers came late.",
        Kind::Sourced,
    );
    assert_eq!(src.as_deref(), Some("Councillor Denise Okafor"));
    let (_, src) = one(
        "A spokesman for Ruiz, Aaron Lindqvist, denied that account.",
        Kind::Sourced,
    );
    assert_eq!(src.as_deref(), Some("Aaron Lindqvist"));
}

#[test]
fn descriptors_without_a_name_are_anonymous() {
    let (_, src) = one(
        "According to officials familiar with the matter, the delegation left.",
        Kind::Anonymous,
    );
    assert_eq!(src.as_deref(), Some("officials familiar with the matter"));
    let (_, src) = one(
        "Sources close to the Osmarki delegation said the map was approved.",
        Kind::Anonymous,
    );
    assert_eq!(
        src.as_deref(),
        Some("sources close to the Osmarki delegation")
    );
    let (_, src) = one(
        "A council aide who asked not to be named said four members would vote no.",
        Kind::Anonymous,
    );
    assert_eq!(src.as_deref(), Some("a council aide"));
    let (_, src) = one(
        "The talks stalled, sources say, over the map.",
        Kind::Anonymous,
    );
    assert_eq!(src.as_deref(), Some("sources"));
}

#[test]
fn hedges_are_anonymous_with_the_hedge_as_source() {
    let (q, src) = one(
        "Osmark's negotiators reportedly arrived with a new map.",
        Kind::Anonymous,
    );
    assert_eq!(q, "Osmark's negotiators reportedly arrived with a new map.");
    assert_eq!(src.as_deref(), Some("reportedly"));
}

#[test]
fn a_pronoun_takes_the_name_before_it_in_the_paragraph() {
    let all = of("Tom Becker said the wall holds. He said the park drains.");
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(all[1].2.as_deref(), Some("Tom Becker"));
}

#[test]
fn loaded_words_are_editorial_and_widen_to_their_noun_phrase() {
    let (q, src) = one("It was a botched rollout, again.", Kind::Editorial);
    assert_eq!((q.as_str(), src), ("botched rollout", None));
    let (q, _) = one(
        "The collapse is a diplomatic disaster for the ministry.",
        Kind::Editorial,
    );
    assert_eq!(q, "diplomatic disaster");
    let (q, _) = one(
        "Critics call the so-called reforms cosmetic.",
        Kind::Editorial,
    );
    assert_eq!(q, "so-called reforms");
}

#[test]
fn words_are_matched_whole_and_never_inside_a_quotation() {
    assert!(of("The messenger arrived at noon.").is_empty());
    let all = of("“It was a fiasco,” Ruiz said.");
    assert!(all.iter().all(|x| x.1 != Kind::Editorial), "{all:?}");
}

#[test]
fn cue_words_in_a_users_lexicon_are_added() {
    let mut lex = Lexicon::builtin();
    lex.add(
        "[editorial]\nnouns = [\"clown show\"]\n",
        std::path::Path::new("x.toml"),
    )
    .unwrap();
    let s = Suggester::new(lex);
    let got = s.paragraph(1, &para("The hearing was a clown show."));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].quote, "clown show");
    assert_eq!(got[0].cue, "clown show");
}

#[test]
fn zz_debug() {
    let all = of("The inquiry is expected to take at least six weeks, a directorate official said.");
    eprintln!("{all:?}");
    let all = of("The inquiry will take six weeks, a directorate official said.");
    eprintln!("{all:?}");
    let all = of("It will take six weeks, an official said.");
    eprintln!("{all:?}");
}
