/**
 * Text edits on the ORIGINAL file for changes described on a message's content. A parse is
 * content-relative; the edit must land on the file's characters, inside whatever framing the
 * trace tool wrapped around the message (ngrep's `.` line ends, FreeSWITCH's indentation...).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Span, TraceMessage } from '../model';
import type { LineLookup } from './locate';
import { toRange } from './locate';

/** The document a fix works on. */
export interface EditTarget {
  readonly text: string;
  readonly lines: LineLookup;
}

/** Replaces a content span of a message. */
export function replaceContent(target: EditTarget, message: TraceMessage, span: Span, newText: string): TextEdit {
  return { range: toRange(message.segment.map.spanToSource(span), target.lines), newText };
}

/** Inserts text at a content offset of a message. */
export function insertAtContent(target: EditTarget, message: TraceMessage, offset: number, newText: string): TextEdit {
  const at = message.segment.map.toSource(offset);
  const position = target.lines.positionAt(at);
  return { range: { start: position, end: position }, newText };
}

/** The line ending the message itself uses. */
export function messageEol(message: TraceMessage): string {
  return message.segment.content.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Inserts whole lines after the content line that ends at content offset `lineEnd` (a header's
 * end, line end excluded). Each new line copies the shape of that line in the file: the text
 * before the message content on it (framing indentation) and after it (ngrep's `.`), and its line
 * ending, so the framing stays intact and the reader cuts the same message again.
 */
export function insertLinesAfter(target: EditTarget, message: TraceMessage, lineEnd: number, newLines: readonly string[]): TextEdit {
  const { text, lines } = target;
  const content = message.segment.content;
  const map = message.segment.map;
  const lineStartInContent = Math.max(content.lastIndexOf('\n', lineEnd - 1), content.lastIndexOf('\r', lineEnd - 1)) + 1;
  const sourceEnd = lineEnd > lineStartInContent ? map.spanToSource({ start: lineStartInContent, end: lineEnd }).end : map.toSource(lineEnd);
  const line = lines.positionAt(sourceEnd).line;
  const sourceLineStart = lines.lineStart(line);
  const hasNext = line + 1 < lines.lineCount;
  const nextLineStart = hasNext ? lines.lineStart(line + 1) : text.length;
  let lineContentEnd = nextLineStart;
  while (lineContentEnd > sourceLineStart && (text.charCodeAt(lineContentEnd - 1) === 10 || text.charCodeAt(lineContentEnd - 1) === 13)) {
    lineContentEnd--;
  }
  const sourceContentStart = map.toSource(lineStartInContent);
  const prefix = sourceContentStart >= sourceLineStart && sourceContentStart <= sourceEnd ? text.slice(sourceLineStart, sourceContentStart) : '';
  const suffix = sourceEnd <= lineContentEnd ? text.slice(sourceEnd, lineContentEnd) : '';
  const body = newLines.map((l) => `${prefix}${l}${suffix}`);
  if (hasNext) {
    const eol = text.slice(lineContentEnd, nextLineStart);
    const at = lines.positionAt(nextLineStart);
    return { range: { start: at, end: at }, newText: body.map((l) => `${l}${eol}`).join('') };
  }
  const eol = messageEol(message);
  const at = lines.positionAt(lineContentEnd);
  return { range: { start: at, end: at }, newText: body.map((l) => `${eol}${l}`).join('') };
}

/** A short stable hex token derived from text (FNV-1a), for tags, branches and nonces a fix must invent. */
export function stableToken(seed: string, length = 8): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    out += (h >>> 0).toString(16).padStart(8, '0');
    round++;
  }
  return out.slice(0, length);
}
