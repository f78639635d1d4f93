import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { builtInDialog, renderNgrep, renderSippLog, writeSyntheticTraces } from '../../../scripts/bench/synth';

function bodyOf(message: string): string {
  const end = message.indexOf('\r\n\r\n');
  return message.slice(end + 4);
}

function contentLength(message: string): number {
  const m = /^Content-Length: (\d+)\r$/m.exec(message);
  return m ? Number(m[1]) : Number.NaN;
}

void describe('synthetic bench traces', () => {
  void it('builds a seven-message call whose Content-Length always matches the body', () => {
    const call = builtInDialog(3);
    assert.deepEqual(
      call.map((m) => m.text.slice(0, m.text.indexOf('\r\n'))),
      [
        'INVITE sip:bob@example.net SIP/2.0',
        'SIP/2.0 100 Trying',
        'SIP/2.0 180 Ringing',
        'SIP/2.0 200 OK',
        'ACK sip:bob@10.20.30.50:5060 SIP/2.0',
        'BYE sip:bob@10.20.30.50:5060 SIP/2.0',
        'SIP/2.0 200 OK',
      ],
    );
    for (const m of call) {
      assert.equal(contentLength(m.text), Buffer.byteLength(bodyOf(m.text)), m.text.slice(0, 30));
    }
  });

  void it('gives each call its own Call-ID', () => {
    const callId = (n: number): string | undefined => /^Call-ID: (.*)\r$/m.exec(builtInDialog(n)[0].text)?.[1];
    assert.notEqual(callId(1), callId(2));
  });

  void it('prints a packet as ngrep -W byline does: CR as a dot, two line ends after', () => {
    const text = renderNgrep({ text: 'OPTIONS sip:a SIP/2.0\r\nCSeq: 1 OPTIONS\r\n\r\n', src: '1.2.3.4:5060', dst: '5.6.7.8:5060' }, 0);
    assert.equal(
      text,
      'U 2026/11/21 05:30:00.000000 1.2.3.4:5060 -> 5.6.7.8:5060 #1\nOPTIONS sip:a SIP/2.0.\nCSeq: 1 OPTIONS.\n.\n\n\n',
    );
  });

  void it('states the byte count of the message in the SIPp log header', () => {
    const text = renderSippLog({ text: 'ACK sip:a SIP/2.0\r\n\r\n', src: 'a', dst: 'b' }, 5, true);
    assert.match(text, /^-{47} 2026-11-21\t05:30:00\.005005\nUDP message sent \(21 bytes\):\n\nACK sip:a SIP\/2\.0\r\n/);
  });

  void it('writes every framing with the same messages, and the payload file decodes to the raw trace', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
    try {
      const r = writeSyntheticTraces(dir, undefined, 20_000);
      assert.equal(r.source.kind, 'built-in-dialog');
      assert.ok(fs.statSync(r.files.ngrep).size >= 20_000);
      const ngrep = fs.readFileSync(r.files.ngrep, 'latin1');
      assert.equal(ngrep.match(/^U \d{4}\//gm)?.length, r.messages);
      const sipp = fs.readFileSync(r.files.sipp, 'latin1');
      assert.equal(sipp.match(/^-{47} /gm)?.length, r.messages);
      const payloads = fs
        .readFileSync(r.files.payloadsHex, 'latin1')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((hex) => Buffer.from(hex, 'hex').toString('latin1'));
      assert.equal(payloads.length, r.messages);
      assert.equal(fs.readFileSync(r.files.raw, 'latin1'), payloads.map((p) => p + '\r\n').join(''));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  void it('repeats the files of a message folder when one is given', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'a.sip'), 'OPTIONS sip:x SIP/2.0\r\nContent-Length: 0\r\n\r\n');
    fs.writeFileSync(path.join(corpus, 'b.sip'), 'SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n');
    try {
      const r = writeSyntheticTraces(path.join(dir, 'out'), corpus, 2_000);
      assert.deepEqual(r.source, { kind: 'corpus', dir: corpus, files: 2 });
      const raw = fs.readFileSync(r.files.raw, 'latin1');
      assert.ok(raw.startsWith('OPTIONS sip:x SIP/2.0\r\nContent-Length: 0\r\n\r\n\r\nSIP/2.0 200 OK\r\n'));
      assert.equal(raw.split('OPTIONS sip:x').length - 1, Math.ceil(r.messages / 2));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
