/**
 * Grammar benchmark: tokenizes a 100,000-line trace (built by repeating the grammar test samples)
 * with vscode-textmate 9 + vscode-oniguruma, the engine VS Code uses, and compares with VS Code's
 * own Log grammar (text.log) on the same text when code-server is installed under
 * .vscode-test/server. Also times single 100 KB lines of many shapes, median of several runs with
 * CPU time (no line may take more than 50 ms: a catastrophic backtrack or a line of thousands of
 * tokens would show here), and the densest line just under the grammar's long-line threshold.
 *
 * Standalone: `npx tsc -p syntaxes && node out/scripts/bench/grammar.js [--lines N]`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { LONG_LINE_THRESHOLD } from '../../syntaxes/sip.grammar';

/** Walks up to the repository root (the folder with package.json and syntaxes/). */
function repoRoot(): string {
  let dir = __dirname;
  while (!(fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'syntaxes')))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('repository root not found');
    }
    dir = parent;
  }
  return dir;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOniguruma(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasmPath = require.resolve('vscode-oniguruma/release/onig.wasm');
    const wasm = fs.readFileSync(wasmPath);
    const bin = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigLib = oniguruma.loadWASM(bin).then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }));
  }
  return onigLib;
}

/** Loads a grammar JSON file with vscode-textmate (the same engine VS Code runs). */
export async function loadGrammarFile(file: string): Promise<vsctm.IGrammar> {
  const raw = fs.readFileSync(file, 'utf8');
  const parsed = vsctm.parseRawGrammar(raw, file);
  const registry = new vsctm.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: (scope) => Promise.resolve(scope === parsed.scopeName ? parsed : null),
  });
  const grammar = await registry.loadGrammar(parsed.scopeName);
  if (!grammar) {
    throw new Error(`could not load ${file}`);
  }
  return grammar;
}

/** The SIP grammar of this repository. */
export function loadSipGrammar(): Promise<vsctm.IGrammar> {
  return loadGrammarFile(path.join(repoRoot(), 'syntaxes', 'sip.tmLanguage.json'));
}

/** One token of a line: its text and scopes (outermost first). */
export interface LineToken {
  readonly text: string;
  readonly scopes: readonly string[];
}

/** Tokenizes a whole text line by line, carrying the rule stack like the editor does. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): LineToken[][] {
  let stack: vsctm.StateStack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** Samples of every supported format (the grammar snapshot cases), joined. */
