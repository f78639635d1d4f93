/**
 * Finding things in a parsed trace by source offset, and turning source spans into LSP ranges.
 * Every feature goes through here so the content-to-source mapping is done in one place.
 */
import type { Location, Range } from 'vscode-languageserver-types';
import type { Header, Span, Trace, TraceMessage } from '../model';
import type { Position } from '../text/lineIndex';

/**
 * Offsets to positions and back: a {@link LineIndex}, or any document that keeps its line starts
 * (a language server's TextDocument updates them incrementally on each edit).
 */
export interface LineLookup {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  lineStart(line: number): number;
  readonly lineCount: number;
}

/** The LSP range of a source span. */
export function toRange(span: Span, lines: LineLookup): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** The source span of a content span of a message. */
export function sourceSpan(message: TraceMessage, span: Span): Span {
  return message.segment.map.spanToSource(span);
}

/** The LSP range of a content span of a message. */
export function contentRange(message: TraceMessage, span: Span, lines: LineLookup): Range {
  return toRange(sourceSpan(message, span), lines);
}

/** A location pointing at a message's start line. */
export function startLineLocation(uri: string, message: TraceMessage, lines: LineLookup): Location {
  return { uri, range: contentRange(message, message.parsed.startLine.span, lines) };
}

/** Where a message begins in the file: its framing header when it has one, else its content. */
export function messageStart(message: TraceMessage): number {
  const header = message.segment.framing.headerSpan;
  return header && header.start < message.span.start ? header.start : message.span.start;
}

/** Where a message ends in the file: after its last character that is not a line end. */
export function messageEnd(message: TraceMessage): number {
  const content = message.segment.content;
  let e = content.length;
  while (e > 0 && (content.charCodeAt(e - 1) === 10 || content.charCodeAt(e - 1) === 13)) {
    e--;
  }
  return e === 0 ? message.span.start : message.segment.map.spanToSource({ start: 0, end: e }).end;
}

/**
 * The message whose content covers a source offset (ends inclusive, so a caret just after the
 * last character still counts), or undefined between messages. Binary search: traces are long.
 */
export function messageAt(trace: Trace, offset: number): TraceMessage | undefined {
  // The last message starting at or before the offset: where one message ends exactly where the
  // next begins, the caret belongs to the next one's start line.
  const messages = trace.messages;
  let lo = 0;
  let hi = messages.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (messages[mid].span.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const m = found >= 0 ? messages[found] : undefined;
  return m && offset <= m.span.end ? m : undefined;
}

/** The message whose framing header or content covers a source offset. */
export function messageOrFramingAt(trace: Trace, offset: number): TraceMessage | undefined {
  const hit = messageAt(trace, offset);
  if (hit) {
    return hit;
  }
  // The framing header sits just before the content: try the first message starting after the offset.
  const messages = trace.messages;
  let lo = 0;
  let hi = messages.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (messages[mid].span.start <= offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const next = messages[lo];
  const header = next?.segment.framing.headerSpan;
  return header && offset >= header.start && offset <= header.end ? next : undefined;
}

/** The content offset of a source offset inside a message, or undefined in dropped framing. */
export function toContentOffset(message: TraceMessage, offset: number): number | undefined {
  return message.segment.map.toContent(offset, message.segment.content.length);
}

/** True when `offset` lies in the span, end inclusive (a caret right after a word is on it). */
export function touches(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The header whose field covers a content offset. */
export function headerAt(message: TraceMessage, offset: number): Header | undefined {
  return message.parsed.headers.find((h) => touches(h.span, offset));
}

/** The first header with a key (lower-cased canonical name). */
export function firstHeader(message: TraceMessage, key: string): Header | undefined {
  return message.parsed.headers.find((h) => h.key === key);
}

/** Every header with a key, in order. */
export function headersOf(message: TraceMessage, key: string): Header[] {
  return message.parsed.headers.filter((h) => h.key === key);
}

/** The 1-based line number of a message's start line, as people read it in the editor. */
export function startLineNumber(message: TraceMessage, lines: LineLookup): number {
  return lines.positionAt(message.segment.map.toSource(message.parsed.startLine.span.start)).line + 1;
}
