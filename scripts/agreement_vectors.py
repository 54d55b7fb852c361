#!/usr/bin/env python3
"""Reference values for `byline agree`, from the common Python implementations.

Writes two files of test vectors that tests/it/agree.rs checks to 1e-9:

- tests/vectors/metrics.json: generated reliability data (several coders,
  units left unlabelled by some) with nominal Krippendorff's alpha from the
  `krippendorff` package and Cohen's kappa per pair from scikit-learn's
  `cohen_kappa_score` (over the units both coders labelled).
- tests/vectors/samples.json: the sample annotation files of each plain-text
  article, turned into character units as PRODUCT.md defines (the claim that
  starts last labels a character, ties the shorter), with alpha and kappa from
  those packages, and span F1 (exact, overlap, per kind) and the confusion
  matrix computed here from the definitions.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install krippendorff scikit-learn
    /tmp/venv/bin/python scripts/agreement_vectors.py

Paths in samples.json are relative to the repository root.
"""
import glob
import json
import math
import os
import random
import sys
import tomllib

import krippendorff
import numpy as np
import sklearn
from sklearn.metrics import cohen_kappa_score

sys.path.insert(0, os.path.dirname(__file__))
from check_offsets import paragraphs  # noqa: E402  (FORMAT.md normalisation)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ["sourced", "anonymous", "editorial"]
LABELS = ["none"] + KINDS


def nan_to_none(x):
    return None if x is None or math.isnan(x) else float(x)