export function sampleCorpus(): string {
  const dir = path.join(repoRoot(), 'test', 'grammar', 'snapshots');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sip'))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

/** Repeats the samples until the text has `lines` lines. */
export function buildTrace(lines: number): string {
  const unit = sampleCorpus().replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  while (out.length < lines) {
    out.push(...unit.slice(0, lines - out.length));
  }
  return out.join('\n');
}

function timeTokenize(grammar: vsctm.IGrammar, lines: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  let stack: vsctm.StateStack = vsctm.INITIAL;
  for (const line of lines) {
    stack = grammar.tokenizeLine(line, stack).ruleStack;
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Median of a list of numbers (the list is not empty). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Wall and CPU time of tokenizing one line, medians over the runs, and its token count. */
export interface LineTiming {
  readonly ms: number;
  readonly cpuMs: number;
  readonly tokens: number;
}

/**
 * Time to tokenize the last line of `sample` (the lines before it set up the rule stack): the
 * median of `runs` runs, wall clock and this process's CPU time (user + system), so a GC pause or
 * a busy neighbour on a shared machine does not count as the grammar's cost.
 */
export function timeLastLine(grammar: vsctm.IGrammar, sample: readonly string[], runs = 7): LineTiming {
  const wall: number[] = [];
  const cpu: number[] = [];
  let tokens = 0;
  for (let run = 0; run < runs; run++) {
    let stack: vsctm.StateStack = vsctm.INITIAL;
    for (const l of sample.slice(0, -1)) {
      stack = grammar.tokenizeLine(l, stack).ruleStack;
    }
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    tokens = grammar.tokenizeLine(sample[sample.length - 1] ?? '', stack).tokens.length;
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), tokens };
}

/** A string of exactly `size` characters made by repeating `unit`. */
function fillTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Deterministic printable-and-control junk, the way a binary payload shows in a text capture. */
function binaryJunk(size: number): string {
  let seed = 12345;
  let out = '';
  while (out.length < size) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const code = seed % 256;
    // No line breaks: the line is one line; everything else, NUL and high bytes included, stays.
    out += code === 10 || code === 13 ? '\u00b7' : String.fromCharCode(code);
  }
  return out;
}

/** Long single lines of the shapes most likely to make a regex backtrack or yield many tokens. */
export function longLines(size = 100_000): Record<string, string[]> {
  const fill = (unit: string): string => fillTo(unit, size);
  const ngrepPacket = 'U 2024/01/02 10:11:12.1 10.0.0.1:5060 -> 10.0.0.2:5060';
  return {
    'Via with 100 KB of params': ['INVITE sip:bob@biloxi.com SIP/2.0', `Via: SIP/2.0/UDP h.example.com${fill(';rport;received=10.0.0.1')}`],
    'header with thousands of ;param=value': ['SIP/2.0 200 OK', `X-Params: v${fill(';p1=abc;n=12;ip=10.1.2.3')}`],
    'Route set of 100 KB (URI list)': ['INVITE sip:bob@biloxi.com SIP/2.0', `Route: ${fill('<sip:p1.example.com:5060;lr>,')}<sip:x@y>`],
    'Call-ID of 100 KB': ['SIP/2.0 200 OK', `Call-ID: ${fill('a84b4c76e66710')}@pc33.atlanta.com`],
    'unclosed quote + angle': ['SIP/2.0 200 OK', `To: "${fill('Bob <sip:b ')}`],
    'colons and dots': ['SIP/2.0 200 OK', `X-Junk: ${fill('a:b::c.')}`],
    'IPv6 lookalike 100 KB': ['SIP/2.0 200 OK', `X-V6: ${fill('1:2:3:4:')}`],
    'Request-URI of 100 KB': [`INVITE sip:bob@biloxi.com${fill(';x=1')} SIP/2.0`],
    'start-line lookalike': [`INVITE ${fill('sip:')}`],
    'status phrase with spaces': [`SIP/2.0 200 ${fill('O K ')}x`],
    'SDP fmtp 100 KB': ['INVITE sip:b@h SIP/2.0', '', 'v=0', `a=fmtp:101 ${fill('0-16;')}`],
    'SDP m= line with thousands of payload types': ['INVITE sip:b@h SIP/2.0', '', 'v=0', `m=audio 49170 RTP/AVP ${fill('0 8 ')}`],
    'ngrep line 100 KB (no start line)': [ngrepPacket, `Contact: ${fill('<sip:a@b>;q=0.5,')}.`],
    'ngrep header 100 KB with trailing dot': [ngrepPacket, 'INVITE sip:b@h SIP/2.0.', `Contact: ${fill('<sip:a@b>;q=0.5,')}.`],
    'ngrep packet (framing) line 100 KB': [`${ngrepPacket} ${fill('AP ')}`],
    'dots only (ngrep/tcpdump garbage)': [fill('.')],
    'framing key line 100 KB (Kamailio)': [`srcip: ${fill('10.0.0.1 ')}`],
    'log line 100 KB': [`2024-01-02 10:11:12.123 [DEBUG] ${fill('sofia.c:1 x=1 ')}`],
    'binary junk 100 KB': [binaryJunk(size)],
    'binary junk inside a message': ['SIP/2.0 200 OK', binaryJunk(size)],
    'no spaces 100 KB (top level)': [fill('ab1;c=2,d:3@e.')],
    'no spaces 100 KB (in a header section)': ['SIP/2.0 200 OK', fill('ab1;c=2,d:3@e.')],
  };
}

/**
 * The same shapes just under the grammar's LONG_LINE_THRESHOLD, so still fully coloured: their
 * cost bounds that of every shorter line (a quadratic rule would show here, not at 100 KB).
 */
export function underThresholdLines(): Record<string, string[]> {
  const lines = longLines(LONG_LINE_THRESHOLD - 100);
  for (const [label, sample] of Object.entries(lines)) {
    if ((sample[sample.length - 1] ?? '').length >= LONG_LINE_THRESHOLD) {
      throw new Error(`"${label}" is not under the long-line threshold`);
    }
  }
  return lines;
}

export interface GrammarBenchResult {
  lines: number;
  sipMs: number;
  logMs?: number;
  ratio?: number;
  /** Median wall time of each 100 KB line shape. */
  longLineMs: Record<string, number>;
  worstLongLineMs: number;
  /** Median wall time of the slowest shape just under the long-line threshold. */
  underThresholdMs?: number;
}

/** Runs the benchmark and prints its numbers; returns them for the caller (bench.ts). */
export async function benchGrammar(lineCount = 100_000): Promise<GrammarBenchResult> {
  const root = repoRoot();
  const sip = await loadSipGrammar();
  const lines = buildTrace(lineCount).split('\n');
  // Warm up the regex caches of both grammars before timing.
  timeTokenize(sip, lines.slice(0, 2000));
  const sipMs = timeTokenize(sip, lines);
  const result: GrammarBenchResult = { lines: lines.length, sipMs, longLineMs: {}, worstLongLineMs: 0 };
  console.log(`grammar: tokenized ${lines.length} lines with source.sip in ${sipMs.toFixed(0)} ms`);

  const logPath: string = path.join(root, '.vscode-test', 'server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'log', 'syntaxes', 'log.tmLanguage.json');
  if (fs.existsSync(logPath)) {
    const log = await loadGrammarFile(logPath);
    timeTokenize(log, lines.slice(0, 2000));
    const logMs = timeTokenize(log, lines);
    result.logMs = logMs;
    result.ratio = sipMs / logMs;
    console.log(`grammar: same text with VS Code's Log grammar (text.log) in ${logMs.toFixed(0)} ms; ratio sip/log = ${result.ratio.toFixed(2)} (budget 3.00)`);
  } else {
    console.log(`grammar: Log grammar comparison skipped (${path.relative(root, logPath)} not present; install code-server into .vscode-test/server)`);
  }

  const log = fs.existsSync(logPath) ? await loadGrammarFile(logPath) : undefined;
  for (const [label, sample] of Object.entries(longLines())) {
    const { ms, cpuMs, tokens } = timeLastLine(sip, sample);
    result.longLineMs[label] = ms;
    result.worstLongLineMs = Math.max(result.worstLongLineMs, ms);
    const reference = log ? `; Log grammar ${timeLastLine(log, sample, 3).ms.toFixed(1)} ms` : '';
    console.log(`grammar: 100 KB line "${label}": median ${ms.toFixed(1)} ms (CPU ${cpuMs.toFixed(1)} ms), ${tokens} tokens${reference}`);
  }
  let worstUnder = { label: '', ms: 0, cpuMs: 0 };
  for (const [label, sample] of Object.entries(underThresholdLines())) {
    const { ms, cpuMs } = timeLastLine(sip, sample);
    if (ms > worstUnder.ms) {
      worstUnder = { label, ms, cpuMs };
    }
  }
  result.underThresholdMs = worstUnder.ms;
  console.log(
    `grammar: worst fully coloured line (same shapes, just under the ${LONG_LINE_THRESHOLD}-character long-line threshold): ` +
      `"${worstUnder.label}" median ${worstUnder.ms.toFixed(1)} ms (CPU ${worstUnder.cpuMs.toFixed(1)} ms)`,
  );
  console.log(`grammar: worst 100 KB line ${result.worstLongLineMs.toFixed(1)} ms median (budget 50 ms)`);
  return result;
}

if (require.main === module) {
  const i = process.argv.indexOf('--lines');
  const count = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  benchGrammar(count).then(
    (r) => {
      const failed = (r.ratio !== undefined && r.ratio > 3) || r.worstLongLineMs > 50;
      process.exit(failed ? 1 : 0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
