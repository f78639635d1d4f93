#!/usr/bin/env bash
# Makes large real SIP traces for `npm run bench`: SIPp (uac) calls SIPp (uas) on 127.0.0.1,
# tshark captures the loopback, and the capture is written out in three framings the
# analyzer reads:
#   ngrep-udp.txt     ngrep -I <pcap> -qt -W byline      (the bench's default input)
#   raw-udp.sip       the UDP payloads as tshark dissects them, a blank line between messages
#   sipp-msg.log      SIPp's own -trace_msg log of the uac (every message sent and received)
#   ngrep-tcp.txt     same as ngrep-udp.txt for a smaller TCP run (-t t1), when it works
#   meta.json         call and message counts, sizes, repeat factor, tool versions
#   work/payloads.hex one captured UDP payload per line, hex (what the bench hands to the parsers)
#   work/*.pcap       the captures
# When one capture gives less than TARGET_MB of ngrep text, all three UDP files are repeated
# (same factor, so they keep carrying the same messages; distinct Call-IDs are not needed to
# measure parse throughput).
#
# Usage: scripts/gen-traces.sh OUTDIR [CALLS=20000] [TARGET_MB=40] [RATE_CPS=1000]
# Everything is bounded: SIPp -m and -timeout, tshark -a duration, `timeout` on every tool.
set -euo pipefail

OUT=${1:?usage: scripts/gen-traces.sh OUTDIR [CALLS] [TARGET_MB] [RATE_CPS]}
CALLS=${2:-20000}
TARGET_MB=${3:-40}
RATE=${4:-1000}
UAS_UDP=15060
UAC_UDP=15061
UAS_TCP=15070
UAC_TCP=15071
# Upper bound for one SIPp run: the calls at the rate, plus slack for retransmissions.
RUN_SECS=$(( CALLS / RATE + 60 ))

