import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTrace } from '../../../src/core/framing';
import { crlf, invite, ok, startLines } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'framing');

/** ngrep 1.47's own output for ngrep-marks.pcap (see ngrep-marks.README.md). */
function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'latin1');
}

/** A payload as `ngrep -W byline` prints it: each CR shown as a `.` at the end of its line. */
function byline(payload: string): string {
  return payload.replace(/\r\n/g, '.\n');
}

// The SIP datagrams of ngrep-marks.pcap, as sent.
const SDP = crlf('v=0', 'o=- 1 1 IN IP4 192.0.2.10', 's=-', 'c=IN IP4 192.0.2.10', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=sendrecv', '');
const VIA = 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnq1';
const FROM = 'From: <sip:alice@example.com>;tag=a1';
const INVITE =
  crlf(
    'INVITE sip:bob@example.com SIP/2.0',
    VIA,
    FROM,
    'To: <sip:bob@example.com>',
    'Call-ID: nq1@192.0.2.10',
    'CSeq: 1 INVITE',
    'Contact: <sip:alice@192.0.2.10>',
    'Content-Type: application/sdp',
    `Content-Length: ${SDP.length}`,
    '',
    '',
  ) + SDP;
const TRYING = crlf('SIP/2.0 100 Trying', VIA, FROM, 'To: <sip:bob@example.com>', 'Call-ID: nq1@192.0.2.10', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '');
/** A text/plain body with LF line ends: a line of `#`s inside, and one last, without a line end. */
const NOTE = 'call notes\n####\nbye\n####';
const MESSAGE =
  crlf(
    'MESSAGE sip:bob@example.com SIP/2.0',
    'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnq2',
    'From: <sip:alice@example.com>;tag=a2',
    'To: <sip:bob@example.com>',
    'Call-ID: nq2@192.0.2.10',
    'CSeq: 1 MESSAGE',
    'Content-Type: text/plain',
    `Content-Length: ${NOTE.length}`,
    '',
    '',
  ) + NOTE;
const OK = crlf('SIP/2.0 200 OK', VIA, FROM, 'To: <sip:bob@example.com>;tag=b1', 'Call-ID: nq1@192.0.2.10', 'CSeq: 1 INVITE', 'Content-Length: 0', '', '');

void describe('readTrace on ngrep output without -q (# marks between packets, exit at the end)', () => {
  const quiet = readTrace(fixture('ngrep-marks-quiet-t.txt'));

  void it('reads the quiet rendering of the capture whole and without problems', () => {
    assert.deepEqual(
      quiet.segments.map((s) => s.content),
      [INVITE, TRYING, MESSAGE, OK],
    );
    assert.deepEqual(quiet.problems, []);
  });

  const variants: readonly { name: string; times: string; expected: readonly (string | undefined)[] }[] = [
    {
      name: 'ngrep-marks-t.txt',
      times: 'absolute times (-t)',
      expected: ['2023/11/14 22:13:20.101500', '2023/11/14 22:13:20.106000', '2023/11/14 22:13:20.107500', '2023/11/14 22:13:20.110500'],
    },
    // ngrep -T on a file measures its first packet from the wall clock: the odd first value is ngrep's.
    { name: 'ngrep-marks-T.txt', times: 'relative times (-T)', expected: ['+4199723105.672010', '+0.003000', '+0.001500', '+0.001500'] },
    { name: 'ngrep-marks.txt', times: 'no times', expected: [undefined, undefined, undefined, undefined] },
  ];
  for (const { name, times, expected } of variants) {
    void it(`reads the same messages as the quiet output, with their times and no problem, with ${times}`, () => {
      const text = fixture(name);
      const r = readTrace(text);
      assert.equal(r.format, 'ngrep');
      assert.deepEqual(
        r.segments.map((s) => s.content),
        [INVITE, TRYING, MESSAGE, OK],
      );
      assert.deepEqual(r.problems, []);
      assert.deepEqual(
        r.segments.map((s) => s.framing.time),
        expected,
      );
      // Every message maps back to its own packet's lines, not to a mark.
      for (const s of r.segments) {
        const start = s.map.toSource(0);
        const end = s.map.toSource(s.content.length - 1) + 1;
        assert.equal(text.slice(start, end).replace(/\.\n/g, '\r\n'), s.content);
      }
    });
  }

  void it('keeps lines of # that ngrep printed inside a packet body, up to the mark line before the next header', () => {
    const text = fixture('ngrep-marks-t.txt');
    // ngrep-marks-t.txt prints the MESSAGE body's last line `####` right above its `#` mark line.
    assert.ok(text.includes('bye\n####\n#\nI '));
    const message = readTrace(text).segments[2];
    assert.ok(message.content.endsWith('\r\n\r\ncall notes\n####\nbye\n####'));
    assert.equal(message.content, MESSAGE);
  });

  void it('reads the exit trailer of a live capture (exit, then the received/matched counts) as no text', () => {
    const text = fixture('ngrep-marks-t.txt').replace(/###exit\n$/, 'exit\n10 received, 4 matched\n');
    assert.ok(text.endsWith('.\n\nexit\n10 received, 4 matched\n'));
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 100 Trying', 'MESSAGE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.deepEqual(r.problems, []);
  });

  void it('reads a packet whose blank line before the #### marks was lost (pasted output) as complete', () => {
    const text =
      `#\nU 2024/01/02 10:11:12.100000 192.0.2.1:5060 -> 198.51.100.7:5060 #1\n${byline(invite())}` +
      `####\nU 2024/01/02 10:11:12.200000 198.51.100.7:5060 -> 192.0.2.1:5060 #5\n${byline(ok())}\n#exit\n`;
    assert.ok(text.includes('\nm=audio 4000 RTP/AVP 0.\n####\nU '));
    const r = readTrace(text);
    assert.deepEqual(
      r.segments.map((s) => s.content),
      [invite(), ok()],
    );
    assert.deepEqual(r.problems, []);
  });

  void it('keeps a body line `exit` that ngrep did not print (a mark line follows it, not the end)', () => {
    const body = 'please\nexit';
    const msg = crlf('MESSAGE sip:bob@example.com SIP/2.0', 'Call-ID: exit1', 'CSeq: 1 MESSAGE', `Content-Length: ${body.length}`, '', '') + body;
    const text =
      `#\nU 2024/01/02 10:11:12.100000 192.0.2.1:5060 -> 198.51.100.7:5060 #1\n${byline(msg)}\n` +
      `#\nU 2024/01/02 10:11:12.200000 198.51.100.7:5060 -> 192.0.2.1:5060 #2\n${byline(ok())}\nexit\n`;
    const r = readTrace(text);
    assert.deepEqual(
      r.segments.map((s) => s.content),
      [msg, ok()],
    );
    assert.deepEqual(r.problems, []);
  });

  void it('reads a ? packet whose inner header bytes begin with a space and run into the start line as that packet, not old indented output', () => {
    const text = `#\n? 2018/05/11 02:35:24.969814 192.0.2.213 -> 192.0.2.68 #18\n .eX....Hz.....PV..a..E...........e.0...S......m..${byline(invite())}\nexit\n`;
    const r = readTrace(text);
    assert.deepEqual(
      r.segments.map((s) => s.content),
      [invite()],
    );
    assert.deepEqual(r.problems, []);
  });
});
