/**
 * Trace reader bench: builds large synthetic traces in memory (the built-in INVITE dialog of
 * ./synth repeated with distinct Call-IDs, tags and branches) in the ngrep, raw SIP, SIPp-log and
 * FreeSWITCH siptrace framings, and times `readTrace` (and `readTrace` + `parseMessage` per
 * segment) against splitting the same text into lines, the floor any line-based reader pays.
 *
 * Figures are CPU time (process.cpuUsage), best of `--runs`, since the machine is shared.
 *
 *   npx tsc -p . && node out/scripts/bench/reader.js [--mb 30] [--runs 3] [--format ngrep,raw,sipp,freeswitch]
 *
 * `--memory MB` instead writes each trace to a temporary file and, in a child process per mode,
 * reads it as the CLI does (readFileSync UTF-8) and parses every message, dropping each parse:
 * `stream` through iterateTrace, `collect` through readTrace (all segments held). Prints the peak
 * resident set size (VmHWM from /proc/self/status) and its ratio to the file size.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { iterateTrace, readTrace } from '../../src/core/framing';
import { parseMessage } from '../../src/core/parser';
import { builtInDialog, renderNgrep, renderRaw, renderSippLog, type WireMessage } from './synth';

export type ReaderBenchFormat = 'ngrep' | 'raw' | 'sipp' | 'freeswitch';

export interface ReaderBenchRow {
  readonly format: ReaderBenchFormat;
  readonly mb: number;
  readonly messages: number;
  /** CPU ms of `text.split('\n')`. */
  readonly splitMs: number;
  /** CPU ms of `readTrace(text)`. */
  readonly readMs: number;
  /** CPU ms of iterating the segments and parsing each (nothing retained but the count). */
  readonly readParseMs: number;
  readonly readMBps: number;
  readonly readRatio: number;
  readonly readParseRatio: number;
}

const CALLER = '10.20.30.40:5060';

/** One message as FreeSWITCH's `sofia global siptrace on` prints it (3-space indent, dashed rules). */
function renderFreeswitch(m: WireMessage, n: number): string {
  const sent = m.src === CALLER;
  const bytes = Buffer.byteLength(m.text, 'latin1');
  const peer = sent ? m.dst : m.src;
  const [host, port] = peer.split(':');
  const ms = String(n % 1000).padStart(3, '0');
  const head = `${sent ? 'send' : 'recv'} ${bytes} bytes ${sent ? 'to' : 'from'} udp/[${host}]:${port} at 10:11:12.${ms}000:`;
  const rule = '-'.repeat(72);
  const lines = m.text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return `${head}\n${rule}\n${lines.map((l) => '   ' + l).join('\n')}\n${rule}\n`;
}

/** A synthetic trace of about `mb` megabytes in the given framing. */
export function buildTrace(format: ReaderBenchFormat, mb: number): { text: string; messages: number } {
  const target = mb * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  if (format === 'ngrep') {
    const banner = 'input: synthetic.pcap\nfilter: ((ip || ip6) || (vlan && (ip || ip6)))\n\n';
    parts.push(banner);
    size += banner.length;
  }
  for (let call = 0; size < target; call++) {
    for (const m of builtInDialog(call)) {
      const piece =
        format === 'ngrep'
          ? renderNgrep(m, n)
          : format === 'raw'
            ? renderRaw(m)
            : format === 'sipp'
              ? renderSippLog(m, n, m.src === CALLER)
              : renderFreeswitch(m, n);
      parts.push(piece);
      size += piece.length;
      n++;
    }
  }
  return { text: parts.join(''), messages: n };
}

function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const d = process.cpuUsage(before);
  return (d.user + d.system) / 1000;
}

function best(runs: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    min = Math.min(min, cpuMs(fn));
  }
  return min;
}

