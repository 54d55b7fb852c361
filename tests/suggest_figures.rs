//! The suggestions' figures on the held-out example articles, as
//! `cargo run --release --example suggest_eval` prints them, held at what
//! they were when measured: a change that makes them worse fails here.
//! (The lexicons are never tuned to make this pass; see the README.)

#[path = "../examples/common/eval.rs"]
#[allow(dead_code)]
mod eval;
#[path = "../examples/common/split.rs"]
#[allow(dead_code)]
mod split;

use byline::annotation::Kind;
use eval::ratio;
use std::path::Path;

#[test]
fn held_out_figures_do_not_slip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = eval::measure(root, split::HELD_OUT).unwrap();
    let precision = ratio(t.attr_suggested_right, t.attr_suggested);
    let recall = ratio(t.attr_found, t.attr_claims);
    // The team's bar for attributions (0.75, 0.80) is met; hold it.
    assert!(precision >= 0.75, "attribution precision {precision:.2}");
    assert!(recall >= 0.80, "attribution recall {recall:.2}");
    assert!(ratio(t.kind_right, t.attr_found) >= 0.85, "kind right");
    assert!(
        ratio(t.source_loose, t.attr_found) >= 0.70,
        "source right (loose)"
    );
    let e = Kind::Editorial.index();
    let ep = ratio(t.suggested_right[e], t.suggested[e]);
    assert!(ep >= 0.5, "editorial precision {ep:.2}");
    // Editorial recall is below the team's bar of 0.4 (0.21 when
    // measured); it must not fall further.
    let er = ratio(t.found[e], t.claims[e]);
    assert!(er >= 0.2, "editorial recall {er:.2}");
}
