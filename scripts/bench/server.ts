/**
 * Language server bench: the real server (`startServer`) behind an in-process JSON-RPC
 * connection, fed synthetic ngrep traces (the built-in INVITE dialog of ./synth repeated with
 * distinct Call-IDs, branches and tags).
 *
 * - open: a 50 MB trace is opened; time until its diagnostics are published.
 * - edit: a 10 MB trace is opened, then single-line edits inside one message are sent as
 *   incremental changes; time from each change to the diagnostics of that version.
 *
 * Each figure is given twice: `server` = from the server reading the message off its input
 * stream to it writing publishDiagnostics (what the server controls), and `roundTrip` = from the
 * client sending to the client having parsed the diagnostics (adds JSON-RPC transfer of the text).
 *
 * Run alone: `npx tsc -p . && node out/scripts/bench/server.js [--open-mb 50] [--edit-mb 10] [--edits 20]`.
 * `npm run bench` calls {@link benchServer} too.
 */
import { PassThrough } from 'stream';
import { StreamMessageReader, StreamMessageWriter, createConnection, createMessageConnection } from 'vscode-languageserver/node';
import type { DataCallback, Message, MessageConnection, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { startServer } from '../../src/server/server';
import { builtInDialog, renderNgrep } from './synth';

export interface ServerBenchRow {
  readonly bench: 'open' | 'edit';
  readonly mb: number;
  readonly messages: number;
  readonly diagnostics: number;
  /** open: one figure; edit: the median over the edits. */
  readonly serverMs: number;
  readonly roundTripMs: number;
  /**
   * CPU time of this process (server and client) over the round trip: on a busy machine wall
   * time includes waiting for a core, CPU time does not.
   */
  readonly cpuMs: number;
  /** edit only: the slowest edit. */
  readonly serverMaxMs?: number;
  readonly roundTripMaxMs?: number;
  readonly cpuMaxMs?: number;
  readonly edits?: number;
  readonly goalMs: number;
  readonly goalMet: boolean;
}

/** An ngrep trace of about `mb` MB made of whole dialogs. */
export function synthNgrepTrace(mb: number): { text: string; messages: number } {
  const target = mb * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  for (let call = 0; size < target; call++) {
    for (const m of builtInDialog(call)) {
      const packet = renderNgrep(m, n++);
      parts.push(packet);
      size += packet.length;
    }
  }
  return { text: parts.join(''), messages: n };
}

/** Timestamps of server-side I/O: when a method was read off the input, when one was written. */
class Probe {
  readonly received = new Map<string, number>();
  readonly written: { method: string; version?: number; at: number }[] = [];
}

function probedReader(reader: StreamMessageReader, probe: Probe): StreamMessageReader {
  const listen = reader.listen.bind(reader);
  reader.listen = (callback: DataCallback) =>
    listen((message: Message) => {
      const m = message as { method?: string; params?: { textDocument?: { version?: number } } };
      if (m.method) {
        probe.received.set(`${m.method}#${m.params?.textDocument?.version ?? ''}`, performance.now());
      }
      callback(message);
    });
  return reader;
}

function probedWriter(writer: StreamMessageWriter, probe: Probe): StreamMessageWriter {
  const write = writer.write.bind(writer);
  writer.write = (message: Message) => {
    const m = message as { method?: string; params?: { version?: number } };
    if (m.method) {
      probe.written.push({ method: m.method, version: m.params?.version, at: performance.now() });
    }
    return write(message);
  };
  return writer;
}

interface Session {
  readonly client: MessageConnection;
  readonly probe: Probe;
  diagnosticsFor(version: number): Promise<{ params: PublishDiagnosticsParams; at: number }>;
  dispose(): void;
}

async function startSession(): Promise<Session> {
  const up = new PassThrough();
  const down = new PassThrough();
  const probe = new Probe();
  const server = createConnection(probedReader(new StreamMessageReader(up), probe), probedWriter(new StreamMessageWriter(down), probe));
  startServer(server, { version: 'bench' });
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const waiting = new Map<number, (v: { params: PublishDiagnosticsParams; at: number }) => void>();
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const at = performance.now();
    if (params.version !== undefined) {
      waiting.get(params.version)?.({ params, at });
    }
  });
  client.onNotification(() => undefined);
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
  return {
    client,
    probe,
    diagnosticsFor: (version) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 120 s`)), 120_000);
        waiting.set(version, (v) => {
          clearTimeout(timer);
          waiting.delete(version);
          resolve(v);
        });
      }),
    dispose: () => {
      client.dispose();
      up.end();
      down.end();
    },
  };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function serverSpan(probe: Probe, version: number, method: string): number {
  const start = probe.received.get(`${method}#${version}`);
  const end = probe.written.find((w) => w.method === 'textDocument/publishDiagnostics' && w.version === version)?.at;
  return start !== undefined && end !== undefined ? end - start : Number.NaN;
}

