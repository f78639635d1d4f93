import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { findDocumentSymbols } from '../../../src/core/features/symbols';
import { CALL_FLOW, CALL_ID, NOT_ALLOWED, SUBSCRIBE, analyse, asNgrep } from './traces';

describe('findDocumentSymbols', () => {
  it('gives one entry per call holding one entry per message, named by its start line', () => {
    const a = analyse(CALL_FLOW + SUBSCRIBE + NOT_ALLOWED);
    const symbols = findDocumentSymbols(a.trace, a.lines);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.children?.length]),
      [
        [CALL_ID, 7],
        ['sub-1@atlanta.example.com', 2],
      ],
    );
    const call = symbols[0];
    assert.equal(call.kind, SymbolKind.Namespace);
    assert.deepEqual(call.children?.map((c) => c.name), [
      'INVITE sip:bob@biloxi.example.com SIP/2.0',
      'SIP/2.0 100 Trying',
      'SIP/2.0 180 Ringing',
      'SIP/2.0 200 OK',
      'ACK sip:bob@192.0.2.4 SIP/2.0',
      'BYE sip:alice@192.0.2.10 SIP/2.0',
      'SIP/2.0 200 OK',
    ]);
    assert.equal(call.children?.[0].kind, SymbolKind.Function);
    assert.equal(call.children?.[1].kind, SymbolKind.Event);
  });

  it('spans each message from its first to its last line, and selects the start line', () => {
    const a = analyse(SUBSCRIBE + NOT_ALLOWED);
    const [subscribe, response] = findDocumentSymbols(a.trace, a.lines)[0].children ?? [];
    assert.deepEqual(subscribe.range, { start: { line: 0, character: 0 }, end: { line: 9, character: 17 } });
    assert.deepEqual(subscribe.selectionRange.end, { line: 0, character: 44 });
    assert.equal(response.range.start.line, 11);
  });

  it('shows time and src -> dst from the ngrep framing, and spans the framing line', () => {
    const text = asNgrep([
      { message: SUBSCRIBE, src: '192.0.2.10:5060', dst: '192.0.2.4:5060', time: '10:11:12.123456' },
      { message: NOT_ALLOWED, src: '192.0.2.4:5060', dst: '192.0.2.10:5060', time: '10:11:12.223456' },
    ]);
    const a = analyse(text);
    const children = findDocumentSymbols(a.trace, a.lines)[0].children ?? [];
    assert.equal(children.length, 2);
    assert.equal(children[0].detail, '2024/01/02 10:11:12.123456 192.0.2.10:5060 -> 192.0.2.4:5060 UDP');
    assert.equal(children[1].name, 'SIP/2.0 405 Method Not Allowed');
    // The entry starts at the `U ...` line, the selection at the start line below it.
    assert.equal(children[0].range.start.line, 3);
    assert.equal(children[0].selectionRange.start.line, 4);
  });

  it('stops at maxItems entries, counting calls and messages, and still counts every message of a call', () => {
    const a = analyse(CALL_FLOW + SUBSCRIBE + NOT_ALLOWED);
    const symbols = findDocumentSymbols(a.trace, a.lines, 'en', 5);
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].children?.length, 4);
    assert.equal(symbols[0].detail, '7 message(s)');
  });
});
