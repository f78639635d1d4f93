import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FieldIndex, keyId } from '../../../src/core/lint/fieldIndex';
import { bodyOctetStats, firstElementParam, paramInRaw, paramInScanned } from '../../../src/core/lint/sipText';
import { parseMessage } from '../../../src/core/parser';

function messageWith(lines: string[]): string {
  return ['OPTIONS sip:a@example.com SIP/2.0', ...lines, '', ''].join('\r\n');
}

function headerOf(lines: string[], key: string): ReturnType<typeof parseMessage>['headers'][number] {
  const h = parseMessage(messageWith(lines)).headers.find((x) => x.key === key);
  assert.ok(h, key);
  return h;
}

/** A parameter of the first `key` field as the linter reads it: in place, through its field index. */
function paramInPlace(lines: string[], key: string, name: string): string | undefined {
  const content = messageWith(lines);
  const fields = new FieldIndex();
  fields.reset(parseMessage(content), content);
  const i = fields.first(keyId(key));
  assert.ok(i >= 0, key);
  return fields.param(i, name);
}

void describe('header parameters read in place', () => {
  void it('reads the same parameter in place as from the value text, quotes and <> honoured', () => {
    const values = [
      '"Alice; the <first>" <sip:alice@example.com;tag=inuri>;tag=a1',
      '<sip:bob@example.com> ; TAG = b2 ;x',
      'sip:carol@example.com;tag',
      'sip:dave@example.com;tag=d1, sip:eve@example.com;tag=e1',
      '<sip:frank@example.com>;x="q;tag=no";tag=f1',
      '<sip:grace@example.com>',
    ];
    for (const value of values) {
      const h = headerOf([`From: ${value}`], 'from');
      assert.equal(paramInPlace([`From: ${value}`], 'from', 'tag'), firstElementParam(h.value.text, 'tag'), value);
    }
    assert.equal(paramInPlace(['From: <sip:a@b>;tag=a1'], 'from', 'tag'), 'a1');
  });

  void it('reads a folded value as its collapsed text', () => {
    const folded = ['From: "Alice"', ' <sip:alice@example.com>;tag=', ' t1;x=1'];
    const h = headerOf(folded, 'from');
    assert.equal(paramInPlace(folded, 'from', 'tag'), firstElementParam(h.value.text, 'tag'));
    assert.equal(paramInPlace(['Via: SIP/2.0/UDP h.example.com', ' ;branch=z9hG4bK77'], 'via', 'branch'), 'z9hG4bK77');
  });
});

describe('reading a parameter in place', () => {
  it('finds the same parameter as the char-by-char reading, on random values with separators, quotes and brackets', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['a', 'tag', 'TAG', '=', ';', ',', '<', '>', '"', '\\', ' ', 'x1', 'branch', 'z9hG4bK', '\r\n ', '\t', ':', '@'];
    for (let round = 0; round < 20000; round++) {
      let value = '';
      const length = random(14);
      for (let k = 0; k < length; k++) {
        value += pieces[random(pieces.length)];
      }
      const content = `X${value}Y;tag=after`;
      for (const name of ['tag', 'branch']) {
        const inPlace = paramInRaw(content, 1, 1 + value.length, name);
        const scanned = paramInScanned(content, 1, 1 + value.length, name);
        assert.equal(inPlace, scanned, JSON.stringify({ value, name }));
      }
    }
  });
});

describe('body octet count', () => {
  it('counts octets, replacement chars and bare line feeds of ASCII and non-ASCII bodies alike', () => {
    const cases: [string, { octets: number; replacements: number; bareLf: number }][] = [
      ['v=0\r\no=- 1 1 IN IP4 h\r\n', { octets: 23, replacements: 0, bareLf: 0 }],
      ['\nv=0\ns=-\r\n\n', { octets: 11, replacements: 0, bareLf: 3 }],
      ['', { octets: 0, replacements: 0, bareLf: 0 }],
      ['caf\u00e9\n', { octets: 6, replacements: 0, bareLf: 1 }],
      ['\ufffd\r\n\ufffd\n', { octets: 9, replacements: 2, bareLf: 1 }],
      ['\u{1F600}\n\ud800', { octets: 8, replacements: 0, bareLf: 1 }],
    ];
    for (const [body, expected] of cases) {
      assert.deepEqual(bodyOctetStats(body), expected, JSON.stringify(body));
    }
  });
});
