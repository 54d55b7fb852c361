#!/usr/bin/env python3
"""Independent check of byline annotation files, in Python alone.

Reads each annotator file with tomllib, normalises its plain-text article as
FORMAT.md says (BOM, CRLF/CR, control characters, NFC, blank-line paragraphs, collapsed white
space), and checks the sha256 and `paragraph_text[start:end] == quote` for
every claim. Markdown and HTML articles are skipped (their reduction needs a
Markdown parser or a readability extractor; `byline text` shows it). Claims
that need review keep their old offsets, which are not to be trusted, so
they are not checked. Review files, conflict copies, locks and backups (which a shell
glob names too) are skipped with one note, as `byline check` does. Exit 1
on any mismatch.

    python3 scripts/check_offsets.py annotations/*/*.toml
"""
import hashlib
import os
import re
import sys
import tomllib
import unicodedata


def paragraphs(text):
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than white space are dropped (FORMAT.md).
    text = "".join(c for c in text if unicodedata.category(c) != "Cc" or c in "\t\n\v\f\x85")
    text = unicodedata.normalize("NFC", text)
    lines = text.split("\n")
    content = [i for i, l in enumerate(lines) if l.strip()]
    inner = lines[content[0]:content[-1] + 1] if content else []
    if any(not l.strip() for l in inner):
        blocks = re.split(r"\n[^\S\n]*\n", "\n".join(lines))
    else:
        blocks = lines
    out = [" ".join(b.split()) for b in blocks]
    return [p for p in out if p]


def kind(path):
    """What a file in an annotations folder is, from its name: the rule of
    byline's crates/store/src/files.rs (FORMAT.md: anything but `<slug>.toml` and
    `<slug>.review.toml` is bookkeeping)."""
    name = os.path.basename(path).lower()
    if (name.startswith(".") or name.endswith("~")
            or name.endswith((".lock", ".bak", ".orig", ".tmp", ".swp"))
            or ".tmp-" in name):
        return "bookkeeping"
    if not name.endswith(".toml"):
        return "other"
    stem = name[: -len(".toml")]
    if stem.endswith(".review"):
        return "review"
    if ".conflict-" in stem:
        return "conflict"
    if "." in stem:
        return "bookkeeping"
    return "annotator"


def check(path):
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    art = doc["article"]
    rel = art.get("path")
    if not rel or rel.lower().endswith((".md", ".html", ".htm")):
        # Markdown and HTML need byline's reduction first (`byline text`).
        print(f"{path}: skipped (Markdown or HTML article, or no article.path)", file=sys.stderr)
        return 0, 0
    with open(os.path.join(os.path.dirname(path), rel), encoding="utf-8") as f:
        paras = paragraphs(f.read())
    bad = 0
    sha = hashlib.sha256("\n\n".join(paras).encode()).hexdigest()
    if sha != art["sha256"] or len(paras) != art["paragraphs"]:
        print(f"{path}: sha256/paragraphs differ from the article", file=sys.stderr)
        bad += 1
    claims = doc.get("claims", [])
    review = [c for c in claims if c.get("status") == "needs-review"]
    if review:
        # FORMAT.md: such a claim keeps its old place; its offsets are not
        # to be trusted, so they are not checked.
        print(f"{path}: {len(review)} claim(s) need review; their offsets are not checked",
              file=sys.stderr)
    for c in claims:
        if c.get("status") == "needs-review":
            continue
        p = c["paragraph"]
        got = paras[p - 1][c["start"]:c["end"]] if 1 <= p <= len(paras) else None
        if got != c["quote"]:
            print(f"{path}: claim {c.get('id')}: {got!r} != {c['quote']!r}", file=sys.stderr)
            bad += 1
    return len(claims), bad


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        sys.exit(0 if len(sys.argv) > 1 else 2)
    total = bad = 0
    paths = sys.argv[1:]
    skipped = [p for p in paths
               if kind(p) in ("review", "conflict", "bookkeeping") and os.path.isfile(p)]
    if skipped:
        print(f"skipped {len(skipped)} file(s) that are not annotator files "
              f"(reviews, conflict copies, locks, backups): {', '.join(skipped)}",
              file=sys.stderr)
    for p in paths:
        if p in skipped:
            continue
        n, b = check(p)
        total += n
        bad += b
    print(f"{total} claims checked, {bad} mismatches")
    sys.exit(1 if bad else 0)
