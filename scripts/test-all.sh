#!/usr/bin/env bash
# `npm test`: every check the project has, in one command, on a fresh Debian machine after
# `npm ci` (the README's test command is `npm ci && npm test`).
#
#   1. system packages the e2e suite needs (chromium, ripgrep; libkrb5-dev, python3, make, g++
#      to build the VS Code server once): installed with apt-get when running as root,
#      otherwise named, and the run stops
#   2. lint, typecheck, compile (tsc -> out/)
#   3. package: production bundles + sip-trace.vsix (the unit tests inspect the VSIX)
#   4. unit tests (node --test), grammar tests (if test/grammar exists),
#      conformance over ../shared/corpus (if that folder exists)
#   5. the extension-host suites in a real VS Code 1.100.3 against the bundles just packaged,
#      and the activation suite against the installed VSIX
#
# Every stage runs even after an earlier one failed, so one run shows all breakage. The LAST
# line is `N passed, N failed`: the sum of unit, grammar and e2e test counts, where a failing
# stage without test counts (lint, typecheck, build, package, conformance) adds one failure.
# The exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

export CI="${CI:-}"
export FORCE_COLOR=0
export NO_COLOR=1

passed=0
failed=0
declare -a summary=()
log_dir="test-results"
mkdir -p "$log_dir"
started=$(date +%s)

stage() { printf '\n=== %s ===\n' "$1"; }
strip_ansi() { sed -e 's/\x1b\[[0-9;]*m//g'; }
record() { # name status [detail]
  if [ "$2" -eq 0 ]; then summary+=("ok      $1${3:+ ($3)}"); else summary+=("FAILED  $1${3:+ ($3)}"); fi
}
# A stage without its own test count: one failure if it fails.
run_plain() { # name command...
  local name=$1; shift
  stage "$name"
  "$@"
  local rc=$?
  [ $rc -ne 0 ] && failed=$((failed + 1))
  record "$name" $rc
  return $rc
}

finish() {
  local elapsed=$(( $(date +%s) - started ))
  printf '\n=== summary (%ss) ===\n' "$elapsed"
  for line in "${summary[@]}"; do echo "$line"; done
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit $?
}

# ---------------------------------------------------------------------------------------------
# 1. System packages
# ---------------------------------------------------------------------------------------------
stage "system packages"
server_installed=false
[ -f .vscode-test/server/node_modules/code-server/lib/vscode/out/server-main.js ] && server_installed=true
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
if [ "$server_installed" = false ]; then
  # Only needed to build the VS Code server's native modules on first use.
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get -o DPkg::Lock::Timeout=300 update -qq &&
      apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" </dev/null; }; then
      echo "apt-get could not install: ${missing[*]}"
      failed=$((failed + 1)); record "system packages" 1 "${missing[*]}"; finish
    fi
  else
    echo "missing system packages: ${missing[*]}"
    echo "install them first, e.g.: sudo apt-get install ${missing[*]}"
    failed=$((failed + 1)); record "system packages" 1 "missing ${missing[*]}"; finish
  fi
fi
record "system packages" 0

if [ ! -d node_modules ]; then
  run_plain "npm ci" npm ci --no-audit --no-fund || finish
fi

# ---------------------------------------------------------------------------------------------
# 2. Static checks and compile
# ---------------------------------------------------------------------------------------------
run_plain "lint" npm run --silent lint
run_plain "typecheck" npm run --silent typecheck
# tsc emits even when it reports errors; the typecheck stage above already counts those.
stage "compile"
npx tsc -p . >/dev/null 2>&1 || true
if [ -d out/test ]; then record "compile" 0; else failed=$((failed + 1)); record "compile" 1; fi

# ---------------------------------------------------------------------------------------------
# 3. Package (production bundles + VSIX)
# ---------------------------------------------------------------------------------------------
rm -f sip-trace.vsix
run_plain "package" npm run --silent package

