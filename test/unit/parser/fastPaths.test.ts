import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedMessage, RequestLine, StatusLine } from '../../../src/core/model';
import * as parser from '../../../src/core/parser';
import { FIELD_SLOTS, headerFieldTable, parseMessage } from '../../../src/core/parser';

// The parser guesses each header name from the one that followed it in earlier messages and
// takes shortcuts for "Name: value", "SIP/2.0" and the usual methods. These tests pin that a
// wrong guess or a near miss of a shortcut still gives exactly the general result.

function crlf(lines: string[]): string {
  return lines.join('\r\n');
}

/** [name as written, value text, value start, value end, field end] per header field. */
function fieldsOf(p: ParsedMessage): [string, string, number, number, number][] {
  const table = headerFieldTable(p);
  assert.ok(table);
  return table.names.map((k, i) => {
    const f = table.fields.slice(i * FIELD_SLOTS, (i + 1) * FIELD_SLOTS);
    return [k.written, table.content.slice(f[1], f[2]), f[1], f[2], f[3]];
  });
}

describe('parseMessage: header name guesses', () => {
  it('reads names right when the order changes from one message to the next', () => {
    const first = crlf(['SIP/2.0 200 OK', 'Via: v1', 'From: f1', 'To: t1', '', '']);
    const second = crlf(['SIP/2.0 200 OK', 'Via: v2', 'To: t2', 'From: f2', '', '']);
    assert.deepEqual(
      fieldsOf(parseMessage(first)).map((f) => [f[0], f[1]]),
      [
        ['Via', 'v1'],
        ['From', 'f1'],
        ['To', 't1'],
      ],
    );
    // After "Via" the guess is now "From"; here "To" follows.
    assert.deepEqual(
      fieldsOf(parseMessage(second)).map((f) => [f[0], f[1]]),
      [
        ['Via', 'v2'],
        ['To', 't2'],
        ['From', 'f2'],
      ],
    );
  });

  it('does not take a longer name, another case or a space before the colon for the guessed name', () => {
    const teach = crlf(['SIP/2.0 200 OK', 'Via: a', 'To: b', '', '']);
    parseMessage(teach);
    parseMessage(teach);
    const tricky = crlf(['SIP/2.0 200 OK', 'Via: a', 'Top: b', 'Via: c', 'TO: d', 'Via: e', 'To : f', 'Via: g', 'To', '', '']);
    const p = parseMessage(tricky);
    assert.deepEqual(
      p.headers.map((h) => [h.name.text, h.canonical, h.value.text]),
      [
        ['Via', 'Via', 'a'],
        ['Top', 'Top', 'b'],
        ['Via', 'Via', 'c'],
        ['TO', 'To', 'd'],
        ['Via', 'Via', 'e'],
        ['To', 'To', 'f'],
        ['Via', 'Via', 'g'],
      ],
    );
    // "To" with no colon after a guessed "To" is still a line without a colon.
    assert.deepEqual(
      p.problems.map((x) => [x.code, tricky.slice(x.span.start, x.span.end)]),
      [['malformed-header', 'To']],
    );
  });

  it('keeps the value of a guessed name that ends the content without a line end', () => {
    parseMessage(crlf(['SIP/2.0 200 OK', 'Via: a', 'To: b', '', '']));
    const cut = 'SIP/2.0 200 OK\r\nVia: a\r\nTo:';
    const p = parseMessage(cut);
    assert.deepEqual(fieldsOf(p), [
      ['Via', 'a', 21, 22, 22],
      ['To', '', 27, 27, 27],
    ]);
    assert.deepEqual(
      p.problems.map((x) => x.code),
      ['missing-header-terminator'],
    );
  });
});

