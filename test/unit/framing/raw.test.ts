import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/framing';
import { crlf, invite, ok, sourceOfContent, startLines } from './helpers';

void describe('readTrace on raw SIP', () => {
  void it('reads messages back to back, delimited by Content-Length', () => {
    const text = invite() + ok() + invite('b2@192.0.2.1');
    const r = readTrace(text);
    assert.equal(r.format, 'raw');
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK', 'INVITE sip:bob@example.com SIP/2.0']);
    assert.equal(r.segments[0].content, invite());
    assert.equal(r.segments[1].content, ok());
    assert.equal(r.segments[0].map.toSource(0), 0);
    assert.equal(r.segments[1].map.toSource(0), invite().length);
    assert.deepEqual(r.problems, []);
  });

  void it('reads messages separated by blank lines and junk, without flagging notes around them', () => {
    const text = 'Call from Alice, captured at the SBC:\n\n' + ok() + '\r\n\r\nthen the re-INVITE\n\n' + invite() + '\n-- end --\n';
    const r = readTrace(text);
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, ok());
    assert.equal(r.segments[1].content, invite());
    assert.equal(text.slice(r.segments[1].map.toSource(0), r.segments[1].map.toSource(0) + 6), 'INVITE');
    assert.deepEqual(r.problems, []);
  });

  void it('handles LF-only and mixed line ends', () => {
    const lf = ok().replace(/\r\n/g, '\n');
    const mixed = 'OPTIONS sip:x@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK2\nCall-ID: m\r\nContent-Length: 0\n\n';
    const r = readTrace(lf + mixed);
    assert.deepEqual(startLines(r.segments), ['SIP/2.0 200 OK', 'OPTIONS sip:x@example.com SIP/2.0']);
    assert.equal(r.segments[0].content, lf);
    assert.equal(r.segments[1].content, mixed);
  });

  void it('understands the compact Content-Length form l:', () => {
    const body = 'hello\r\n';
    const msg = crlf('MESSAGE sip:b@example.com SIP/2.0', 'c: text/plain', `l: ${body.length}`, '', '') + body;
    const r = readTrace(msg + ok());
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, msg);
  });

  void it('ends a message at its Content-Length and reads what follows in the datagram as the next message (RFC 4475 dblreq)', () => {
    const register = crlf('REGISTER sip:example.com SIP/2.0', 'Call-ID: dblreq', 'CSeq: 8 REGISTER', 'Content-Length: 0', '', '');
    const text = register + '\r\n' + invite();
    const r = readTrace(text);
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, register);
    assert.equal(r.segments[1].content, invite());
  });

  void it('reports a Content-Length larger than what follows as truncated-message', () => {
    const msg = crlf('INVITE sip:b@example.com SIP/2.0', 'Call-ID: clerr', 'Content-Length: 9999', '', 'v=0', 'm=audio 1 RTP/AVP 0', '');
    const r = readTrace(msg);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, msg);
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
    assert.equal(msg.slice(r.problems[0].span.start, r.problems[0].span.end), 'm=audio 1 RTP/AVP 0');
  });

  void it('reports a message cut off at the end of the file inside its headers', () => {
    const text = ok() + 'SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1;bra';
    const r = readTrace(text);
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[1].content, 'SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1;bra');
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
  });

  void it('reads a body without Content-Length up to the next start line', () => {
    const first = 'MESSAGE sip:b@example.com SIP/2.0\nCall-ID: x\n\nhello there\n';
    const r = readTrace(first + '\n' + ok());
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, first);
  });

  void it('reads an LF-only copy whose Content-Length counted CRLF line ends', () => {
    const body = 'v=0\no=- 1 1 IN IP4 h\ns=-\n';
    const first = `INVITE sip:b@example.com SIP/2.0\nCall-ID: lf\nContent-Length: ${body.length + 3}\n\n${body}`;
    const second = 'SIP/2.0 100 Trying\nCall-ID: lf\nContent-Length: 0\n\n';
    const r = readTrace(first + second);
    assert.equal(r.segments[0].content, first);
    assert.equal(r.segments[1].content, second);
    assert.deepEqual(r.problems, []);
  });

  void it('cuts a Content-Length that runs into the next message at its start line', () => {
    const body = 'v=0\no=- 1 1 IN IP4 h\ns=-\n';
    const first = `INVITE sip:b@example.com SIP/2.0\nCall-ID: lf\nContent-Length: ${body.length + 10}\n\n${body}`;
    const second = 'SIP/2.0 100 Trying\nCall-ID: lf\nContent-Length: 0\n\n';
    const r = readTrace(first + second);
    assert.deepEqual(startLines(r.segments), ['INVITE sip:b@example.com SIP/2.0', 'SIP/2.0 100 Trying']);
    assert.equal(r.segments[0].content, first);
    assert.deepEqual(r.problems.map((p) => p.code), ['content-length-mismatch']);
  });

  void it('flags text glued to the end of a message that its Content-Length does not cover as unparsed-text', () => {
    const msg = crlf('MESSAGE sip:b@example.com SIP/2.0', 'Call-ID: small', 'Content-Length: 3', '', 'abcdef');
    const r = readTrace(msg + '\r\n\r\n' + ok());
    assert.equal(r.segments.length, 2);
    assert.ok(r.segments[0].content.endsWith('\r\n\r\nabc'));
    const p = r.problems.find((x) => x.code === 'unparsed-text');
    assert.ok(p);
    assert.equal((msg + '\r\n\r\n').slice(p.span.start, p.span.end), 'def');
  });

  void it('keeps source offsets on the right characters', () => {
    const text = 'junk line\n\n' + invite();
    const r = readTrace(text);
    assert.equal(sourceOfContent(text, r.segments[0], 'Call-ID: a1@192.0.2.1'), 'Call-ID: a1@192.0.2.1');
  });

  void it('labels messages that follow unrecognised text directly as fallback (numbered traces)', () => {
    const text = [
      '1--------------------------------',
      'SIP/2.0 100 Trying',
      'Call-ID: n1',
      'Content-Length: 0',
      '2--------------------------------',
      'SIP/2.0 180 Ringing',
      'Call-ID: n1',
      'Content-Length: 0',
      '',
    ].join('\n');
    const r = readTrace(text);
    assert.equal(r.format, 'fallback');
    assert.deepEqual(startLines(r.segments), ['SIP/2.0 100 Trying', 'SIP/2.0 180 Ringing']);
    // The separator line belongs to neither message.
    assert.equal(r.segments[0].content, 'SIP/2.0 100 Trying\nCall-ID: n1\nContent-Length: 0\n');
  });
});
