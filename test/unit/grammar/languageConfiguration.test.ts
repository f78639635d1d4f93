import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { findRepoRoot } from '../../../scripts/build-grammar';

interface LanguageConfiguration {
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  wordPattern: string;
}

const config = JSON.parse(
  fs.readFileSync(path.join(findRepoRoot(__dirname), 'language-configuration.json'), 'utf8'),
) as LanguageConfiguration;

/**
 * The word VS Code selects on a double-click at `offset`: like the editor's getWordAtText, the
 * word pattern is run globally over the line and the match that contains the offset wins.
 */
function wordAt(line: string, offset: number): string | undefined {
  const re = new RegExp(config.wordPattern, 'g');
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index <= offset && offset < m.index + m[0].length) {
      return m[0];
    }
    if (m[0].length === 0) {
      re.lastIndex++;
    }
  }
  return undefined;
}

/** Double-clicks in the middle of `word` within `line` and returns what gets selected. */
function clickInside(line: string, word: string): string | undefined {
  const at = line.indexOf(word);
  assert.ok(at >= 0, `${word} not in ${line}`);
  return wordAt(line, at + Math.floor(word.length / 2));
}

void describe('language configuration', () => {
  void it('keeps a Via branch whole', () => {
    const line = 'Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds';
    assert.equal(clickInside(line, 'z9hG4bK776asdhds'), 'z9hG4bK776asdhds');
  });

  void it('keeps a Call-ID with its host whole', () => {
    assert.equal(clickInside('Call-ID: a84b4c76e66710@pc33.atlanta.com', 'a84b4c76e66710'), 'a84b4c76e66710@pc33.atlanta.com');
    assert.equal(clickInside('i: 1281f2e71bce@192.168.4.169:5160', '1281f2e71bce'), '1281f2e71bce@192.168.4.169:5160');
  });

  void it('keeps a URI with port and parameters whole, without the angle brackets', () => {
    const uri = 'sip:alice@atlanta.com:5060;transport=tcp';
    assert.equal(clickInside(`Contact: <${uri}>;expires=3600`, 'atlanta'), uri);
    assert.equal(clickInside(`INVITE ${uri} SIP/2.0`, 'alice'), uri);
  });

  void it('selects a header name without its colon and a tag value without its name', () => {
    const line = 'From: "Alice" <sip:alice@atlanta.com>;tag=1928301774';
    assert.equal(clickInside(line, 'From'), 'From');
    assert.equal(clickInside(line, '1928301774'), '1928301774');
    assert.equal(clickInside(line, 'Alice'), 'Alice');
  });

  void it('keeps a bracketed IPv6 reference and an IPv4 address whole', () => {
    assert.equal(clickInside('Via: SIP/2.0/UDP [2001:db8::9]:5060', 'db8'), '[2001:db8::9]:5060');
    assert.equal(clickInside('c=IN IP4 192.0.2.101', '0.2'), '192.0.2.101');
  });

  void it('never matches an empty word (VS Code rejects such patterns)', () => {
    assert.equal(new RegExp(config.wordPattern).test(''), false);
  });

  void it('pairs and auto-closes angle brackets and quotes', () => {
    assert.ok(config.brackets.some(([o, c]) => o === '<' && c === '>'));
    assert.ok(config.autoClosingPairs.some((p) => p.open === '<' && p.close === '>'));
    assert.ok(config.autoClosingPairs.some((p) => p.open === '"' && p.close === '"'));
  });

  void it('recognises the first line of every supported trace format, and not HTTP or prose', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(findRepoRoot(__dirname), 'package.json'), 'utf8')) as {
      contributes: { languages: { firstLine: string }[] };
    };
    const firstLine = new RegExp(manifest.contributes.languages[0]?.firstLine ?? '$^');
    const traces = [
      'INVITE sip:bob@biloxi.example.com SIP/2.0',
      'SIP/2.0 180 Ringing',
      'interface: any',
      'U 2024/03/05 11:08:42.785139 192.0.2.4:5060 -> 192.0.2.5:5060',
      '2024/03/05 10:11:12.123456 192.0.2.1:5060 -> 192.0.2.2:5080',
      '<--- Received SIP request (1432 bytes) from UDP:192.0.2.4:5060 --->',
      '[Mar  5 10:11:12] VERBOSE[2211][C-00000001] chan_sip.c: <--- SIP read from TCP:192.0.2.4:5060 --->',
      'recv 494 bytes from udp/[192.0.2.4]:5060 at 11:46:10.771343:',
      '====================',
      '----------------------------------------------- 2024-03-05 10:11:12.340287',
      '18:14:38.687           pjsua_core.c  .TX 523 bytes Request msg REGISTER/cseq=55470 (tdta0x7f83) to UDP 192.0.2.4:5060:',
      'proto:UDP 2024-03-05T10:11:12Z 192.0.2.4:5060 ---> 192.0.2.5:5060',
      '12:13:58.724326 IP 10.5.3.27.5060 > 10.5.3.1.39184: SIP, length: 527',
    ];
    for (const line of traces) {
      assert.ok(firstLine.test(line), line);
    }
    for (const line of ['GET / HTTP/1.1', 'HTTP/1.1 200 OK', 'INVITE everyone to the party SIP/2.0', '# Notes']) {
      assert.equal(firstLine.test(line), false, line);
    }
  });
});
