/**
 * Typed look-ups on a parsed message, so rules and features do not each re-implement "the
 * first Via's branch" or "the CSeq method". Keys are lower-case canonical names (`call-id`,
 * `cseq`); compact forms are already resolved by the parser.
 */
import type { Header, ParsedMessage, Span, Token } from '../model';
import { isDigit, isLws } from './chars';
import { parseVia } from './via';

/** The first header with lower-case canonical `key` (e.g. `via`, `call-id`), if any. */
export function getHeader(parsed: ParsedMessage, key: string): Header | undefined {
  for (const h of parsed.headers) {
    if (h.key === key) {
      return h;
    }
  }
  return undefined;
}

/** Every header with lower-case canonical `key`, in message order. */
export function getHeaders(parsed: ParsedMessage, key: string): Header[] {
  return parsed.headers.filter((h) => h.key === key);
}

/** The Call-ID value as written (first Call-ID header), or undefined when absent or empty. */
export function getCallId(parsed: ParsedMessage): string | undefined {
  const h = getHeader(parsed, 'call-id');
  return h && h.value.text.length > 0 ? h.value.text : undefined;
}

/** A CSeq value: `1*DIGIT LWS Method` (RFC 3261 §20.16). */
export interface CSeqValue {
  /** The sequence number (may exceed 2^31 or be unsafe as a double: check `numberToken`). */
  readonly number: number;
  readonly method: string;
  readonly numberToken: Token;
  readonly methodToken: Token;
  /** The whole CSeq value's span (content-relative). */
  readonly span: Span;
}

/**
 * The first CSeq header's number and method; undefined when absent or not `digits LWS method`.
 * Spans are content-relative (the header's value span is the base).
 */
export function getCSeq(parsed: ParsedMessage): CSeqValue | undefined {
  const h = getHeader(parsed, 'cseq');
  if (!h || h.values.length === 0) {
    return undefined;
  }
  const v = h.values[0];
  const text = v.main.text;
  const exact = v.main.span.end - v.main.span.start === text.length;
  let i = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) {
    i++;
  }
  if (i === 0) {
    return undefined;
  }
  let m = i;
  while (m < text.length && isLws(text.charCodeAt(m))) {
    m++;
  }
  if (m === i || m >= text.length) {
    return undefined;
  }
  let e = m;
  while (e < text.length && !isLws(text.charCodeAt(e))) {
    e++;
  }
  const base = v.main.span.start;
  const numberText = text.slice(0, i);
  const methodText = text.slice(m, e);
  // Folding is collapsed in `text`; the number (at the start) and a method that ends the value
  // still map exactly onto the content, whatever folds lie between them.
  const end = v.main.span.end;
  const methodSpan: Span =
    e === text.length
      ? { start: end - methodText.length, end }
      : exact
        ? { start: base + m, end: base + e }
        : { start: base, end };
  return {
    number: Number(numberText),
    method: methodText,
    numberToken: { text: numberText, span: { start: base, end: base + i } },
    methodToken: { text: methodText, span: methodSpan },
    span: v.span,
  };
}

/** The value of header parameter `name` (case-insensitive) of a header's first value. */
export function getHeaderParam(header: Header, name: string): string | undefined {
  const v = header.values[0];
  if (!v) {
    return undefined;
  }
  const lower = name.toLowerCase();
  for (const p of v.params) {
    if (p.name.text.toLowerCase() === lower) {
      return p.value ? p.value.text : '';
    }
  }
  return undefined;
}

/** The `tag` parameter of a From or To header, or undefined when it has none. */
export function getTag(header: Header): string | undefined {
  return getHeaderParam(header, 'tag');
}

/** The `branch` parameter of the topmost Via (first element of the first Via header). */
export function getBranch(parsed: ParsedMessage): string | undefined {
  const via = getHeader(parsed, 'via');
  if (!via || via.values.length === 0) {
    return undefined;
  }
  return parseVia(via.values[0].text).branch;
}

/** The Content-Length value as a number; undefined when absent, NaN when not digits. */
export function getContentLength(parsed: ParsedMessage): number | undefined {
  const h = getHeader(parsed, 'content-length');
  if (!h) {
    return undefined;
  }
  const t = h.value.text;
  if (t.length === 0) {
    return NaN;
  }
  for (let i = 0; i < t.length; i++) {
    if (!isDigit(t.charCodeAt(i))) {
      return NaN;
    }
  }
  return Number(t);
}

/** The request's method, or for a response the CSeq method; undefined when neither is known. */
export function getMethod(parsed: ParsedMessage): string | undefined {
  if (parsed.startLine.kind === 'request') {
    return parsed.startLine.method.text;
  }
  return getCSeq(parsed)?.method;
}
