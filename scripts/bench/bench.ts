/**
 * `npm run bench [-- TRACE] [--runs N] [--warmup N] [--no-memory] [--profile|--no-profile]
 *   [--corpus DIR] [--calls N] [--target-mb N]`
 *
 * Measures, in one run and on the same bytes: the floor (read + split into lines), our reader +
 * parser, the `sip` and `sip.js` parsers on the same messages, the lint engine and the floor of
 * any lint (lint-floor.ts), peak memory on a 100 MB trace, and the server and grammar benches
 * when they are built. Prints a table and the goal ratios, and writes everything to
 * .bench/results.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { iterateTrace, readTrace } from '../../src/core/framing';
import type { Trace } from '../../src/core/model';
import { parseMessage } from '../../src/core/parser';
import { parseTrace } from '../../src/core/trace';
import { loadSip, loadSipJs } from './competitors';
import type { Competitor } from './competitors';
import { resolveInputs } from './inputs';
import type { BenchInputs } from './inputs';
import { lintFloor } from './lint-floor';
import { buildLargeFile, measureMemory } from './memory';
import type { MemoryRow } from './memory';
import { profileOurs } from './profile';
import type { HotSpot, ProfileSummary } from './profile';
import { formatRows, makeRow, ratio, verdict, verdictWallCpu } from './report';
import type { BenchRow } from './report';
import { timeIt, timeItPrepared } from './timing';
import type { TimingOptions } from './timing';

interface Args {
  tracePath?: string;
  runs: number;
  warmup: number;
  memory: boolean;
  profile: 'auto' | 'always' | 'never';
  corpusDir?: string;
  calls: number;
  targetMb: number;
}

const usage = `npm run bench -- [TRACE] [options]
  TRACE          trace file to measure (default: .bench/ngrep-udp.txt, made by scripts/gen-traces.sh
                 when SIPp, tshark and ngrep are installed, else a synthetic trace)
  --runs N       measured runs per row, the median is reported (default 5)
  --warmup N     unmeasured runs first (default 2)
  --no-memory    skip the 100 MB peak-memory children
  --profile      always CPU-profile reader + parser (default: only when a speed goal is missed)
  --no-profile   never profile
  --corpus DIR   folder of one-message files for the synthetic fallback
                 (default ../shared/corpus/messages/from_pcap)
  --calls N      calls for gen-traces.sh (default 20000); --target-mb N: minimum trace size (default 40)
`;

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { runs: 5, warmup: 2, memory: true, profile: 'auto', calls: 20000, targetMb: 40 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${a} needs a value`);
      }
      return v;
    };
    if (a === '--runs') {
      args.runs = Math.max(1, Number(value()));
    } else if (a === '--warmup') {
      args.warmup = Math.max(0, Number(value()));
    } else if (a === '--no-memory') {
      args.memory = false;
    } else if (a === '--profile') {
      args.profile = 'always';
    } else if (a === '--no-profile') {
      args.profile = 'never';
    } else if (a === '--corpus') {
      args.corpusDir = value();
    } else if (a === '--calls') {
      args.calls = Number(value());
    } else if (a === '--target-mb') {
      args.targetMb = Number(value());
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(usage);
      process.exit(0);
    } else if (a.startsWith('--')) {
      throw new Error(`unknown option ${a}`);
    } else {
      args.tracePath = path.resolve(a);
    }
  }
  return args;
}

/** The repository root: the nearest folder upwards whose package.json is this project's. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'sip-trace') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error('cannot find the sip-trace repository root');
    }
  }
}

/** Requires a compiled sibling module, or says why it is not there. */
function tryRequire<T>(modulePath: string): T | string {
  try {
    require.resolve(modulePath);
  } catch {
    return 'skipped: not built';
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module may not be built yet
    return require(modulePath) as T;
  } catch (e) {
    return `skipped: failed to load: ${String(e).split('\n')[0]}`;
  }
}

const log = (line = ''): void => {
  process.stdout.write(line + '\n');
};

// ---- the work each timed region does ----

function floorSplit(file: string): number {
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).length;
}

