/** Test helpers for the lint rules: messages written with LF in the source, sent with CRLF. */
import * as fs from 'fs';
import * as path from 'path';
import { lintTrace } from '../../../src/core/lint';
import type { LintDiagnostic, LintOptions } from '../../../src/core/lint/types';
import { parseTrace } from '../../../src/core/trace';

/** Turns an LF-written message into a CRLF one (SIP's line end). */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Lints a trace text. */
export function lint(text: string, options?: LintOptions): LintDiagnostic[] {
  return lintTrace(parseTrace(text), options);
}

/** The diagnostics of one code. */
export function withCode(text: string, code: string, options?: LintOptions): LintDiagnostic[] {
  return lint(text, options).filter((d) => d.code === code);
}

/** The errors of a text, as "code" strings (for messages in assertion failures). */
export function errorCodes(text: string): string[] {
  return lint(text)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
}

/** A fixture file of test/fixtures/lint, read as the CLI reads files. */
export function fixture(name: string): string {
  // Compiled tests run from out/test/unit/lint; the fixtures stay in the source tree.
  return fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'lint', name), 'utf8');
}

export function fixturePath(name: string): string {
  return path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'lint', name);
}

/** A well-formed INVITE: no error and no warning from any rule. */
export const INVITE = crlf(`INVITE sip:bob@biloxi.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds
Max-Forwards: 70
To: Bob <sip:bob@biloxi.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Contact: <sip:alice@pc33.atlanta.example.com>
Supported: timer
Content-Type: application/sdp
Content-Length: 19

v=0
o=- 0 0 IN -
`);

/** A 200 answering {@link INVITE}. */
export const OK = crlf(`SIP/2.0 200 OK
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds;received=192.0.2.1
To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710@pc33.atlanta.example.com
CSeq: 314159 INVITE
Contact: <sip:bob@192.0.2.4>
Allow: INVITE, ACK, CANCEL, BYE, OPTIONS
Supported: timer
Content-Length: 0

`);

/** A complete OPTIONS request (no body). */
export const OPTIONS = crlf(`OPTIONS sip:carol@chicago.example.com SIP/2.0
Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKhjhs8ass877
Max-Forwards: 70
To: <sip:carol@chicago.example.com>
From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
Call-ID: a84b4c76e66710
CSeq: 63104 OPTIONS
Accept: application/sdp
Content-Length: 0

`);

/** Replaces one header line (by its exact text) in a message; `undefined` removes it. */
export function replaceLine(message: string, line: string, replacement: string | undefined): string {
  const target = `${line}\r\n`;
  if (!message.includes(target)) {
    throw new Error(`line not in message: ${line}`);
  }
  return message.replace(target, replacement === undefined ? '' : `${replacement}\r\n`);
}

/** A response made from a status line and the headers of {@link OK} minus Contact/Allow/Supported. */
export function response(statusLine: string, method = 'INVITE', extra: string[] = [], toTag = ';tag=a6c85cf'): string {
  return crlf(
    [
      statusLine,
      'Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds',
      `To: Bob <sip:bob@biloxi.example.com>${toTag}`,
      'From: Alice <sip:alice@atlanta.example.com>;tag=1928301774',
      'Call-ID: a84b4c76e66710@pc33.atlanta.example.com',
      `CSeq: 314159 ${method}`,
      ...extra,
      'Content-Length: 0',
      '',
      '',
    ].join('\n'),
  );
}