# ---------------------------------------------------------------------------------------------
# 4. Unit, grammar and conformance tests
# ---------------------------------------------------------------------------------------------
stage "unit tests"
node scripts/run-unit-tests.js 2>&1 | tee "$log_dir/unit.log"
unit_rc=${PIPESTATUS[0]}
unit_pass=$(strip_ansi <"$log_dir/unit.log" | sed -n -E 's/^(ℹ|#) pass ([0-9]+)$/\2/p' | tail -1)
unit_fail=$(strip_ansi <"$log_dir/unit.log" | sed -n -E 's/^(ℹ|#) fail ([0-9]+)$/\2/p' | tail -1)
unit_cancel=$(strip_ansi <"$log_dir/unit.log" | sed -n -E 's/^(ℹ|#) cancelled ([0-9]+)$/\2/p' | tail -1)
unit_pass=${unit_pass:-0}
unit_fail=$(( ${unit_fail:-0} + ${unit_cancel:-0} ))
if [ "$unit_rc" -ne 0 ] && [ "$unit_fail" -eq 0 ]; then unit_fail=1; fi # crashed before counting
passed=$((passed + unit_pass)); failed=$((failed + unit_fail))
record "unit tests" "$unit_rc" "$unit_pass passed, $unit_fail failed"

if [ -d test/grammar ]; then
  stage "grammar tests"
  # Assertion files: *.test.sip. Snapshot cases: any file with a committed <file>.snap beside it
  # (so a missing snapshot is never silently generated here).
  mapfile -t assertion_cases < <(find test/grammar -type f -name '*.test.sip' | sort)
  mapfile -t snapshot_cases < <(find test/grammar -type f -name '*.snap' | sed 's/\.snap$//' | sort)
  grammar_total=$(( ${#assertion_cases[@]} + ${#snapshot_cases[@]} ))
  grammar_rc=0
  : >"$log_dir/grammar.log"
  if [ "$grammar_total" -eq 0 ]; then
    echo "test/grammar exists but holds no *.test.sip or snapshot cases" | tee -a "$log_dir/grammar.log"
    grammar_rc=1
  fi
  if [ ${#assertion_cases[@]} -gt 0 ]; then
    npx vscode-tmgrammar-test "${assertion_cases[@]}" 2>&1 | tee -a "$log_dir/grammar.log"
    [ "${PIPESTATUS[0]}" -ne 0 ] && grammar_rc=1
  fi
  if [ ${#snapshot_cases[@]} -gt 0 ]; then
    npx vscode-tmgrammar-snap "${snapshot_cases[@]}" 2>&1 | tee -a "$log_dir/grammar.log"
    [ "${PIPESTATUS[0]}" -ne 0 ] && grammar_rc=1
  fi
  # Both tools print one "✓ <file> run successfully." line per passing case.
  grammar_pass=$(strip_ansi <"$log_dir/grammar.log" | grep -c -E '^✓ .* run successfull?y\.$')
  grammar_fail=$((grammar_total - grammar_pass))
  if [ "$grammar_rc" -ne 0 ] && [ "$grammar_fail" -le 0 ]; then grammar_fail=1; fi
  [ "$grammar_fail" -lt 0 ] && grammar_fail=0
  passed=$((passed + grammar_pass)); failed=$((failed + grammar_fail))
  record "grammar tests" "$grammar_rc" "$grammar_pass passed, $grammar_fail failed"
fi

if [ -d ../shared/corpus ]; then
  run_plain "conformance (../shared/corpus)" npm run --silent conformance
fi

# ---------------------------------------------------------------------------------------------
# 5. Extension-host suites in VS Code 1.100.3: all of them against the production bundles just
#    packaged (repo as the development extension), then the activation suite against the
#    installed VSIX (proves what ships installs and activates).
# ---------------------------------------------------------------------------------------------
run_e2e() { # name args...
  local name=$1; shift
  stage "$name"
  node scripts/e2e/run.js "$@" 2>&1 | tee "$log_dir/e2e.log"
  local rc=${PIPESTATUS[0]}
  local line p f
  line=$(strip_ansi <"$log_dir/e2e.log" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
  p=$(echo "$line" | sed -n -E 's/^([0-9]+) passed.*/\1/p')
  f=$(echo "$line" | sed -n -E 's/.*, ([0-9]+) failed$/\1/p')
  p=${p:-0}
  f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  record "$name" "$rc" "$p passed, $f failed"
}
run_e2e "e2e (VS Code 1.100.3)"
if [ -f sip-trace.vsix ]; then
  run_e2e "e2e activation (installed VSIX)" --vsix sip-trace.vsix --grep activation
fi

finish
