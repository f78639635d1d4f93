import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/framing';
import { crlf, invite, ok } from './helpers';

function packet(header: string, payload: string): string {
  return `${header}\n${payload.replace(/\r\n/g, '.\n')}\n\n`;
}

function problemTexts(text: string): [string, string][] {
  return readTrace(text).problems.map((p) => [p.code, text.slice(p.span.start, p.span.end)]);
}

void describe('readTrace: header lines without a start line', () => {
  void it('reports a file of SIP headers with no start line, so the user learns why nothing was read', () => {
    const text = [
      'To: <sip:bubba@example.com>',
      'From: <sip:bubba@example.com>;tag=40f2',
      'Via: SIP/2.0/TCP 192.0.2.20:5060;branch=z9hG4bK-1',
      'Call-ID: 83f2230d',
      'CSeq: 1 MESSAGE',
      'Content-Length: 4',
      '',
      'Hiya',
      '',
    ].join('\n');
    const r = readTrace(text);
    assert.equal(r.segments.length, 0);
    assert.deepEqual(problemTexts(text), [['unrecognized-message', text.slice(0, text.indexOf('Content-Length: 4') + 17)]]);
    assert.equal(r.problems[0].severity, 'warning');
  });

  void it('reports a headless block between whole messages and still reads the messages', () => {
    const headless = crlf('Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK9', 'Call-ID: lost@x', 'CSeq: 7 BYE', '', '');
    const text = ok('one') + headless + invite('two');
    const r = readTrace(text);
    assert.deepEqual(
      r.segments.map((s) => s.content.split('\r\n')[0]),
      ['SIP/2.0 200 OK', 'INVITE sip:bob@example.com SIP/2.0'],
    );
    assert.deepEqual(problemTexts(text), [['unrecognized-message', headless.trimEnd()]]);
  });

  void it('does not take notes that merely mention one header name for headers', () => {
    const text = 'To: the whole team\nplease look at the trace below\n\n' + ok('n');
    assert.deepEqual(readTrace(text).problems, []);
  });
});

void describe('readTrace: cut-off tshark -V excerpts', () => {
  const head = [
    'Session Initiation Protocol (INVITE)',
    '    Request-Line: INVITE sip:1001@192.0.2.20 SIP/2.0',
    '    Message Header',
    '        Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-c1',
    '        Call-ID: cut-1',
    '        CSeq: 1 INVITE',
  ];

  void it('flags a body shorter than the Content-Length the excerpt shows', () => {
    const text = [
      ...head,
      '        Content-Type: application/sdp',
      '        Content-Length: 120',
      '    Message Body',
      '        Session Description Protocol',
      '            Session Description Protocol Version (v): 0',
      '            Session Name (s): -',
      '',
    ].join('\n');
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
    assert.match(r.problems[0].message, /Content-Length is 120/);
    // The last line the excerpt shows (`s=-`, rebuilt from `Session Name (s): -`).
    assert.equal(text.slice(r.problems[0].span.start, r.problems[0].span.end), 's): -');
  });

  void it('flags an excerpt that stops in the middle of a line at the end of the file', () => {
    const text = [...head, '        Route: <sip:scscf@192.0.2.22;lr>', '            Route URI: sip:scs'].join('\n');
    const r = readTrace(text);
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
    assert.ok(text.slice(r.problems[0].span.start, r.problems[0].span.end).startsWith('Route: <sip:scscf@192.0.2.22;lr>'));
  });

  void it('says nothing when the body is only named (a collapsed dissector) or complete', () => {
    const collapsed = [...head, '        Content-Length: 120', '    Message Body', '        Session Description Protocol', ''].join('\n');
    assert.deepEqual(readTrace(collapsed).problems, []);
    const complete = [
      ...head,
      '        Content-Length: 9',
      '    Message Body',
      '        Session Description Protocol',
      '            Session Description Protocol Version (v): 0',
      '            Session Name (s): -',
      '',
    ].join('\n');
    assert.deepEqual(readTrace(complete).problems, []);
    assert.ok(readTrace(complete).segments[0].content.endsWith('\r\n\r\nv=0\r\ns=-\r\n'));
  });
});

void describe('readTrace: text left in an ngrep packet', () => {
  const header = 'U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060 #1';

  void it('reports a datagram\'s text after its message (Content-Length too small) as unparsed-text', () => {
    const msg = ok('p1').replace('Content-Length: 0', 'Content-Length: 4') + 'abcdEXTRA BYTES\r\nmore\r\n';
    const text = 'interface: any\n\n' + packet(header, msg);
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.ok(r.segments[0].content.endsWith('\r\n\r\nabcd'));
    assert.deepEqual(problemTexts(text), [['unparsed-text', 'EXTRA BYTES.\nmore']]);
  });

  void it('ignores NUL padding (shown as dots), another packet ngrep printed, and TCP packets', () => {
    const padded = packet(header, ok('p2') + '....\r\n');
    const icmp = packet(header, ok('p3')).replace(/\n\n$/, '\n') + 'I 2024/01/02 10:11:13.0 192.0.2.1 -> 198.51.100.7 3:3 #2\n....E`.).\n\n';
    const tcp = packet(header.replace('U ', 'T ').replace(' #1', ' [AP] #3'), ok('p4') + 'INVI');
    for (const text of [padded, icmp, tcp]) {
      assert.deepEqual(readTrace(text).problems.map((p) => p.code).filter((c) => c === 'unparsed-text'), [], text);
    }
  });
});