describe('parseMessage: value trimming', () => {
  it('trims "Name: value" and every other spacing around a value the same way', () => {
    const msg = crlf([
      'OPTIONS sip:x SIP/2.0',
      'A: v',
      'B:v',
      'C:  v',
      'D: v ',
      'E: \tv\t',
      'F: ',
      'G:',
      'H: x',
      'I: a b',
      'J: first',
      ' second',
      'K:',
      '  only-continued',
      '',
      '',
    ]);
    assert.deepEqual(
      parseMessage(msg).headers.map((h) => [h.name.text, h.value.text, msg.slice(h.value.span.start, h.value.span.end)]),
      [
        ['A', 'v', 'v'],
        ['B', 'v', 'v'],
        ['C', 'v', 'v'],
        ['D', 'v', 'v'],
        ['E', 'v', 'v'],
        ['F', '', ''],
        ['G', '', ''],
        ['H', 'x', 'x'],
        ['I', 'a b', 'a b'],
        ['J', 'first second', 'first\r\n second'],
        ['K', 'only-continued', 'only-continued'],
      ],
    );
  });
});

describe('parseMessage: start line shortcuts', () => {
  it('reads SIP/2.0 and other versions alike, flagging only the invalid ones', () => {
    const ok = parseMessage('SIP/2.0 200 OK\r\n\r\n');
    const other = parseMessage('SIP/3.1 200 OK\r\n\r\n');
    const lower = parseMessage('sip/2.0 200 OK\r\n\r\n');
    const bad = parseMessage('SIP/2.0x 200 OK\r\n\r\n');
    assert.equal((ok.startLine as StatusLine).version.text, 'SIP/2.0');
    assert.deepEqual(ok.problems, []);
    assert.equal((other.startLine as StatusLine).version.text, 'SIP/3.1');
    assert.deepEqual(other.problems, []);
    assert.equal((lower.startLine as StatusLine).version.text, 'sip/2.0');
    assert.deepEqual(
      bad.problems.map((x) => [x.code, x.span]),
      [['invalid-sip-version', { start: 0, end: 8 }]],
    );
  });

  it('takes a status line whose reason ends in SIP/2.0 for a request line, as the grammar reads it', () => {
    const p = parseMessage('SIP/2.0 200 SIP/2.0\r\n\r\n');
    assert.equal(p.startLine.kind, 'request');
    const line = p.startLine;
    assert.deepEqual([line.method.text, line.uri.text, line.version.text], ['SIP/2.0', '200', 'SIP/2.0']);
    assert.deepEqual(
      p.problems.map((x) => x.code),
      ['invalid-method'],
    );
  });

  it('reads near misses of the common start-line shapes word by word, with their problems', () => {
    const cases: [string, string, [string, number, number][]][] = [
      ['SIP/2.0 200 OK/2', 'response', []],
      ['SIP/2.0 200 \t', 'response', []],
      ['SIP/2.0 200 sip/2.0', 'request', [['invalid-method', 0, 7]]],
      ['INVITE sip:a b SIP/2.0', 'request', [['request-uri-whitespace', 7, 14]]],
      ['INVITE sip:\tx SIP/2.0', 'request', [['request-uri-whitespace', 7, 13]]],
      ['INVITE\tsip:x SIP/2.0', 'request', [['start-line-whitespace', 6, 7]]],
      ['INVITE sip:x SIP/2.0 ', 'request', [['start-line-whitespace', 20, 21]]],
      ['INVITE sip:x  SIP/2.0', 'request', [['start-line-whitespace', 12, 14]]],
    ];
    for (const [line, kind, problems] of cases) {
      const p = parseMessage(`${line}\r\n\r\n`);
      assert.equal(p.startLine.kind, kind, line);
      assert.deepEqual(
        p.problems.map((x) => [x.code, x.span.start, x.span.end]),
        problems,
        line,
      );
    }
    const reason = parseMessage('SIP/2.0 200 OK/2\r\n\r\n').startLine as StatusLine;
    assert.deepEqual(reason.reason, { text: 'OK/2', span: { start: 12, end: 16 } });
    const uri = parseMessage('INVITE sip:a b SIP/2.0\r\n\r\n').startLine as RequestLine;
    assert.deepEqual(uri.uri, { text: 'sip:a b', span: { start: 7, end: 14 } });
  });

  it('gives the common shapes the same tokens and spans as the word-by-word reading', () => {
    const request = parseMessage('\r\nREGISTER sip:registrar.example.com SIP/2.0\r\n\r\n');
    assert.deepEqual(request.startLine, {
      kind: 'request',
      span: { start: 2, end: 44 },
      method: { text: 'REGISTER', span: { start: 2, end: 10 } },
      uri: { text: 'sip:registrar.example.com', span: { start: 11, end: 36 } },
      version: { text: 'SIP/2.0', span: { start: 37, end: 44 } },
    });
    const response = parseMessage('SIP/2.0 180 Ringing\r\n\r\n');
    assert.deepEqual(response.startLine, {
      kind: 'response',
      span: { start: 0, end: 19 },
      version: { text: 'SIP/2.0', span: { start: 0, end: 7 } },
      code: { text: '180', span: { start: 8, end: 11 } },
      status: 180,
      reason: { text: 'Ringing', span: { start: 12, end: 19 } },
    });
    assert.deepEqual(request.problems, []);
    assert.deepEqual(response.problems, []);
  });

  it('computes the status of three digits and of longer digit runs', () => {
    const three = parseMessage('SIP/2.0 486 Busy Here\r\n\r\n').startLine as StatusLine;
    assert.equal(three.status, 486);
    assert.equal(three.code.text, '486');
    const padded = parseMessage('SIP/2.0 0200 OK\r\n\r\n');
    assert.equal((padded.startLine as StatusLine).status, 200);
    assert.deepEqual(
      padded.problems.map((x) => x.code),
      ['invalid-status-code'],
    );
    for (const code of ['2a0', '/00', ':00', '20']) {
      const p = parseMessage(`SIP/2.0 ${code} OK\r\n\r\n`);
      const expected = code === '20' ? 20 : NaN;
      assert.deepEqual((p.startLine as StatusLine).status, expected, code);
      assert.deepEqual(
        p.problems.map((x) => x.code),
        ['invalid-status-code'],
        code,
      );
    }
  });

  it('accepts the usual methods and still checks any other method char by char', () => {
    for (const method of ['INVITE', 'ACK', 'BYE', 'CANCEL', 'OPTIONS', 'REGISTER', 'PRACK', 'SUBSCRIBE', 'NOTIFY', 'PUBLISH', 'INFO', 'REFER', 'MESSAGE', 'UPDATE', 'invite', 'X-FOO']) {
      const p = parseMessage(`${method} sip:x SIP/2.0\r\n\r\n`);
      assert.equal((p.startLine as RequestLine).method.text, method);
      assert.deepEqual(p.problems, [], method);
    }
    const bad = parseMessage('INV@TE sip:x SIP/2.0\r\n\r\n');
    assert.deepEqual(
      bad.problems.map((x) => x.code),
      ['invalid-method'],
    );
  });
});

