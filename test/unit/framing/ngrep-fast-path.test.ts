import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iterateTrace, readTrace } from '../../../src/core/framing';
import { parseEndpoint, parseEndpointAt } from '../../../src/core/framing/endpoints';
import { restoreNgrepCarriageReturns, restoreNgrepChunk } from '../../../src/core/framing/ngrepView';
import { crlf, invite, ok, sourceOfContent } from './helpers';

/*
 * The reader cuts the usual ngrep datagram (start line, blank line, a Content-Length ending the
 * body at the end of the payload) from what its block scan noted, and leaves every other packet
 * to the general cutter. These tests pin the edges between the two: each must read as a packet
 * of that shape always has.
 */

function byline(payload: string): string {
  return payload.replace(/\r\n/g, '.\n');
}

const HEAD = 'U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060';

function packet(payload: string, header = HEAD): string {
  return `${header}\n${byline(payload)}\n\n`;
}

/** A message whose Content-Length says `declared` for a body of `body`. */
function withBody(body: string, declared: number): string {
  return crlf('MESSAGE sip:bob@example.com SIP/2.0', 'Call-ID: m1', 'CSeq: 1 MESSAGE', `Content-Length: ${declared}`, '', '') + body;
}

void describe('ngrep datagrams cut from the block scan', () => {
  void it('reads a datagram whose Content-Length ends the body at the end of the payload, mapped to the source', () => {
    const text = packet(invite()) + packet(ok());
    const r = readTrace(text);
    assert.deepEqual(
      r.segments.map((s) => s.content),
      [invite(), ok()],
    );
    assert.deepEqual(r.problems, []);
    assert.equal(sourceOfContent(text, r.segments[0], 'CSeq: 1 INVITE'), 'CSeq: 1 INVITE');
    assert.equal(r.segments[1].map.toSource(0), text.indexOf('SIP/2.0 200 OK'));
  });

  void it('reports the rest of a datagram whose Content-Length is shorter than its body', () => {
    const r = readTrace(packet(withBody('hello world', 5)));
    assert.equal(r.segments.length, 1);
    assert.ok(r.segments[0].content.endsWith('\r\n\r\nhello'));
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['unparsed-text'],
    );
  });

  void it('reports a datagram whose Content-Length is longer than its body as cut off', () => {
    const r = readTrace(packet(withBody('hi', 40)));
    assert.equal(r.segments.length, 1);
    // Short by its Content-Length, so the payload's last newline is taken as body.
    assert.ok(r.segments[0].content.endsWith('\r\n\r\nhi\n'));
    assert.deepEqual(
      r.problems.map((p) => p.code),
      ['truncated-message'],
    );
  });

  void it('reads a datagram without Content-Length to the end of its payload', () => {
    const msg = crlf('OPTIONS sip:a@example.com SIP/2.0', 'Call-ID: o1', 'CSeq: 1 OPTIONS', '', '');
    const r = readTrace(packet(msg));
    assert.deepEqual(
      r.segments.map((s) => s.content),
      [msg],
    );
  });

  void it('takes a line of spaces and a dot for the blank line, as the CR-restored text has it', () => {
    const text = `${HEAD}\nMESSAGE sip:bob@example.com SIP/2.0.\nCSeq: 1 MESSAGE.\nContent-Length: 2.\n  .\nhi\n\n`;
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, 'MESSAGE sip:bob@example.com SIP/2.0\r\nCSeq: 1 MESSAGE\r\nContent-Length: 2\r\n  \r\nhi');
  });

  void it('does not take a dot inside a line (not before a newline) for a CR', () => {
    const text = `${HEAD}\nMESSAGE sip:bob@example.com SIP/2.0.\nContent-Length: 3.\n. \nhi\n\n`;
    const seg = readTrace(text).segments[0];
    // `. ` is no blank line: the header block runs on and the body is never reached.
    assert.ok(seg.content.includes('\r\n. \nhi'));
  });

  void it('reads two messages sent in one datagram as two messages', () => {
    const r = readTrace(packet(ok('x1') + ok('x2')));
    assert.equal(r.segments.length, 2);
    assert.deepEqual(
      r.segments.map((s) => s.content),
      [ok('x1'), ok('x2')],
    );
  });

  void it('reports a datagram whose first line is not a SIP start line and reads no message from it', () => {
    const r = readTrace(packet(crlf('HELLO there', 'Content-Length: 0', '', '')));
    assert.equal(r.segments.length, 0);
  });

  void it('reads the same segments streamed and collected', () => {
    const text = packet(invite()) + packet(withBody('hello world', 5)) + packet(ok());
    const streamed = [...iterateTrace(text)];
    assert.deepEqual(
      streamed.map((s) => s.content),
      readTrace(text).segments.map((s) => s.content),
    );
  });

  void it('reads packets across the restored chunks, including one larger than a chunk', () => {
    // Large enough for several 64 KB chunks, with one SDP body of 100 KB in the middle.
    const big = withBody(`${'a=x-filler:0123456789\r\n'.repeat(4400)}`, 4400 * 23);
    const messages: string[] = [];
    let text = 'interface: any\n\n';
    for (let i = 0; i < 400; i++) {
      const m = i === 200 ? big : i % 2 === 0 ? invite(`c${i}@192.0.2.1`) : ok(`c${i}@192.0.2.1`);
      messages.push(m);
      text += packet(m);
    }
    const r = readTrace(text);
    assert.equal(r.segments.length, messages.length);
    r.segments.forEach((s, i) => assert.equal(s.content, messages[i], `message ${i}`));
    assert.deepEqual(r.problems, []);
    const last = r.segments[399];
    assert.equal(sourceOfContent(text, last, 'Call-ID: c399@192.0.2.1'), 'Call-ID: c399@192.0.2.1');
  });
});

