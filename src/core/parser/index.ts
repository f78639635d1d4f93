/**
 * The SIP message parser (RFC 3261 §7, §25): start line, header fields, body. A pure function
 * of the message content; every span is an offset into that content. It never throws: broken
 * input becomes a {@link ParseProblem} with a stable code and parsing goes on at the next line.
 *
 * Speed matters (it runs on every edit of traces with thousands of messages), so it scans char
 * codes, finds line ends with `indexOf`, and uses no per-header regex.
 */
import type { Body, Header, ParsedMessage, ParseProblem, StartLine } from '../model';
import { resolveHeaderName } from '../knowledge/headerNames';
import { COLON, CR, LF, isToken, isWsp } from './chars';
import { makeToken, splitHeaderValue } from './headerValue';
import { parseStartLine } from './startLine';

export { START_LINE_CODES, isSipVersion } from './startLine';

/** Stable codes of the problems {@link parseMessage} reports (besides the start-line ones). */
export const PARSE_CODES = {
  malformedHeader: 'malformed-header',
  missingHeaderTerminator: 'missing-header-terminator',
  whitespaceBlankLine: 'whitespace-blank-line',
} as const;

/** Finds line ends in linear time whatever mix of CRLF, LF and lone CR the content uses. */
class LineScanner {
  private nextCr = -2;
  private nextLf = -2;

  constructor(private readonly content: string) {}

  /** Offset of the line terminator of the line starting at `pos` (or the content length). */
  end(pos: number): number {
    const c = this.content;
    if (this.nextCr !== -1 && this.nextCr < pos) {
      this.nextCr = c.indexOf('\r', pos);
    }
    if (this.nextLf !== -1 && this.nextLf < pos) {
      this.nextLf = c.indexOf('\n', pos);
    }
    const cr = this.nextCr;
    const lf = this.nextLf;
    if (cr < 0) {
      return lf < 0 ? c.length : lf;
    }
    return lf < 0 || cr < lf ? cr : lf;
  }

  /** Offset of the next line's start, given the terminator offset `eol`. */
  next(eol: number): number {
    const c = this.content;
    if (eol >= c.length) {
      return c.length;
    }
    return c.charCodeAt(eol) === CR && c.charCodeAt(eol + 1) === LF ? eol + 2 : eol + 1;
  }
}

function isBlank(content: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (!isWsp(content.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/**
 * Parses one SIP message: the start line, each header field line (folding joined, compact names
 * resolved, list values split), and the body after the first empty line.
 *
 * The content is taken as cut by the trace reader: the body is everything after the header
 * block; it is not cut again to Content-Length. Line ends may be CRLF, LF or a lone CR.
 *
 * Problems (content-relative spans): the start-line codes of {@link START_LINE_CODES},
 * `malformed-header` (a line without a colon, an illegal header name, a continuation line with
 * no header to continue), `whitespace-blank-line` (a whitespace-only line taken as the end of
 * the header block) and `missing-header-terminator` (no empty line after the headers).
 */
export function parseMessage(content: string): ParsedMessage {
  const n = content.length;
  const problems: ParseProblem[] = [];
  const lines = new LineScanner(content);
  let pos = 0;
  // RFC 3261 §7.5: empty lines before the start line are ignored.
  while (pos < n) {
    const c = content.charCodeAt(pos);
    if (c !== CR && c !== LF) {
      break;
    }
    pos = lines.next(pos);
  }
  const firstEnd = lines.end(pos);
  const startLine: StartLine = parseStartLine(content, pos, firstEnd, problems);
  let lastLineStart = pos;
  let lastLineEnd = firstEnd;
  pos = lines.next(firstEnd);

  const headers: Header[] = [];
  let headerEnd = n;
  let terminated = false;
  const malformed = (message: string, start: number, end: number): void => {
    problems.push({ code: PARSE_CODES.malformedHeader, message, severity: 'error', span: { start, end } });
  };

  while (pos < n) {
    const le = lines.end(pos);
    if (le === pos) {
      headerEnd = lines.next(le);
      terminated = true;
      break;
    }
    lastLineStart = pos;
    lastLineEnd = le;
    const first = content.charCodeAt(pos);
    if (isWsp(first)) {
      if (isBlank(content, pos, le)) {
        problems.push({
          code: PARSE_CODES.whitespaceBlankLine,
          message: 'A line of only whitespace is taken as the empty line ending the header fields.',
          severity: 'warning',
          span: { start: pos, end: le },
        });
        headerEnd = lines.next(le);
        terminated = true;
        break;
      }
      malformed(
        headers.length === 0
          ? 'A continuation line (starting with whitespace) cannot follow the start line.'
          : 'A continuation line with no header field to continue.',
        pos,
        le,
      );
      pos = lines.next(le);
      continue;
    }

    // field-name HCOLON: token *( SP / HTAB ) ":"
    let i = pos;
    while (i < le && isToken(content.charCodeAt(i))) {
      i++;
    }
    const nameEnd = i;
    while (i < le && isWsp(content.charCodeAt(i))) {
      i++;
    }
    // The field ends after its continuation lines (each starts with SP/HTAB and is not blank).
    let fieldEnd = le;
    let next = lines.next(le);
    let folded = false;
    while (next < n && isWsp(content.charCodeAt(next))) {
      const e = lines.end(next);
      if (isBlank(content, next, e)) {
        break;
      }
      folded = true;
      fieldEnd = e;
      lastLineStart = next;
      lastLineEnd = e;
      next = lines.next(e);
    }

    if (i >= le || content.charCodeAt(i) !== COLON || nameEnd === pos) {
      let colon = content.indexOf(':', pos);
      if (colon >= le) {
        colon = -1;
      }
      if (colon < 0) {
        malformed('Header field line has no colon (expected "Name: value").', pos, le);
      } else if (colon === pos || (nameEnd === pos && isBlank(content, pos, colon))) {
        malformed('Header field has an empty name.', pos, colon + 1);
      } else {
        malformed(
          'Illegal character in header field name (names are tokens, RFC 3261 §25).',
          nameEnd === pos ? pos : nameEnd,
          colon,
        );
      }
      pos = next;
      continue;
    }

    let vs = i + 1;
    while (vs < fieldEnd) {
      const c = content.charCodeAt(vs);
      if (!(isWsp(c) || c === CR || c === LF)) {
        break;
      }
      vs++;
    }
    let ve = fieldEnd;
    while (ve > vs && isWsp(content.charCodeAt(ve - 1))) {
      ve--;
    }
    const nameText = content.slice(pos, nameEnd);
    const resolved = resolveHeaderName(nameText);
    headers.push({
      name: { text: nameText, span: { start: pos, end: nameEnd } },
      canonical: resolved.canonical,
      key: resolved.key,
      compact: resolved.compact,
      value: makeToken(content, vs, ve, folded),
      values: splitHeaderValue(content, vs, ve, resolved.key, folded),
      span: { start: pos, end: fieldEnd },
    });
    pos = next;
  }

  if (!terminated && startLine.span.end > startLine.span.start) {
    problems.push({
      code: PARSE_CODES.missingHeaderTerminator,
      message: 'No empty line ends the header fields (the message may be truncated).',
      severity: 'warning',
      span: { start: lastLineStart, end: lastLineEnd },
    });
  }
  let body: Body | undefined;
  if (terminated && headerEnd < n) {
    body = { span: { start: headerEnd, end: n }, text: content.slice(headerEnd) };
  }
  return body ? { startLine, headers, headerEnd, body, problems } : { startLine, headers, headerEnd, problems };
}
