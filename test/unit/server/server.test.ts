import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, MarkupContent } from 'vscode-languageserver/node';
import { FIX_ALL_KIND, STATUS_REQUEST } from '../../../src/core/protocol';
import type { TraceStatus } from '../../../src/core/protocol';
import { CALL_FLOW, CALL_ID, NOT_ALLOWED, SUBSCRIBE } from '../features/traces';
import { applyEdits } from '../features/helpers';
import { TestClient } from './harness';

const URI = 'file:///traces/trace.sip';
const TEXT = CALL_FLOW + SUBSCRIBE + NOT_ALLOWED;

function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
  }
  assert.ok(offset >= 0, `${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function allowDiagnostic(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  // The 405's (the last message's): the 200 to INVITE may lack Allow too, at a lower severity.
  return diagnostics.find((d) => d.code === 'missing-header' && (d.data as { header?: string } | undefined)?.header === 'Allow' && d.severity === 1);
}

describe('language server features through the real handlers', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: {} });
    await client.open(URI, TEXT);
  });
  after(() => client.dispose());

  it('publishes diagnostics with rule codes, rule page links and fix data', async () => {
    const published = await client.diagnosticsFor(URI, 1);
    const allow = allowDiagnostic(published.diagnostics);
    assert.ok(allow, 'the 405 without Allow is reported');
    assert.equal(allow.source, 'sip');
    assert.match(allow.codeDescription?.href ?? '', /docs\/rules\/missing-header\.md$/);
    assert.equal(allow.range.start.line, positionOf(TEXT, 'SIP/2.0 405').line);
    assert.equal((allow.data as { messageIndex: number }).messageIndex, 8);
  });

  it('pushes and answers the status bar figures', async () => {
    const pushed = await client.statuses.wait((s) => s.uri === URI, 'status');
    const asked = await client.request<TraceStatus>(STATUS_REQUEST, { uri: URI });
    for (const status of [pushed, asked]) {
      assert.equal(status.analyzed, true);
      assert.equal(status.messages, 9);
      assert.equal(status.calls, 2);
      assert.ok(status.errors >= 1);
      assert.equal(status.format, 'raw');
    }
  });

  it('hovers a status line', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(TEXT, '405') });
    assert.match((hover.contents as MarkupContent).value, /405 Method Not Allowed/);
    assert.match((hover.contents as MarkupContent).value, /`Allow`/);
  });

  it('lists messages grouped by call in the outline', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.length]), [
      [CALL_ID, 7],
      ['sub-1@atlanta.example.com', 2],
    ]);
  });

  it('folds every message', async () => {
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: URI } });
    assert.ok(ranges.some((r) => r.startLine === 0));
    assert.ok(ranges.some((r) => r.startLine === positionOf(TEXT, 'SIP/2.0 405').line));
  });

  it('goes from a 200 to its INVITE', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: URI }, position: positionOf(TEXT, 'SIP/2.0 200 OK') });
    assert.equal(locations.length, 1);
    assert.equal(locations[0].uri, URI);
    assert.equal(locations[0].range.start.line, 0);
  });

  it('finds references and highlights of a Call-ID', async () => {
    const position = positionOf(TEXT, CALL_ID);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: URI }, position, context: { includeDeclaration: true } });
    const highlights = await client.request<unknown[]>('textDocument/documentHighlight', { textDocument: { uri: URI }, position });
    assert.equal(refs.length, 7);
    assert.equal(highlights.length, 7);
  });

  it('offers the Allow quick fix for the diagnostic the editor sends back, and the file fix-all on request', async () => {
    const published = await client.diagnosticsFor(URI, 1);
    const allow = allowDiagnostic(published.diagnostics);
    assert.ok(allow);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: allow.range,
      context: { diagnostics: [allow] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Insert Allow header']);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: allow.range,
      context: { diagnostics: [], only: [FIX_ALL_KIND] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0].kind, FIX_ALL_KIND);
  });

  it('re-analyses after an edit: applying the quick fix clears the diagnostic', async () => {
    const published = await client.diagnosticsFor(URI, 1);
    const allow = allowDiagnostic(published.diagnostics);
    assert.ok(allow);
    const [action] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: allow.range, context: { diagnostics: [allow] } });
    const fixed = applyEdits(TEXT, action.edit?.changes?.[URI] ?? []);
    await client.changeAll(URI, fixed, 2);
    const after = await client.diagnosticsFor(URI, 2);
    assert.equal(allowDiagnostic(after.diagnostics), undefined);
    assert.equal(after.diagnostics.length, published.diagnostics.length - 1);
  });

  it('clears diagnostics when the document closes', async () => {
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await client.diagnostics.wait((p) => p.uri === URI && p.diagnostics.length === 0, 'cleared diagnostics');
    const status = await client.request<TraceStatus | null>(STATUS_REQUEST, { uri: URI });
    assert.equal(status, null);
  });
});

describe('incremental edits', () => {
  it('publishes after each ranged edit what a fresh open of the same text publishes', async () => {
    const client = await TestClient.start({ settings: {} });
    const fresh = await TestClient.start({ settings: {} });
    try {
      let text = CALL_FLOW + SUBSCRIBE + NOT_ALLOWED + CALL_FLOW.replace(/3848276298220188511/g, 'second-call');
      await client.open(URI, text);
      await client.diagnosticsFor(URI, 1);
      const edits: { needle: string; nth: number; replace: number; insert: string }[] = [
        { needle: 'Content-Length: 0\r\n\r\n', nth: 8, replace: 0, insert: 'Allow: INVITE, ACK\r\n' },
        { needle: 'CSeq: 231 BYE', nth: 0, replace: 13, insert: 'CSeq: 231 INVITE' },
        { needle: 'tag=8321234356', nth: 1, replace: 14, insert: '' },
        { needle: 'Max-Forwards: 70\r\n', nth: 3, replace: 18, insert: '' },
      ];
      for (const [k, e] of edits.entries()) {
        const version = k + 2;
        const start = positionOf(text, e.needle, e.nth);
        const offset = text.split('\n').slice(0, start.line).join('\n').length + (start.line > 0 ? 1 : 0) + start.character;
        const endText = text.slice(0, offset + e.replace);
        const endLines = endText.split('\n');
        const end = { line: endLines.length - 1, character: endLines[endLines.length - 1].length };
        text = text.slice(0, offset) + e.insert + text.slice(offset + e.replace);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: URI, version },
          contentChanges: [{ range: { start, end }, text: e.insert }],
        });
        const published = await client.diagnosticsFor(URI, version);
        const other = `file:///traces/fresh-${version}.sip`;
        await fresh.open(other, text);
        const expected = await fresh.diagnosticsFor(other, 1);
        const key = (d: Diagnostic): string => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`;
        assert.deepEqual(published.diagnostics.map(key).sort(), expected.diagnostics.map(key).sort(), `after edit ${k + 1}`);
      }
      const status = await client.request<TraceStatus>(STATUS_REQUEST, { uri: URI });
      assert.equal(status.calls, 3);
    } finally {
      client.dispose();
      fresh.dispose();
    }
  });
});

describe('language server settings and locale', () => {
  it('turns a rule off through sipTrace.rules', async () => {
    const client = await TestClient.start({ settings: { rules: { 'missing-header': 'off' } } });
    try {
      await client.open(URI, SUBSCRIBE + NOT_ALLOWED);
      const published = await client.diagnosticsFor(URI, 1);
      assert.equal(published.diagnostics.some((d) => d.code === 'missing-header'), false);
    } finally {
      client.dispose();
    }
  });

  it('reports bad setting values through window/showMessage and uses the defaults', async () => {
    const client = await TestClient.start({ settings: { maxFileSizeMB: 'big', rules: { 'no-such-rule': 'off', 'missing-header': 'loud' } } });
    try {
      await client.open(URI, SUBSCRIBE + NOT_ALLOWED);
      const published = await client.diagnosticsFor(URI, 1);
      assert.ok(allowDiagnostic(published.diagnostics), 'missing-header keeps its default severity');
      await client.shown.wait((m) => /maxFileSizeMB/.test(m.message), 'maxFileSizeMB warning');
      await client.shown.wait((m) => /no-such-rule/.test(m.message), 'unknown rule warning');
      await client.shown.wait((m) => /loud/.test(m.message), 'bad severity warning');
    } finally {
      client.dispose();
    }
  });

  it('re-reads the settings when they change', async () => {
    const client = await TestClient.start({ settings: {} });
    try {
      await client.open(URI, SUBSCRIBE + NOT_ALLOWED);
      assert.ok(allowDiagnostic((await client.diagnosticsFor(URI, 1)).diagnostics));
      client.settings = { enable: false };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.diagnostics.wait((p) => p.uri === URI && p.diagnostics.length === 0, 'no diagnostics once disabled');
      const status = await client.request<TraceStatus>(STATUS_REQUEST, { uri: URI });
      assert.equal(status.analyzed, false);
      assert.equal(status.reason, 'disabled');
    } finally {
      client.dispose();
    }
  });

  it('speaks Simplified Chinese when the editor locale is zh-CN', async () => {
    const client = await TestClient.start({ locale: 'zh-CN', settings: {} });
    try {
      await client.open(URI, SUBSCRIBE + NOT_ALLOWED);
      const allow = allowDiagnostic((await client.diagnosticsFor(URI, 1)).diagnostics);
      assert.ok(allow);
      assert.match(allow.message, /[\u4e00-\u9fff]/);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: positionOf(SUBSCRIBE + NOT_ALLOWED, '405') });
      assert.match((hover.contents as MarkupContent).value, /下一步/);
    } finally {
      client.dispose();
    }
  });

  it('only highlights files above sipTrace.maxFileSizeMB, and says so', async () => {
    const client = await TestClient.start({ settings: { maxFileSizeMB: 1 } });
    try {
      const big = (SUBSCRIBE + NOT_ALLOWED).repeat(Math.ceil((1.2 * 1024 * 1024) / (SUBSCRIBE + NOT_ALLOWED).length));
      await client.open(URI, big);
      const published = await client.diagnosticsFor(URI, 1);
      assert.deepEqual(published.diagnostics, []);
      const shown = await client.shown.wait((m) => /maxFileSizeMB/.test(m.message), 'size message');
      assert.match(shown.message, /trace\.sip is 1\.\d MB/);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 1 } });
      assert.equal(hover, null);
    } finally {
      client.dispose();
    }
  });

  it('works for a client without workspace/configuration (settings from initializationOptions are optional)', async () => {
    const client = await TestClient.start({});
    try {
      await client.open(URI, SUBSCRIBE + NOT_ALLOWED);
      assert.ok(allowDiagnostic((await client.diagnosticsFor(URI, 1)).diagnostics));
    } finally {
      client.dispose();
    }
  });
});