function floorIndexOf(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  let lines = 0;
  let lengths = 0;
  for (let start = 0; start <= text.length; lines++) {
    let end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length;
    }
    // Touch the line the way a consumer would (its length without a CR) so it is not free.
    lengths += end > start && text.charCodeAt(end - 1) === 13 ? end - start - 1 : end - start;
    start = end + 1;
  }
  return lines + lengths;
}

/** Reader + parser over text in memory, streaming: each segment and its parse are dropped at once. */
function readAndParse(text: string): number {
  let headers = 0;
  for (const segment of iterateTrace(text)) {
    headers += parseMessage(segment.content).headers.length;
  }
  return headers;
}

/** The reader alone, streaming. */
function readOnlySegments(text: string): number {
  let count = 0;
  for (const segment of iterateTrace(text)) {
    count += segment.content.length > 0 ? 1 : 0;
  }
  return count;
}

function parseEach(messages: readonly string[], parse: (m: string) => unknown): number {
  let ok = 0;
  for (const m of messages) {
    if (parse(m)) {
      ok++;
    }
  }
  return ok;
}

/** The messages as wire strings: our reader's segments with line ends restored to CRLF. */
function extractMessages(text: string): string[] {
  return readTrace(text).segments.map((s) => s.content.replace(/\r?\n/g, '\r\n'));
}

/** Messages from a file of hex-encoded payloads (one per line), `repeat` times over; latin1 keeps bytes = chars. */
function loadPayloads(file: string, repeat: number): string[] {
  const once = fs
    .readFileSync(file, 'latin1')
    .split('\n')
    .map((line) => line.replace(/[^0-9a-fA-F]/g, ''))
    .filter((hex) => hex.length > 0)
    .map((hex) => Buffer.from(hex, 'hex').toString('latin1'));
  const all: string[] = [];
  for (let i = 0; i < Math.max(1, repeat); i++) {
    all.push(...once);
  }
  return all;
}

const sum = (xs: readonly string[]): number => xs.reduce((n, s) => n + s.length, 0);

/** A competitor whose full pass would take longer than this gets a prefix of the messages... */
const competitorFullPassLimitMs = 60_000;
/** ...sized so that one pass takes about this long. */
const competitorSampleMs = 4000;

/**
 * The messages a competitor parses: all of them, or the first N when a pass over all would take
 * more than a minute (sip.js decodes its PEG bytecode on every call and manages a few hundred
 * messages a second). A prefix of a call-by-call capture has the same mix of message kinds.
 */
function competitorSample(messages: readonly string[], parse: (m: string) => unknown): readonly string[] {
  const probe = messages.slice(0, Math.min(messages.length, 300));
  parseEach(probe, parse);
  const start = process.hrtime.bigint();
  parseEach(probe, parse);
  const perMessageMs = Number(process.hrtime.bigint() - start) / 1e6 / Math.max(1, probe.length);
  if (perMessageMs * messages.length <= competitorFullPassLimitMs) {
    return messages;
  }
  return messages.slice(0, Math.max(probe.length, Math.floor(competitorSampleMs / Math.max(perMessageMs, 1e-6))));
}

const progress = (what: string): void => {
  process.stderr.write(`bench: ${what}...\n`);
};

// ---- sections ----

interface ParseSection {
  rows: BenchRow[];
  ours: BenchRow;
  oursInMemory: BenchRow;
  /** parseTrace in memory: the Trace the linter is given. */
  oursTrace: BenchRow;
  oursParserOnly: BenchRow;
  floor: BenchRow;
  best?: BenchRow;
  messages: number;
}

