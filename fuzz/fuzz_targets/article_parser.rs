//! The article parser (plain and Markdown) on arbitrary bytes: never a
//! panic; paragraphs are non-empty, trimmed, single-spaced; sentences and
//! words are in range; re-anchoring a claim into it never panics.
#![no_main]

use byline_model::annotation::{AnnotationSet, Claim, Kind, anchor};
use byline_model::{Loc, Para};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let (markdown, bytes) = match data.split_first() {
        Some((b, rest)) => (b & 1 == 1, rest),
        None => return,
    };
    let name = if markdown { "a.md" } else { "a.txt" };
    let Ok(article) = byline_model::article::parse(Path::new(name), bytes) else {
        return;
    };
    assert!(!article.is_empty());
    for p in &article.paragraphs {
        assert!(!p.text.is_empty());
        assert_eq!(p.text.trim(), p.text);
        assert!(!p.text.contains("  ") && !p.text.contains('\n'));
        assert_eq!(p.char_len(), p.text.chars().count());
        for r in p.sentences().into_iter().chain(p.words()) {
            assert!(r.start < r.end && r.end <= p.char_len());
            let s = p.slice(r.start, r.end);
            assert_eq!(s.trim(), s);
        }
    }
    let _ = article.sha256();
    // A claim made on the first sentence, re-anchored into the same text
    // with its first paragraph dropped: no panic, nothing lost.
    let p = &article.paragraphs[0];
    if let Some(r) = p.sentences().first() {
        let mut set = AnnotationSet::new(&article, "fuzz", None);
        set.claims.push(Claim::new(
            Loc::new(Para::FIRST, r.start, r.end),
            p,
            Kind::Editorial,
        ));
        let outcomes = anchor::reanchor(&mut set, &article);
        assert_eq!(outcomes, [anchor::Anchored::Ok]);
        if article.len() > 1 {
            let rest = byline_model::article::Article::new(
                article.id.clone(),
                article.title.clone(),
                article.path.clone(),
                article.paragraphs[1..].to_vec(),
            );
            let outcomes = anchor::reanchor(&mut set, &rest);
            assert_eq!(outcomes.len(), 1);
            assert_eq!(set.claims.len(), 1);
            if outcomes[0] != anchor::Anchored::NeedsReview {
                assert!(anchor::holds(&set.claims[0], &rest));
            }
        }
    }
});