missing=()
for tool in sipp tshark ngrep; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if (( ${#missing[@]} > 0 )); then
  echo "gen-traces: missing tools: ${missing[*]} (apt-get install sipp tshark ngrep)" >&2
  exit 3
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
WORK="$OUT/work"
rm -rf "$WORK"
mkdir -p "$WORK"

PIDS_TO_STOP=()
cleanup() {
  for pid in "${PIDS_TO_STOP[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Starts SIPp in background mode and prints its PID (SIPp prints "Background mode - PID=[N]").
start_sipp() {
  local log=$1; shift
  timeout 20 sipp "$@" -bg >"$log" 2>&1 || true
  local pid
  pid=$(sed -n 's/.*PID=\[\([0-9]*\)\].*/\1/p' "$log" | head -n1)
  if [[ -z "$pid" ]]; then
    echo "gen-traces: sipp did not start: $(cat "$log")" >&2
    return 1
  fi
  echo "$pid"
}

wait_pid() {
  local pid=$1 limit=$2 waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= limit * 10 )); then
      echo "gen-traces: pid $pid still running after ${limit}s, stopping it" >&2
      kill "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.1
    waited=$(( waited + 1 ))
  done
}

# capture FILTER PCAP: starts tshark on lo and waits until it captures.
start_capture() {
  local filter=$1 pcap=$2 log=$3
  tshark -i lo -f "$filter" -F pcap -w "$pcap" -q -a "duration:$(( RUN_SECS + 30 ))" >"$log" 2>&1 &
  local pid=$!
  local i
  for i in $(seq 1 100); do
    if grep -q "Capturing on" "$log" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  echo "$pid"
}

stop_capture() {
  local pid=$1
  sleep 1 # let the last packets reach the capture
  kill -INT "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# run_calls TRANSPORT_FLAG UAS_PORT UAC_PORT CALLS PCAP FILTER [uac extra args...]
run_calls() {
  local tflag=$1 uas_port=$2 uac_port=$3 calls=$4 pcap=$5 filter=$6; shift 6
  local cap uas uac
  cap=$(start_capture "$filter" "$pcap" "$WORK/tshark-$uas_port.log")
  PIDS_TO_STOP+=("$cap")
  uas=$(start_sipp "$WORK/uas-$uas_port.out" -sn uas -t "$tflag" -i 127.0.0.1 -p "$uas_port" \
    -timeout "$(( RUN_SECS + 10 ))s" -nostdin)
  PIDS_TO_STOP+=("$uas")
  sleep 0.5
  uac=$(start_sipp "$WORK/uac-$uac_port.out" -sn uac "127.0.0.1:$uas_port" -t "$tflag" -i 127.0.0.1 \
    -p "$uac_port" -r "$RATE" -l 2000 -m "$calls" -timeout "${RUN_SECS}s" -nostdin "$@")
  PIDS_TO_STOP+=("$uac")
  wait_pid "$uac" "$(( RUN_SECS + 5 ))" || true
  kill "$uas" 2>/dev/null || true
  wait_pid "$uas" 10 || true
  stop_capture "$cap"
}

echo "gen-traces: $CALLS calls over UDP at $RATE calls/s (SIPp uac -> uas on 127.0.0.1:$UAS_UDP)"
run_calls u1 "$UAS_UDP" "$UAC_UDP" "$CALLS" "$WORK/udp.pcap" "udp port $UAS_UDP" \
  -trace_msg -message_file "$WORK/sipp-msg.once.log"

# ngrep text of the capture (the header lines "input:"/"filter:" stay only at the top).
timeout 300 ngrep -I "$WORK/udp.pcap" -qt -W byline >"$WORK/ngrep-udp.once.txt"
# The UDP payloads as hex, one datagram per line: tshark's own dissection, independent of our reader.
timeout 300 tshark -r "$WORK/udp.pcap" -Y udp -T fields -e udp.payload >"$WORK/payloads.hex"
if [[ ! -s "$WORK/payloads.hex" ]] || ! grep -q '[0-9a-f]' "$WORK/payloads.hex"; then
  # Older tshark has no udp.payload: take the undissected data instead.
  timeout 300 tshark -r "$WORK/udp.pcap" --disable-protocol sip -Y udp -T fields -e data.data >"$WORK/payloads.hex"
fi
node -e '
  const fs = require("fs");
  const [hexFile, rawFile] = process.argv.slice(1);
  const out = fs.openSync(rawFile, "w");
  let n = 0;
  for (const line of fs.readFileSync(hexFile, "latin1").split("\n")) {
    const hex = line.replace(/[^0-9a-fA-F]/g, "");
    if (hex.length === 0) { continue; }
    fs.writeSync(out, Buffer.concat([Buffer.from(hex, "hex"), Buffer.from("\r\n")]));
    n++;
  }
  fs.closeSync(out);
  console.log(n);
' "$WORK/payloads.hex" "$WORK/raw-udp.once.sip" >"$WORK/datagrams.count"
DATAGRAMS=$(cat "$WORK/datagrams.count")

ONCE_BYTES=$(stat -c %s "$WORK/ngrep-udp.once.txt")
TARGET_BYTES=$(( TARGET_MB * 1024 * 1024 ))
REPEAT=1
if (( ONCE_BYTES > 0 && ONCE_BYTES < TARGET_BYTES )); then
  REPEAT=$(( (TARGET_BYTES + ONCE_BYTES - 1) / ONCE_BYTES ))
fi
# repeat SRC DEST: SRC REPEAT times; for ngrep text the copies after the first skip the header lines.
repeat_file() {
  local src=$1 dest=$2 kind=$3
  cp "$src" "$dest"
  local i
  for (( i = 1; i < REPEAT; i++ )); do
    if [[ "$kind" == ngrep ]]; then
      awk 'f || /^[UT] [0-9]/ { f = 1; print }' "$src" >>"$dest"
    else
      cat "$src" >>"$dest"
    fi
  done
}
repeat_file "$WORK/ngrep-udp.once.txt" "$OUT/ngrep-udp.txt" ngrep
repeat_file "$WORK/raw-udp.once.sip" "$OUT/raw-udp.sip" raw
if [[ -s "$WORK/sipp-msg.once.log" ]]; then
  repeat_file "$WORK/sipp-msg.once.log" "$OUT/sipp-msg.log" raw
fi

# The single copies are no longer needed; the pcaps and payloads.hex (the bench's parser input) stay.
rm -f "$WORK"/*.once.*

# A smaller TCP run: SIP over one TCP connection, so ngrep shows stream segments, not datagrams.
TCP_CALLS=$(( CALLS / 10 ))
TCP_OK=false
echo "gen-traces: $TCP_CALLS calls over TCP (-t t1) on 127.0.0.1:$UAS_TCP"
if run_calls t1 "$UAS_TCP" "$UAC_TCP" "$TCP_CALLS" "$WORK/tcp.pcap" "tcp port $UAS_TCP"; then
  timeout 300 ngrep -I "$WORK/tcp.pcap" -qt -W byline >"$OUT/ngrep-tcp.txt" && TCP_OK=true
fi

size() { if [[ -f "$1" ]]; then stat -c %s "$1"; else echo 0; fi; }
SIPP_VERSION=$(sipp -v 2>&1 | grep -o 'SIPp v[^ ,]*' | head -n1 || true)
TSHARK_VERSION=$(tshark -v 2>/dev/null | grep -m1 -o 'TShark (Wireshark) [0-9.]*' || true)
NGREP_VERSION=$(ngrep -V 2>&1 | head -n1 || true)
cat >"$OUT/meta.json" <<JSON
{
  "source": "sipp",
  "generated": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "calls": $CALLS,
  "rateCps": $RATE,
  "udpDatagramsCaptured": $DATAGRAMS,
  "repeat": $REPEAT,
  "messages": $(( DATAGRAMS * REPEAT )),
  "files": {
    "ngrep": { "path": "ngrep-udp.txt", "bytes": $(size "$OUT/ngrep-udp.txt") },
    "raw": { "path": "raw-udp.sip", "bytes": $(size "$OUT/raw-udp.sip") },
    "sipp": { "path": "sipp-msg.log", "bytes": $(size "$OUT/sipp-msg.log") },
    "ngrepTcp": { "path": "ngrep-tcp.txt", "bytes": $(size "$OUT/ngrep-tcp.txt"), "calls": $TCP_CALLS, "ok": $TCP_OK }
  },
  "tools": { "sipp": "$SIPP_VERSION", "tshark": "$TSHARK_VERSION", "ngrep": "$NGREP_VERSION" }
}
JSON
echo "gen-traces: wrote $OUT (UDP datagrams captured: $DATAGRAMS, repeated x$REPEAT)"
cat "$OUT/meta.json"
