/**
 * Conformance run: lints every file of the corpus folder (default ../shared/corpus, relative to
 * the repository root; or the path given as the first argument), then prints
 *  1. the RFC 4475 / RFC 5118 verdicts met or missed (expected valid = no error diagnostic,
 *     expected invalid = at least one error), and
 *  2. the diagnostics per rule and severity on the real captures' messages (messages/**).
 * Exits 1 when a verdict is missed, 2 when the corpus cannot be read.
 *
 * Usage: npm run conformance -- [PATH] [--errors]   (--errors lists every error on messages/**)
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintTrace } from '../src/core/lint';
import type { LintDiagnostic } from '../src/core/lint/types';
import { parseTrace } from '../src/core/trace';
import { LineIndex } from '../src/core/text/lineIndex';

type Verdict = 'valid' | 'invalid';

/**
 * Expected verdicts (RFC 4475 §3.1.1 valid, §3.1.2 invalid, and the three §3.3 cases where the
 * RFC asks for a 400; RFC 5118: all valid or to be tolerated except ipv6-bad). Other RFC 4475
 * §3.2-3.4 files test transaction/application semantics and carry no parse verdict.
 */
const VERDICTS: Readonly<Record<string, { section: string; verdict: Verdict; firstMessageOnly?: boolean }>> = {
  'wsinv.dat': { section: 'RFC 4475 §3.1.1.1', verdict: 'valid' },
  'intmeth.dat': { section: 'RFC 4475 §3.1.1.2', verdict: 'valid' },
  'esc01.dat': { section: 'RFC 4475 §3.1.1.3', verdict: 'valid' },
  'escnull.dat': { section: 'RFC 4475 §3.1.1.4', verdict: 'valid' },
  'esc02.dat': { section: 'RFC 4475 §3.1.1.5', verdict: 'valid' },
  'lwsdisp.dat': { section: 'RFC 4475 §3.1.1.6', verdict: 'valid' },
  'longreq.dat': { section: 'RFC 4475 §3.1.1.7', verdict: 'valid' },
  // The verdict covers the first request only: RFC 3261 §18.3 discards the octets after its
  // Content-Length (a second, incomplete INVITE with no Contact), which the trace reader, not
  // knowing the file was one UDP datagram, shows as a message of its own.
  'dblreq.dat': { section: 'RFC 4475 §3.1.1.8', verdict: 'valid', firstMessageOnly: true },
  'semiuri.dat': { section: 'RFC 4475 §3.1.1.9', verdict: 'valid' },
  'transports.dat': { section: 'RFC 4475 §3.1.1.10', verdict: 'valid' },
  'mpart01.dat': { section: 'RFC 4475 §3.1.1.11', verdict: 'valid' },
  'unreason.dat': { section: 'RFC 4475 §3.1.1.12', verdict: 'valid' },
  'noreason.dat': { section: 'RFC 4475 §3.1.1.13', verdict: 'valid' },
  'badinv01.dat': { section: 'RFC 4475 §3.1.2.1', verdict: 'invalid' },
  'clerr.dat': { section: 'RFC 4475 §3.1.2.2', verdict: 'invalid' },
  'ncl.dat': { section: 'RFC 4475 §3.1.2.3', verdict: 'invalid' },
  'scalar02.dat': { section: 'RFC 4475 §3.1.2.4', verdict: 'invalid' },
  'scalarlg.dat': { section: 'RFC 4475 §3.1.2.5', verdict: 'invalid' },
  'quotbal.dat': { section: 'RFC 4475 §3.1.2.6', verdict: 'invalid' },
  'ltgtruri.dat': { section: 'RFC 4475 §3.1.2.7', verdict: 'invalid' },
  'lwsruri.dat': { section: 'RFC 4475 §3.1.2.8', verdict: 'invalid' },
  'lwsstart.dat': { section: 'RFC 4475 §3.1.2.9', verdict: 'invalid' },
  'trws.dat': { section: 'RFC 4475 §3.1.2.10', verdict: 'invalid' },
  'escruri.dat': { section: 'RFC 4475 §3.1.2.11', verdict: 'invalid' },
  'baddate.dat': { section: 'RFC 4475 §3.1.2.12', verdict: 'invalid' },
  'regbadct.dat': { section: 'RFC 4475 §3.1.2.13', verdict: 'invalid' },
  'badaspec.dat': { section: 'RFC 4475 §3.1.2.14', verdict: 'invalid' },
  'baddn.dat': { section: 'RFC 4475 §3.1.2.15', verdict: 'invalid' },
  'badvers.dat': { section: 'RFC 4475 §3.1.2.16', verdict: 'invalid' },
  'mismatch01.dat': { section: 'RFC 4475 §3.1.2.17', verdict: 'invalid' },
  'mismatch02.dat': { section: 'RFC 4475 §3.1.2.18', verdict: 'invalid' },
  'bigcode.dat': { section: 'RFC 4475 §3.1.2.19', verdict: 'invalid' },
  'insuf.dat': { section: 'RFC 4475 §3.3.1', verdict: 'invalid' },
  'multi01.dat': { section: 'RFC 4475 §3.3.8', verdict: 'invalid' },
  'mcl01.dat': { section: 'RFC 4475 §3.3.9', verdict: 'invalid' },
  'ipv6-good.dat': { section: 'RFC 5118 §4.1', verdict: 'valid' },
  'ipv6-bad.dat': { section: 'RFC 5118 §4.2', verdict: 'invalid' },
  'port-ambiguous.dat': { section: 'RFC 5118 §4.3', verdict: 'valid' },
  'port-unambiguous.dat': { section: 'RFC 5118 §4.4', verdict: 'valid' },
  'via-received-param-with-delim.dat': { section: 'RFC 5118 §4.5', verdict: 'valid' },
  'via-received-param-no-delim.dat': { section: 'RFC 5118 §4.5', verdict: 'valid' },
  'ipv6-in-sdp.dat': { section: 'RFC 5118 §4.6', verdict: 'valid' },
  'mult-ip-in-header.dat': { section: 'RFC 5118 §4.7', verdict: 'valid' },
  'mult-ip-in-sdp.dat': { section: 'RFC 5118 §4.8', verdict: 'valid' },
  'ipv4-mapped-ipv6.dat': { section: 'RFC 5118 §4.9', verdict: 'valid' },
  'ipv6-bug-abnf-3-colons.dat': { section: 'RFC 5118 §4.10', verdict: 'valid' },
  'ipv6-correct-abnf-2-colons.dat': { section: 'RFC 5118 §4.10', verdict: 'valid' },
};

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? walk(p) : [p];
    })
    .sort();
}

