/**
 * Quick fixes, chosen by a diagnostic's `code` and `data` (never its message text, which is
 * translated), and the fix-alls built from them: one message, or the whole file
 * (`source.fixAll.sip`).
 */
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { lookupResponseCode } from '../knowledge';
import type { Language } from '../knowledge/types';
import type { LintDiagnostic } from '../lint/types';
import type { Header, Span, Trace, TraceMessage } from '../model';
import { FIX_ALL_KIND } from '../protocol';
import type { LineLookup } from './locate';
import { findOrigin } from './definition';
import { messageIndexOf } from './diagnostics';
import { insertAtContent, insertLinesAfter, replaceContent } from './edits';
import type { EditTarget } from './edits';
import { factsOf } from './facts';
import { bodyBytes, requestFromTag, responseTag, suggestHeaderValues } from './headerSuggestions';
import { firstHeader, messageAt } from './locate';
import { say } from './texts';

/** The document and parse a fix is computed on. */
export interface FixContext extends EditTarget {
  readonly trace: Trace;
  readonly lines: LineLookup;
  readonly lang: Language;
}

/** What a fix needs to know about a finding: its rule code, its message, its data. */
export interface FixTarget {
  readonly code: string;
  readonly messageIndex: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

type Fixer = (ctx: FixContext, message: TraceMessage, target: FixTarget) => Fix | undefined;

/**
 * Rule codes with a fix (the lint rules' codes); the finding's data names what is missing or
 * what is expected.
 */
const FIXERS: Readonly<Record<string, Fixer>> = {
  'missing-header': fixMissingHeader,
  'body-without-content-type': fixMissingHeader,
  'content-length-mismatch': fixContentLength,
  'cseq-method-mismatch': fixCSeqMethod,
  'reason-phrase-mismatch': fixReasonPhrase,
  'missing-tag': (ctx, message, target) =>
    target.data.header === 'From' ? fixTag(ctx, message, 'from') : target.data.header === 'To' ? fixTag(ctx, message, 'to') : undefined,
};

/** True when a rule code has a quick fix. */
export function isFixable(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(FIXERS, code);
}

/** The fix of one finding, or undefined when there is no sensible one. */
export function computeFix(ctx: FixContext, target: FixTarget): Fix | undefined {
  const fixer = Object.prototype.hasOwnProperty.call(FIXERS, target.code) ? FIXERS[target.code] : undefined;
  const message = ctx.trace.messages[target.messageIndex];
  if (!fixer || !message) {
    return undefined;
  }
  const fix = fixer(ctx, message, target);
  return fix && fix.edits.length > 0 ? fix : undefined;
}

/** A lint finding as a fix target. */
export function targetOfLint(d: LintDiagnostic): FixTarget {
  return { code: d.code, messageIndex: d.messageIndex, data: d.data ?? {} };
}

/** An LSP diagnostic (as the client sends it back) as a fix target. */
export function targetOfDiagnostic(ctx: FixContext, d: Diagnostic): FixTarget | undefined {
  if (typeof d.code !== 'string' || !isFixable(d.code)) {
    return undefined;
  }
  const index = messageIndexOf(d) ?? messageAt(ctx.trace, ctx.lines.offsetAt(d.range.start))?.index;
  if (index === undefined) {
    return undefined;
  }
  const data: unknown = d.data;
  return { code: d.code, messageIndex: index, data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {} };
}

/**
 * The edits of many fixes combined: identical edits once, and an edit that overlaps one already
 * taken is dropped (its finding stays and a second run fixes it).
 */
export function combineFixes(fixes: readonly Fix[], lines: LineLookup): TextEdit[] {
  const taken: { start: number; end: number; edit: TextEdit }[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const spans = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), edit: e }));
    const clash = spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end));
    if (clash) {
      continue;
    }
    for (const s of spans) {
      const key = `${s.start}:${s.end}:${s.edit.newText}`;
      if (!seen.has(key)) {
        seen.add(key);
        taken.push(s);
      }
    }
  }
  return taken.map((t) => t.edit);
}

/** The edits fixing every fixable finding, optionally only those of one message. */
export function fixAllEdits(ctx: FixContext, findings: readonly LintDiagnostic[], messageIndex?: number): TextEdit[] {
  const selected = messageIndex === undefined ? findings : findings.filter((d) => d.messageIndex === messageIndex);
  return combineFixes(fixesOf(ctx, selected), ctx.lines);
}

/** The fixes of the findings that have one. */
function fixesOf(ctx: FixContext, findings: readonly LintDiagnostic[]): Fix[] {
  const fixes: Fix[] = [];
  for (const d of findings) {
    const fix = isFixable(d.code) ? computeFix(ctx, targetOfLint(d)) : undefined;
    if (fix) {
      fixes.push(fix);
    }
  }
  return fixes;
}

export interface CodeActionRequest {
  readonly uri: string;
  readonly range: Range;
  /** The diagnostics the editor shows at the range (`CodeActionContext.diagnostics`). */
  readonly diagnostics: readonly Diagnostic[];
  /** `CodeActionContext.only`. */
  readonly only?: readonly string[];
}

/**
 * Quick fixes for the diagnostics at a range, a fix-all for their message when it has several
 * fixable findings, and the file-wide `source.fixAll.sip` when the editor asks for source actions
 * (on save, or the Source Action menu); `findings` are the document's current lint findings.
 */
