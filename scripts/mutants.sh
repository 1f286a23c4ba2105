#!/usr/bin/env bash
# Mutation testing of the rule modules with cargo-mutants: each module's code is
# changed one fault at a time (an operator flipped, a function body replaced by a
# constant...) and the fast native tests are run against it. A mutant the tests
# do not notice is "missed": a fault the suite would certify.
#
#   scripts/mutants.sh                           every module, one after the other
#   MUTANTS_MODULES="status queue" scripts/mutants.sh
#   MUTANTS_SHARD=1/4 scripts/mutants.sh         a quarter of each module's mutants
#                                                (every 4th, spread over the file)
#   MUTANTS_RE='rules.rs' MUTANTS_MODULES=reply scripts/mutants.sh
#   MUTANTS_RECHECK=1 MUTANTS_MODULES=queue scripts/mutants.sh
#                                                only the mutants the last run of
#                                                each module missed (after adding
#                                                tests; same source lines needed)
#
# Each module's results go to target/mutants/<module>/mutants.out/ (caught.txt,
# missed.txt, timeout.txt, unviable.txt, outcomes.json); a summary line per module
# is appended to target/mutants/summary.tsv. Exits non-zero only when the tool
# itself fails (a missed mutant is a finding, not an error of this script).
#
# The source tree is copied to a scratch directory (never mutated in place); the
# build artefacts of every module share target/mutants/build so dependencies
# compile once. One job at a time: the tool's own build already uses every core.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

say() { printf '[mutants] %s\n' "$*" >&2; }

# The version the figures in docs/robustness.md were measured with; others work
# too (set MUTANTS_VERSION= to accept whatever is installed).
MUTANTS_VERSION=${MUTANTS_VERSION-27.1.0}
have=$(cargo mutants --version 2>/dev/null | awk '{print $2}' || true)
if [ -z "$have" ] || { [ -n "$MUTANTS_VERSION" ] && [ "$have" != "$MUTANTS_VERSION" ]; }; then
  say "installing cargo-mutants ${MUTANTS_VERSION:-latest} (was: ${have:-none})"
  if [ -n "$MUTANTS_VERSION" ]; then
    cargo install cargo-mutants --locked --version "$MUTANTS_VERSION"
  else
    cargo install cargo-mutants --locked
  fi
fi

# module | files (globs, space-separated) | test binaries each mutant runs.
# Every binary is the native suite's own (golden cases, properties, unit tests);
# doc tests (a compile per example) and the wasm/JS layers are left out as slow.
# A module's set leaves out only the binaries that never reach its code:
# tests/replies.rs calls the classifier alone, tests/zones.rs and
# tests/rfc3339.rs the time layer alone.
TIME_TESTS="--lib --test golden --test pinned --test props --test props_steps --test robustness --test rfc3339 --test zones"
REPLY_TESTS="--lib --test golden --test pinned --test props --test props_steps --test replies --test robustness"
RULE_TESTS="--lib --test golden --test pinned --test props --test props_steps --test robustness"
module_files() {
  case "$1" in
    status) echo "src/status.rs" ;;
    reply) echo "crates/reply/src/*.rs crates/reply/src/rules/*.rs crates/reply/src/text/*.rs crates/reply/src/words/*.rs" ;;
    consent) echo "src/consent/*.rs src/consent/fold/*.rs" ;;
    window) echo "src/window/*.rs" ;;
    time) echo "src/time.rs src/time/*.rs" ;;
    civil) echo "src/civil.rs" ;;
    rfc3339) echo "src/rfc3339.rs src/rfc3339/*.rs" ;;
    zones) echo "src/zones/mod.rs src/zones/rule.rs" ;;
    cadence) echo "src/cadence/*.rs src/cadence/steps/*.rs" ;;
    queue) echo "src/queue.rs" ;;
    worklist) echo "src/worklist/mod.rs src/worklist/update.rs src/worklist/columns.rs src/worklist/facets.rs src/worklist/filter.rs" ;;
    holiday) echo "src/holiday.rs" ;;
    region) echo "src/region.rs src/regions/load.rs" ;;
    read) echo "src/read/mod.rs src/read/batch.rs src/read/time_arg.rs src/read/json.rs src/read/record.rs src/read/fields.rs src/read/event.rs src/read/value.rs src/read/names.rs src/read/repeated.rs" ;;
    *) return 1 ;;
  esac
}
module_tests() {
  case "$1" in
    time | civil | rfc3339 | zones) echo "$TIME_TESTS" ;;
    reply) echo "$REPLY_TESTS" ;;
    *) echo "$RULE_TESTS" ;;
  esac
}

