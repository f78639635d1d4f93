import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FieldIndex, keyId } from '../../../src/core/lint/fieldIndex';
import { bodyOctetStats, firstElementParam, forgetSearches, matchesAt, nextComma, nextGt, nextLt, nextQuote, nextSemi, paramInLine, paramInScanned, searchMessage } from '../../../src/core/lint/sipText';
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
    // One-line values, as an unfolded field's (folded ones are read from their collapsed text).
    const pieces = ['a', 'tag', 'TAG', '=', ';', ',', '<', '>', '"', '\\', ' ', 'x1', 'branch', 'z9hG4bK', '\t', ':', '@'];
    for (let round = 0; round < 20000; round++) {
      let value = '';
      const length = random(14);
      for (let k = 0; k < length; k++) {
        value += pieces[random(pieces.length)];
      }
      const content = `X${value}Y;tag=after`;
      for (const name of ['tag', 'branch']) {
        const inPlace = paramInLine(content, 1, 1 + value.length, name);
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

void describe('remembered searches in the message being linted', () => {
  const finders = [
    [nextSemi, ';'],
    [nextComma, ','],
    [nextLt, '<'],
    [nextGt, '>'],
    [nextQuote, '"'],
  ] as const;

  void it('answer as indexOf within the header block (-1 past it), in any order of positions', () => {
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['a', ';', ',', '<', '>', '"', ' ', 'tag=1', '\r\n'];
    try {
      for (let round = 0; round < 3000; round++) {
        let headers = '';
        for (let k = random(30); k > 0; k--) {
          headers += pieces[random(pieces.length)];
        }
        const content = `${headers}\r\n\r\nbody;,<>"`;
        const headerEnd = headers.length + 4;
        searchMessage(content, headerEnd);
        for (let q = 0; q < 12; q++) {
          const from = random(headerEnd + 1);
          for (const [finder, char] of finders) {
            const at = content.indexOf(char, from);
            assert.equal(finder.in(content, from), at >= 0 && at < headerEnd ? at : -1, JSON.stringify({ content, from, char }));
          }
        }
      }
    } finally {
      forgetSearches();
    }
  });

  void it('trust nothing from the previous message, even one with equal text', () => {
    const first = 'A: x;y\r\n\r\n';
    const second = 'A: xy;\r\n\r\n';
    try {
      searchMessage(first);
      assert.equal(nextSemi.in(first, 0), 4);
      searchMessage(second);
      assert.equal(nextSemi.in(second, 0), 5);
      // A copy of the first text is another message: searched afresh in its own turn.
      const copy = `A: x;${'y'}\r\n\r\n`;
      searchMessage(copy);
      assert.equal(nextSemi.in(copy, 5), -1);
      assert.equal(nextSemi.in(copy, 0), 4);
      // Any other text is searched as indexOf does, body and all.
      assert.equal(nextSemi.in('ab;', 0), 2);
    } finally {
      forgetSearches();
    }
  });

  void it('read the same parameters in a message as the char-by-char reading', () => {
    const content = messageWith(['Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'From: "A;b" <sip:a@h;tag=in>;tag=t1', 'To: <sip:b@h>', 'Contact: <sip:c@h>;expires=5, <sip:d@h>']);
    const parsed = parseMessage(content);
    const fields = new FieldIndex();
    fields.reset(parsed, content);
    try {
      // Backwards, so that remembered answers are asked for earlier positions too.
      for (let i = fields.count - 1; i >= 0; i--) {
        for (const name of ['branch', 'tag', 'expires']) {
          const start = fields.valueStart(i);
          const end = fields.valueEnd(i);
          assert.equal(paramInLine(content, start, end, name), paramInScanned(content, start, end, name), `${fields.key(i)} ${name}`);
        }
      }
    } finally {
      fields.clear();
      forgetSearches();
    }
  });
});

void describe('matchesAt', () => {
  void it('tells whether a word is at a position, never past the end', () => {
    assert.equal(matchesAt('From: <sip:a@h>', 6, '<sip:a@h>'), true);
    assert.equal(matchesAt('From: <sip:a@h>', 6, '<sip:a@h>;'), false);
    assert.equal(matchesAt('From: <sip:a@h>', 5, '<sip'), false);
    assert.equal(matchesAt('ab', 2, ''), true);
  });
});
