/**
 * Folding: each message (framing header included) and each message body, so a long trace can be
 * collapsed to one line per message.
 */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { Trace, TraceMessage } from '../model';
import type { LineLookup } from './locate';
import { messageStart } from './locate';
import { MAX_ITEMS } from './symbols';

/** A range per message spanning two lines or more, and one per multi-line body; at most `maxItems`. */
export function getFoldingRanges(trace: Trace, lines: LineLookup, maxItems = MAX_ITEMS): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const message of trace.messages) {
    if (ranges.length >= maxItems - 1) {
      break;
    }
    const startLine = lines.positionAt(messageStart(message)).line;
    const endLine = lastLine(message, lines, message.segment.content.length);
    if (endLine > startLine) {
      ranges.push({ startLine, endLine });
    }
    const body = message.parsed.body;
    if (body && body.span.end > body.span.start) {
      // Fold from the blank line before the body, so the folded line still shows where it starts.
      const bodyStart = lines.positionAt(message.segment.map.toSource(body.span.start)).line - 1;
      const bodyEnd = lastLine(message, lines, body.span.end);
      if (bodyEnd > bodyStart && bodyStart > startLine) {
        ranges.push({ startLine: bodyStart, endLine: bodyEnd });
      }
    }
  }
  return ranges;
}

/** The last line holding a character of the content before `end` (a trailing line end adds no line). */
function lastLine(message: TraceMessage, lines: LineLookup, end: number): number {
  const content = message.segment.content;
  let e = end;
  while (e > 0 && (content.charCodeAt(e - 1) === 10 || content.charCodeAt(e - 1) === 13)) {
    e--;
  }
  if (e === 0) {
    return lines.positionAt(message.segment.map.toSource(0)).line;
  }
  return lines.positionAt(message.segment.map.toSource(e - 1)).line;
}