MUTANTS_MODULES=${MUTANTS_MODULES:-"status queue time rfc3339 civil zones reply window consent cadence worklist read"}
MUTANTS_SHARD=${MUTANTS_SHARD:-}
MUTANTS_RE=${MUTANTS_RE:-}
MUTANTS_RECHECK=${MUTANTS_RECHECK:-}
# Seconds per test run of one mutant (the unmutated suite takes about 5 s); a
# mutant that loops forever is cut off here and counted as "timeout".
MUTANTS_TIMEOUT=${MUTANTS_TIMEOUT:-60}

out_root="$root/target/mutants"
mkdir -p "$out_root"
export CARGO_TARGET_DIR="$out_root/build"
summary="$out_root/summary.tsv"
[ -f "$summary" ] || printf 'date\tcommit\tmodule\tshard\tmutants\tcaught\tmissed\ttimeout\tunviable\tseconds\n' >"$summary"
# The commit of main the figures are from (the tree measured is HEAD; on a
# branch, its fork point from main names the engine code it shares).
commit=$(git merge-base main HEAD 2>/dev/null ||
  git rev-parse HEAD 2>/dev/null || echo unknown)
commit=${commit:0:7}

# Lines of an outcome list; with a second argument, only the names listed in
# that file (a recheck counts the mutants it was asked for: cargo-mutants
# 27.1.0 adds every "delete field" mutant of the file whatever --re says).
count() {
  if [ ! -f "$1" ]; then echo 0
  elif [ -n "${2:-}" ]; then grep -cFxf "$2" "$1" || true
  else grep -c . "$1" || true; fi
}

status=0
for m in $MUTANTS_MODULES; do
  files=$(module_files "$m") || { say "unknown module $m"; exit 2; }
  out="$out_root/$m"
  shard=${MUTANTS_SHARD:-all}
  args=(mutants --jobs 1 --no-shuffle --timeout "$MUTANTS_TIMEOUT" --build-timeout 600)
  for f in $files; do args+=(--file "$f"); done
  if [ -n "$MUTANTS_RECHECK" ]; then
    missed_before="$out_root/$m/mutants.out/missed.txt"
    if [ ! -s "$missed_before" ]; then say "$m: nothing missed to recheck"; continue; fi
    # Each missed mutant's name, as an anchored regular expression.
    while IFS= read -r name; do
      args+=(--re "^$(printf '%s' "$name" | sed 's/[][\\.*^$+?(){}|]/\\&/g')\$")
    done <"$missed_before"
    out="$out_root/$m-recheck"
    shard=recheck
  else
    [ -n "$MUTANTS_SHARD" ] && args+=(--shard "$MUTANTS_SHARD" --sharding round-robin)
    [ -n "$MUTANTS_RE" ] && args+=(--re "$MUTANTS_RE")
  fi
  # The classifier is a crate of its own (crates/reply); the tests that reach
  # it are the engine's too.
  [ "$m" = reply ] && args+=(--test-workspace=true)
  args+=(--output "$out")
  # shellcheck disable=SC2046
  args+=(-- $(module_tests "$m"))
  say "$m: cargo ${args[*]}"
  start=$(date +%s)
  rc=0
  cargo "${args[@]}" || rc=$?
  secs=$(( $(date +%s) - start ))
  # cargo-mutants exits 2 when mutants were missed, 3 on timeouts: findings.
  case "$rc" in 0 | 2 | 3) ;; *) say "$m: cargo mutants failed ($rc)"; status=1; continue ;; esac
  d="$out/mutants.out"
  only=""
  [ -n "$MUTANTS_RECHECK" ] && only="$out_root/$m/mutants.out/missed.txt"
  caught=$(count "$d/caught.txt" "$only"); missed=$(count "$d/missed.txt" "$only")
  timeout=$(count "$d/timeout.txt" "$only"); unviable=$(count "$d/unviable.txt" "$only")
  total=$((caught + missed + timeout + unviable))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%F)" "$commit" "$m" \
    "$shard" "$total" "$caught" "$missed" "$timeout" "$unviable" "$secs" >>"$summary"
  viable=$((caught + missed + timeout))
  pct=$([ "$viable" -gt 0 ] && echo $((100 * (caught + timeout) / viable)) || echo -)
  say "$m: $total mutants: $caught caught, $missed missed, $timeout timeout, $unviable unviable ($pct% of viable caught) in ${secs}s"
  if [ "$missed" -gt 0 ]; then
    if [ -n "$only" ]; then grep -Fxf "$only" "$d/missed.txt"; else cat "$d/missed.txt"; fi |
      sed 's/^/    missed: /' >&2
  fi
done
say "summary: $summary"
exit "$status"
