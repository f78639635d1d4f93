/**
 * Lint cost relative to parse cost, the figure of the issue "lint adds at most 50% to the parse
 * time". Measured on a fresh trace each run, as a user opening a file sees it:
 *
 * - parse: `readTrace` + `parseMessage` for every segment;
 * - lint: `lintTrace` on that fresh trace (its first lint: no message's findings are cached);
 * - materialise: parse, then read `name`, `value` and `values` of every header (what a consumer
 *   that needs everything pays; shows how much of the parse is deferred by lazy headers).
 *
 * Default input: a synthetic ngrep trace of realistic dialogs (INVITE/100/180/200/ACK/BYE/200
 * with SDP, REGISTER/401/REGISTER/200, OPTIONS/200), about 50k messages.
 *
 * Run alone: `npx tsc -p . && node --expose-gc out/scripts/bench/lint-ratio.js [FILE] [--runs N]`.
 * `benchLintRatio()` is the same measurement for the main bench.
 */
import * as fs from 'fs';
import { lintTrace } from '../../src/core/lint';
import type { Trace } from '../../src/core/model';
import { parseTrace } from '../../src/core/trace';
import { builtInDialog, renderNgrep } from './synth';
import type { WireMessage } from './synth';
import { collectGarbage, keep, median } from './timing';

export interface LintRatioResult {
  readonly input: string;
  readonly bytes: number;
  readonly messages: number;
  readonly diagnostics: number;
  /** Medians over the runs, in milliseconds. */
  readonly parseMs: number;
  readonly lintMs: number;
  readonly materialiseMs: number;
  /** lintMs / parseMs (the goal is at most 0.5). */
  readonly ratio: number;
  /**
   * The same, in CPU time of this process (user + system, GC threads included): steadier than
   * wall time when other processes compete for the cores.
   */
  readonly parseCpuMs: number;
  readonly lintCpuMs: number;
  readonly cpuRatio: number;
  readonly runs: number;
}

const UA = '10.20.30.40:5060';
const REGISTRAR = '10.20.30.60:5060';

function sipMessage(startLine: string, headers: readonly string[]): string {
  return [startLine, ...headers, 'Content-Length: 0'].join('\r\n') + '\r\n\r\n';
}

