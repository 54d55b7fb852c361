//! Every annotation and review file that ships with the examples is
//! byte-identical after a load and a save: the schema keeps every key, its
//! order and its formatting as byline writes them. (The hand-written test
//! fixtures have comments, which a save does not keep.)

use byline_store as store;
use std::path::{Path, PathBuf};

fn shipped_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = ["annotations", "examples"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(root.join(d)).sort_by_file_name())
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_shipped_file_is_byte_identical_after_load_and_save() {
    let files = shipped_files();
    assert!(files.len() >= 29, "found only {} files", files.len());
    let (mut annotators, mut reviews) = (0, 0);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let again = if f.to_string_lossy().ends_with(".review.toml") {
            reviews += 1;
            store::review::to_string(&store::review::parse(f, &text).unwrap())
        } else {
            annotators += 1;
            store::to_string(&store::parse(f, &text).unwrap())
        };
        assert!(again == text, "{} changed on a load and save", f.display());
    }
    assert!(
        annotators > 0 && reviews > 0,
        "{annotators} annotator files, {reviews} reviews"
    );
}
