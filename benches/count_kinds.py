"""The Python baseline for benches/export_vs_python.sh: load every
annotation file under a folder with tomllib and count kinds, nothing more."""
import os
import sys
import tomllib

counts = {"sourced": 0, "anonymous": 0, "editorial": 0}
files = 0
for root, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    for name in sorted(names):
        if not name.endswith(".toml") or name.endswith(".review.toml"):
            continue
        with open(os.path.join(root, name), "rb") as f:
            doc = tomllib.load(f)
        files += 1
        for claim in doc.get("claims", []):
            counts[claim["kind"]] += 1
print({"files": files, **counts})