async function benchParsing(inputs: BenchInputs, timing: TimingOptions): Promise<ParseSection> {
  const input = inputs.primary;
  const expected = inputs.meta?.messages;
  const file = input.path;
  const bytes = fs.statSync(file).size;
  const text = fs.readFileSync(file, 'utf8');
  // Outside every timed region: the messages handed to all three parsers, and a full parse to
  // count what our parser accepted.
  progress(`reading ${input.label} once (message extraction, full parse for counts)`);
  const messages =
    inputs.payloadsHex !== undefined ? loadPayloads(inputs.payloadsHex, inputs.repeat ?? 1) : extractMessages(text);
  const messagesFrom =
    inputs.payloadsHex !== undefined
      ? `the wire payloads in ${path.basename(inputs.payloadsHex)} (cut by ${inputs.meta ? 'tshark' : 'the generator'}, not by our reader)`
      : 'our reader\'s segments of the input, line ends restored to CRLF';
  const messageChars = sum(messages);
  // Counted streaming: a whole parsed Trace kept alive here would slow every GC in the timed runs.
  let n = 0;
  let oursValid = 0;
  let withErrors = 0;
  for (const segment of iterateTrace(text)) {
    const parsed = parseMessage(segment.content);
    n++;
    oursValid += parsed.startLine.kind !== 'invalid' ? 1 : 0;
    withErrors += parsed.problems.some((p) => p.severity === 'error') ? 1 : 0;
  }
  log(`input: ${input.label}: ${file}`);
  log(`  ${(bytes / 1e6).toFixed(1)} MB, ${n.toLocaleString('en-US')} messages found by our reader` +
    (expected !== undefined ? ` (capture says ${expected.toLocaleString('en-US')})` : '') +
    `, ${oursValid} with a valid start line, ${withErrors} with parse errors`);
  log(`  messages given to the three parsers: ${messages.length.toLocaleString('en-US')} ` +
    `(${(messageChars / 1e6).toFixed(1)} M chars) = ${messagesFrom}`);

  const rows: BenchRow[] = [];
  const t = (work: () => unknown): { medianMs: number; runsMs: number[]; cpuMs: number; afterGcMs: number } => {
    const r = timeIt(work, timing);
    return { medianMs: r.medianMs, runsMs: [...r.runsMs], cpuMs: r.cpuMs, afterGcMs: r.afterGcMs };
  };
  progress('timing the floor and our reader + parser');
  const readOnly = makeRow('read', 'read file', 'readFileSync(file, utf8)', t(() => fs.readFileSync(file, 'utf8').length), bytes, n);
  const split = makeRow('floor-split', 'floor: read + split(/\\r?\\n/)', 'readFileSync(utf8) + text.split(/\\r?\\n/)', t(() => floorSplit(file)), bytes, n);
  const indexOf = makeRow('floor-indexof', 'floor: read + indexOf loop', "readFileSync(utf8) + indexOf('\\n') loop over every line", t(() => floorIndexOf(file)), bytes, n);
  const floor = split.medianMs <= indexOf.medianMs ? split : indexOf;
  const ours = makeRow(
    'ours',
    'ours: read + iterateTrace + parseMessage',
    'readFileSync(utf8) + for (segment of iterateTrace(text)) parseMessage(segment.content); segments and parses dropped',
    t(() => readAndParse(fs.readFileSync(file, 'utf8'))),
    bytes,
    n,
  );
  const oursInMemory = makeRow(
    'ours-mem',
    'ours: iterateTrace + parseMessage (in memory)',
    'iterateTrace(text) + parseMessage per segment, dropped; text already in memory',
    t(() => readAndParse(text)),
    bytes,
    n,
  );
  const oursTrace = makeRow(
    'ours-trace',
    'ours: parseTrace (in memory)',
    'parseTrace(text): the Trace that `sip-trace lint` and the language server lint, all messages kept; text already in memory',
    t(() => parseTrace(text).messages.length),
    bytes,
    n,
  );
  const readerOnly = makeRow('reader', 'ours: iterateTrace only', 'iterateTrace(text), segments dropped; text in memory', t(() => readOnlySegments(text)), bytes, n);
  const readerCollect = makeRow('reader-collect', 'ours: readTrace only (collects)', 'readTrace(text): all segments kept in an array; text in memory', t(() => readTrace(text).segments.length), bytes, n);
  const parserOnly = makeRow(
    'parser',
    'ours: parseMessage per message',
    'parseMessage(message) for every extracted message string',
    t(() => parseEach(messages, (m) => parseMessage(m).startLine.kind !== 'invalid')),
    messageChars,
    messages.length,
    `${parseEach(messages, (m) => parseMessage(m).startLine.kind !== 'invalid')}/${messages.length} with a valid start line`,
  );
  rows.push(readOnly, split, indexOf, ours, oursInMemory, oursTrace, readerOnly, readerCollect, parserOnly);

  let best: BenchRow | undefined;
  const competitors: Array<Competitor | string> = [loadSip(), await loadSipJs()];
  for (const c of competitors) {
    if (typeof c === 'string') {
      log(`  ${c}`);
      continue;
    }
    progress(`timing ${c.name}`);
    const sample = competitorSample(messages, c.parse);
    const sampled = sample.length < messages.length;
    const accepted = parseEach(sample, c.parse);
    const row = makeRow(
      c.name,
      `${c.name} ${c.version}: parse per message`,
      `${c.call} for every extracted message string` +
        (sampled ? ` (the first ${sample.length} of the ${messages.length} messages: a full pass would take minutes)` : ''),
      t(() => parseEach(sample, c.parse)),
      sum(sample),
      sample.length,
      `${accepted}/${sample.length} accepted${sampled ? ` (first ${sample.length} messages)` : ''}`,
    );
    rows.push(row);
    if (!best || row.medianMs < best.medianMs) {
      best = row;
    }
  }
  return { rows, ours, oursInMemory, oursTrace, oursParserOnly: parserOnly, floor, best, messages: n };
}

