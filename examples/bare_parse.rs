//! The floor `byline export` is measured against: a bare, single-threaded
//! serde + toml parse of every annotation file under a folder, counting
//! kinds and nothing else.
//!
//!     cargo run --release --example bare_parse -- DIR
//!
//! The structs are the minimum an export needs (no unknown keys, no
//! validation, no article text), so this is faster than any real export
//! can be on one core.

use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
#[allow(dead_code)]
struct File {
    article: Article,
    annotator: Annotator,
    #[serde(default)]
    claims: Vec<Claim>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Article {
    id: String,
    title: String,
    path: Option<String>,
    sha256: String,
    paragraphs: usize,
    outlet: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Annotator {
    name: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Claim {
    paragraph: usize,
    start: usize,
    end: usize,
    quote: String,
    kind: String,
    source: Option<String>,
    note: Option<String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: bare_parse DIR")?;
    let mut files = 0usize;
    let mut kinds = [0usize; 3];
    for entry in walkdir::WalkDir::new(Path::new(&dir)).sort_by_file_name() {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file()
            || !name.ends_with(".toml")
            || name.ends_with(".review.toml")
        {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())?;
        let f: File = toml::from_str(&text)?;
        files += 1;
        for c in &f.claims {
            match c.kind.as_str() {
                "sourced" => kinds[0] += 1,
                "anonymous" => kinds[1] += 1,
                _ => kinds[2] += 1,
            }
        }
    }
    println!(
        "{{\"files\": {files}, \"sourced\": {}, \"anonymous\": {}, \"editorial\": {}}}",
        kinds[0], kinds[1], kinds[2]
    );
    Ok(())
}
