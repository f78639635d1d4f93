import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { TextEdit } from 'vscode-languageserver-types';
import { toLspDiagnostic } from '../../../src/core/features/diagnostics';
import { computeFix, fixAllEdits, getCodeActions, targetOfLint } from '../../../src/core/features/fixes';
import type { FixContext } from '../../../src/core/features/fixes';
import { FIX_ALL_KIND } from '../../../src/core/protocol';
import { applyEdits } from './helpers';
import { INVITE, NOT_ALLOWED, OK, RINGING, SDP, SUBSCRIBE, TRYING, analyse, asNgrep, msg } from './traces';
import type { Analysed } from './traces';

const URI = 'file:///trace.sip';

function contextOf(a: Analysed): FixContext {
  return { trace: a.trace, text: a.text, lines: a.lines, lang: 'en' };
}

/** The edits fixing the one finding with this code (and data.header, if given). */
function fixFor(a: Analysed, code: string, header?: string): readonly TextEdit[] | undefined {
  const finding = a.findings.find((d) => d.code === code && (header === undefined || d.data?.header === header));
  assert.ok(finding, `expected a ${code}${header ? ` ${header}` : ''} finding, got ${a.findings.map((d) => `${d.code}:${String(d.data?.header ?? '')}`).join(', ')}`);
  return computeFix(contextOf(a), targetOfLint(finding))?.edits;
}

function has(a: Analysed, code: string, header?: string): boolean {
  return a.findings.some((d) => d.code === code && (header === undefined || d.data?.header === header));
}

describe('quick fixes', () => {
  it('inserts Allow into a 405, leaving out the method it rejects, and the finding goes away', () => {
    const a = analyse(SUBSCRIBE + NOT_ALLOWED);
    const edits = fixFor(a, 'missing-header', 'Allow');
    assert.ok(edits);
    const fixed = applyEdits(a.text, edits);
    assert.match(fixed, /Content-Length: 0\r\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n\r\n$/);
    const after = analyse(fixed);
    assert.equal(after.trace.messages.length, 2);
    assert.equal(has(after, 'missing-header', 'Allow'), false);
  });

  it('keeps ngrep framing intact: the new line ends in the `.` that stands for CR', () => {
    const text = asNgrep([
      { message: SUBSCRIBE, src: '192.0.2.10:5060', dst: '192.0.2.4:5060', time: '10:11:12.123456' },
      { message: NOT_ALLOWED, src: '192.0.2.4:5060', dst: '192.0.2.10:5060', time: '10:11:12.223456' },
    ]);
    const a = analyse(text);
    assert.equal(a.trace.format, 'ngrep');
    const edits = fixFor(a, 'missing-header', 'Allow');
    assert.ok(edits);
    const fixed = applyEdits(text, edits);
    assert.match(fixed, /\nContent-Length: 0\.\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS\.\n\.\n\n$/);
    const after = analyse(fixed);
    assert.equal(after.trace.format, 'ngrep');
    assert.equal(after.trace.messages.length, 2);
    assert.equal(after.trace.messages[1].segment.framing.time, '2024/01/02 10:11:12.223456');
    assert.equal(has(after, 'missing-header', 'Allow'), false);
  });

  it('indents an inserted header like the lines around it in an indented (FreeSWITCH-style) log', () => {
    const rule = `   ${'-'.repeat(72)}`;
    const block = (head: string, message: string): string =>
      `${head}\n${rule}\n${message.replace(/\r\n$/, '').split('\r\n').map((l) => `   ${l}`).join('\n')}\n${rule}\n`;
    const text =
      block(`send ${SUBSCRIBE.length} bytes to udp/192.0.2.4:5060 at 10:11:12.123456:`, SUBSCRIBE) +
      block(`recv ${NOT_ALLOWED.length} bytes from udp/192.0.2.4:5060 at 10:11:12.223456:`, NOT_ALLOWED);
    const a = analyse(text);
    const edits = fixFor(a, 'missing-header', 'Allow');
    assert.ok(edits);
    const fixed = applyEdits(text, edits);
    assert.match(fixed, /\n {3}Content-Length: 0\n {3}Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\n/);
    const after = analyse(fixed);
    assert.equal(after.trace.messages.length, 2);
    assert.equal(has(after, 'missing-header', 'Allow'), false);
  });

  it('keeps LF-only traces LF-only', () => {
    const text = (SUBSCRIBE + NOT_ALLOWED).replace(/\r\n/g, '\n');
    const a = analyse(text);
    const edits = fixFor(a, 'missing-header', 'Allow');
    assert.ok(edits);
    const fixed = applyEdits(text, edits);
    assert.doesNotMatch(fixed, /\r/);
    assert.match(fixed, /\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS\n/);
  });

  it('inserts Max-Forwards: 70 into a request that lacks it', () => {
    const a = analyse(SUBSCRIBE.replace('Max-Forwards: 70\r\n', ''));
    const edits = fixFor(a, 'missing-header', 'Max-Forwards');
    assert.ok(edits);
    const after = analyse(applyEdits(a.text, edits));
    assert.match(after.text, /\r\nMax-Forwards: 70\r\n/);
    assert.equal(has(after, 'missing-header', 'Max-Forwards'), false);
  });

  it('copies the Call-ID of the request into a response that lacks it', () => {
    const a = analyse(SUBSCRIBE + NOT_ALLOWED.replace('Call-ID: sub-1@atlanta.example.com\r\n', ''));
    const edits = fixFor(a, 'missing-header', 'Call-ID');
    assert.ok(edits);
    const fixed = applyEdits(a.text, edits);
    assert.equal(fixed.split('Call-ID: sub-1@atlanta.example.com').length, 3);
  });

  it('offers no fix for a missing header it cannot give a sensible value', () => {
    const a = analyse(INVITE);
    assert.ok(has(a, 'missing-header', 'Supported'));
    assert.equal(fixFor(a, 'missing-header', 'Supported'), undefined);
  });

  it('sets Content-Length to the length of the body', () => {
    const a = analyse(INVITE.replace(/Content-Length: \d+/, 'Content-Length: 999'));
    const edits = fixFor(a, 'content-length-mismatch');
    assert.ok(edits);
    const after = analyse(applyEdits(a.text, edits));
    assert.equal(has(after, 'content-length-mismatch'), false);
    assert.ok(after.text.includes(`Content-Length: ${SDP.length}\r\n`));
  });

  it('aligns the CSeq method with the request line', () => {
    const a = analyse(SUBSCRIBE.replace('CSeq: 7 SUBSCRIBE', 'CSeq: 7 INVITE'));
    const edits = fixFor(a, 'cseq-method-mismatch');
    assert.ok(edits);
    const after = analyse(applyEdits(a.text, edits));
    assert.match(after.text, /CSeq: 7 SUBSCRIBE\r\n/);
    assert.equal(has(after, 'cseq-method-mismatch'), false);
  });

  it('replaces a reason phrase with the registered one', () => {
    const a = analyse(SUBSCRIBE + NOT_ALLOWED.replace('Method Not Allowed', 'Nope'));
    const edits = fixFor(a, 'reason-phrase-mismatch');
    assert.ok(edits);
    assert.match(applyEdits(a.text, edits), /SIP\/2\.0 405 Method Not Allowed\r\n/);
  });

  it('adds the To tag the UAS used in its other responses to the same request', () => {
    const a = analyse(INVITE + TRYING + RINGING + OK.replace(';tag=8321234356', ''));
    const edits = fixFor(a, 'missing-tag', 'To');
    assert.ok(edits);
    const after = analyse(applyEdits(a.text, edits));
    assert.equal(has(after, 'missing-tag'), false);
    assert.equal(after.text.split('To: Bob <sip:bob@biloxi.example.com>;tag=8321234356').length, 3);
  });

  it('adds a From tag to a request', () => {
    const a = analyse(SUBSCRIBE.replace(';tag=sub77', ''));
    const edits = fixFor(a, 'missing-tag', 'From');
    assert.ok(edits);
    const after = analyse(applyEdits(a.text, edits));
    assert.match(after.text, /From: <sip:alice@atlanta\.example\.com>;tag=[0-9a-f]{8}\r\n/);
    assert.equal(has(after, 'missing-tag'), false);
  });
});

