import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readTrace } from '../../../src/core/framing';
import { crlf, invite, ok, sourceOfContent, startLines } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'framing');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

function headerText(text: string, span: { start: number; end: number } | undefined): string {
  assert.ok(span);
  return text.slice(span.start, span.end);
}

void describe('readTrace on tool logs', () => {
  void it('reads sngrep "save as .txt" exports', () => {
    const text =
      '2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 198.51.100.7:5060\n' +
      invite() +
      '\n' +
      '2024/01/02 10:11:12.223456 198.51.100.7:5060 -> 192.0.2.1:5060\n' +
      ok() +
      '\n';
    const r = readTrace(text);
    assert.equal(r.format, 'sngrep');
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.equal(r.segments[0].content, invite());
    assert.equal(r.segments[1].framing.time, '2024/01/02 10:11:12.223456');
    assert.deepEqual(r.segments[1].framing.src, { host: '198.51.100.7', port: 5060 });
    assert.deepEqual(r.problems, []);
  });

  void it('reads Asterisk pjsip logger output with direction, byte count and transport', () => {
    const text =
      '[2024-01-02 10:11:12] VERBOSE[1234] res_pjsip_logger.c: <--- Received SIP request (511 bytes) from UDP:192.0.2.1:5060 --->\n' +
      invite() +
      '\n' +
      '<--- Transmitting SIP response (250 bytes) to UDP:[2001:db8::1]:5062 --->\n' +
      ok() +
      '\n';
    const r = readTrace(text);
    assert.equal(r.format, 'asterisk-pjsip');
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    const [rx, tx] = r.segments;
    assert.equal(rx.content, invite());
    assert.equal(rx.framing.direction, 'in');
    assert.equal(rx.framing.declaredLength, 511);
    assert.equal(rx.framing.transport, 'UDP');
    assert.deepEqual(rx.framing.src, { host: '192.0.2.1', port: 5060 });
    assert.equal(tx.framing.direction, 'out');
    assert.deepEqual(tx.framing.dst, { host: '2001:db8::1', port: 5062 });
  });

  void it('reads chan_sip debug output with its read and transmit headers', () => {
    const text =
      '\n<--- SIP read from UDP:192.0.2.1:5060 --->\n' +
      ok() +
      '<------------->\n--- (7 headers 0 lines) ---\n' +
      'Retransmitting #2 (no NAT) to 192.0.2.1:5060:\n' +
      invite() +
      '\n---\n';
    const r = readTrace(text);
    assert.equal(r.format, 'asterisk-chan-sip');
    assert.deepEqual(startLines(r.segments), ['SIP/2.0 200 OK', 'INVITE sip:bob@example.com SIP/2.0']);
    assert.equal(r.segments[0].framing.direction, 'in');
    assert.equal(r.segments[1].framing.direction, 'out');
    assert.deepEqual(r.segments[1].framing.dst, { host: '192.0.2.1', port: 5060 });
    assert.equal(r.segments[1].content, invite());
  });

  void it('strips the Asterisk full-log prefix from every line and maps past it', () => {
    const text = fixture('asterisk-full-log-chan-sip.txt');
    const r = readTrace(text);
    assert.equal(r.format, 'asterisk-chan-sip');
    assert.deepEqual(startLines(r.segments), ['OPTIONS sip:100@192.0.2.20 SIP/2.0', 'SIP/2.0 200 OK']);
    assert.ok(!r.segments[0].content.includes('VERBOSE'));
    assert.ok(r.segments[0].content.endsWith('Content-Length: 0\n\n'));
    assert.equal(sourceOfContent(text, r.segments[0], 'Call-ID: as-opt-1'), 'Call-ID: as-opt-1');
    const start = r.segments[1].map.toSource(0);
    assert.ok(text.slice(start - 'chan_sip.c: '.length, start) === 'chan_sip.c: ');
    assert.deepEqual(r.segments[1].framing.dst, { host: '192.0.2.10', port: 5060 });
    assert.deepEqual(r.problems, []);
  });

  void it('reads FreeSWITCH siptrace: removes the 3-space indent and maps past it', () => {
    const text = fixture('freeswitch-siptrace.txt');
    const r = readTrace(text);
    assert.equal(r.format, 'freeswitch');
    assert.deepEqual(startLines(r.segments), ['INVITE sip:1001@192.0.2.20 SIP/2.0', 'SIP/2.0 100 Trying']);
    const [inv, trying] = r.segments;
    assert.ok(inv.content.startsWith('INVITE sip:1001@192.0.2.20 SIP/2.0\nVia: SIP/2.0/UDP'));
    assert.ok(inv.content.endsWith('\n\nv=0\no=- 1 1 IN IP4 192.0.2.10\ns=-\n'));
    // Each line's first character maps past its indentation.
    const via = inv.content.indexOf('Via:');
    assert.equal(text.slice(inv.map.toSource(via) - 3, inv.map.toSource(via) + 4), '   Via:');
    assert.equal(sourceOfContent(text, inv, 'Call-ID: fs-call-1'), 'Call-ID: fs-call-1');
    assert.equal(inv.framing.direction, 'in');
    assert.equal(inv.framing.declaredLength, 420);
    assert.equal(inv.framing.time, '10:11:12.123456');
    assert.deepEqual(inv.framing.src, { host: '192.0.2.10', port: 5060 });
    assert.equal(trying.framing.direction, 'out');
    assert.equal(
      headerText(text, trying.framing.headerSpan),
      'freeswitch@pbx> send 300 bytes to udp/[192.0.2.10]:5060 at 10:11:12.124000:',
    );
    assert.deepEqual(r.problems, []);
  });

  void it('accepts the dashed rules indented like the message, as sofia-sip writes them', () => {
    const rule = '   ' + '-'.repeat(72);
    const body = ok('fs-2').split('\r\n').map((l) => (l ? `   ${l}` : l)).join('\n');
    const text = `recv 300 bytes from udp/[192.0.2.10]:5060 at 10:11:12.123456:\n${rule}\n${body}${rule}\n`;
    const r = readTrace(text);
    assert.deepEqual(startLines(r.segments), ['SIP/2.0 200 OK']);
    assert.equal(sourceOfContent(text, r.segments[0], 'Call-ID: fs-2'), 'Call-ID: fs-2');
    assert.deepEqual(r.problems, []);
  });

  void it('reads Kamailio sipdump files with their metadata block', () => {
    const text = fixture('kamailio-sipdump.data');
    const r = readTrace(text);
    assert.equal(r.format, 'kamailio-sipdump');
    assert.deepEqual(startLines(r.segments), ['OPTIONS sip:100@192.0.2.20 SIP/2.0', 'SIP/2.0 200 OK']);
    const [rcv, snd] = r.segments;
    assert.ok(rcv.content.endsWith('Content-Length: 0\r\n\r\n'));
    assert.ok(!rcv.content.includes('||||'));
    assert.equal(rcv.framing.direction, 'in');
    assert.equal(rcv.framing.transport, 'UDP');
    assert.equal(rcv.framing.time, 'Tue Jan  2 10:11:12 2024');
    assert.deepEqual(rcv.framing.src, { host: '192.0.2.10', port: 5060 });
    assert.deepEqual(rcv.framing.dst, { host: '192.0.2.20', port: 5060 });
    assert.equal(snd.framing.direction, 'out');
    assert.ok(headerText(text, rcv.framing.headerSpan).startsWith('===================='));
    assert.ok(headerText(text, rcv.framing.headerSpan).endsWith('~~~~~~~~~~~~~~~~~~~~'));
  });

  void it('reads SIPp -trace_msg logs', () => {
    const text = fixture('sipp-trace-msg.log');
    const r = readTrace(text);
    assert.equal(r.format, 'sipp');
    assert.deepEqual(startLines(r.segments), ['OPTIONS sip:100@192.0.2.20 SIP/2.0', 'SIP/2.0 200 OK']);
    const [sent, received] = r.segments;
    assert.equal(sent.framing.direction, 'out');
    assert.equal(sent.framing.time, '2024-01-02 10:11:12.157798');
    assert.equal(sent.framing.declaredLength, sent.content.length);
    assert.equal(received.framing.direction, 'in');
    assert.equal(received.framing.declaredLength, received.content.length);
    assert.equal(received.framing.transport, 'UDP');
  });

  void it('reads pjsua logs up to --end msg--', () => {
    const text = fixture('pjsua.log');
    const r = readTrace(text);
    assert.equal(r.format, 'pjsip');
    assert.deepEqual(startLines(r.segments), ['OPTIONS sip:100@192.0.2.20 SIP/2.0', 'SIP/2.0 200 OK']);
    const [tx, rx] = r.segments;
    assert.equal(tx.framing.direction, 'out');
    assert.equal(tx.framing.time, '10:11:12.187');
    assert.equal(tx.framing.declaredLength, 244);
    assert.deepEqual(tx.framing.dst, { host: '192.0.2.20', port: 5060 });
    assert.equal(rx.framing.direction, 'in');
    assert.deepEqual(rx.framing.src, { host: '192.0.2.20', port: 5060 });
    assert.ok(!rx.content.includes('--end msg--'));
  });

  void it('reads Homer text exports', () => {
    const text =
      'proto:UDP 2024-01-02T10:11:12.123456Z 192.0.2.1:5060 ---> 198.51.100.7:5060\n' +
      invite() +
      '\nproto:TCP 2024-01-02T10:11:12.223456Z 198.51.100.7:5060 ---> 192.0.2.1:5060\n' +
      ok();
    const r = readTrace(text);
    assert.equal(r.format, 'homer');
    assert.equal(r.segments.length, 2);
    assert.equal(r.segments[0].content, invite());
    assert.equal(r.segments[0].framing.time, '2024-01-02T10:11:12.123456Z');
    assert.equal(r.segments[1].framing.transport, 'TCP');
    assert.deepEqual(r.segments[1].framing.dst, { host: '192.0.2.1', port: 5060 });
  });

  void it('reads tcpdump -A dumps, skipping the header bytes before the start line', () => {
    const text =
      'tcpdump: verbose output suppressed, use -v or -vv for full protocol decode\n' +
      '09:17:59.862944 IP 192.0.2.1.49658 > 198.51.100.7.5060: UDP, length 511\n' +
      'E..p..@.3....a.[-M.......\\..' +
      invite().replace(/\r\n/g, '\n') +
      '\n' +
      '09:17:59.864749 IP 198.51.100.7.5060 > 192.0.2.1.49658: UDP, length 250\n' +
      'E..+....@...\n..4\n...c.......SIP/2.0 200 OK\nCall-ID: t1\nContent-Length: 0\n\n';
    const r = readTrace(text);
    assert.equal(r.format, 'tcpdump');
    assert.deepEqual(startLines(r.segments), ['INVITE sip:bob@example.com SIP/2.0', 'SIP/2.0 200 OK']);
    assert.deepEqual(r.segments[0].framing.src, { host: '192.0.2.1', port: 49658 });
    assert.equal(r.segments[0].framing.declaredLength, 511);
    assert.equal(r.segments[0].framing.transport, 'UDP');
    assert.equal(r.segments[1].content, 'SIP/2.0 200 OK\nCall-ID: t1\nContent-Length: 0\n\n');
    assert.equal(text.slice(r.segments[1].map.toSource(0), r.segments[1].map.toSource(0) + 7), 'SIP/2.0');
  });

  void it('rebuilds messages from tshark -V / Wireshark packet details text', () => {
    const text = fixture('tshark-V-sip.txt');
    const r = readTrace(text);
    assert.equal(r.format, 'wireshark');
    assert.equal(r.segments.length, 2);
    const [inv, trying] = r.segments;
    assert.equal(
      inv.content,
      crlf(
        'INVITE sip:1001@192.0.2.20:5060 SIP/2.0',
        'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-ws1',
        'From: <sip:1000@192.0.2.20>;tag=ws1',
        'To: <sip:1001@192.0.2.20>',
        'Call-ID: ws-call-1',
        'CSeq: 1 INVITE',
        'Content-Type: application/sdp',
        'Content-Length: 38',
        '',
        'v=0',
        'o=- 1 1 IN IP4 192.0.2.10',
        's=-',
        '',
      ),
    );
    assert.equal(sourceOfContent(text, inv, 'From: <sip:1000@192.0.2.20>;tag=ws1'), 'From: <sip:1000@192.0.2.20>;tag=ws1');
    assert.equal(sourceOfContent(text, inv, '- 1 1 IN IP4 192.0.2.10'), '- 1 1 IN IP4 192.0.2.10');
    assert.equal(trying.content, crlf('SIP/2.0 100 Trying', 'Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-ws1', 'Call-ID: ws-call-1', 'CSeq: 1 INVITE', 'Content-Length: 0', '', ''));
    // The excerpt shows 37 bytes of the INVITE's 38-byte body: it was cut off.
    assert.deepEqual(r.problems.map((p) => p.code), ['truncated-message']);
    assert.ok(r.problems[0].span.end <= text.indexOf('Frame 5'));
  });

  void it('decides per header line: a log mixing formats and plain log lines', () => {
    const text =
      'Jan  2 10:11:12 pbx app[1]: starting\n' +
      'recv 250 bytes from udp/[192.0.2.1]:5060 at 10:11:12.000001:\n' +
      '-'.repeat(72) +
      '\n' +
      ok()
        .split('\r\n')
        .map((l) => `   ${l}`)
        .join('\n') +
      '-'.repeat(72) +
      '\n' +
      'Jan  2 10:11:13 pbx app[1]: more\n' +
      '2024/01/02 10:11:13.000000 192.0.2.1:5060 -> 198.51.100.7:5060\n' +
      invite() +
      '\n';
    const r = readTrace(text);
    assert.deepEqual(
      r.segments.map((s) => s.framing.format),
      ['freeswitch', 'sngrep'],
    );
    assert.deepEqual(r.problems, []);
  });

  void it('reports a framed block that holds no SIP start line as unrecognized-message', () => {
    const text = 'proto:UDP 2024-01-02T10:11:12.1Z 192.0.2.1:5060 ---> 198.51.100.7:5060\nHELLO WORLD\n\n';
    const r = readTrace(text);
    assert.equal(r.segments.length, 0);
    assert.deepEqual(r.problems.map((p) => p.code), ['unrecognized-message']);
    assert.equal(text.slice(r.problems[0].span.start, r.problems[0].span.end), 'HELLO WORLD');
  });

  void it('falls back to start lines behind a quoting prefix, restoring ngrep CRs', () => {
    const quoted = ok()
      .replace(/\r\n/g, '.\n')
      .split('\n')
      .map((l) => `> ${l}`)
      .join('\n');
    const text = `From the list:\n\n> Example:\n${quoted}\n> B6.\n\nthanks\n`;
    const r = readTrace(text);
    assert.equal(r.format, 'fallback');
    assert.equal(r.segments.length, 1);
    assert.equal(r.segments[0].content, ok());
    assert.equal(sourceOfContent(text, r.segments[0], 'CSeq: 1 INVITE'), 'CSeq: 1 INVITE');
  });
});