interface FileResult {
  readonly rel: string;
  readonly text: string;
  readonly diagnostics: LintDiagnostic[];
}

function lintFile(root: string, file: string): FileResult {
  let text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  return { rel: path.relative(root, file).split(path.sep).join('/'), text, diagnostics: lintTrace(parseTrace(text)) };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function errorCodes(ds: readonly LintDiagnostic[]): string {
  const codes = [...new Set(ds.filter((d) => d.severity === 'error').map((d) => d.code))];
  return codes.join(', ');
}

function main(argv: readonly string[]): number {
  const listErrors = argv.includes('--errors');
  const positional = argv.filter((a) => !a.startsWith('--'));
  const repoRoot = path.resolve(__dirname, '..', '..');
  const root = path.resolve(positional[0] ?? path.join(repoRoot, '..', 'shared', 'corpus'));
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    process.stderr.write(`conformance: ${root} is not a folder\n`);
    return 2;
  }
  const results = walk(root)
    .filter((f) => !f.endsWith('.md'))
    .map((f) => lintFile(root, f));
  let missed = 0;
  let met = 0;

  process.stdout.write('RFC 4475 / RFC 5118 verdicts (torture/*.dat)\n\n');
  process.stdout.write(`${pad('file', 36)} ${pad('section', 20)} ${pad('expected', 9)} ${pad('errors', 6)} result  error codes\n`);
  for (const r of results) {
    const name = path.basename(r.rel);
    const expected = r.rel.startsWith('torture/') && !r.rel.includes('/rfc5118_archive_lf/') ? VERDICTS[name] : undefined;
    if (!expected) {
      continue;
    }
    const judged = expected.firstMessageOnly ? r.diagnostics.filter((d) => d.messageIndex === 0) : r.diagnostics;
    const errors = judged.filter((d) => d.severity === 'error').length;
    const ok = expected.verdict === 'valid' ? errors === 0 : errors > 0;
    if (ok) {
      met++;
    } else {
      missed++;
    }
    process.stdout.write(
      `${pad(name, 36)} ${pad(expected.section, 20)} ${pad(expected.verdict, 9)} ${pad(String(errors), 6)} ${ok ? 'met   ' : 'MISSED'}  ${errorCodes(judged)}${expected.firstMessageOnly ? ' (first message only)' : ''}\n`,
    );
  }
  process.stdout.write(`\nverdicts met: ${met}, missed: ${missed}\n`);

  process.stdout.write('\nOther torture files (semantic tests, no parse verdict; RFC 5118 LF archive copies)\n\n');
  for (const r of results) {
    const name = path.basename(r.rel);
    if (!r.rel.startsWith('torture/') || (VERDICTS[name] && !r.rel.includes('/rfc5118_archive_lf/'))) {
      continue;
    }
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    process.stdout.write(`${pad(r.rel, 56)} errors ${pad(String(errors), 3)} ${errorCodes(r.diagnostics)}\n`);
  }

  const real = results.filter((r) => r.rel.startsWith('messages/'));
  const counts = new Map<string, Record<string, number>>();
  for (const r of real) {
    for (const d of r.diagnostics) {
      const row = counts.get(d.code) ?? { error: 0, warning: 0, information: 0, hint: 0 };
      row[d.severity]++;
      counts.set(d.code, row);
    }
  }
  process.stdout.write(`\nDiagnostics per rule on the real messages (messages/**, ${real.length} files)\n\n`);
  process.stdout.write(`${pad('rule', 28)} ${pad('error', 6)} ${pad('warning', 8)} ${pad('info', 5)} hint\n`);
  const totals = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const [code, row] of [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    process.stdout.write(`${pad(code, 28)} ${pad(String(row.error), 6)} ${pad(String(row.warning), 8)} ${pad(String(row.information), 5)} ${row.hint}\n`);
    totals.error += row.error;
    totals.warning += row.warning;
    totals.information += row.information;
    totals.hint += row.hint;
  }
  process.stdout.write(`${pad('total', 28)} ${pad(String(totals.error), 6)} ${pad(String(totals.warning), 8)} ${pad(String(totals.information), 5)} ${totals.hint}\n`);

  if (listErrors) {
    process.stdout.write('\nErrors on the real messages\n\n');
    for (const r of real) {
      const lines = new LineIndex(r.text);
      for (const d of r.diagnostics.filter((x) => x.severity === 'error')) {
        const p = lines.positionAt(d.span.start);
        process.stdout.write(`${r.rel}:${p.line + 1}:${p.character + 1}: ${d.code} ${d.message}\n`);
      }
    }
  }

  const others = results.filter((r) => !r.rel.startsWith('messages/') && !r.rel.startsWith('torture/'));
  const otherErrors = others.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  process.stdout.write(`\nOther corpus files linted (text logs, captures): ${others.length}, errors: ${otherErrors}\n`);
  return missed > 0 ? 1 : 0;
}

// Piped into `head`: stop quietly when the reader goes away.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') {
    process.exit(process.exitCode ?? 0);
  }
  throw e;
});
process.exitCode = main(process.argv.slice(2));
