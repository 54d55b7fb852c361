#!/usr/bin/env bash
# Measures `byline export --format json` on a generated corpus against
#   - a Python script that loads each file with tomllib and counts kinds
#     (benches/count_kinds.py), and
#   - a bare single-threaded serde + toml parse (examples/bare_parse.rs).
#
#     benches/export_vs_python.sh [FILES] [DIR]
#
# FILES defaults to 5000 annotation files of 20 claims each, DIR to a
# temporary folder (removed afterwards). Uses hyperfine when installed
# (apt-get install -y hyperfine), else bash's `time` over a few runs.
# The targets (issue 3): at least 12 times faster than Python, and within
# 1.5 times the bare parse.
set -euo pipefail

files=${1:-5000}
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ -n ${2:-} ]]; then
    dir=$2
else
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
fi

cd "$here"
cargo build --release --quiet --bin byline --example gen_corpus --example bare_parse
byline=$here/target/release/byline
bare=$here/target/release/examples/bare_parse
python=${PYTHON:-python3}

if [[ ! -d $dir/annotations ]]; then
    "$here/target/release/examples/gen_corpus" "$files" "$dir"
fi
cd "$dir"
echo "corpus: $(find annotations -name '*.toml' | wc -l) files, $(du -sh annotations | cut -f1) in $dir; $(nproc) cores"

# The three must agree on what they counted.
"$python" "$here/benches/count_kinds.py" annotations
"$bare" annotations
"$byline" export annotations --format json -o export.json
"$python" - <<'EOF'
import json
t = json.load(open("export.json"))["totals"]
print({"files": t["articles"], **t["by_kind"]})
EOF

export_cmd="$byline export annotations --format json -o export.json"
bare_cmd="$bare annotations"
python_cmd="$python $here/benches/count_kinds.py annotations"

if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json timings.json \
        -n byline "$export_cmd" -n bare_parse "$bare_cmd"
    hyperfine --warmup 1 --runs "${PY_RUNS:-3}" --export-json timings_py.json \
        -n python "$python_cmd"
    "$python" - <<'EOF'
import json
t = {r["command"]: r for r in json.load(open("timings.json"))["results"]}
t.update({r["command"]: r for r in json.load(open("timings_py.json"))["results"]})
b, bare, py = (t[k]["mean"] for k in ("byline", "bare_parse", "python"))
print(f"byline export --format json  {b:.3f} s (user {t['byline']['user']:.3f} s)")
print(f"bare serde+toml, one thread  {bare:.3f} s")
print(f"python tomllib, count kinds  {py:.3f} s")
print(f"python / byline = {py / b:.1f}x (target >= 12)")
print(f"byline / bare   = {b / bare:.2f}x (target <= 1.5)")
EOF
else
    for name in byline bare python; do
        cmd_var=${name}_cmd
        [[ $name == byline ]] && cmd_var=export_cmd
        echo "== $name"
        for _ in 1 2 3; do
            /usr/bin/env bash -c "time ${!cmd_var} >/dev/null"
        done
    done
fi
