/**
 * Small traces the feature tests share, written for these tests (RFC 3261 §24-style dialogs).
 * A `|` in a string given to {@link caret} marks the caret and is removed.
 */
import { lintTrace } from '../../../src/core/lint';
import type { LintDiagnostic } from '../../../src/core/lint/types';
import type { Trace } from '../../../src/core/model';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { parseTrace } from '../../../src/core/trace';

export interface Analysed {
  readonly text: string;
  readonly trace: Trace;
  readonly lines: LineIndex;
  readonly findings: LintDiagnostic[];
}

export function analyse(text: string): Analysed {
  const trace = parseTrace(text);
  return { text, trace, lines: new LineIndex(text), findings: lintTrace(trace) };
}

/** Removes the single `|` of a text and returns where it was. */
export function caret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) {
    throw new Error('mark exactly one caret');
  }
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Joins lines with CRLF, the SIP line ending, ending with a blank line. */
export function msg(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n\r\n`;
}

const VIA_A = 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds8';
const FROM_A = 'From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl';
const TO_B = 'To: Bob <sip:bob@biloxi.example.com>';
const TO_B_TAGGED = 'To: Bob <sip:bob@biloxi.example.com>;tag=8321234356';
export const CALL_ID = '3848276298220188511@atlanta.example.com';
const CALL = `Call-ID: ${CALL_ID}`;

export const SDP = 'v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\n';

export const INVITE = `${[
  'INVITE sip:bob@biloxi.example.com SIP/2.0',
  VIA_A,
  'Max-Forwards: 70',
  TO_B,
  FROM_A,
  CALL,
  'CSeq: 1 INVITE',
  'Contact: <sip:alice@192.0.2.10>',
  'Content-Type: application/sdp',
  `Content-Length: ${SDP.length}`,
].join('\r\n')}\r\n\r\n${SDP}`;

export const TRYING = msg('SIP/2.0 100 Trying', VIA_A, TO_B, FROM_A, CALL, 'CSeq: 1 INVITE', 'Content-Length: 0');
export const RINGING = msg('SIP/2.0 180 Ringing', VIA_A, TO_B_TAGGED, FROM_A, CALL, 'CSeq: 1 INVITE', 'Contact: <sip:bob@192.0.2.4>', 'Content-Length: 0');
export const OK = msg('SIP/2.0 200 OK', VIA_A, TO_B_TAGGED, FROM_A, CALL, 'CSeq: 1 INVITE', 'Contact: <sip:bob@192.0.2.4>', 'Content-Length: 0');
export const ACK = msg(
  'ACK sip:bob@192.0.2.4 SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds9',
  'Max-Forwards: 70',
  TO_B_TAGGED,
  FROM_A,
  CALL,
  'CSeq: 1 ACK',
  'Content-Length: 0',
);
export const BYE = msg(
  'BYE sip:alice@192.0.2.10 SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKnashds10',
  'Max-Forwards: 70',
  'From: Bob <sip:bob@biloxi.example.com>;tag=8321234356',
  'To: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  CALL,
  'CSeq: 231 BYE',
  'Content-Length: 0',
);
export const BYE_OK = msg(
  'SIP/2.0 200 OK',
  'Via: SIP/2.0/UDP 192.0.2.4:5060;branch=z9hG4bKnashds10',
  'From: Bob <sip:bob@biloxi.example.com>;tag=8321234356',
  'To: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl',
  CALL,
  'CSeq: 231 BYE',
  'Content-Length: 0',
);

/** A whole call: INVITE, 100, 180, 200, ACK, BYE, 200. */
export const CALL_FLOW = INVITE + TRYING + RINGING + OK + ACK + BYE + BYE_OK;

/** A SUBSCRIBE answered by a 405 that lacks Allow. */
export const SUBSCRIBE = msg(
  'SUBSCRIBE sip:bob@biloxi.example.com SIP/2.0',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKsub1',
  'Max-Forwards: 70',
  'To: <sip:bob@biloxi.example.com>',
  'From: <sip:alice@atlanta.example.com>;tag=sub77',
  'Call-ID: sub-1@atlanta.example.com',
  'CSeq: 7 SUBSCRIBE',
  'Contact: <sip:alice@192.0.2.10>',
  'Event: presence',
  'Content-Length: 0',
);
export const NOT_ALLOWED = msg(
  'SIP/2.0 405 Method Not Allowed',
  'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKsub1',
  'To: <sip:bob@biloxi.example.com>;tag=b405',
  'From: <sip:alice@atlanta.example.com>;tag=sub77',
  'Call-ID: sub-1@atlanta.example.com',
  'CSeq: 7 SUBSCRIBE',
  'Content-Length: 0',
);

/**
 * The same messages as ngrep -W byline prints them: a `U date time src -> dst` header per packet,
 * each CR shown as a trailing `.`.
 */
export function asNgrep(packets: readonly { readonly message: string; readonly src: string; readonly dst: string; readonly time: string }[]): string {
  const head = 'interface: eth0 (192.0.2.0/255.255.255.0)\nfilter: ( port 5060 ) and (ip or ip6)\n';
  return (
    head +
    packets
      .map((p, i) => `#\nU 2024/01/02 ${p.time} ${p.src} -> ${p.dst} #${i + 1}\n${p.message.replace(/\r\n/g, '.\n')}\n`)
      .join('')
  );
}