type LintModule = { lintTrace: (trace: Trace) => unknown[] };

/**
 * A row for `work` timed on a fresh parse of `file` each run, made untimed just before it: the
 * lint caches its results on each parse (that is what makes re-linting after an edit cheap), so
 * working on one Trace again would time cache hits, and a fresh parse's objects are as far from
 * the CPU cache as a newly opened file's. `work` returns the count the row's note gives.
 */
function rowOnFreshTrace(file: string, timing: TimingOptions, id: string, label: string, region: string, work: (trace: Trace) => number, unit: string): BenchRow {
  const text = fs.readFileSync(file, 'utf8');
  let messages = 0;
  let count = 0;
  const r = timeItPrepared(
    () => parseTrace(text),
    (trace) => {
      messages = trace.messages.length;
      count = work(trace);
      return count;
    },
    timing,
  );
  return makeRow(id, label, region, r, fs.statSync(file).size, messages, `${count} ${unit}`);
}

function benchLint(file: string, timing: TimingOptions): BenchRow | string {
  const lint = tryRequire<LintModule>('../../src/core/lint');
  if (typeof lint === 'string') {
    return `lint ${lint}`;
  }
  if (typeof lint.lintTrace !== 'function') {
    return 'lint skipped: src/core/lint has no lintTrace';
  }
  progress('timing lint');
  // This row is the first lint a newly opened file costs.
  return rowOnFreshTrace(
    file,
    timing,
    'lint',
    'lint: lintTrace(trace), first lint of a fresh parse',
    'lintTrace(trace) with default options on a trace parsed (untimed) just before each run',
    (trace) => lint.lintTrace(trace).length,
    'diagnostics',
  );
}

/** The floor of any lint (`lint-floor.ts`), timed like the lint row. */
function benchLintFloor(file: string, timing: TimingOptions): BenchRow {
  progress('timing the lint floor');
  return rowOnFreshTrace(
    file,
    timing,
    'lint-floor',
    'lint floor: the steps any lint must take',
    'per message: header presence, top Via branch, transaction map, one control/non-ASCII regex scan; no check made (lint-floor.ts)',
    (trace) => lintFloor(trace).transactions,
    'transactions',
  );
}

async function benchOptional(name: string, modulePath: string, exportName: string): Promise<unknown> {
  const mod = tryRequire<Record<string, unknown>>(modulePath);
  if (typeof mod === 'string') {
    return mod;
  }
  const fn = mod[exportName];
  if (typeof fn !== 'function') {
    return `skipped: ${name} module has no ${exportName}()`;
  }
  try {
    return (await (fn as () => Promise<unknown>)()) ?? 'ran (no result returned)';
  } catch (e) {
    return `failed: ${String(e)}`;
  }
}