describe('parseMessage: field arrays', () => {
  it('gives each parse field arrays of exactly its own size, also after a message with many fields', () => {
    const many = crlf(['SIP/2.0 200 OK', ...Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}`), '', '']);
    const big = headerFieldTable(parseMessage(many));
    assert.ok(big);
    assert.equal(big.names.length, 3000);
    assert.equal(big.fields.length, 3000 * FIELD_SLOTS);
    const small = headerFieldTable(parseMessage(crlf(['SIP/2.0 200 OK', 'Via: a', '', ''])));
    assert.ok(small);
    assert.equal(small.names.length, 1);
    assert.deepEqual(small.fields, [16, 21, 22, 22]);
    // The first parse is not changed by the later ones (the arrays are not shared).
    assert.equal(big.names[2999].written, 'X-2999');
    assert.equal(big.content.slice(big.fields[2999 * FIELD_SLOTS + 1], big.fields[2999 * FIELD_SLOTS + 2]), '2999');
  });
});

describe('parseMessage: header name lists', () => {
  it('keeps each parse\'s header names when later parses have the same or other layouts', () => {
    const a = parseMessage(crlf(['SIP/2.0 200 OK', 'Via: 1', 'To: 2', '', '']));
    const b = parseMessage(crlf(['SIP/2.0 200 OK', 'Via: 1', 'From: 2', '', '']));
    const c = parseMessage(crlf(['SIP/2.0 200 OK', 'Via: 3', 'To: 4', '', '']));
    const layouts = Array.from({ length: 20 }, (_, i) => parseMessage(crlf(['SIP/2.0 200 OK', `X-${i}: v`, 'Via: 1', '', ''])));
    const names = (p: ParsedMessage): string[] => headerFieldTable(p)?.names.map((k) => k.written) ?? [];
    assert.deepEqual(names(a), ['Via', 'To']);
    assert.deepEqual(names(b), ['Via', 'From']);
    assert.deepEqual(names(c), ['Via', 'To']);
    assert.deepEqual(
      layouts.map((p) => names(p)[0]),
      Array.from({ length: 20 }, (_, i) => `X-${i}`),
    );
    assert.deepEqual(
      c.headers.map((h) => h.value.text),
      ['3', '4'],
    );
  });
});

describe('parseMessage: a full name table', () => {
  it('still reads every name right once the table keeps no new names', () => {
    // 5000 distinct names fill the table (2048 slots); later new names are resolved each time.
    parseMessage(crlf(['SIP/2.0 200 OK', ...Array.from({ length: 5000 }, (_, i) => `Fill-${i}: v`), '', '']));
    const layout = (tag: string): string => crlf(['SIP/2.0 200 OK', `New-${tag}-a: 1`, `New-${tag}-b: 2`, 'Via: 3', `New-${tag}-c: 4`, '', '']);
    for (const tag of ['x', 'x', 'y', 'x']) {
      const p = parseMessage(layout(tag));
      assert.deepEqual(
        p.headers.map((h) => [h.name.text, h.value.text]),
        [
          [`New-${tag}-a`, '1'],
          [`New-${tag}-b`, '2'],
          ['Via', '3'],
          [`New-${tag}-c`, '4'],
        ],
        tag,
      );
    }
  });
});

describe('parser module exports', () => {
  it('re-exports START_LINE_CODES and isSipVersion as plain values', () => {
    for (const name of ['START_LINE_CODES', 'isSipVersion', 'parseMessage', 'FIELD_SLOTS']) {
      const d = Object.getOwnPropertyDescriptor(parser, name);
      assert.ok(d && 'value' in d, name);
    }
    assert.equal(parser.START_LINE_CODES.version, 'invalid-sip-version');
    assert.equal(parser.isSipVersion('SIP/2.0'), true);
    assert.equal(parser.isSipVersion('SIP/2'), false);
  });
});

describe('parseMessage: state kept from one parse to the next', () => {
  it('finds line ends of each message afresh after a message with other line ends', () => {
    const lf = parseMessage('SIP/2.0 200 OK\nVia: a\nTo: b\n\nbody');
    const cr = parseMessage('SIP/2.0 200 OK\rVia: a\rTo: b\r\rbody');
    const mixed = parseMessage('SIP/2.0 200 OK\r\nVia: a\nTo: b\r\n\r\nbody');
    for (const p of [lf, cr, mixed]) {
      assert.deepEqual(
        p.headers.map((h) => [h.name.text, h.value.text]),
        [
          ['Via', 'a'],
          ['To', 'b'],
        ],
      );
      assert.equal(p.body?.text, 'body');
    }
  });

  it('gives each status line the text of its own three digits, also after other codes', () => {
    const texts = ['200', '180', '007', '200', '699', '180'].map((code) => {
      const line = parseMessage(`SIP/2.0 ${code} Reason\r\n\r\n`).startLine as StatusLine;
      return [line.code.text, line.status, line.code.span.start, line.code.span.end];
    });
    assert.deepEqual(texts, [
      ['200', 200, 8, 11],
      ['180', 180, 8, 11],
      ['007', 7, 8, 11],
      ['200', 200, 8, 11],
      ['699', 699, 8, 11],
      ['180', 180, 8, 11],
    ]);
  });
});
