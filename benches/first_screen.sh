#!/usr/bin/env bash
# Time to first screen in a real terminal (tmux), byline vs less, on the
# 12 MB / 40,000-paragraph article that `cargo bench --bench tui` writes.
# Both are measured the same way: start a tmux session running the command
# and poll the pane until the first paragraph's text shows. The median of
# N runs is printed for each, and the ratio.
#
#     cargo build --release && benches/first_screen.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
article=${ARTICLE:-${TMPDIR:-/tmp}/byline-bench-40k.txt}
[ -f "$article" ] || { echo "run: cargo bench --bench tui -- 'load only'  (writes $article)"; exit 1; }
bin=target/release/byline
ann=$(mktemp -d)
sock=byline-first-screen-$$
trap 'rm -rf "$ann"' EXIT

measure() { # command, text to wait for
  local times=() t0 t1
  for i in $(seq "$n"); do
    local s=$sock-$i deadline=$(( $(date +%s) + 20 ))
    t0=$(date +%s%N)
    tmux -L "$s" -f /dev/null new-session -d -s m -x 80 -y 24 "$1"
    until tmux -L "$s" capture-pane -p -t m 2>/dev/null | grep -q "$2"; do
      [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for: $1" >&2; exit 1; }
    done
    t1=$(date +%s%N)
    tmux -L "$s" kill-server 2>/dev/null || true
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

less_us=$(measure "less '$article'" "The council postponed")
byline_us=$(measure "$bin annotate '$article' --annotations '$ann' --annotator bench" "¶ 1/")
echo "less   first screen: $((less_us / 1000)).$(( (less_us % 1000) / 100 )) ms (median of $n)"
echo "byline first screen: $((byline_us / 1000)).$(( (byline_us % 1000) / 100 )) ms (median of $n)"
awk -v a="$byline_us" -v b="$less_us" 'BEGIN {printf "ratio byline/less: %.2f (target: at most 3)\n", a / b}'