export function getCodeActions(ctx: FixContext, request: CodeActionRequest, findings: readonly LintDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const { uri } = request;
  if (wants(request.only, CodeActionKind.QuickFix)) {
    const messages = new Set<number>();
    for (const d of request.diagnostics) {
      const target = targetOfDiagnostic(ctx, d);
      const fix = target ? computeFix(ctx, target) : undefined;
      if (target && fix) {
        messages.add(target.messageIndex);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: { changes: { [uri]: [...fix.edits] } },
        });
      }
    }
    for (const index of messages) {
      const fixes = fixesOf(ctx, findings.filter((d) => d.messageIndex === index));
      // Worth offering only when it does more than the single quick fix.
      if (fixes.length > 1) {
        actions.push({ title: say('fixAllMessage', ctx.lang), kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: combineFixes(fixes, ctx.lines) } } });
      }
    }
  }
  if (request.only && wants(request.only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(ctx, findings);
    if (edits.length > 0) {
      actions.push({ title: say('fixAllFile', ctx.lang), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
  }
  return actions;
}

/** True when an action of `kind` is among the kinds asked for (a kind covers its sub-kinds). */
function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function fixMissingHeader(ctx: FixContext, message: TraceMessage, target: FixTarget): Fix | undefined {
  const header = target.data.header;
  if (typeof header !== 'string' || header.length === 0) {
    return undefined;
  }
  const values = suggestHeaderValues(ctx.trace, message, header);
  if (!values) {
    return undefined;
  }
  const parsed = message.parsed;
  const last = parsed.headers[parsed.headers.length - 1];
  const lineEnd = last ? last.span.end : parsed.startLine.span.end;
  const edit = insertLinesAfter(ctx, message, lineEnd, values.map((v) => `${header}: ${v}`));
  return { title: say('fixInsertHeader', ctx.lang, header), edits: [edit] };
}

function fixContentLength(ctx: FixContext, message: TraceMessage, target: FixTarget): Fix | undefined {
  const header = firstHeader(message, 'content-length');
  if (!header) {
    return undefined;
  }
  const expected = typeof target.data.expected === 'number' ? target.data.expected : bodyBytes(message);
  const value = trimmed(header.value.span, message.segment.content);
  return { title: say('fixContentLength', ctx.lang, expected), edits: [replaceContent(ctx, message, value, String(expected))] };
}

function fixCSeqMethod(ctx: FixContext, message: TraceMessage, target: FixTarget): Fix | undefined {
  const header = firstHeader(message, 'cseq');
  const f = factsOf(message);
  if (!header || !f.cseq) {
    return undefined;
  }
  let expected = typeof target.data.expected === 'string' ? target.data.expected : undefined;
  if (!expected) {
    const start = message.parsed.startLine;
    const origin = start.kind === 'response' ? findOrigin(ctx.trace, message) : undefined;
    const originStart = origin?.parsed.startLine;
    expected = start.kind === 'request' ? start.method.text : originStart?.kind === 'request' ? originStart.method.text : undefined;
  }
  const span = methodSpan(header, f.cseq.method);
  if (!expected || !span || expected === f.cseq.method) {
    return undefined;
  }
  return { title: say('fixCSeqMethod', ctx.lang, expected), edits: [replaceContent(ctx, message, span, expected)] };
}

function fixReasonPhrase(ctx: FixContext, message: TraceMessage, target: FixTarget): Fix | undefined {
  const start = message.parsed.startLine;
  if (start.kind !== 'response') {
    return undefined;
  }
  const info = lookupResponseCode(start.status);
  const phrase = typeof target.data.canonical === 'string' ? target.data.canonical : info?.registered ? info.phrase : undefined;
  if (!phrase || start.reason.text === phrase) {
    return undefined;
  }
  const reason = start.reason.span;
  if (reason.end > reason.start) {
    return { title: say('fixReason', ctx.lang, phrase), edits: [replaceContent(ctx, message, reason, phrase)] };
  }
  // No phrase at all: the Status-Line still needs the SP before it (RFC 3261 §7.2).
  const needsSpace = message.segment.content.charCodeAt(reason.start - 1) !== 32;
  return { title: say('fixReason', ctx.lang, phrase), edits: [insertAtContent(ctx, message, reason.start, `${needsSpace ? ' ' : ''}${phrase}`)] };
}

function fixTag(ctx: FixContext, message: TraceMessage, key: 'from' | 'to'): Fix | undefined {
  const header = firstHeader(message, key);
  const value = header?.values[0];
  if (!header || !value || value.params.some((p) => p.name.text.toLowerCase() === 'tag')) {
    return undefined;
  }
  const f = factsOf(message);
  let tag: string;
  if (key === 'to') {
    const request = f.isRequest ? undefined : findOrigin(ctx.trace, message);
    if (!request) {
      return undefined;
    }
    tag = responseTag(ctx.trace, message, request);
  } else {
    const request = f.isRequest ? undefined : findOrigin(ctx.trace, message);
    tag = (request && factsOf(request).fromTag) ?? requestFromTag(ctx.trace, message);
  }
  return { title: say('fixTag', ctx.lang, header.canonical), edits: [insertAtContent(ctx, message, value.span.end, `;tag=${tag}`)] };
}

/** The span of the method word inside a CSeq value. */
function methodSpan(header: Header, method: string): Span | undefined {
  const m = /^(\s*\d+\s+)(\S+)/.exec(header.value.text);
  if (!m || m[2] !== method || header.value.text.length !== header.value.span.end - header.value.span.start) {
    return undefined;
  }
  const start = header.value.span.start + m[1].length;
  return { start, end: start + method.length };
}

function trimmed(span: Span, content: string): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(content[start])) {
    start++;
  }
  while (end > start && /\s/.test(content[end - 1])) {
    end--;
  }
  return { start, end };
}