function printOptional(title: string, result: unknown): void {
  log(`${title}:`);
  if (typeof result === 'string') {
    log(`  ${result}`);
    return;
  }
  const rows: unknown[] = Array.isArray(result) ? result : [result];
  for (const r of rows) {
    if (r !== null && typeof r === 'object') {
      log(
        '  ' +
          Object.entries(r as Record<string, unknown>)
            .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toFixed(3)) : JSON.stringify(v)}`)
            .join('  '),
      );
    } else {
      log(`  ${String(r)}`);
    }
  }
}

function formatMemory(rows: ReadonlyArray<MemoryRow | string>): string {
  return rows
    .map((r) =>
      typeof r === 'string'
        ? `  ${r}`
        : `  ${r.mode.padEnd(7)} peak RSS ${(r.peakRssBytes / 1e6).toFixed(0)} MB = ${r.peakToFile.toFixed(2)}x file ` +
          `(idle node ${(r.baselineRssBytes / 1e6).toFixed(0)} MB; net ${r.netToFile.toFixed(2)}x), ${r.messages} messages`,
    )
    .join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = findRoot(__dirname);
  const benchDir = path.join(root, '.bench');
  fs.mkdirSync(benchDir, { recursive: true });
  const inputs: BenchInputs = resolveInputs({
    root,
    benchDir,
    corpusDir: args.corpusDir ?? path.join(root, '..', 'shared', 'corpus', 'messages', 'from_pcap'),
    calls: args.calls,
    targetMb: args.targetMb,
    ...(args.tracePath !== undefined ? { tracePath: args.tracePath } : {}),
  });
  const timing: TimingOptions = { warmup: args.warmup, runs: args.runs };
  const gcNote = (globalThis as { gc?: unknown }).gc ? 'GC forced before each run' : 'no --expose-gc: GC not forced';
  log(`SIP Trace Analyzer bench — node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`);
  log(`traces: ${inputs.provenance}`);
  log(`timing: ${timing.warmup} warm-up runs, median of ${timing.runs}; ${gcNote}; MB = 10^6 bytes`);
  log();

  const main = await benchParsing(inputs, timing);
  const lint = benchLint(inputs.primary.path, timing);
  const floorOfLint = benchLintFloor(inputs.primary.path, timing);
  const rows = [...main.rows];
  if (typeof lint !== 'string') {
    rows.push(lint);
  }
  rows.push(floorOfLint);

  const otherRows: BenchRow[] = [];
  for (const other of inputs.others) {
    progress(`timing ours on ${other.label}`);
    const size = fs.statSync(other.path).size;
    const text = fs.readFileSync(other.path, 'utf8');
    const count = readOnlySegments(text);
    const r = timeIt(() => readAndParse(fs.readFileSync(other.path, 'utf8')), timing);
    otherRows.push(
      makeRow(`ours:${other.label}`, `ours on ${other.label}`, 'readFileSync(utf8) + iterateTrace + parseMessage per segment', r, size, count),
    );
  }
  log();
  log(formatRows(rows));
  if (otherRows.length > 0) {
    log();
    log('same traffic, other framings (read + iterateTrace + parseMessage):');
    log(formatRows(otherRows).split('\ntimed regions:')[0]);
  }

  // Goal ratios. Throughput compares messages/s: our rows and theirs parse the same messages.
  const vsBestParser = main.best ? main.oursParserOnly.messagesPerS / main.best.messagesPerS : Number.NaN;
  const vsBestEndToEnd = main.best ? main.ours.messagesPerS / main.best.messagesPerS : Number.NaN;
  const floorShare = main.floor.medianMs / main.ours.medianMs;
  const floorShareMem = main.floor.medianMs / main.oursInMemory.medianMs;
  const lintPct = typeof lint === 'string' ? Number.NaN : (100 * lint.medianMs) / main.oursInMemory.medianMs;
  const lintCpuPct = typeof lint === 'string' ? Number.NaN : (100 * lint.cpuMs) / main.oursInMemory.cpuMs;
  const lintFloorPct = (100 * floorOfLint.medianMs) / main.oursInMemory.medianMs;
  const lintFloorCpuPct = (100 * floorOfLint.cpuMs) / main.oursInMemory.cpuMs;
  const cpuVsBest = main.best ? (main.oursParserOnly.messages / main.oursParserOnly.cpuMs) / (main.best.messages / main.best.cpuMs) : Number.NaN;
  const cpuFloorShare = main.floor.cpuMs / main.ours.cpuMs;
  log();
  log('ratios (wall time; CPU time in brackets, which other load on the machine disturbs less):');
  log(`  ours parseMessage vs faster of sip/sip.js (${main.best?.name ?? 'none'}), messages/s: ${ratio(vsBestParser)} [cpu ${ratio(cpuVsBest)}]  goal >= 5x: ${verdictWallCpu(vsBestParser >= 5, cpuVsBest >= 5)}`);
  log(`  ours read+iterateTrace+parseMessage (from the file) vs the same competitor parsing pre-cut strings: ${ratio(vsBestEndToEnd)}  goal >= 5x: ${verdict(vsBestEndToEnd >= 5)}`);
  log(`  floor time / ours time (both read the file): ${floorShare.toFixed(3)} (ours is ${(1 / floorShare).toFixed(2)}x the floor) [cpu ${cpuFloorShare.toFixed(3)}]  goal >= 0.25: ${verdictWallCpu(floorShare >= 0.25, cpuFloorShare >= 0.25)}`);
  log(`  floor time / ours in-memory time: ${floorShareMem.toFixed(3)} (${(1 / floorShareMem).toFixed(2)}x)`);
  if (typeof lint === 'string') {
    log(`  ${lint}`);
  } else {
    log(`  lint time as % of iterateTrace+parseMessage time (in memory): ${lintPct.toFixed(1)}% [cpu ${lintCpuPct.toFixed(1)}%]  goal <= 50%: ${verdictWallCpu(lintPct <= 50, lintCpuPct <= 50)}`);
    // The same lint against the other parse rows, for the reader who takes "the parse time" to
    // be the file's (read + parse) or the Trace the lint is given (parseTrace).
    log(`  lint time as % of read+iterateTrace+parseMessage time (from the file): ${((100 * lint.medianMs) / main.ours.medianMs).toFixed(1)}%` +
      `; as % of parseTrace (in memory): ${((100 * lint.medianMs) / main.oursTrace.medianMs).toFixed(1)}%`);
  }
  // What no lint can go below, on the goal's denominator: whatever it leaves of the 50% is all
  // the rules themselves could have.
  log(`  lint floor (lint-floor.ts: no check made) as % of iterateTrace+parseMessage time (in memory): ${lintFloorPct.toFixed(1)}% [cpu ${lintFloorCpuPct.toFixed(1)}%]` +
    `; left of the 50% for every check and diagnostic: ${(50 - lintFloorPct).toFixed(1)} points`);
  // The same ratios from the runs made right after each forced collection (timing.ts explains
  // why they are not the rows' times), so both ways of measuring stay visible.
  const afterGc = (row: BenchRow | undefined): number => row?.afterGcMs ?? Number.NaN;
  log('  the same from the first run after each forced GC (see scripts/bench/timing.ts):');
  const bestAfterGcRate = main.best ? main.best.messages / afterGc(main.best) : Number.NaN;
  log(`    parseMessage vs ${main.best?.name ?? 'none'}: ${ratio(main.oursParserOnly.messages / afterGc(main.oursParserOnly) / bestAfterGcRate)}` +
    `; ours is ${(afterGc(main.ours) / afterGc(main.floor)).toFixed(2)}x the floor` +
    (typeof lint === 'string' ? '' : `; lint ${((100 * afterGc(lint)) / afterGc(main.oursInMemory)).toFixed(1)}% of the in-memory parse`));

  let memory: Array<MemoryRow | string> = [];
  let memoryFile: string | undefined;
  if (args.memory) {
    const ext = path.extname(inputs.primary.path) || '.txt';
    memoryFile = path.join(benchDir, `large-100mb${ext}`);
    const size = buildLargeFile(inputs.primary.path, memoryFile, 100 * 1000 * 1000);
    progress('measuring peak memory on 100 MB (three child processes)');
    memory = (['read', 'reader', 'stream', 'retain'] as const).map((mode) => measureMemory(memoryFile as string, mode));
    log();
    log(`peak memory (VmHWM), ${(size / 1e6).toFixed(0)} MB trace (${path.basename(memoryFile)} = the input repeated to >= 100 MB), fresh node process per mode:`);
    log('  read = readFileSync(utf8) only; reader = read + readTrace, segments kept; stream = read + iterateTrace + parseMessage per segment, all dropped; retain = parseTrace, whole Trace kept');
    log(formatMemory(memory));
    const stream = memory.find((m): m is MemoryRow => typeof m !== 'string' && m.mode === 'stream');
    if (stream) {
      log(`  streaming peak / file size: ${stream.peakToFile.toFixed(2)}x  goal < 4x: ${verdict(stream.peakToFile < 4)}`);
    }
  }

  log();
  progress('server bench');
  const server = await benchOptional('server', './server', 'benchServer');
  printOptional('server (scripts/bench/server.ts benchServer)', server);
  progress('grammar bench');
  const grammar = await benchOptional('grammar', './grammar', 'benchGrammar');
  printOptional('grammar (scripts/bench/grammar.ts benchGrammar)', grammar);

  let hotSpots: ProfileSummary | string | undefined;
  const missed = !(vsBestParser >= 5) || !(floorShare >= 0.25);
  if (args.profile === 'always' || (args.profile === 'auto' && missed)) {
    progress('profiling iterateTrace + parseMessage');
    hotSpots = profileOurs(inputs.primary.path, path.join(benchDir, 'prof'), root);
    log();
    log(`CPU profile of iterateTrace + parseMessage (${args.profile === 'always' ? 'asked for' : 'a goal was missed'}; node --cpu-prof, .bench/prof):`);
    if (typeof hotSpots === 'string') {
      log(`  ${hotSpots}`);
    } else {
      const show = (title: string, spots: readonly HotSpot[], count: number): void => {
        log(`  ${title}`);
        log('     self%  total%  function (location)');
        for (const h of spots.slice(0, count)) {
          log(`    ${h.selfPct.toFixed(1).padStart(6)}  ${h.totalPct.toFixed(1).padStart(6)}  ${h.name} (${h.where})`);
        }
      };
      const total = (name: string): number => hotSpots !== undefined && typeof hotSpots !== 'string'
        ? (hotSpots.overall.find((h) => h.name === name)?.totalPct ?? 0)
        : 0;
      log(`  of all sampled time: iterateTrace ${total('iterateTrace').toFixed(1)}%, parseMessage ${total('parseMessage').toFixed(1)}%, garbage collection ${hotSpots.gcPct.toFixed(1)}% (GC is not attributed to a caller)`);
      show('overall:', hotSpots.overall, 15);
      show('inside iterateTrace (% of the samples under iterateTrace):', hotSpots.reader, 15);
      show('inside parseMessage (% of the samples under parseMessage):', hotSpots.parser, 15);
    }
  }

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().map((c) => c.model),
    traces: { provenance: inputs.provenance, primary: inputs.primary, others: inputs.others, meta: inputs.meta ?? null },
    timing,
    rows,
    otherFramings: otherRows,
    ratios: {
      oursParserVsBestCompetitor: vsBestParser,
      oursEndToEndVsBestCompetitor: vsBestEndToEnd,
      bestCompetitor: main.best?.name ?? null,
      floorOverOurs: floorShare,
      floorOverOursInMemory: floorShareMem,
      lintPercentOfParse: lintPct,
      cpuLintPercentOfParse: lintCpuPct,
      lintPercentOfReadAndParse: typeof lint === 'string' ? Number.NaN : (100 * lint.medianMs) / main.ours.medianMs,
      lintPercentOfParseTrace: typeof lint === 'string' ? Number.NaN : (100 * lint.medianMs) / main.oursTrace.medianMs,
      lintFloorPercentOfParse: lintFloorPct,
      cpuLintFloorPercentOfParse: lintFloorCpuPct,
      cpuOursParserVsBestCompetitor: cpuVsBest,
      cpuFloorOverOurs: cpuFloorShare,
    },
    goals: {
      // Met only when wall and CPU time agree (see verdictWallCpu).
      vsCompetitor5x: vsBestParser >= 5 && cpuVsBest >= 5,
      withinFloor4x: floorShare >= 0.25 && cpuFloorShare >= 0.25,
      lintAtMost50Pct: lintPct <= 50 && lintCpuPct <= 50,
      memoryUnder4x: memory.some((m) => typeof m !== 'string' && m.mode === 'stream' && m.peakToFile < 4),
    },
    memory: { file: memoryFile ?? null, rows: memory },
    server,
    grammar,
    hotSpots: hotSpots ?? null,
  };
  const out = path.join(benchDir, 'results.json');
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  log();
  log(`results written to ${path.relative(process.cwd(), out) || out}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