def alpha(rows):
    data = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=float)
    try:
        return nan_to_none(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    except ValueError:  # one value in the whole domain: undefined
        return None


def kappa(a, b, labels=None):
    both = [(x, y) for x, y in zip(a, b) if x is not None and y is not None]
    if not both:
        return None
    xs, ys = zip(*both)
    return nan_to_none(cohen_kappa_score(list(xs), list(ys), labels=labels))


def generated_cases():
    cases = []
    specs = [
        # name, coders, units, categories, share left unlabelled, seed
        ("two-coders-complete", 2, 40, 3, 0.0, 1),
        ("three-coders-gaps", 3, 120, 4, 0.15, 2),
        ("five-coders-sparse", 5, 300, 5, 0.35, 3),
        ("skewed-two-categories", 4, 500, 2, 0.05, 4),
    ]
    for name, coders, units, cats, gaps, seed in specs:
        rng = random.Random(seed)
        truth = [rng.choices(range(cats), weights=range(cats, 0, -1))[0] for _ in range(units)]
        rows = []
        for _ in range(coders):
            row = []
            for t in truth:
                if rng.random() < gaps:
                    row.append(None)
                elif rng.random() < 0.7:
                    row.append(t)
                else:
                    row.append(rng.randrange(cats))
            rows.append(row)
        pairs = [
            {"a": i, "b": j, "cohen_kappa": kappa(rows[i], rows[j])}
            for i in range(coders)
            for j in range(i + 1, coders)
        ]
        cases.append({"name": name, "rows": rows, "krippendorff_alpha": alpha(rows), "pairs": pairs})
    return cases


def char_labels(paras, claims):
    out = []
    for i, p in enumerate(paras, 1):
        chars = [0] * len(p)
        here = sorted((c for c in claims if c["paragraph"] == i), key=lambda c: (c["start"], -c["end"]))
        for c in here:
            end = min(c["end"], len(p))
            for k in range(min(c["start"], end), end):
                chars[k] = LABELS.index(c["kind"])
        out.extend(chars)
    return out


def f1(matches, total):
    return None if total == 0 else 2 * matches / total


def span_match(a, b):
    key = lambda c: (c["paragraph"], c["start"], c["end"], c["kind"])  # noqa: E731
    pool = {}
    for c in b:
        pool[key(c)] = pool.get(key(c), 0) + 1
    exact = 0
    for c in a:
        if pool.get(key(c), 0) > 0:
            pool[key(c)] -= 1
            exact += 1
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x["paragraph"] == y["paragraph"] and x["kind"] == y["kind"]:
                o = min(x["end"], y["end"]) - max(x["start"], y["start"])
                if o > 0:
                    cands.append((-o, i, j))
    cands.sort()
    used_a, used_b, overlap = set(), set(), 0
    for _, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            overlap += 1
    return exact, overlap


import unicodedata

QUOTES = {c: "'" for c in "\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4\u02bb"}
QUOTES.update({c: '"' for c in "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"})


def fold(s):
    """FORMAT.md's source key ("Sources registry"): NFC, case folded, quote
    marks one, spacing collapsed, a leading article and trailing
    punctuation dropped."""
    s = unicodedata.normalize("NFC", s).casefold()
    s = " ".join("".join(QUOTES.get(c, c) for c in s).split())
    for article in ("the ", "a ", "an "):
        if s.startswith(article) and s[len(article):]:
            s = s[len(article):]
            break
    return s.rstrip(".,;:!?\u2026-\u2013\u2014 \t\n")


def load_registry():
    """name-or-alias (folded) -> canonical name, from the repository's
    sources.toml, which `byline agree` finds above the sample files."""
    path = os.path.join(ROOT, "sources.toml")
    if not os.path.exists(path):
        return {}
    with open(path, "rb") as fh:
        reg = tomllib.load(fh)
    out = {}
    for e in reg.get("source", []):
        for n in [e["name"]] + e.get("aliases", []):
            out[fold(n)] = e["name"]
    return out


REGISTRY = load_registry()


def fold_source(s):
    """Sources compare by the fold of their canonical name."""
    return fold(REGISTRY.get(fold(s), " ".join(s.split())))


def overlap_pairs(a, b):
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x["paragraph"] == y["paragraph"] and x["kind"] == y["kind"]:
                o = min(x["end"], y["end"]) - max(x["start"], y["start"])
                if o > 0:
                    cands.append((-o, i, j))
    cands.sort()
    used_a, used_b, out = set(), set(), []
    for _, i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def source_agreement(a, b):
    compared = same = 0
    for i, j in overlap_pairs(a, b):
        if a[i]["kind"] == "editorial":
            continue
        sa = (a[i].get("source") or "").strip()
        sb = (b[j].get("source") or "").strip()
        if not sa and not sb:
            continue
        compared += 1
        if sa and sb and fold_source(sa) == fold_source(sb):
            same += 1
    return {"compared": compared, "same": same, "rate": None if compared == 0 else same / compared}


def reach(doc, n):
    """The last paragraph an annotator worked on: all when done, else
    where they stopped, else (the file does not say) all."""
    a = doc.get("annotator", {})
    if "done" in a:
        return n
    if "position" in a:
        # position is where the cursor was last; a claim further on was
        # read too.
        claimed = max((c["paragraph"] for c in doc.get("claims", [])), default=0)
        return min(max(a["position"], claimed), n)
    return n


def file_order(claims):
    return sorted(claims, key=lambda c: (c["paragraph"], c["start"], c["end"], c.get("id", "")))


def sample_case(files):
    docs = []
    for f in files:
        with open(os.path.join(ROOT, f), "rb") as fh:
            docs.append(tomllib.load(fh))
    first = os.path.join(ROOT, files[0])
    with open(os.path.join(os.path.dirname(first), docs[0]["article"]["path"]), encoding="utf-8") as fh:
        paras = paragraphs(fh.read())
    names = [d["annotator"]["name"].lower().replace(" ", "-") for d in docs]
    # Two annotators: the paragraphs both worked on. More: where at least
    # two did; an annotator's units past their last paragraph are missing
    # (None), and each pair compares where both of its two worked.
    reaches = [reach(d, len(paras)) for d in docs]
    last = sorted(reaches, reverse=True)[1] if len(docs) > 1 else reaches[0]
    sizes = [len(p) for p in paras[:last]]
    full = [char_labels(paras[:last], file_order(d.get("claims", []))) for d in docs]
    rows = []
    for r, lab in zip(reaches, full):
        upto = sum(sizes[:r])
        rows.append([x if k < upto else None for k, x in enumerate(lab)])
    pairs = []
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            mine = min(reaches[i], reaches[j])
            n = sum(sizes[:mine])
            li, lj = full[i][:n], full[j][:n]
            a = file_order([c for c in docs[i].get("claims", []) if c["paragraph"] <= mine])
            b = file_order([c for c in docs[j].get("claims", []) if c["paragraph"] <= mine])
            exact, overlap = span_match(a, b)
            by_kind = {}
            for k in KINDS:
                ka = [c for c in a if c["kind"] == k]
                kb = [c for c in b if c["kind"] == k]
                e, o = span_match(ka, kb)
                by_kind[k] = {
                    "claims_a": len(ka),
                    "claims_b": len(kb),
                    "f1_exact": f1(e, len(ka) + len(kb)),
                    "f1_overlap": f1(o, len(ka) + len(kb)),
                }
            confusion = [[0] * 4 for _ in range(4)]
            for x, y in zip(li, lj):
                confusion[x][y] += 1
            pairs.append({
                "a": names[i],
                "b": names[j],
                "compared": [1, mine],
                "cohen_kappa": kappa(li, lj, labels=[0, 1, 2, 3]),
                "span_f1_exact": f1(exact, len(a) + len(b)),
                "span_f1_overlap": f1(overlap, len(a) + len(b)),
                "by_kind": by_kind,
                "sources": source_agreement(a, b),
                "confusion": confusion,
            })
    return {
        "files": files,
        "article": docs[0]["article"]["id"],
        "annotators": names,
        "unit": "char",
        "compared": {"first": 1, "last": last},
        "units": sum(sizes),
        "krippendorff_alpha": alpha(rows),
        "pairs": pairs,
    }


def gold_case(files, gold):
    """Each annotator against an adjudicated file: precision = their claims
    gold has / their claims, recall = / gold's claims (same kind,
    overlapping span, one-to-one by largest overlap), over the paragraphs
    each annotator worked on."""
    def load(f):
        with open(os.path.join(ROOT, f), "rb") as fh:
            return tomllib.load(fh)
    g = load(gold)
    first = os.path.join(ROOT, files[0])
    docs = [load(f) for f in files]
    with open(os.path.join(os.path.dirname(first), docs[0]["article"]["path"]), encoding="utf-8") as fh:
        n = len(paragraphs(fh.read()))
    out = []
    for d in docs:
        last = reach(d, n)
        mine = file_order([c for c in d.get("claims", []) if c["paragraph"] <= last])
        theirs = file_order([c for c in g.get("claims", []) if c["paragraph"] <= last])
        exact, overlap = span_match(mine, theirs)
        out.append({
            "annotator": d["annotator"]["name"].lower().replace(" ", "-"),
            "claims": len(mine),
            "gold_claims": len(theirs),
            "precision": None if not mine else overlap / len(mine),
            "recall": None if not theirs else overlap / len(theirs),
            "precision_exact": None if not mine else exact / len(mine),
            "sources": source_agreement(mine, theirs),
        })
    return {"files": files, "gold": gold, "annotators": out}


def main():
    os.makedirs(os.path.join(ROOT, "tests/vectors"), exist_ok=True)
    made_with = {"krippendorff": krippendorff.__version__ if hasattr(krippendorff, "__version__") else "0.9",
                 "scikit-learn": sklearn.__version__}
    with open(os.path.join(ROOT, "tests/vectors/metrics.json"), "w") as fh:
        json.dump({"made_with": made_with, "cases": generated_cases()}, fh, indent=1)
        fh.write("\n")
    groups = []
    for folder in sorted(glob.glob(os.path.join(ROOT, "annotations/*/"))):
        files = sorted(
            os.path.relpath(f, ROOT)
            for f in glob.glob(os.path.join(folder, "*.toml"))
            if ".review" not in os.path.basename(f) and ".conflict-" not in f
            and os.path.basename(f) != "gold.toml"
        )
        with open(os.path.join(ROOT, files[0]), "rb") as fh:
            rel = tomllib.load(fh)["article"].get("path", "")
        # Plain UTF-8 text only: Markdown and pages need their parsers,
        # other charsets their decoders.
        if not rel.endswith(".txt"):
            continue
        try:
            with open(os.path.join(os.path.dirname(os.path.join(ROOT, files[0])), rel), encoding="utf-8") as fh:
                fh.read()
        except UnicodeDecodeError:
            continue
        if len(files) >= 2:
            groups.append(files)
    # Two of harbor-council's three.
    groups.append([
        "annotations/harbor-council/alex-example.toml",
        "annotations/harbor-council/sam-example.toml",
    ])
    # Three, one of whom stopped at paragraph 9: alpha over all 15 with
    # Jo's later units missing; pairs with Jo compare paragraphs 1-9.
    groups.append([
        "annotations/harbor-council/alex-example.toml",
        "annotations/harbor-council/sam-example.toml",
        "tests/fixtures/agree/harbor-council/jo-example.toml",
    ])
    # One who stopped at paragraph 9: only paragraphs 1-9 are compared.
    groups.append([
        "annotations/harbor-council/sam-example.toml",
        "tests/fixtures/agree/harbor-council/jo-example.toml",
    ])
    gold = [gold_case([
        "annotations/harbor-council/alex-example.toml",
        "annotations/harbor-council/sam-example.toml",
        "tests/fixtures/agree/harbor-council/kim-example.toml",
    ], "tests/fixtures/agree/harbor-council/gold.toml")]
    with open(os.path.join(ROOT, "tests/vectors/samples.json"), "w") as fh:
        json.dump({"made_with": made_with, "cases": [sample_case(g) for g in groups], "gold": gold},
                  fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