describe('getCodeActions', () => {
  const broken = SUBSCRIBE.replace('Max-Forwards: 70\r\n', '').replace('CSeq: 7 SUBSCRIBE', 'CSeq: 7 INVITE') + NOT_ALLOWED;

  it('offers a preferred quick fix per fixable diagnostic, chosen by code and data', () => {
    const a = analyse(broken);
    const diagnostics = a.findings.map((d) => toLspDiagnostic(d, a.lines, URI));
    const allow = diagnostics.find((d) => d.code === 'missing-header' && (d.data as { header?: string }).header === 'Allow');
    assert.ok(allow);
    // The message text is irrelevant: a translated message picks the same fix.
    const actions = getCodeActions(contextOf(a), { uri: URI, range: allow.range, diagnostics: [{ ...allow, message: '翻译' }] }, a.findings);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, CodeActionKind.QuickFix);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[0].title, 'Insert Allow header');
    assert.ok(actions[0].edit?.changes?.[URI]);
  });

  it('adds a fix-all for a message with several fixable findings', () => {
    const a = analyse(broken);
    const diagnostics = a.findings.filter((d) => d.messageIndex === 0).map((d) => toLspDiagnostic(d, a.lines, URI));
    const actions = getCodeActions(contextOf(a), { uri: URI, range: diagnostics[0].range, diagnostics }, a.findings);
    const all = actions.find((x) => x.title === 'Fix all auto-fixable problems in this message');
    assert.ok(all);
    const after = analyse(applyEdits(a.text, all.edit?.changes?.[URI] ?? []));
    assert.equal(has(after, 'missing-header', 'Max-Forwards'), false);
    assert.equal(has(after, 'cseq-method-mismatch'), false);
    // The other message is untouched by a per-message fix-all.
    assert.ok(has(after, 'missing-header', 'Allow'));
  });

  it('fixes the whole file under source.fixAll.sip, only when source actions are asked for', () => {
    const a = analyse(broken);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.equal(getCodeActions(contextOf(a), { uri: URI, range, diagnostics: [] }, a.findings).length, 0);
    const actions = getCodeActions(contextOf(a), { uri: URI, range, diagnostics: [], only: [CodeActionKind.SourceFixAll] }, a.findings);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, FIX_ALL_KIND);
    const after = analyse(applyEdits(a.text, actions[0].edit?.changes?.[URI] ?? []));
    for (const [code, header] of [['missing-header', 'Max-Forwards'], ['cseq-method-mismatch', undefined], ['missing-header', 'Allow']] as const) {
      assert.equal(has(after, code, header), false, `${code} ${header ?? ''} still reported`);
    }
  });

  it('fix-all edits never overlap', () => {
    const a = analyse(broken + msg('SIP/2.0 200 Fine', 'Content-Length: 5'));
    const edits = fixAllEdits(contextOf(a), a.findings);
    const spans = edits.map((e) => [a.lines.offsetAt(e.range.start), a.lines.offsetAt(e.range.end)]).sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) {
      assert.ok(spans[i][0] >= spans[i - 1][1]);
    }
  });
});
