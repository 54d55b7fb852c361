#!/usr/bin/env bash
# The article list's first screen in a real terminal (tmux): the time from
# starting `byline annotate FOLDER` on 2,000 articles until the first rows
# are on screen. Uses the corpus `cargo bench --bench list` writes.
#
#     cargo build --release && bash benches/list_first_screen.sh [RUNS]
set -euo pipefail
runs=${1:-5}
root=${TMPDIR:-/tmp}/byline-bench-list-2000
bin=$(realpath "${BYLINE_BIN:-$(dirname "$0")/../target/release/byline}")
[ -d "$root/articles" ] || { echo "run cargo bench --bench list first (it writes $root)"; exit 1; }
cd "$root"
for i in $(seq "$runs"); do
    tmux kill-session -t byline-list-bench 2>/dev/null || true
    start=$(date +%s%N)
    tmux new-session -d -s byline-list-bench -x 80 -y 24 \
        "BYLINE_ANNOTATOR='Alex Example' $bin annotate articles"
    until tmux capture-pane -p -t byline-list-bench 2>/dev/null | grep -q 'Article 0 '; do
        sleep 0.005
    done
    end=$(date +%s%N)
    echo "run $i: first screen with rows after $(( (end - start) / 1000000 )) ms"
    tmux send-keys -t byline-list-bench q
    sleep 0.2
done
tmux kill-session -t byline-list-bench 2>/dev/null || true