/** Times the reader on each format; throws when the reader misses messages (a broken bench is no bench). */
export function benchReader(options: { mb?: number; runs?: number; formats?: ReaderBenchFormat[] } = {}): ReaderBenchRow[] {
  const mb = options.mb ?? 30;
  const runs = options.runs ?? 3;
  const formats = options.formats ?? ['ngrep', 'raw', 'sipp', 'freeswitch'];
  const rows: ReaderBenchRow[] = [];
  for (const format of formats) {
    const { text, messages } = buildTrace(format, mb);
    let found = 0;
    const splitMs = best(runs, () => {
      found = text.split('\n').length;
    });
    const readMs = best(runs, () => {
      found = readTrace(text).segments.length;
    });
    if (found !== messages) {
      throw new Error(`${format}: the reader found ${found} messages, the trace holds ${messages}`);
    }
    const readParseMs = best(runs, () => {
      let count = 0;
      for (const segment of iterateTrace(text)) {
        if (parseMessage(segment.content).startLine.kind !== 'invalid') {
          count++;
        }
      }
      found = count;
    });
    if (found !== messages) {
      throw new Error(`${format}: ${found} of ${messages} messages parsed with a valid start line`);
    }
    const sizeMB = text.length / (1024 * 1024);
    rows.push({
      format,
      mb: Math.round(sizeMB * 10) / 10,
      messages,
      splitMs: Math.round(splitMs),
      readMs: Math.round(readMs),
      readParseMs: Math.round(readParseMs),
      readMBps: Math.round(sizeMB / (readMs / 1000)),
      readRatio: Math.round((readMs / splitMs) * 100) / 100,
      readParseRatio: Math.round((readParseMs / splitMs) * 100) / 100,
    });
  }
  return rows;
}

export interface ReaderMemoryRow {
  readonly format: ReaderBenchFormat;
  readonly mode: 'stream' | 'collect';
  readonly fileMB: number;
  readonly messages: number;
  readonly peakMB: number;
  readonly ratio: number;
}

function vmHwmBytes(): number {
  const m = /^VmHWM:\s*(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Child side of {@link benchReaderMemory}: one file, one mode, one JSON line. */
function memoryChild(file: string, mode: 'stream' | 'collect'): void {
  const text = fs.readFileSync(file, 'utf8');
  let messages = 0;
  const segments = mode === 'stream' ? iterateTrace(text) : readTrace(text).segments;
  for (const segment of segments) {
    if (parseMessage(segment.content).headers.length > 0) {
      messages++;
    }
  }
  console.log(JSON.stringify({ messages, peak: vmHwmBytes() }));
}

/** Peak RSS of reading and parsing a trace of about `mb` megabytes per format and mode (Linux only). */
export function benchReaderMemory(mb: number, formats: ReaderBenchFormat[] = ['raw', 'ngrep']): ReaderMemoryRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-mem-'));
  const rows: ReaderMemoryRow[] = [];
  try {
    for (const format of formats) {
      const file = path.join(dir, `${format}.txt`);
      const built = buildTrace(format, mb);
      fs.writeFileSync(file, built.text, 'latin1');
      const messages = built.messages;
      const bytes = fs.statSync(file).size;
      for (const mode of ['stream', 'collect'] as const) {
        const out = execFileSync(process.execPath, [__filename, '--memory-child', file, mode], {
          encoding: 'utf8',
          timeout: 300_000,
        });
        const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { messages: number; peak: number };
        if (r.messages !== messages) {
          throw new Error(`${format}/${mode}: parsed ${r.messages} messages, the trace holds ${messages}`);
        }
        rows.push({
          format,
          mode,
          fileMB: Math.round(bytes / 1048576),
          messages,
          peakMB: Math.round(r.peak / 1048576),
          ratio: Math.round((r.peak / bytes) * 100) / 100,
        });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module && arg('memory-child') !== undefined) {
  memoryChild(arg('memory-child') ?? '', process.argv[process.argv.indexOf('--memory-child') + 2] === 'collect' ? 'collect' : 'stream');
} else if (require.main === module && arg('memory') !== undefined) {
  console.log('format  mode      file MB  messages  peak RSS MB  peak/file');
  for (const r of benchReaderMemory(Number(arg('memory')))) {
    console.log(
      `${r.format.padEnd(7)} ${r.mode.padEnd(8)} ${String(r.fileMB).padStart(8)} ${String(r.messages).padStart(9)} ${String(r.peakMB).padStart(12)} ${r.ratio.toFixed(2).padStart(10)}`,
    );
  }
} else if (require.main === module) {
  const formats = arg('format')?.split(',') as ReaderBenchFormat[] | undefined;
  const rows = benchReader({ mb: Number(arg('mb') ?? 30), runs: Number(arg('runs') ?? 3), formats });
  console.log('format      MB  messages  split ms  read ms  MB/s  read/split  read+parse ms  (read+parse)/split');
  for (const r of rows) {
    console.log(
      `${r.format.padEnd(10)} ${String(r.mb).padStart(4)} ${String(r.messages).padStart(9)} ${String(r.splitMs).padStart(9)} ${String(r.readMs).padStart(8)} ${String(r.readMBps).padStart(5)} ${r.readRatio.toFixed(2).padStart(11)} ${String(r.readParseMs).padStart(14)} ${r.readParseRatio.toFixed(2).padStart(19)}`,
    );
  }
}
