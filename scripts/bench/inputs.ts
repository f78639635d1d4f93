/**
 * Finds the traces the bench runs on: a path given on the command line, else the traces
 * scripts/gen-traces.sh made in .bench/ (made now when missing and SIPp, tshark and ngrep are
 * installed), else large synthetic traces built from a message folder or a built-in dialog.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeSyntheticTraces } from './synth';

/** One trace file to run the reader and parser on. */
export interface BenchInput {
  /** Short label, e.g. `ngrep (UDP)`. */
  readonly label: string;
  readonly path: string;
}

export interface BenchInputs {
  /** The trace every comparison runs on. */
  readonly primary: BenchInput;
  /** The same traffic in other framings (reader + parser rows only). */
  readonly others: readonly BenchInput[];
  /** How the traces were made, for the report. */
  readonly provenance: string;
  /** meta.json of gen-traces.sh, when the traces came from it. */
  readonly meta?: GenMeta;
  /**
   * The primary trace's messages as the wire carried them, one hex-encoded message per line
   * (tshark's UDP payloads, or the synthetic messages): the parsers' input, cut without our reader.
   */
  readonly payloadsHex?: string;
  /** How many times the primary trace repeats the messages of `payloadsHex`. */
  readonly repeat?: number;
}

/** The fields of gen-traces.sh's meta.json the bench reads. */
export interface GenMeta {
  readonly calls: number;
  readonly rateCps: number;
  readonly udpDatagramsCaptured: number;
  readonly repeat: number;
  readonly messages: number;
  readonly generated: string;
  readonly tools: Record<string, string>;
}

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

function existing(dir: string, files: ReadonlyArray<[string, string]>): BenchInput[] {
  return files.map(([label, name]) => ({ label, path: path.join(dir, name) })).filter((i) => fs.existsSync(i.path));
}

function fromGenerated(benchDir: string): BenchInputs | undefined {
  const ngrep = path.join(benchDir, 'ngrep-udp.txt');
  const metaFile = path.join(benchDir, 'meta.json');
  if (!fs.existsSync(ngrep) || !fs.existsSync(metaFile)) {
    return undefined;
  }
  const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as GenMeta;
  const payloads = path.join(benchDir, 'work', 'payloads.hex');
  return {
    primary: { label: 'ngrep -W byline (UDP)', path: ngrep },
    others: existing(benchDir, [
      ['raw SIP (tshark UDP payloads)', 'raw-udp.sip'],
      ['SIPp -trace_msg log', 'sipp-msg.log'],
      ['ngrep -W byline (TCP)', 'ngrep-tcp.txt'],
    ]),
    provenance:
      `real traffic: SIPp uac -> SIPp uas on 127.0.0.1, ${meta.calls} calls at ${meta.rateCps} calls/s, ` +
      `captured with tshark (${meta.udpDatagramsCaptured} UDP datagrams), written by ngrep/tshark/SIPp, ` +
      `repeated x${meta.repeat} (scripts/gen-traces.sh, ${meta.generated})`,
    meta,
    ...(fs.existsSync(payloads) ? { payloadsHex: payloads, repeat: meta.repeat } : {}),
  };
}

export interface ResolveOptions {
  readonly root: string;
  readonly benchDir: string;
  readonly tracePath?: string;
  readonly corpusDir: string;
  readonly calls: number;
  readonly targetMb: number;
}

/** Picks or makes the bench inputs; logs what it does to stderr. */
export function resolveInputs(options: ResolveOptions): BenchInputs {
  if (options.tracePath !== undefined) {
    return {
      primary: { label: path.basename(options.tracePath), path: options.tracePath },
      others: [],
      provenance: `file given on the command line: ${options.tracePath}`,
    };
  }
  const generated = fromGenerated(options.benchDir);
  if (generated) {
    return generated;
  }
  const tools = ['sipp', 'tshark', 'ngrep'];
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0) {
    process.stderr.write(`bench: no traces in ${options.benchDir}; running scripts/gen-traces.sh (about a minute)\n`);
    const r = spawnSync(
      'bash',
      [path.join(options.root, 'scripts', 'gen-traces.sh'), options.benchDir, String(options.calls), String(options.targetMb)],
      { stdio: ['ignore', 'inherit', 'inherit'], timeout: 15 * 60_000 },
    );
    const made = r.status === 0 ? fromGenerated(options.benchDir) : undefined;
    if (made) {
      return made;
    }
    process.stderr.write(`bench: gen-traces.sh failed (status ${String(r.status)}); falling back to synthetic traces\n`);
  } else {
    process.stderr.write(
      `bench: ${missing.join(', ')} not installed, so no real capture; building synthetic traces ` +
        `(install them, or run scripts/gen-traces.sh ${path.relative(options.root, options.benchDir)} on a machine that has them)\n`,
    );
  }
  const synth = writeSyntheticTraces(options.benchDir, options.corpusDir, options.targetMb * 1024 * 1024);
  const what =
    synth.source.kind === 'corpus'
      ? `${synth.source.files} real messages from ${synth.source.dir} repeated in order`
      : 'a built-in 7-message INVITE dialog (INVITE/100/180/200/ACK/BYE/200) repeated with per-call Call-IDs';
  return {
    primary: { label: 'ngrep -W byline (synthetic)', path: synth.files.ngrep },
    others: [
      { label: 'raw SIP (synthetic)', path: synth.files.raw },
      { label: 'SIPp-style log (synthetic)', path: synth.files.sipp },
    ],
    provenance: `SYNTHETIC fallback, not a real capture: ${synth.messages} messages = ${what}`,
    payloadsHex: synth.files.payloadsHex,
    repeat: 1,
  };
}
