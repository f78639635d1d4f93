import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { messageIndexOf, toLspDiagnostic } from '../../../src/core/features/diagnostics';
import { summarizeTrace } from '../../../src/core/features/status';
import type { LintDiagnostic } from '../../../src/core/lint/types';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { CALL_FLOW, NOT_ALLOWED, SUBSCRIBE, analyse } from './traces';

describe('toLspDiagnostic', () => {
  const text = 'line one\nSIP/2.0 405 Method Not Allowed\n';
  const finding: LintDiagnostic = {
    code: 'missing-header',
    severity: 'error',
    message: '405 response must carry Allow',
    span: { start: 9, end: 39 },
    messageIndex: 3,
    related: [{ span: { start: 0, end: 4 }, message: 'the request' }],
    data: { header: 'Allow' },
  };

  it('keeps the rule code, links the rule page and carries data with the message index', () => {
    const d = toLspDiagnostic(finding, new LineIndex(text), 'file:///t.sip');
    assert.equal(d.code, 'missing-header');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'sip');
    assert.equal(d.codeDescription?.href, 'https://github.com/sip-trace/sip-trace-analyzer/blob/main/docs/rules/missing-header.md');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } });
    assert.deepEqual(d.data, { header: 'Allow', messageIndex: 3 });
    assert.equal(messageIndexOf(d), 3);
  });

  it('turns related spans into locations in the same document', () => {
    const d = toLspDiagnostic(finding, new LineIndex(text), 'file:///t.sip');
    assert.deepEqual(d.relatedInformation, [
      { location: { uri: 'file:///t.sip', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } }, message: 'the request' },
    ]);
  });
});

describe('summarizeTrace', () => {
  it('counts messages, distinct Call-IDs and findings by severity', () => {
    const a = analyse(CALL_FLOW + SUBSCRIBE + NOT_ALLOWED);
    const s = summarizeTrace(a.trace, a.findings);
    assert.equal(s.messages, 9);
    assert.equal(s.calls, 2);
    assert.equal(s.errors, a.findings.filter((d) => d.severity === 'error').length);
    assert.ok(s.errors >= 1, 'the 405 without Allow is an error');
    assert.equal(s.format, 'raw');
  });
});
