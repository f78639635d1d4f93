/**
 * `sip-trace`: the core from a terminal. `main(argv, io)` is the whole program, with every
 * effect behind `io`, so tests run it in-process; bin/sip-trace.js calls it with the real
 * process streams and file system.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allRules, lintTrace } from '../core/lint';
import type { LintDiagnostic } from '../core/lint/types';
import type { Endpoint, Trace } from '../core/model';
import { LineIndex } from '../core/text/lineIndex';
import { parseTrace } from '../core/trace';
import { HELP, parseArgs } from './args';
import type { CliOptions } from './args';

/** Everything the CLI does to the outside world. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8; throws when it cannot. */
  readFile(file: string): string;
}

export const nodeIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (file) => fs.readFileSync(file, 'utf8'),
};

/** One message as `sip-trace messages --format json` prints it. */
export interface MessageRow {
  readonly file: string;
  readonly index: number;
  /** 1-based line of the start line. */
  readonly line: number;
  /** 1-based line of the message's last non-blank line. */
  readonly endLine: number;
  readonly kind: 'request' | 'response' | 'invalid';
  readonly method: string | null;
  readonly status: number | null;
  readonly reason: string | null;
  readonly callId: string | null;
  readonly cseq: { readonly number: number | null; readonly method: string | null } | null;
  readonly format: string;
  readonly time: string | null;
  readonly src: string | null;
  readonly dst: string | null;
  readonly transport: string | null;
}

/** One finding as `sip-trace lint --format json` prints it (1-based lines and columns). */
export interface DiagnosticRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

function endpointText(e: Endpoint | undefined): string | null {
  if (!e) {
    return null;
  }
  const host = e.host.includes(':') && !e.host.startsWith('[') ? `[${e.host}]` : e.host;
  return e.port === undefined ? host : `${host}:${e.port}`;
}

/** The version in the package.json next to the bundle (dist/) or the compiled tree (out/src/cli). */
function readVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sip-trace' && pkg.version) {
        return pkg.version;
      }
    } catch {
      // not here; look one level up
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}

/** Lists the messages of a parsed trace. */
export function messageRows(file: string, text: string, trace: Trace): MessageRow[] {
  const lines = new LineIndex(text);
  return trace.messages.map((m) => {
    const line = m.parsed.startLine;
    const start = m.segment.map.toSource(line.span.start);
    // The last line with text: a message's closing empty line is framing, not content.
    const content = m.segment.content;
    let last = content.length - 1;
    while (last > 0 && /\s/.test(content[last])) {
      last--;
    }
    const endOffset = m.segment.map.toSource(Math.max(0, last));
    let callId: string | null = null;
    let cseq: MessageRow['cseq'] = null;
    for (const h of m.parsed.headers) {
      if (h.key === 'call-id' && callId === null) {
        callId = h.value.text.trim();
      } else if (h.key === 'cseq' && cseq === null) {
        const [num, method] = h.value.text.trim().split(/\s+/);
        cseq = { number: /^\d+$/.test(num ?? '') ? Number(num) : null, method: method ?? null };
      }
    }
    const framing = m.segment.framing;
    return {
      file,
      index: m.index,
      line: lines.positionAt(start).line + 1,
      endLine: lines.positionAt(endOffset).line + 1,
      kind: line.kind,
      method: line.kind === 'request' ? line.method.text : null,
      status: line.kind === 'response' && Number.isFinite(line.status) ? line.status : null,
      reason: line.kind === 'response' ? line.reason.text : null,
      callId,
      cseq,
      format: framing.format,
      time: framing.time ?? null,
      src: endpointText(framing.src),
      dst: endpointText(framing.dst),
      transport: framing.transport ?? null,
    };
  });
}

function messageLine(r: MessageRow): string {
  const what =
    r.kind === 'request'
      ? `${r.method}`
      : r.kind === 'response'
        ? `${r.status ?? '?'} ${r.reason ?? ''}`.trimEnd()
        : '(invalid start line)';
  const route = r.src || r.dst ? ` ${r.src ?? '?'} -> ${r.dst ?? '?'}` : '';
  const parts = [
    `${r.file}:${r.line}:`,
    `#${r.index + 1}`,
    ...(r.time ? [r.time] : []),
    ...(route ? [route.trim()] : []),
    ...(r.transport ? [r.transport] : []),
    what,
    ...(r.cseq ? [`CSeq: ${r.cseq.number ?? '?'} ${r.cseq.method ?? ''}`.trimEnd()] : []),
    ...(r.callId ? [`Call-ID: ${r.callId}`] : []),
  ];
  return parts.join(' ');
}

export function diagnosticRows(file: string, text: string, diagnostics: readonly LintDiagnostic[]): DiagnosticRow[] {
  const lines = new LineIndex(text);
  return diagnostics.map((d) => {
    const start = lines.positionAt(d.span.start);
    const end = lines.positionAt(d.span.end);
    return {
      file,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
  });
}

function readAll(files: readonly string[], io: CliIo): { texts: string[] } | { error: string } {
  const texts: string[] = [];
  for (const file of files) {
    try {
      let text = io.readFile(file);
      // A UTF-8 BOM is not part of the trace.
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
      }
      texts.push(text);
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
      return { error: `sip-trace: ${file}: ${why}` };
    }
  }
  return { texts };
}

function run(options: CliOptions, io: CliIo): number {
  const read = readAll(options.files, io);
  if ('error' in read) {
    io.stderr(`${read.error}\n`);
    return 2;
  }
  if (options.command === 'messages') {
    const rows = options.files.flatMap((file, i) => messageRows(file, read.texts[i], parseTrace(read.texts[i])));
    io.stdout(options.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rows.map((r) => `${messageLine(r)}\n`).join(''));
    return 0;
  }
  let errors = 0;
  const rows: DiagnosticRow[] = [];
  options.files.forEach((file, i) => {
    const diagnostics = lintTrace(parseTrace(read.texts[i]), { rules: options.rules, language: options.language });
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    rows.push(...diagnosticRows(file, read.texts[i], diagnostics));
  });
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    io.stdout(rows.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity} ${r.code} ${r.message}\n`).join(''));
  }
  return errors > 0 ? 1 : 0;
}

/**
 * Runs the CLI. Returns the exit status: 0 success, 1 lint errors found, 2 usage error or
 * unreadable file. Never throws: an unexpected failure is one line on stderr and status 2.
 */
export function main(argv: readonly string[], io: CliIo = nodeIo): number {
  try {
    const known = new Set(allRules().map((r) => r.code));
    const args = parseArgs(argv, (code) => known.has(code));
    switch (args.kind) {
      case 'help':
        io.stdout(HELP);
        return 0;
      case 'version':
        io.stdout(`${readVersion()}\n`);
        return 0;
      case 'error':
        io.stderr(`sip-trace: ${args.message}\n`);
        return 2;
      case 'run':
        return run(args.options, io);
    }
  } catch (e) {
    io.stderr(`sip-trace: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
