#!/usr/bin/env bash
# Peak memory and time of `byline agree` on two files of N mutually
# overlapping claims (issue 18, point 10: 8,000 each took 1.5 GB before
# the candidate pairs were batched; the bar is 100 MB).
#
#   cargo build --release && benches/agree_memory.sh [N] [BINARY]
set -euo pipefail
n=${1:-8000}
bin=$(realpath "${2:-target/release/byline}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$n" <<'PY'
import hashlib, os, sys
d, n = sys.argv[1], int(sys.argv[2])
body = " ".join(f"word{i}" for i in range(60))
text = "Big\n\n" + body
open(f"{d}/big.txt", "w").write(text + "\n")
sha = hashlib.sha256(text.encode()).hexdigest()
os.makedirs(f"{d}/ann/big")
for who in ["alex", "sam"]:
    out = [f'format = "byline/1"\n\n[article]\nid = "big"\ntitle = "Big"\npath = "../../big.txt"\nsha256 = "{sha}"\nparagraphs = 2\n\n[annotator]\nname = "{who}"\n']
    for i in range(n):
        s, e = i % 20, 60 + i % 20
        kind = ["sourced", "anonymous", "editorial"][i % 3]
        out.append(f'\n[[claims]]\nparagraph = 2\nstart = {s}\nend = {e}\nquote = "{body[s:e]}"\nkind = "{kind}"\n')
    open(f"{d}/ann/big/{who}.toml", "w").write("".join(out))
PY
/usr/bin/time -f "agree --unit span, $n claims each: %e s, peak %M KB" \
  "$bin" agree "$dir/ann/big/alex.toml" "$dir/ann/big/sam.toml" --unit span >/dev/null
