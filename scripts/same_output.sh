#!/usr/bin/env bash
# Every command's output on every example, written to a folder, so two
# builds can be compared byte for byte (a refactor must change nothing):
#
#   scripts/same_output.sh OLD_BINARY /tmp/old
#   scripts/same_output.sh target/debug/byline /tmp/new
#   diff -r /tmp/old /tmp/new
#
# Each command's stdout, stderr and exit code go to one file named for it.
set -uo pipefail
bin=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
rm -rf "$out" && mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
run() {
  n=$((n + 1))
  local name
  name=$(printf '%03d' "$n")
  {
    echo "\$ byline $*"
    "$bin" "$@" 2>"$tmp/err"
    echo "[exit $?]"
    echo "[stderr]"
    cat "$tmp/err"
  } >"$out/$name.txt" 2>&1
}
export NO_COLOR=1
for f in markdown json csv html w3c jsonl; do
  run export annotations --format "$f"
done
run export annotations --format csv --claims
run export annotations --format json --claims
run export annotations --format csv --verdicts
run export annotations --format json --verdicts
run export annotations --format markdown --claims
run export annotations --format brat
run export annotations --format brat -o "$tmp/brat"
(cd "$tmp/brat" && find . -type f | sort | xargs cat) >"$out/brat-files.txt"
run export tests/fixtures/export/corpus --format markdown
run export tests/fixtures/export/corpus --format json
run export nowhere
for a in examples/articles/*; do
  run suggest "$a"
  run suggest "$a" --format json
  run text "$a"
  run text "$a" --format json
done
for d in annotations/*/; do
  files=("$d"*.toml)
  annotators=()
  for f in "${files[@]}"; do
    case $f in *.review.toml) ;; *) annotators+=("$f") ;; esac
  done
  run check "${annotators[@]}"
  run check "${annotators[@]}" --format json
  if [ ${#annotators[@]} -ge 2 ]; then
    for u in char sentence span; do
      run agree "${annotators[@]}" --unit "$u"
      run agree "${annotators[@]}" --unit "$u" --format json
    done
  fi
done
run agree annotations/harbor-council/alex-example.toml
run keys
run keys --help
run --help
for c in annotate review export check agree keys text import suggest; do
  run "$c" --help
done
for f in tests/fixtures/bad/*; do
  run check "$f"
  run text "$f"
done
# Import: each format byline writes, read back into a fresh folder.
run export annotations/harbor-council --format w3c -o "$tmp/h.w3c.json"
run import "$tmp/h.w3c.json" --from w3c --annotations "$tmp/imp-w3c"
run export annotations/harbor-council --format jsonl -o "$tmp/h.jsonl"
run import "$tmp/h.jsonl" --from jsonl --annotations "$tmp/imp-jsonl"
run import "$tmp/brat" --from brat --annotations "$tmp/imp-brat"
(cd "$tmp" && find imp-* -type f | sort | xargs cat) >"$out/imported-files.txt"
sed -i "s#$tmp#TMP#g" "$out"/*.txt
echo "$n commands run into $out"
