import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allRules, lintRunCount, lintTrace, ruleInfo } from '../../../src/core/lint';
import { catalogueEntry, messageIds } from '../../../src/core/lint/messages';
import { parseTrace, reparseTrace } from '../../../src/core/trace';
import { INVITE, OK, OPTIONS, crlf, lint, replaceLine } from './helpers';

void describe('lint engine', () => {
  void it('finds nothing to report in a well-formed INVITE, 200 and OPTIONS', () => {
    for (const m of [INVITE, OK, OPTIONS]) {
      assert.deepEqual(lint(m), []);
    }
  });

  void it('reports spans in source offsets of the whole file', () => {
    const text = INVITE + replaceLine(OPTIONS, 'Max-Forwards: 70', 'Max-Forwards: 300');
    const [d] = lint(text).filter((x) => x.code === 'invalid-max-forwards');
    assert.ok(d);
    assert.equal(text.slice(d.span.start, d.span.end), '300');
    assert.equal(d.messageIndex, 1);
  });

  void it('maps spans through the framing of an ngrep trace', () => {
    const body = replaceLine(OPTIONS, 'Max-Forwards: 70', 'Max-Forwards: 300');
    const ngrep =
      'interface: eth0 (192.0.2.0/255.255.255.0)\n' +
      'filter: (ip or ip6) and ( port 5060 )\n' +
      '#\n' +
      'U 2024/01/02 10:11:12.123456 192.0.2.1:5060 -> 192.0.2.2:5060 #1\n' +
      body.split('\r\n').map((l) => `${l}.`).join('\n') +
      '\n';
    const ds = lint(ngrep).filter((x) => x.code === 'invalid-max-forwards');
    assert.equal(ds.length, 1);
    assert.equal(ngrep.slice(ds[0].span.start, ds[0].span.end), '300');
  });

  void it('turns a rule off, or changes its severity, through options.rules', () => {
    const text = replaceLine(INVITE, 'Max-Forwards: 70', 'Max-Forwards: 300');
    assert.equal(lint(text, { rules: { 'invalid-max-forwards': 'off' } }).length, 0);
    const [d] = lint(text, { rules: { 'invalid-max-forwards': 'hint' } });
    assert.equal(d.severity, 'hint');
  });

  void it('applies the overrides to parse problems too', () => {
    const text = crlf('INVITE  sip:bob@example.com SIP/2.0\n') + INVITE.slice(INVITE.indexOf('\r\n') + 2);
    assert.ok(lint(text).some((d) => d.code === 'start-line-whitespace' && d.severity === 'error'));
    assert.ok(!lint(text, { rules: { 'start-line-whitespace': 'off' } }).some((d) => d.code === 'start-line-whitespace'));
    assert.ok(lint(text, { rules: { 'start-line-whitespace': 'warning' } }).some((d) => d.code === 'start-line-whitespace' && d.severity === 'warning'));
  });

  void it('writes messages in Simplified Chinese when asked', () => {
    const text = replaceLine(INVITE, 'Max-Forwards: 70', 'Max-Forwards: 300');
    const [en] = lint(text);
    const [zh] = lint(text, { language: 'zh-cn' });
    assert.match(en.message, /Max-Forwards must be an integer from 0 to 255/);
    assert.match(zh.message, /Max-Forwards 必须是 0 到 255 之间的整数/);
    assert.deepEqual(zh.span, en.span);
  });

  void it('has every catalogue message in English and Chinese, with the same placeholders', () => {
    for (const id of messageIds()) {
      const entry = catalogueEntry(id);
      assert.ok(entry.en.length > 0 && entry['zh-cn'].length > 0, id);
      const names = (t: string): string[] => (t.match(/\{\w+\}/g) ?? []).sort();
      assert.deepEqual(names(entry['zh-cn']), names(entry.en), id);
    }
  });

  void it('runs the message rules only on messages whose parse changed', () => {
    const text = INVITE + OK + OPTIONS;
    const first = parseTrace(text);
    lintTrace(first);
    const before = lintRunCount();
    lintTrace(first);
    assert.equal(lintRunCount(), before, 'a second lint of the same trace runs no rule');
    const edited = INVITE + replaceLine(OK, 'Supported: timer', 'Supported: 100rel') + OPTIONS;
    const second = reparseTrace(edited, first);
    const diagnostics = lintTrace(second);
    assert.equal(lintRunCount(), before + 1, 'only the edited message is linted again');
    assert.deepEqual(diagnostics, lintTrace(parseTrace(edited)));
  });

  void it('re-lints the same trace with the trace rules\' findings in the new language and severities', () => {
    const text = INVITE + INVITE + OK.replace('CSeq: 314159 INVITE', 'CSeq: 314160 INVITE');
    const trace = parseTrace(text);
    const first = lintTrace(trace);
    assert.ok(first.some((d) => d.code === 'retransmission'));
    assert.deepEqual(lintTrace(trace), first, 'the same trace linted again reports the same');
    const chinese = lintTrace(trace, { language: 'zh-cn' });
    const mismatch = chinese.find((d) => d.code === 'response-mismatch');
    assert.ok(mismatch);
    assert.notEqual(mismatch.message, first.find((d) => d.code === 'response-mismatch')?.message);
    const overridden = lintTrace(trace, { rules: { retransmission: 'off', 'response-mismatch': 'hint' } });
    assert.equal(overridden.filter((d) => d.code === 'retransmission').length, 0);
    assert.deepEqual(overridden.filter((d) => d.code === 'response-mismatch').map((d) => d.severity), ['hint']);
  });

  void it('finds the trace rules\' findings anew when a message of the trace changed', () => {
    const matching = INVITE + OK;
    const first = parseTrace(matching);
    assert.deepEqual(lintTrace(first).filter((d) => d.code === 'response-mismatch'), []);
    const edited = INVITE + OK.replace('CSeq: 314159 INVITE', 'CSeq: 314160 INVITE');
    const second = reparseTrace(edited, first);
    assert.equal(lintTrace(second).filter((d) => d.code === 'response-mismatch').length, 1);
    assert.deepEqual(lintTrace(second), lintTrace(parseTrace(edited)));
  });

  void it('moves cached findings with their message when text is inserted before it', () => {
    const bad = replaceLine(OPTIONS, 'Max-Forwards: 70', 'Max-Forwards: 300');
    const first = parseTrace(INVITE + bad);
    const [d1] = lintTrace(first);
    const second = reparseTrace(INVITE + INVITE + bad, first);
    const [d2] = lintTrace(second).filter((d) => d.code === 'invalid-max-forwards');
    assert.equal(d2.span.start - d1.span.start, INVITE.length);
  });

  void it('lists every rule once, sorted, with a severity, a reference and a summary', () => {
    const rules = allRules();
    const codes = rules.map((r) => r.code);
    assert.deepEqual(codes, [...new Set(codes)].sort((a, b) => a.localeCompare(b)));
    for (const r of rules) {
      assert.match(r.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(r.reference, /^RFC \d+/);
      assert.ok(r.summary.length > 10);
    }
    for (const code of ['missing-header', 'response-mismatch', 'retransmission', 'start-line-whitespace', 'truncated-message']) {
      assert.ok(ruleInfo(code), code);
    }
    assert.equal(ruleInfo('no-such-rule'), undefined);
  });

  void it('never throws on binary or empty input', () => {
    for (const text of ['', '\u0000\u0001\u0002', 'SIP/2.0', 'INVITE', '\r\n\r\n', 'X'.repeat(10000), 'INVITE sip:a SIP/2.0\r\nVia:\r\nFrom: "\r\nTo: <\r\nCSeq: x\r\n\r\n']) {
      assert.doesNotThrow(() => lint(text));
    }
  });
});
