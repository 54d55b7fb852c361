//! The annotation loader on arbitrary bytes: never a panic; whatever
//! loads, saves to text that loads back as the same annotations, and
//! saving twice gives the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    let Ok(set) = byline_store::parse(path, text) else {
        return;
    };
    let out = byline_store::to_string(&set);
    let back = byline_store::parse(path, &out).expect("saved text loads");
    assert_eq!(back, set, "save → load is the identity");
    assert_eq!(byline_store::to_string(&back), out, "stable bytes");
    // The lean reader accepts what the full one accepts.
    let _ = byline_store::parse_claims_only(path, text);
});
