//! File names from people's names and article file stems (FORMAT.md,
//! "Where files live"): readable where they can be, and never shared by two
//! different names, never empty, never too long for a file system.

use super::text::slugify;
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// At most this many bytes of transliterated name before the hash: with the
/// hash, `.conflict-<timestamp>` and `.review.toml` a file name stays far
/// below the 255 bytes file systems allow.
pub const MAX_SLUG_BASE: usize = 60;

/// Hex digits of the name's SHA-256 appended to a slug that needs one.
pub const HASH_DIGITS: usize = 8;

/// The slug of `name` as byline writes it now:
///
/// 1. the name in NFC, trimmed, transliterated to ASCII (`deunicode`:
///    `李明` → `Li Ming`, `José` → `Jose`, `🙂` → `slightly smiling face`);
/// 2. lowercase ASCII letters and digits, every other run one `-`;
/// 3. cut to [`MAX_SLUG_BASE`] bytes at a `-` where there is one;
/// 4. `-` and the first [`HASH_DIGITS`] hex digits of the SHA-256 of the
///    NFC name appended when the name was not plain ASCII (transliteration
///    loses what tells `李明` from `理明`, or `José` from `Jose`), when
///    nothing was left (`.`, `..`: then `fallback` stands before the
///    hash), or when step 3 cut it.
///
/// Plain ASCII names that fit keep the slug byline always gave them.
pub fn slug(name: &str, fallback: &str) -> String {
    let nfc: String = name.trim().nfc().collect();
    let base = slugify(&deunicode::deunicode(&nfc));
    let (base, cut) = cut(&base);
    let needs_hash = !nfc.is_ascii() || base.is_empty() || cut;
    let base = if base.is_empty() { fallback } else { base };
    if needs_hash {
        format!("{base}-{}", name_hash(&nfc))
    } else {
        base.to_owned()
    }
}

/// The slug of `name` with its hash, whatever [`slug`] decided: where a
/// second name whose slug is taken by another name's file goes.
pub fn hashed_slug(name: &str, fallback: &str) -> String {
    let s = slug(name, fallback);
    let nfc: String = name.trim().nfc().collect();
    let h = name_hash(&nfc);
    if s.ends_with(&h) {
        s
    } else {
        format!("{s}-{h}")
    }
}

/// The slug older byline versions gave `name` (ASCII letters and digits
/// only; `fallback` when nothing was left), so their files are still found.
pub fn legacy_slug(name: &str, fallback: &str) -> String {
    let s = slugify(name);
    if s.is_empty() { fallback.to_owned() } else { s }
}

fn name_hash(nfc: &str) -> String {
    let digest = Sha256::digest(nfc.as_bytes());
    let mut h = super::hex(&digest);
    h.truncate(HASH_DIGITS);
    h
}

/// `base` cut to [`MAX_SLUG_BASE`] bytes, at its last `-` there when it has
/// one (so a word is not split), and whether it was cut.
fn cut(base: &str) -> (&str, bool) {
    if base.len() <= MAX_SLUG_BASE {
        return (base, false);
    }
    // ASCII only, so every byte index is a char boundary.
    let head = &base[..MAX_SLUG_BASE];
    let head = match head.rfind('-') {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    };
    (head.trim_end_matches('-'), true)
}

/// Two spellings of one person's name: equal after NFC, white space
/// collapsed and case folded (`Alex Example` is `alex  example`). Files
/// whose names differ otherwise belong to different people.
pub fn same_name(a: &str, b: &str) -> bool {
    fn key(s: &str) -> String {
        let nfc: String = s.nfc().collect();
        caseless::default_case_fold_str(&super::normalize_block(&nfc))
    }
    key(a) == key(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_keep_their_old_slug() {
        assert_eq!(slug("Alex Example", "anonymous"), "alex-example");
        assert_eq!(slug("harbor-council", "article"), "harbor-council");
        assert_eq!(slug("2026-11-02", "article"), "2026-11-02");
        assert_eq!(legacy_slug("Alex Example", "anonymous"), "alex-example");
    }

    #[test]
    fn non_latin_names_are_transliterated_and_told_apart() {
        let li = slug("李明", "anonymous");
        let wang = slug("王芳", "anonymous");
        assert!(li.starts_with("li-ming-"), "{li}");
        assert!(wang.starts_with("wang-fang-"), "{wang}");
        assert_ne!(slug("李明", "x"), slug("理明", "x"));
        assert_ne!(slug("José", "x"), slug("Jose", "x"));
        assert_eq!(slug("Jose", "x"), "jose");
        assert_eq!(legacy_slug("李明", "anonymous"), "anonymous");
    }

    #[test]
    fn nothing_left_gets_the_fallback_and_a_hash() {
        let dot = slug(".", "anonymous");
        let dotdot = slug("..", "anonymous");
        assert!(dot.starts_with("anonymous-"), "{dot}");
        assert_ne!(dot, dotdot);
        assert_eq!(dot.len(), "anonymous-".len() + HASH_DIGITS);
        let smile = slug("🙂", "anonymous");
        assert!(smile.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
        assert_ne!(smile, slug("🙃", "anonymous"));
    }

    #[test]
    fn long_names_are_cut_at_a_dash_and_hashed() {
        let long = "word ".repeat(48);
        let s = slug(&long, "anonymous");
        assert!(s.len() <= MAX_SLUG_BASE + 1 + HASH_DIGITS, "{s}");
        assert!(s.starts_with("word-word-"));
        assert!(!s.contains("--"));
        assert_ne!(s, slug(&format!("{long}x"), "anonymous"));
        let one = "a".repeat(240);
        assert_eq!(slug(&one, "x").len(), MAX_SLUG_BASE + 1 + HASH_DIGITS);
    }

    #[test]
    fn the_same_name_is_the_same_slug_in_nfc_or_nfd() {
        assert_eq!(slug("Jose\u{301}", "x"), slug("José", "x"));
        assert!(same_name("Alex Example", " alex  EXAMPLE"));
        assert!(!same_name("李明", "王芳"));
    }

    #[test]
    fn hashed_slug_always_has_the_hash() {
        let h = hashed_slug("Alex Example", "anonymous");
        assert!(h.starts_with("alex-example-"));
        assert_eq!(hashed_slug("李明", "x"), slug("李明", "x"));
    }
}