void describe('restoreNgrepChunk', () => {
  const text = 'x.\nINVITE sip:a SIP/2.0.\n.\nv=0.\n\nend.';

  void it('restores like restoreNgrepCarriageReturns and lists every newline of the chunk', () => {
    const from = 3;
    const chunk = restoreNgrepChunk(text, from, text.length, new Int32Array(1));
    assert.equal(chunk.view, restoreNgrepCarriageReturns(text.slice(from)));
    const newlines: number[] = [];
    for (let i = text.indexOf('\n', from); i >= 0; i = text.indexOf('\n', i + 1)) {
      newlines.push(i);
    }
    assert.deepEqual(Array.from(chunk.lineEnds.subarray(0, chunk.lines)), newlines);
  });

  void it('restores characters beyond latin1 and lists their newlines', () => {
    const wide = 'Subject: caf\u00e9 \u20ac.\nTo: \u4e2d.\n';
    const chunk = restoreNgrepChunk(wide, 0, wide.length, new Int32Array(0));
    assert.equal(chunk.view, 'Subject: caf\u00e9 \u20ac\r\nTo: \u4e2d\r\n');
    assert.equal(chunk.lines, 2);
  });

  void it('keeps no bytes of a longer chunk restored before it', () => {
    const long = `${'a'.repeat(5000)}.\n`;
    restoreNgrepChunk(long, 0, long.length, new Int32Array(0));
    const short = restoreNgrepChunk('b.\nc', 0, 4, new Int32Array(0));
    assert.equal(short.view, 'b\r\nc');
  });
});

void describe('parseEndpointAt', () => {
  const cases = ['192.0.2.1:5060', '192.0.2.1', '192.0.2.1:', '[2001:db8::1]:5061', '[2001:db8::1]', 'fe80::1:5060', 'host:99999', ':5060', '[', '[]:1', ''];

  void it('reads an endpoint in place as parseEndpoint reads it cut out', () => {
    for (const written of cases) {
      const text = `<${written}>`;
      assert.deepEqual(parseEndpointAt(text, 1, 1 + written.length), parseEndpoint(written), written);
    }
  });

  void it('looks for a closing bracket only inside the range', () => {
    const text = '[2001:db8::1 -> x]:5060';
    // No bracket closes inside the range, so the last colon there is taken for the port's.
    assert.deepEqual(parseEndpointAt(text, 0, 12), { host: '[2001:db8:', port: 1 });
    assert.deepEqual(parseEndpointAt(text, 0, 12), parseEndpoint('[2001:db8::1'));
  });
});
