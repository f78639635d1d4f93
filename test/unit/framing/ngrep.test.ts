import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readTrace } from '../../../src/core/framing';
import { crlf, invite, ok, sourceOfContent, startLines } from './helpers';

/** A payload as `ngrep -W byline` prints it: each CR shown as a `.` at the end of its line. */
function byline(payload: string): string {
  return payload.replace(/\r\n/g, '.\n');
}

function packet(header: string, payload: string): string {
  // ngrep prints a newline after the payload and another before the next header.
  return `${header}\n${byline(payload)}\n\n`;
}

const BANNER = 'interface: any\nfilter: (ip or ip6) and ( port 5060 )\n\n';

void describe('readTrace on ngrep -W byline output', () => {
  void it('reads packets with -t times, restores CRLF and reads the framing header', () => {
    const text =
      BANNER +
      packet('U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060', invite()) +
      packet('U 2024/01/02 10:11:12.223456 198.51.100.7:5060 -> 192.0.2.1:5060', ok());
    const r = readTrace(text);
    assert.equal(r.format, 'ngrep');
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, invite());
    assert.equal(r.segments[1].content, ok());
    const f = r.segments[0].framing;
    assert.equal(f.format, 'ngrep');
    assert.equal(f.time, '2024/01/02 10:11:12.123456');
    assert.deepEqual(f.src, { host: '192.0.2.1', port: 5060 });
    assert.deepEqual(f.dst, { host: '198.51.100.7', port: 5060 });
    assert.equal(f.transport, 'UDP');
    assert.ok(f.headerSpan);
    assert.equal(text.slice(f.headerSpan.start, f.headerSpan.end), 'U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060');
    assert.deepEqual(r.problems, []);
  });

  void it('maps a header value so that it ends before the trailing dot', () => {
    const text = packet('U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060', invite());
    const seg = readTrace(text).segments[0];
    const at = seg.content.indexOf('a1@192.0.2.1');
    const span = seg.map.spanToSource({ start: at, end: at + 'a1@192.0.2.1'.length });
    assert.equal(text.slice(span.start, span.end), 'a1@192.0.2.1');
    assert.equal(text.charAt(span.end), '.');
    assert.equal(sourceOfContent(text, seg, 'CSeq: 1 INVITE'), 'CSeq: 1 INVITE');
  });

  void it('reads packets without times, with -T relative times, # packet numbers and # separator lines', () => {
    const text =
      'input: call.pcap\nfilter: ((ip || ip6) || (vlan && (ip || ip6)))\n#\n' +
      packet('U 192.0.2.1:5060 -> 198.51.100.7:5060 #1', invite()) +
      '####\n' +
      packet('U +0.000152 198.51.100.7:5060 -> 192.0.2.1:5060 #4', ok());
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.equal(r.segments[0].framing.time, undefined);
    assert.equal(r.segments[1].framing.time, '+0.000152');
    assert.equal(r.segments[1].content, ok());
    // The `#` marks between packets are ngrep's, not text left over in a packet.
    assert.deepEqual(r.problems, []);
  });

  void it('reads several messages in one packet', () => {
    const text = packet('U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060', ok('x1') + ok('x2'));
    const r = readTrace(text);
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, ok('x1'));
    assert.equal(r.segments[1].content, ok('x2'));
    assert.equal(sourceOfContent(text, r.segments[1], 'Call-ID: x2'), 'Call-ID: x2');
  });

  void it('joins one message split over two TCP packets of the same flow', () => {
    const whole = invite();
    const cut = whole.indexOf('m=audio');
    const text =
      packet('T 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060 [AP] #1', whole.slice(0, cut)) +
      packet('T 2024/01/02 10:11:12.123500 198.51.100.7:5060 -> 192.0.2.1:5060 [AP] #2', ok()) +
      packet('T 2024/01/02 10:11:12.123556 192.0.2.1:5060 -> 198.51.100.7:5060 [AP] #3', whole.slice(cut));
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.equal(r.segments[0].content, whole);
    assert.equal(r.segments[0].framing.transport, 'TCP');
    // The second packet's line maps into the third packet.
    assert.equal(sourceOfContent(text, r.segments[0], 'm=audio 4000 RTP/AVP 0'), 'm=audio 4000 RTP/AVP 0');
    assert.ok(r.segments[0].map.toSource(whole.indexOf('m=audio')) > text.indexOf('#3'));
    assert.deepEqual(r.problems, []);
  });

  void it('reports a TCP message whose rest never arrives as truncated', () => {
    const whole = invite();
    const text = packet('T 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060 [AP]', whole.slice(0, whole.indexOf('m=audio')));
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
  });

  void it('joins IPv6 fragments ngrep prints as separate packets', () => {
    const whole = invite();
    const cut = whole.indexOf('s=-');
    const text =
      packet('U 2022/03/22 05:20:26.047902 fd17::1:15060 -> fd17::2:5062 2959374208@0:1440 #1', whole.slice(0, cut)) +
      packet('U 2022/03/22 05:20:26.047912 fd17::1 -> fd17::2 +2959374208@1448:251 #2', whole.slice(cut));
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, whole);
    assert.deepEqual(r.segments[0].framing.src, { host: 'fd17::1', port: 15060 });
    assert.deepEqual(r.problems, []);
  });

  void it('finds the message after the inner header bytes of an encapsulation ngrep cannot decode', () => {
    const text = `? 2018/05/11 02:35:14.962510 192.0.2.213 -> 192.0.2.68 #1\n .eX.....PV..aHz......E\n..S......m..${byline(ok())}\n\n`;
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, ok());
    assert.equal(r.segments[0].framing.transport, undefined);
  });

  void it('restores CRs in text that is not pure ASCII', () => {
    const msg = crlf('MESSAGE sip:zoe@example.com SIP/2.0', 'From: "Zoë" <sip:zoe@example.com>;tag=1', 'Call-ID: nonascii', 'Content-Length: 0', '', '');
    const text = packet('U 2024/01/02 10:11:12.1 192.0.2.1:5060 -> 198.51.100.7:5060', msg);
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, msg);
  });

  void it('skips packets that are not SIP without a problem', () => {
    const text =
      packet('U 2024/01/02 10:11:12.1 192.0.2.1:4000 -> 198.51.100.7:4000', '..........xK..\r\n') +
      packet('U 2024/01/02 10:11:12.2 192.0.2.1:5060 -> 198.51.100.7:5060', ok());
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['SIP/2.0 200 OK']);
    assert.deepEqual(r.problems, []);
  });

  void it('reads the old format that indents every payload line by one space', () => {
    const payload = crlf('SUBSCRIBE sip:r@203.0.113.1 SIP/2.0', 'Call-ID: old', 'Content-Length: 0', '', '');
    const lines = byline(payload).split('\n').map((l) => ` ${l}`).join('\n');
    const text = `#\nU 2002/09/26 02:03:09.807288 195.37.77.101:5060 -> 203.0.113.1:5060\n${lines}\n\t</programlisting>\n`;
    const r = readTrace(text);
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, payload);
    assert.equal(text.charAt(r.segments[0].map.toSource(0) - 1), ' ');
    assert.equal(sourceOfContent(text, r.segments[0], 'Call-ID: old'), 'Call-ID: old');
  });

  void it('restores CRs in every packet of a capture larger than one restore chunk (4 M characters)', () => {
    const parts = [BANNER];
    let size = BANNER.length;
    let n = 0;
    while (size < 4.5 * 1024 * 1024) {
      const p = packet(`U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060 #${n + 1}`, n % 2 === 0 ? invite(`c${n}`) : ok(`c${n}`));
      parts.push(p);
      size += p.length;
      n++;
    }
    const text = parts.join('');
    const r = readTrace(text);
    assert.equal(r.segments.length, n);
    for (let i = 0; i < n; i++) {
      const seg = r.segments[i];
      assert.equal(seg.content, i % 2 === 0 ? invite(`c${i}`) : ok(`c${i}`));
      assert.equal(text.slice(seg.map.toSource(0), seg.map.toSource(0) + 7), i % 2 === 0 ? 'INVITE ' : 'SIP/2.0');
    }
    assert.deepEqual(r.problems, []);
  });
});
