import { readTrace } from './framing';
import type { Span, Trace, TraceMessage, MessageSegment, ParsedMessage } from './model';
import { parseMessage } from './parser';

/** Builds a trace message from a segment and its parse. */
export function toTraceMessage(index: number, segment: MessageSegment, parsed: ParsedMessage): TraceMessage {
  const span: Span = segment.map.spanToSource({ start: 0, end: segment.content.length });
  return { index, segment, parsed, span };
}

/**
 * Reads every SIP message in the text of a trace file, whatever tool wrote it, and parses each.
 * Never throws on input: problems come back in `problems` (reader) and each message's
 * `parsed.problems` (parser).
 */
export function parseTrace(text: string): Trace {
  const read = readTrace(text);
  const messages = read.segments.map((segment, index) => toTraceMessage(index, segment, parseMessage(segment.content)));
  return { format: read.format, messages, problems: read.problems };
}

/**
 * Like {@link parseTrace} but reuses the parse of every message whose content is unchanged,
 * keyed by content: after an edit only the touched messages are parsed again.
 */
export function reparseTrace(text: string, previous: Trace | undefined): Trace {
  if (!previous) {
    return parseTrace(text);
  }
  const known = new Map<string, ParsedMessage>();
  for (const m of previous.messages) {
    known.set(m.segment.content, m.parsed);
  }
  const read = readTrace(text);
  const messages = read.segments.map((segment, index) =>
    toTraceMessage(index, segment, known.get(segment.content) ?? parseMessage(segment.content)),
  );
  return { format: read.format, messages, problems: read.problems };
}