const URI = 'file:///bench/trace.ngrep';

async function benchOpen(mb: number): Promise<ServerBenchRow> {
  const { text, messages } = synthNgrepTrace(mb);
  const session = await startSession();
  try {
    const published = session.diagnosticsFor(1);
    const cpu = process.cpuUsage();
    const sent = performance.now();
    await session.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'sip', version: 1, text } });
    const { params, at } = await published;
    const cpuMs = cpuMsSince(cpu);
    const serverMs = serverSpan(session.probe, 1, 'textDocument/didOpen');
    return {
      bench: 'open',
      mb: text.length / (1024 * 1024),
      messages,
      diagnostics: params.diagnostics.length,
      serverMs,
      roundTripMs: at - sent,
      cpuMs,
      goalMs: 2000,
      goalMet: serverMs <= 2000,
    };
  } finally {
    session.dispose();
  }
}

/** Position (line, character) of an offset. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

async function benchEdits(mb: number, edits: number): Promise<ServerBenchRow> {
  const synth = synthNgrepTrace(mb);
  const messages = synth.messages;
  let text = synth.text;
  const session = await startSession();
  try {
    const opened = session.diagnosticsFor(1);
    await session.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'sip', version: 1, text } });
    let { params } = await opened;
    const serverTimes: number[] = [];
    const roundTrips: number[] = [];
    const cpus: number[] = [];
    const needle = 'User-Agent: bench-uac/1.';
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      // Edit a User-Agent somewhere in the trace (spread over the file), one character.
      let offset = text.indexOf(needle, Math.floor((text.length * ((i * 7919) % 1000)) / 1000));
      if (offset < 0) {
        offset = text.indexOf(needle);
      }
      const at = offset + needle.length;
      const start = positionAt(text, at);
      const replacement = String((Number(text[at]) + 1) % 10);
      const change: TextDocumentContentChangeEvent = { range: { start, end: { line: start.line, character: start.character + 1 } }, text: replacement };
      text = text.slice(0, at) + replacement + text.slice(at + 1);
      const published = session.diagnosticsFor(version);
      const cpu = process.cpuUsage();
      const sent = performance.now();
      await session.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [change] });
      const result = await published;
      cpus.push(cpuMsSince(cpu));
      params = result.params;
      roundTrips.push(result.at - sent);
      serverTimes.push(serverSpan(session.probe, version, 'textDocument/didChange'));
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const serverMs = median(serverTimes);
    return {
      bench: 'edit',
      mb: text.length / (1024 * 1024),
      messages,
      diagnostics: params.diagnostics.length,
      serverMs,
      roundTripMs: median(roundTrips),
      serverMaxMs: Math.max(...serverTimes),
      roundTripMaxMs: Math.max(...roundTrips),
      cpuMs: median(cpus),
      cpuMaxMs: Math.max(...cpus),
      edits,
      goalMs: 100,
      goalMet: serverMs <= 100,
    };
  } finally {
    session.dispose();
  }
}

export interface ServerBenchOptions {
  readonly openMb?: number;
  readonly editMb?: number;
  readonly edits?: number;
}

/** Runs both server benches; one row each. */
export async function benchServer(options: ServerBenchOptions = {}): Promise<ServerBenchRow[]> {
  const open = await benchOpen(options.openMb ?? 50);
  const edit = await benchEdits(options.editMb ?? 10, options.edits ?? 20);
  return [open, edit];
}

function parseArgs(argv: readonly string[]): ServerBenchOptions {
  const out: { openMb?: number; editMb?: number; edits?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const value = Number(argv[i + 1]);
    if (argv[i] === '--open-mb') {
      out.openMb = value;
      i++;
    } else if (argv[i] === '--edit-mb') {
      out.editMb = value;
      i++;
    } else if (argv[i] === '--edits') {
      out.edits = value;
      i++;
    } else {
      throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return out;
}

if (require.main === module) {
  benchServer(parseArgs(process.argv.slice(2))).then(
    (rows) => {
      for (const r of rows) {
        const what = r.bench === 'open' ? 'open-to-diagnostics' : `edit-to-diagnostics (median of ${r.edits}, max server ${r.serverMaxMs?.toFixed(1)} ms)`;
        process.stdout.write(
          `${what}: ${r.mb.toFixed(1)} MB, ${r.messages} messages, ${r.diagnostics} diagnostics: server ${r.serverMs.toFixed(1)} ms, round trip ${r.roundTripMs.toFixed(1)} ms, CPU ${r.cpuMs.toFixed(1)} ms${r.cpuMaxMs !== undefined ? ` (max ${r.cpuMaxMs.toFixed(1)})` : ''}; goal <= ${r.goalMs} ms: ${r.goalMet ? 'met' : 'MISSED'}\n`,
        );
      }
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
