/**
 * Checks the trace reader against tshark on real captures: for each capture whose SIP travels
 * over UDP, renders its ngrep text (`ngrep -I FILE -qt -W byline`, every packet, no filter), reads
 * it with readTrace and compares the start lines found with those tshark's SIP dissector finds
 * (`tshark -Y "sip && udp"`). Captures with SIP over TCP/SCTP too are compared on their UDP legs.
 *
 *   node out/scripts/check-captures.js [CORPUS_PCAP_DIR]   (default ../shared/corpus/pcap)
 *
 * Exits 1 on any mismatch. Needs tshark and ngrep on PATH.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTrace } from '../src/core/framing';

interface Row {
  file: string;
  tshark: number;
  ours: number;
  match: boolean;
  note: string;
}

const MAX_BUFFER = 512 * 1024 * 1024;

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'latin1', maxBuffer: MAX_BUFFER, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Transports of the frames tshark dissects as SIP (`udp`, `tcp`, `sctp`). */
function sipTransports(file: string): Set<string> {
  const out = run('tshark', ['-r', file, '-Y', 'sip', '-T', 'fields', '-e', 'frame.protocols']);
  const set = new Set<string>();
  for (const line of out.split('\n')) {
    const m = /:(udp|tcp|sctp)(?::|$)/.exec(line.trim());
    if (m) {
      set.add(m[1]);
    }
  }
  return set;
}

interface TsharkFrame {
  _source: { layers: Record<string, string[] | undefined> };
}

/** Start lines tshark finds in UDP frames, in frame order (several per frame when a datagram holds several). */
function tsharkStartLines(file: string): string[] {
  const json = run('tshark', [
    '-r',
    file,
    '-Y',
    'sip && udp',
    '-T',
    'json',
    '-e',
    'sip.Request-Line',
    '-e',
    'sip.Status-Line',
  ]);
  const frames = JSON.parse(json.trim() === '' ? '[]' : json) as TsharkFrame[];
  const lines: string[] = [];
  for (const f of frames) {
    const l = f._source.layers;
    // Within one frame tshark lists requests and responses apart; order them as the packet does
    // is not recoverable here, so compare per frame as a sorted group.
    const group = [...(l['sip.Request-Line'] ?? []), ...(l['sip.Status-Line'] ?? [])].sort();
    lines.push(...group);
  }
  return lines;
}

/** Start lines our reader finds in the ngrep text of the capture, UDP packets only. */
function ourStartLines(file: string): { lines: string[]; undecoded: number } {
  // latin1 keeps one char per byte, as ngrep prints them.
  const text = run('ngrep', ['-I', file, '-qt', '-W', 'byline']);
  const result = readTrace(text);
  const byPacket = new Map<number, string[]>();
  const order: number[] = [];
  let undecoded = 0;
  for (const s of result.segments) {
    if (s.framing.format !== 'ngrep' || s.framing.transport === 'TCP') {
      continue;
    }
    if (s.framing.transport === undefined) {
      undecoded++;
    }
    const key = s.framing.headerSpan?.start ?? -1;
    const nl = s.content.indexOf('\n');
    const first = (nl < 0 ? s.content : s.content.slice(0, nl)).replace(/\r$/, '');
    if (!byPacket.has(key)) {
      byPacket.set(key, []);
      order.push(key);
    }
    byPacket.get(key)?.push(first);
  }
  return { lines: order.flatMap((k) => (byPacket.get(k) ?? []).sort()), undecoded };
}

function firstMismatch(a: string[], b: string[]): string {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      return `#${i + 1}: tshark ${JSON.stringify(a[i] ?? '(none)')} vs ours ${JSON.stringify(b[i] ?? '(none)')}`;
    }
  }
  return '';
}

function main(): number {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const dir = path.resolve(process.argv[2] ?? path.join(repoRoot, '..', 'shared', 'corpus', 'pcap'));
  const files = fs
    .readdirSync(dir)
    .filter((f) => /\.(pcap|pcapng|cap)$/i.test(f))
    .sort();
  const rows: Row[] = [];
  for (const f of files) {
    const file = path.join(dir, f);
    const transports = sipTransports(file);
    if (!transports.has('udp')) {
      console.log(`skip ${f}: tshark finds SIP over ${[...transports].join('/') || 'nothing'}, not UDP`);
      continue;
    }
    const expected = tsharkStartLines(file);
    const ours = ourStartLines(file);
    const mismatch = firstMismatch(expected, ours.lines);
    const others = [...transports].filter((t) => t !== 'udp');
    const notes: string[] = [];
    if (others.length > 0) {
      notes.push(`UDP legs only (also SIP over ${others.join('/')})`);
    }
    if (ours.undecoded > 0) {
      notes.push(`${ours.undecoded} in packets ngrep prints as '?' (encapsulation it cannot decode; inner headers skipped)`);
    }
    rows.push({
      file: f,
      tshark: expected.length,
      ours: ours.lines.length,
      match: mismatch === '',
      note: mismatch || notes.join('; '),
    });
  }
  const w = Math.max(...rows.map((r) => r.file.length), 7);
  console.log(`${'capture'.padEnd(w)}  tshark  ours  match  first mismatch / note`);
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(w)}  ${String(r.tshark).padStart(6)}  ${String(r.ours).padStart(4)}  ${(r.match ? 'yes' : 'NO').padEnd(5)}  ${r.note}`,
    );
  }
  return rows.every((r) => r.match) ? 0 : 1;
}

process.exitCode = main();
