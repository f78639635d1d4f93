/**
 * Re-analysing an edited trace without re-reading the whole file: the text that differs between
 * two versions is found, only the messages around it are read, parsed and linted again, and every
 * other message (and its findings) is kept, moved by the length the edit added or removed.
 *
 * Only the framing reader knows where messages start, so the window re-read is widened to whole
 * messages, one more on each side, and the result is checked against the previous read at both
 * ends. Anything unexpected (a different format, a stream transport whose packets the reader
 * joins, a boundary that moved) gives up, and the caller reads the whole file again: the
 * incremental path may only ever be a faster way to the same answer.
 */
import { readTrace } from '../core/framing';
import { lintTrace } from '../core/lint';
// Part of a trace is linted here (see callFindings); the unit tests check the result against
// lintTrace on the whole trace after random edits.
import { summarize } from '../core/lint/summary';
import type { LintDiagnostic, LintOptions, RelatedLocation } from '../core/lint/types';
import type { Framing, MessageSegment, ParsedMessage, ParseProblem, Span, Trace, TraceMessage } from '../core/model';
import { parseMessage } from '../core/parser';
import { SourceMap } from '../core/text/sourceMap';
import { toTraceMessage } from '../core/trace';

/** The part of the text an edit changed: `[start, oldEnd)` of the old text became `[start, newEnd)`. */
export interface ChangedRange {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/** Finds the changed range by comparing both ends, in chunks first (native compares), then by character. */
export function changedRange(oldText: string, newText: string): ChangedRange | undefined {
  if (oldText === newText) {
    return undefined;
  }
  const max = Math.min(oldText.length, newText.length);
  const CHUNK = 4096;
  let prefix = 0;
  while (prefix + CHUNK <= max && oldText.slice(prefix, prefix + CHUNK) === newText.slice(prefix, prefix + CHUNK)) {
    prefix += CHUNK;
  }
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) {
    prefix++;
  }
  const maxSuffix = max - prefix;
  let suffix = 0;
  while (
    suffix + CHUNK <= maxSuffix &&
    oldText.slice(oldText.length - suffix - CHUNK, oldText.length - suffix) === newText.slice(newText.length - suffix - CHUNK, newText.length - suffix)
  ) {
    suffix += CHUNK;
  }
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix++;
  }
  return { start: prefix, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/** A source map moved by `delta` characters, without copying its pieces. */
class ShiftedSourceMap extends SourceMap {
  constructor(
    readonly base: SourceMap,
    readonly delta: number,
  ) {
    super();
  }

  /** `map` moved by `delta`; shifts of shifts collapse so look-ups stay one hop. */
  static of(map: SourceMap, delta: number): SourceMap {
    if (delta === 0) {
      return map;
    }
    if (map instanceof ShiftedSourceMap) {
      return map.delta + delta === 0 ? map.base : new ShiftedSourceMap(map.base, map.delta + delta);
    }
    return new ShiftedSourceMap(map, delta);
  }

  override get pieces(): number {
    return this.base.pieces;
  }

  override add(): void {
    throw new Error('a shifted source map is read-only');
  }

  override toSource(offset: number): number {
    return this.base.toSource(offset) + this.delta;
  }

  override spanToSource(span: Span): Span {
    const s = this.base.spanToSource(span);
    return { start: s.start + this.delta, end: s.end + this.delta };
  }

  override toContent(sourceOffset: number, contentLength: number): number | undefined {
    return this.base.toContent(sourceOffset - this.delta, contentLength);
  }
}

function shiftSpan(span: Span, delta: number): Span {
  return delta === 0 ? span : { start: span.start + delta, end: span.end + delta };
}

function shiftFraming(framing: Framing, delta: number): Framing {
  return delta === 0 || !framing.headerSpan ? framing : { ...framing, headerSpan: shiftSpan(framing.headerSpan, delta) };
}

function shiftSegment(segment: MessageSegment, delta: number): MessageSegment {
  return delta === 0 ? segment : { content: segment.content, map: ShiftedSourceMap.of(segment.map, delta), framing: shiftFraming(segment.framing, delta) };
}

/** Where a message begins in the file, framing header included. */
function startOf(m: TraceMessage): number {
  const h = m.segment.framing.headerSpan;
  return h && h.start < m.span.start ? h.start : m.span.start;
}

/** Transports whose packets a reader may join into one message: a window could cut them apart. */
const STREAMED = new Set(['TCP', 'TLS', 'WS', 'WSS', 'SCTP']);

export interface SplicedTrace {
  readonly trace: Trace;
  /** Old messages `[first, first + removed)` were replaced by new messages `[first, first + added)`. */
  readonly first: number;
  readonly removed: number;
  readonly added: number;
  /** Old-text window that was re-read, and its length change. */
  readonly windowStart: number;
  readonly windowOldEnd: number;
  readonly delta: number;
}

/** The previous trace with the messages around a change read again, or undefined to read the whole file. */
export function spliceTrace(previous: Trace, newText: string, oldLength: number, change: ChangedRange): SplicedTrace | undefined {
  const old = previous.messages;
  if (old.length < 4) {
    return undefined;
  }
  const delta = change.newEnd - change.oldEnd;
  // i: the last message starting at or before the change; j: the first starting after it.
  let i = -1;
  let lo = 0;
  let hi = old.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(old[mid]) <= change.start) {
      i = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (i < 0) {
    return undefined; // before the first message: a banner or preamble the reader may read differently
  }
  let j = i + 1;
  while (j < old.length && startOf(old[j]) <= change.oldEnd) {
    j++;
  }
  const first = Math.max(0, i - 1);
  const windowStart = first === 0 ? 0 : startOf(old[first]);
  // Through message j (unchanged, after the change) up to the start of j + 1.
  const lastKept = Math.min(j, old.length - 1);
  const windowOldEnd = j + 1 < old.length ? startOf(old[j + 1]) : oldLength;
  const removed = (j + 1 < old.length ? j + 1 : old.length) - first;
  for (let k = first; k < first + removed; k++) {
    if (STREAMED.has(old[k].segment.framing.transport ?? '')) {
      return undefined;
    }
  }
  const windowText = newText.slice(windowStart, windowOldEnd + delta);
  const read = readTrace(windowText);
  if (read.format !== previous.format || read.segments.some((s) => STREAMED.has(s.framing.transport ?? ''))) {
    return undefined;
  }
  const known = new Map<string, ParsedMessage>();
  for (let k = first; k < first + removed; k++) {
    known.set(old[k].segment.content, old[k].parsed);
  }
  const fresh = read.segments.map((segment, k) => {
    const shifted = shiftSegment(segment, windowStart);
    return toTraceMessage(first + k, shifted, known.get(segment.content) ?? parseMessage(segment.content));
  });
  // The window's first message lies before the change (unless it is the file's first) and its
  // last after it: both must come out exactly where they were.
  if (fresh.length < 2) {
    return undefined;
  }
  if (first < i && (fresh[0].span.start !== old[first].span.start || fresh[0].segment.content !== old[first].segment.content)) {
    return undefined;
  }
  const lastOld = old[lastKept];
  const lastNew = fresh[fresh.length - 1];
  if (lastKept === j && (lastNew.span.start !== lastOld.span.start + delta || lastNew.segment.content !== lastOld.segment.content)) {
    return undefined;
  }
  const added = fresh.length;
  const indexShift = added - removed;
  const messages: TraceMessage[] = old.slice(0, first);
  messages.push(...fresh);
  for (let k = first + removed; k < old.length; k++) {
    const m = old[k];
    messages.push(
      delta === 0 && indexShift === 0
        ? m
        : { index: m.index + indexShift, segment: shiftSegment(m.segment, delta), parsed: m.parsed, span: shiftSpan(m.span, delta) },
    );
  }
  const problems: ParseProblem[] = [];
  for (const p of previous.problems) {
    if (p.span.end <= windowStart) {
      problems.push(p);
    }
  }
  for (const p of read.problems) {
    problems.push({ ...p, span: shiftSpan(p.span, windowStart) });
  }
  for (const p of previous.problems) {
    if (p.span.start >= windowOldEnd) {
      problems.push({ ...p, span: shiftSpan(p.span, delta) });
    }
  }
  return { trace: { format: previous.format, messages, problems }, first, removed, added, windowStart, windowOldEnd, delta };
}

/**
 * The findings of a spliced trace: the messages of every call (Call-ID) the re-read window
 * touched are linted again, since the trace rules relate the messages of one call; every other
 * message keeps its findings, moved. When the edit changed the number of messages the whole
 * trace is linted (parses and per-message findings are still reused from the cache).
 */
export function spliceFindings(previousFindings: readonly LintDiagnostic[], previous: Trace, spliced: SplicedTrace, options: LintOptions): LintDiagnostic[] {
  const { trace, first, removed, added, windowStart, windowOldEnd, delta } = spliced;
  if (added !== removed) {
    // Messages were added or removed: the texts of findings about later messages name other
    // messages by number ("the request it answers (message 18)"), and those numbers moved.
    return lintTrace(trace, options);
  }
  const calls = new Set<string>();
  for (let k = first; k < first + removed; k++) {
    const callId = summarize(previous.messages[k].parsed).callId;
    if (callId !== undefined) {
      calls.add(callId);
    }
  }
  for (let k = first; k < first + added; k++) {
    const callId = summarize(trace.messages[k].parsed).callId;
    if (callId !== undefined) {
      calls.add(callId);
    }
  }
  const relinted = new Set<number>();
  for (const m of trace.messages) {
    const callId = summarize(m.parsed).callId;
    if ((m.index >= first && m.index < first + added) || (callId !== undefined && calls.has(callId))) {
      relinted.add(m.index);
    }
  }
  // Reader problems of the window (a trace of problems only yields just those).
  const windowProblems = trace.problems.filter((p) => p.span.start >= windowStart && p.span.start < windowOldEnd + delta);
  const out = lintTrace({ format: trace.format, messages: [], problems: windowProblems }, options);
  out.push(...callFindings(trace, relinted, options));
  for (const d of previousFindings) {
    if (d.messageIndex < 0) {
      // Reader problems: those of the window were found again above.
      if (d.span.end <= windowStart) {
        out.push(d);
      } else if (d.span.start >= windowOldEnd) {
        out.push(moveFinding(d, -1, delta, windowOldEnd));
      }
      continue;
    }
    if (relinted.has(d.messageIndex)) {
      continue;
    }
    out.push(moveFinding(d, d.messageIndex, delta, windowOldEnd));
  }
  out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return out;
}

/**
 * A message every rule passes over: empty, so no start line, no Call-ID, no transaction. Its
 * one finding (no start line) is turned off where it stands in (see {@link callFindings}).
 */
const PLACEHOLDER_CODE = 'invalid-start-line';
const PLACEHOLDER: TraceMessage = {
  index: -1,
  segment: { content: '', map: SourceMap.identity(0), framing: { format: 'raw' } },
  parsed: parseMessage(''),
  span: { start: 0, end: 0 },
};

/**
 * Every finding of some messages, as `lintTrace` of the whole trace reports them, without running
 * the trace rules over the whole trace: the other messages are replaced by an empty placeholder,
 * so the rules still see every message at its real position (findings, and the message numbers
 * in their texts, stay right) but pass over the others at once. The rules relate the messages of
 * one call, except that "unanswered" is only said of a trace with a response at all; a response
 * from another call keeps that true, and its own findings are dropped.
 */
function callFindings(trace: Trace, include: ReadonlySet<number>, options: LintOptions): LintDiagnostic[] {
  const messages = trace.messages.map((m) => (include.has(m.index) ? m : PLACEHOLDER));
  if (!messages.some((m) => m !== PLACEHOLDER && isResponse(m))) {
    const stand = trace.messages.find((m) => !include.has(m.index) && isResponse(m));
    if (stand) {
      messages[stand.index] = stand;
    }
  }
  const quiet: LintOptions = { ...options, rules: { ...options.rules, [PLACEHOLDER_CODE]: 'off' } };
  const out = lintTrace({ format: trace.format, messages, problems: [] }, quiet).filter((d) => include.has(d.messageIndex));
  if (options.rules?.[PLACEHOLDER_CODE] !== 'off') {
    // The code turned off for the placeholders, for the real messages: a one-message trace runs
    // the message rules only (cached per parse).
    for (const index of include) {
      for (const d of lintTrace({ format: trace.format, messages: [trace.messages[index]], problems: [] }, options)) {
        if (d.code === PLACEHOLDER_CODE) {
          out.push(d);
        }
      }
    }
  }
  return out;
}

function isResponse(m: TraceMessage): boolean {
  return m.parsed.startLine.kind === 'response' && summarize(m.parsed).callId !== undefined;
}

function moveFinding(d: LintDiagnostic, messageIndex: number, delta: number, after: number): LintDiagnostic {
  const move = (span: Span): Span => (span.start >= after ? shiftSpan(span, delta) : span);
  const span = move(d.span);
  const related: RelatedLocation[] | undefined = d.related?.map((r) => ({ span: move(r.span), message: r.message }));
  if (span === d.span && messageIndex === d.messageIndex && !related) {
    return d;
  }
  return { ...d, messageIndex, span, ...(related ? { related } : {}) };
}