/** REGISTER / 401 / REGISTER with credentials / 200, as a digest-authenticated registration runs. */
function registration(n: number): WireMessage[] {
  const callId = `reg-${(n * 40503) >>> 0}-${n}@10.20.30.40`;
  const user = `user${n % 500}`;
  const from = `From: <sip:${user}@example.com>;tag=rf${n.toString(36)}`;
  const to = `To: <sip:${user}@example.com>`;
  const common = (cseq: number, branch: string): string[] => [
    `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=z9hG4bK-r${n}-${branch};rport`,
    'Max-Forwards: 70',
    from,
    to,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} REGISTER`,
  ];
  const contact = `Contact: <sip:${user}@10.20.30.40:5060;transport=udp>;expires=3600`;
  const answered = (cseq: number, branch: string): string[] => [
    `Via: SIP/2.0/UDP 10.20.30.40:5060;branch=z9hG4bK-r${n}-${branch};rport=5060;received=10.20.30.40`,
    from,
    `${to};tag=rt${n.toString(36)}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq} REGISTER`,
  ];
  const nonce = `${(n * 2246822519) >>> 0}a7f3`;
  return [
    { src: UA, dst: REGISTRAR, text: sipMessage('REGISTER sip:example.com SIP/2.0', [...common(1, '1'), contact, 'User-Agent: bench-ua/1.0']) },
    {
      src: REGISTRAR,
      dst: UA,
      text: sipMessage('SIP/2.0 401 Unauthorized', [
        ...answered(1, '1'),
        `WWW-Authenticate: Digest realm="example.com", nonce="${nonce}", algorithm=MD5, qop="auth"`,
      ]),
    },
    {
      src: UA,
      dst: REGISTRAR,
      text: sipMessage('REGISTER sip:example.com SIP/2.0', [
        ...common(2, '2'),
        contact,
        `Authorization: Digest username="${user}", realm="example.com", nonce="${nonce}", uri="sip:example.com", response="0123456789abcdef0123456789abcdef", algorithm=MD5, qop=auth, nc=00000001, cnonce="c${n}"`,
        'User-Agent: bench-ua/1.0',
      ]),
    },
    {
      src: REGISTRAR,
      dst: UA,
      text: sipMessage('SIP/2.0 200 OK', [...answered(2, '2'), contact, 'Date: Sat, 21 Nov 2026 05:30:00 GMT']),
    },
  ];
}

/** An OPTIONS keep-alive and its 200. */
function keepAlive(n: number): WireMessage[] {
  const callId = `opt-${(n * 69069) >>> 0}-${n}@10.20.30.60`;
  const via = `Via: SIP/2.0/UDP 10.20.30.60:5060;branch=z9hG4bK-o${n}`;
  const from = `From: <sip:ping@10.20.30.60>;tag=of${n.toString(36)}`;
  const to = 'To: <sip:10.20.30.40:5060>';
  return [
    {
      src: REGISTRAR,
      dst: UA,
      text: sipMessage('OPTIONS sip:10.20.30.40:5060 SIP/2.0', [via, 'Max-Forwards: 70', from, to, `Call-ID: ${callId}`, 'CSeq: 1 OPTIONS']),
    },
    {
      src: UA,
      dst: REGISTRAR,
      text: sipMessage('SIP/2.0 200 OK', [
        `${via};received=10.20.30.60`,
        from,
        `${to};tag=ot${n.toString(36)}`,
        `Call-ID: ${callId}`,
        'CSeq: 1 OPTIONS',
        'Allow: INVITE, ACK, CANCEL, BYE, OPTIONS',
        'Accept: application/sdp',
        'Accept-Encoding: identity',
        'Accept-Language: en',
        'Supported: replaces, timer',
      ]),
    },
  ];
}

/** An ngrep trace of about `targetMessages` messages: calls, registrations and keep-alives interleaved. */
export function syntheticLintTrace(targetMessages = 50000): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < targetMessages; i++) {
    const batch = [...builtInDialog(i), ...(i % 2 === 0 ? registration(i) : keepAlive(i))];
    for (const m of batch) {
      parts.push(renderNgrep(m, n++));
    }
  }
  return parts.join('');
}

/** readTrace + parseMessage per segment (what `parseTrace` does). */
function parseFresh(text: string): Trace {
  return parseTrace(text);
}

function materialise(trace: Trace): number {
  let count = 0;
  for (const m of trace.messages) {
    for (const h of m.parsed.headers) {
      count += h.name.text.length + h.value.text.length + h.values.length;
    }
  }
  return count;
}

function elapsed(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Times parse, first lint and parse + materialise of `text` (`runs` times each after one
 * warm-up; a fresh parse for every lint run). Runs a full GC between timings when node has
 * --expose-gc.
 */
export function benchLintRatio(text: string = syntheticLintTrace(), input = 'synthetic', runs = 5): LintRatioResult {
  const parseRuns: number[] = [];
  const lintRuns: number[] = [];
  const materialiseRuns: number[] = [];
  const parseCpuRuns: number[] = [];
  const lintCpuRuns: number[] = [];
  let messages = 0;
  let diagnostics = 0;
  for (let r = 0; r <= runs; r++) {
    collectGarbage();
    let cpu = process.cpuUsage();
    let t = process.hrtime.bigint();
    const trace = parseFresh(text);
    const parseMs = elapsed(t);
    const parseCpuMs = cpuSince(cpu);
    collectGarbage();
    cpu = process.cpuUsage();
    t = process.hrtime.bigint();
    const found = lintTrace(trace);
    const lintMs = elapsed(t);
    const lintCpuMs = cpuSince(cpu);
    collectGarbage();
    t = process.hrtime.bigint();
    keep(materialise(parseFresh(text)));
    const materialiseMs = elapsed(t);
    messages = trace.messages.length;
    diagnostics = found.length;
    keep(found);
    if (r > 0) {
      parseRuns.push(parseMs);
      lintRuns.push(lintMs);
      materialiseRuns.push(materialiseMs);
      parseCpuRuns.push(parseCpuMs);
      lintCpuRuns.push(lintCpuMs);
    }
  }
  const parseMs = median(parseRuns);
  const lintMs = median(lintRuns);
  return {
    input,
    bytes: text.length,
    messages,
    diagnostics,
    parseMs,
    lintMs,
    materialiseMs: median(materialiseRuns),
    ratio: lintMs / parseMs,
    parseCpuMs: median(parseCpuRuns),
    lintCpuMs: median(lintCpuRuns),
    cpuRatio: median(lintCpuRuns) / median(parseCpuRuns),
    runs,
  };
}

/** One line per figure. */
export function formatLintRatio(r: LintRatioResult): string {
  return [
    `input: ${r.input} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.messages} messages, ${r.diagnostics} diagnostics, median of ${r.runs})`,
    `parse (readTrace + parseMessage): ${r.parseMs.toFixed(1)} ms (CPU ${r.parseCpuMs.toFixed(1)} ms)`,
    `lint (lintTrace, first lint):     ${r.lintMs.toFixed(1)} ms (CPU ${r.lintCpuMs.toFixed(1)} ms)`,
    `lint / parse: ${r.ratio.toFixed(2)}, in CPU time ${r.cpuRatio.toFixed(2)} (goal <= 0.50: ${r.ratio <= 0.5 ? 'met' : 'MISSED'})`,
    `parse + materialise every header: ${r.materialiseMs.toFixed(1)} ms`,
  ].join('\n');
}

function main(argv: readonly string[]): void {
  let file: string | undefined;
  let runs = 5;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') {
      runs = Math.max(1, Number(argv[++i]) || 5);
    } else {
      file = argv[i];
    }
  }
  const text = file === undefined ? syntheticLintTrace() : fs.readFileSync(file, 'latin1');
  console.log(formatLintRatio(benchLintRatio(text, file ?? 'synthetic ngrep trace', runs)));
}

if (require.main === module) {
  main(process.argv.slice(2));
}
