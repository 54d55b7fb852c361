//! The suggestions' figures on the held-out example articles, as
//! `cargo run --release --example suggest_eval` prints them, held at what
//! they were when measured: a change that makes them worse fails here.
//! (The lexicons are never tuned to make this pass; see the README.)

#[path = "../../examples/common/eval.rs"]
#[allow(dead_code)]
mod eval;
#[path = "../../examples/common/split.rs"]
#[allow(dead_code)]
mod split;

use byline_model::annotation::Kind;
use eval::ratio;
use std::path::Path;

/// Floors a little under what was measured (session 3), per set.
struct Floor {
    precision: f64,
    recall: f64,
    kind: f64,
    exact: f64,
    editorial_precision: f64,
    editorial_recall: f64,
}

fn hold(files: &[&str], f: Floor) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = eval::measure(root, files).unwrap();
    let precision = ratio(t.attr_suggested_right, t.attr_suggested);
    let recall = ratio(t.attr_found, t.attr_claims);
    assert!(
        precision >= f.precision,
        "attribution precision {precision:.2}"
    );
    assert!(recall >= f.recall, "attribution recall {recall:.2}");
    let kind = ratio(t.kind_right, t.attr_found);
    assert!(kind >= f.kind, "kind right {kind:.2}");
    let exact = ratio(t.source_exact, t.attr_found);
    assert!(exact >= f.exact, "source right (exact) {exact:.2}");
    let e = Kind::Editorial.index();
    let ep = ratio(t.suggested_right[e], t.suggested[e]);
    assert!(ep >= f.editorial_precision, "editorial precision {ep:.2}");
    let er = ratio(t.found[e], t.claims[e]);
    assert!(er >= f.editorial_recall, "editorial recall {er:.2}");
}

#[test]
fn held_out_figures_do_not_slip() {
    // Measured: 0.86, 1.00, 0.95, 0.66; editorial 0.80, 0.74 (tuned on
    // in session 3, so these only keep it from slipping).
    hold(
        split::HELD_OUT,
        Floor {
            precision: 0.80,
            recall: 0.95,
            kind: 0.90,
            exact: 0.60,
            editorial_precision: 0.5,
            editorial_recall: 0.60,
        },
    );
}

#[test]
fn fresh_figures_do_not_slip() {
    // Measured: 0.92, 0.97, 0.96, 0.51; editorial 0.88, 0.40.
    hold(
        split::FRESH,
        Floor {
            precision: 0.88,
            recall: 0.93,
            kind: 0.92,
            exact: 0.48,
            editorial_precision: 0.5,
            editorial_recall: 0.38,
        },
    );
}
