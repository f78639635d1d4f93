/**
 * Checks the trace reader against tshark on real captures: for each capture whose SIP travels
 * over UDP, renders its ngrep text (every packet, no filter), reads it with readTrace and compares
 * the start lines found with those tshark's SIP dissector finds (`tshark -Y "sip && udp"`).
 * Captures with SIP over TCP/SCTP too are compared on their UDP legs.
 *
 * Two renderings by default: quiet (`ngrep -I FILE -qt -W byline`) and the one most users see,
 * without -q (`ngrep -I FILE -t -W byline`: a `#` mark per packet between packets and `exit` at
 * the end). Each must give tshark's start lines, and the non-quiet one must give the quiet one's
 * messages (same contents) and reader problems (same codes, same counts): ngrep's marks are
 * never message text nor a problem.
 *
 *   node out/scripts/check-captures.js [CORPUS_PCAP_DIR] [--quiet-only]
 *   (CORPUS_PCAP_DIR defaults to ../shared/corpus/pcap)
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
  quiet: number;
  /** Start lines in the non-quiet rendering (undefined with --quiet-only). */
  noisy?: number;
  /** Reader problem counts by code, quiet rendering (`-` when none). */
  problems: string;
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

/** The ngrep byline text of a capture, quiet (`-q`) or as ngrep prints it by default. */
function ngrepText(file: string, quiet: boolean): string {
  // latin1 keeps one char per byte, as ngrep prints them.
  return run('ngrep', ['-I', file, quiet ? '-qt' : '-t', '-W', 'byline']);
}

interface OurRead {
  /** Start lines of the UDP packets' messages, sorted within each packet. */
  readonly lines: string[];
  readonly undecoded: number;
  /** Every message's content, in file order. */
  readonly contents: string[];
  /** `code xN` per problem code, sorted; `-` when none. */
  readonly problems: string;
}

/** What our reader finds in the ngrep text of a capture. */
function readOurs(text: string): OurRead {
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
  const counts = new Map<string, number>();
  for (const p of result.problems) {
    counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  }
  const problems = [...counts].map(([code, n]) => `${code} x${n}`).sort().join(', ') || '-';
  return {
    lines: order.flatMap((k) => (byPacket.get(k) ?? []).sort()),
    undecoded,
    contents: result.segments.map((s) => s.content),
    problems,
  };
}

/** Where the non-quiet read differs from the quiet one ('' when it does not). */
function quietMismatch(quiet: OurRead, noisy: OurRead): string {
  if (noisy.problems !== quiet.problems) {
    return `problems without -q: ${noisy.problems} (quiet: ${quiet.problems})`;
  }
  if (noisy.contents.length !== quiet.contents.length) {
    return `${noisy.contents.length} messages without -q, ${quiet.contents.length} quiet`;
  }
  const i = quiet.contents.findIndex((c, k) => c !== noisy.contents[k]);
  return i < 0 ? '' : `message ${i + 1} differs without -q`;
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
  const args = process.argv.slice(2);
  const quietOnly = args.includes('--quiet-only');
  const positional = args.filter((a) => !a.startsWith('--'));
  const repoRoot = path.resolve(__dirname, '..', '..');
  const dir = path.resolve(positional[0] ?? path.join(repoRoot, '..', 'shared', 'corpus', 'pcap'));
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
    const quiet = readOurs(ngrepText(file, true));
    const noisy = quietOnly ? undefined : readOurs(ngrepText(file, false));
    const mismatch =
      firstMismatch(expected, quiet.lines) ||
      (noisy ? prefixed('without -q: ', firstMismatch(expected, noisy.lines)) || quietMismatch(quiet, noisy) : '');
    const others = [...transports].filter((t) => t !== 'udp');
    const notes: string[] = [];
    if (others.length > 0) {
      notes.push(`UDP legs only (also SIP over ${others.join('/')})`);
    }
    if (quiet.undecoded > 0) {
      notes.push(`${quiet.undecoded} in packets ngrep prints as '?' (encapsulation it cannot decode; inner headers skipped)`);
    }
    rows.push({
      file: f,
      tshark: expected.length,
      quiet: quiet.lines.length,
      noisy: noisy?.lines.length,
      problems: quiet.problems,
      match: mismatch === '',
      note: mismatch || notes.join('; '),
    });
  }
  const w = Math.max(...rows.map((r) => r.file.length), 7);
  const p = Math.max(...rows.map((r) => r.problems.length), 8);
  const noisyCol = quietOnly ? '' : '  no -q';
  console.log(`${'capture'.padEnd(w)}  tshark  quiet${noisyCol}  match  ${'problems'.padEnd(p)}  first mismatch / note`);
  for (const r of rows) {
    const noisy = quietOnly ? '' : `  ${String(r.noisy ?? '').padStart(6)}`;
    console.log(
      `${r.file.padEnd(w)}  ${String(r.tshark).padStart(6)}  ${String(r.quiet).padStart(5)}${noisy}  ${(r.match ? 'yes' : 'NO').padEnd(5)}  ${r.problems.padEnd(p)}  ${r.note}`,
    );
  }
  if (!quietOnly) {
    console.log('problems: reader problems in the quiet text; "match" also requires the text without -q to give the same.');
  }
  return rows.every((r) => r.match) ? 0 : 1;
}

function prefixed(prefix: string, text: string): string {
  return text === '' ? '' : prefix + text;
}

process.exitCode = main();
