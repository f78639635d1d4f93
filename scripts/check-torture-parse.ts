/**
 * Parses every message file of a torture-test folder (RFC 4475 / RFC 5118 `.dat` files) and
 * prints what the parser and the value validators find: parse problems, the Request-URI verdict,
 * every name-addr (From, To, Contact, Route...) and every Via element.
 *
 *   npx tsc -p . && node out/scripts/check-torture-parse.js [folder] [--all]
 *
 * The folder defaults to ../shared/corpus/torture (relative to the repository root). Files
 * named in EXPECT_CLEAN must yield no error-level finding; files in EXPECT_FINDING must yield at
 * least one. The exit code is 1 when either expectation fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseMessage } from '../src/core/parser';
import { parseNameAddr, parseVia, validateUri } from '../src/core/parser/uri';
import { syntaxReasonText } from '../src/core/lint/syntaxReasons';

/** RFC 4475 §3.1.1 (valid), the well-formed §3.2-3.4 messages, and the valid RFC 5118 ones. */
const EXPECT_CLEAN = new Set([
  'wsinv', 'intmeth', 'esc01', 'escnull', 'esc02', 'lwsdisp', 'longreq', 'dblreq', 'semiuri',
  'transports', 'mpart01', 'unreason', 'noreason',
  'badbranch', 'insuf', 'unkscm', 'novelsc', 'unksm2', 'bext01', 'invut', 'regaut01', 'multi01',
  'mcl01', 'bcast', 'zeromf', 'cparam01', 'cparam02', 'regescrt', 'sdp01', 'inv2543',
  'ipv6-good', 'port-ambiguous', 'port-unambiguous', 'via-received-param-with-delim',
  'via-received-param-no-delim', 'ipv6-in-sdp', 'mult-ip-in-header', 'mult-ip-in-sdp',
  'ipv4-mapped-ipv6', 'ipv6-correct-abnf-2-colons',
]);

/**
 * RFC 4475 §3.1.2 messages whose fault lies in the start line, a URI, a name-addr or a Via (the
 * others — clerr, ncl, scalar02, baddate, mismatch01/02, badvers's 7.0 — are semantic checks
 * of header values for the lint rules), plus the invalid RFC 5118 ones.
 */
const EXPECT_FINDING = new Set([
  'badinv01', 'quotbal', 'ltgtruri', 'lwsruri', 'lwsstart', 'trws', 'escruri', 'regbadct',
  'badaspec', 'baddn', 'bigcode', 'ipv6-bad', 'ipv6-bug-abnf-3-colons',
]);

const NAME_ADDR_HEADERS = new Set([
  'from', 'to', 'contact', 'route', 'record-route', 'reply-to', 'refer-to', 'referred-by',
  'p-asserted-identity', 'p-preferred-identity', 'path', 'service-route',
]);

/** Error-severity findings; warnings (e.g. no final empty line in the LF archive copies) go to `warnings`. */
function findings(content: string, warnings: string[]): string[] {
  const out: string[] = [];
  const parsed = parseMessage(content);
  for (const p of parsed.problems) {
    const line = `parse ${p.code}: ${p.message} [${JSON.stringify(content.slice(p.span.start, p.span.end))}]`;
    (p.severity === 'error' ? out : warnings).push(line);
  }
  if (parsed.startLine.kind === 'request') {
    const reason = validateUri(parsed.startLine.uri.text, 'request-uri');
    if (reason) {
      out.push(`Request-URI: ${syntaxReasonText(reason, 'en')}`);
    }
  }
  for (const h of parsed.headers) {
    if (h.key === 'via') {
      for (const v of h.values) {
        const via = parseVia(v.text);
        if (via.error) {
          out.push(`${h.name.text} ${JSON.stringify(v.text)}: ${syntaxReasonText(via.error, 'en')}`);
        }
      }
    } else if (NAME_ADDR_HEADERS.has(h.key)) {
      for (const v of h.values) {
        const na = parseNameAddr(v.text);
        if (na.error) {
          out.push(`${h.name.text} ${JSON.stringify(v.text)}: ${syntaxReasonText(na.error, 'en')}`);
        }
      }
    }
  }
  return out;
}

function main(): number {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const folder = args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', '..', '..', 'shared', 'corpus', 'torture');
  const files = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.dat'))
    .sort();
  let failures = 0;
  for (const f of files) {
    const name = f.replace(/\.dat$/, '');
    const content = fs.readFileSync(path.join(folder, f), 'utf8');
    const warnings: string[] = [];
    const found = findings(content, warnings);
    let verdict = '';
    if (EXPECT_CLEAN.has(name) && found.length > 0) {
      verdict = '  <-- FAIL: expected no finding';
      failures++;
    } else if (EXPECT_FINDING.has(name) && found.length === 0) {
      verdict = '  <-- FAIL: expected a finding';
      failures++;
    }
    if (all || verdict || found.length > 0 || warnings.length > 0) {
      console.log(`${name}: ${found.length === 0 ? 'clean' : `${found.length} finding(s)`}${verdict}`);
      for (const line of found) {
        console.log(`    ${line}`);
      }
      for (const line of warnings) {
        console.log(`    (warning) ${line}`);
      }
    }
  }
  console.log(`${files.length} files, ${failures} expectation failure(s)`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
