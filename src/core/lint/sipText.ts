/**
 * Small, allocation-light readers of SIP values the rules share. They work on the parsed model
 * (content-relative spans) and never throw.
 */
import type { Header, HeaderValue, Param, Span } from '../model';

// The RFC 3261 §25 character classes live with the parser; the rules use the same ones.
import * as chars from '../parser/chars';
// Plain values, not `export ... from` (compiled to CommonJS that is a getter per call).
export const isTokenChar = chars.isToken;
export const isToken = chars.isTokenText;
export const isDigits = chars.isDigits;

/** Largest 32-bit unsigned value, the bound of delta-seconds and Expires (RFC 3261 §20.19). */
export const MAX_UINT32 = 4294967295;
/** CSeq numbers MUST be below 2^31 (RFC 3261 §8.1.1.5). */
export const CSEQ_LIMIT = 2147483648;

/** Look-up of a message's headers by lower-case canonical key. */
export interface HeaderLookup {
  /** The headers with that key, in message order; undefined when there is none. */
  get(key: string): readonly Header[] | undefined;
  has(key: string): boolean;
  /** The keys that occur more than once, in the order their second occurrence appears. */
  repeatedKeys(): readonly string[];
}

/** A parameter of a header value by case-insensitive name. */
export function findParam(value: HeaderValue | undefined, name: string): Param | undefined {
  if (!value) {
    return undefined;
  }
  for (const p of value.params) {
    const text = p.name.text;
    if (text.length === name.length && (text === name || text.toLowerCase() === name)) {
      return p;
    }
  }
  return undefined;
}

export interface CSeqValue {
  readonly numberText: string;
  readonly method: string;
  readonly span: Span;
  /** Span of the method token (content-relative). */
  readonly methodSpan: Span;
}

/**
 * Splits a CSeq value into its number and method (`1*DIGIT LWS Method`). Folding is already
 * collapsed in `value.text`; the method's span is found in the raw content so that a folded
 * CSeq (RFC 4475 wsinv) still gets an exact range.
 */
export function readCSeq(header: Header, content: string): CSeqValue | undefined {
  const text = header.value.text.trim();
  if (text === '') {
    return undefined;
  }
  const parts = text.split(/\s+/);
  const numberText = parts[0];
  const method = parts.length > 1 ? parts.slice(1).join(' ') : '';
  const span = header.value.span;
  let methodSpan = span;
  if (method) {
    const at = content.lastIndexOf(parts[parts.length - 1], span.end);
    if (at >= span.start) {
      methodSpan = { start: at, end: at + parts[parts.length - 1].length };
    }
  }
  return { numberText, method, span, methodSpan };
}

/** UTF-8 length of a string; lone surrogates count as the 3-byte replacement character. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    } else {
      n += 3;
    }
  }
  return n;
}

/** Transports on which a message is a stream of bytes, so Content-Length is what frames it. */
const STREAM_TRANSPORTS = new Set(['TCP', 'TLS', 'WS', 'WSS', 'SCTP', 'TLS-SCTP']);

export function isStreamTransport(transport: string | undefined): boolean {
  return transport !== undefined && STREAM_TRANSPORTS.has(transport.toUpperCase());
}

/** The transport of a Via value (`SIP/2.0/TCP host` -> `TCP`), upper-cased. */
export function viaTransport(value: HeaderValue | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const fast = sentProtocolTransport(value.main.text);
  if (fast !== undefined) {
    return fast;
  }
  const main = value.main.text.trim().replace(/\s*\/\s*/g, '/');
  const space = main.search(/\s/);
  const protocol = space < 0 ? main : main.slice(0, space);
  const parts = protocol.split('/');
  return parts.length === 3 ? parts[2].trim().toUpperCase() : undefined;
}

/**
 * Fast path for the common `SIP/2.0/UDP host` spelling (no LWS around the slashes): the
 * transport, upper-cased, or undefined when the value is spelled any other way.
 */
export function sentProtocolTransport(main: string): string | undefined {
  if (main.length < 9 || main.charCodeAt(3) !== 47 || main.charCodeAt(7) !== 47) {
    return undefined;
  }
  const head = main.slice(0, 8);
  if (head !== 'SIP/2.0/' && head.toUpperCase() !== 'SIP/2.0/') {
    return undefined;
  }
  let end = 8;
  while (end < main.length) {
    const c = main.charCodeAt(end);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      break;
    }
    end++;
  }
  return end > 8 && end < main.length ? main.slice(8, end).toUpperCase() : undefined;
}

/**
 * A copy of `text` that shares no storage with the message it was cut from. A slice of 13 or
 * more chars is a view of its parent string: kept as a cache key it would keep the whole message
 * text it was cut from (a 64 KB chunk of the trace, say) alive for as long as the cache lives.
 */
export function detach(text: string): string {
  // The concatenation is flattened into a new string by the slice; short strings are copies.
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Any char outside US-ASCII. */
const NON_ASCII = /[^\u0000-\u007f]/;

/** One pass over a body: its UTF-8 length, U+FFFD count and bare-LF count. */
export function bodyOctetStats(text: string): { octets: number; replacements: number; bareLf: number } {
  if (!NON_ASCII.test(text)) {
    // The usual body (SDP and other text): one octet per char, found by a native search; only
    // the line feeds are visited.
    let bareLf = 0;
    for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', lf + 1)) {
      if (lf === 0 || text.charCodeAt(lf - 1) !== 13) {
        bareLf++;
      }
    }
    return { octets: text.length, replacements: 0, bareLf };
  }
  let octets = 0;
  let replacements = 0;
  let bareLf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      octets += 1;
      if (c === 10 && (i === 0 || text.charCodeAt(i - 1) !== 13)) {
        bareLf++;
      }
    } else if (c < 0x800) {
      octets += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      octets += 4;
      i++;
    } else {
      octets += 3;
      if (c === 0xfffd) {
        replacements++;
      }
    }
  }
  return { octets, replacements, bareLf };
}

/**
 * The parser splits a header's value into elements lazily, on first access to `values`. Most
 * rules only need the first element's main part or one of its parameters, so these readers scan
 * the value text directly and leave the split to the features that need it.
 */

/**
 * Offset of the first `separator` (a char code) in `text[start, end)` that stands outside quoted
 * strings (with their backslash escapes) and `<...>`, or `end` when there is none.
 */
export function topLevelIndexOf(text: string, separator: number, end: number, start = 0): number {
  let inQuote = false;
  let angle = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === 92) {
        i++;
      } else if (c === 34) {
        inQuote = false;
      }
    } else if (c === 34) {
      inQuote = true;
    } else if (c === 60) {
      angle++;
    } else if (c === 62) {
      if (angle > 0) {
        angle--;
      }
    } else if (c === separator && angle === 0) {
      return i;
    }
  }
  return end;
}

/** End (exclusive) of the main part of an element: the first `;` outside quotes and `<>`. */
export function mainPartEnd(text: string, end: number = text.length): number {
  return topLevelIndexOf(text, 59, end);
}

/**
 * A header parameter of the first element of a value (`tag` of From, `branch` of the top Via):
 * its value ('' for a flag), or undefined when absent. `name` is lower case; the parameter's
 * name matches in any case, with whitespace allowed around `;` and `=`. One pass over the value:
 * quoted strings and `<...>` are skipped, the first top-level `,` ends the element.
 */
export function firstElementParam(text: string, name: string): string | undefined {
  const found = paramIn(text, 0, text.length, name, false);
  return found === RAW_LINE_BREAK ? undefined : found;
}

/** Returned by {@link paramIn} on a line break in a raw value: the caller reads the collapsed value. */
export const RAW_LINE_BREAK = -1;

/**
 * {@link firstElementParam} of the raw value at `[start, end)` of a message's content, read in
 * place. The value must be one line, as an unfolded field's value is (the parser ends a line at
 * CR or LF): a folded value is read from its collapsed text instead.
 */
export function paramInLine(content: string, start: number, end: number, name: string): string | undefined | typeof RAW_LINE_BREAK {
  // Most values hold no quoted string: then separators can be found with native searches
  // instead of a char loop (see paramInUnquoted; a char loop here made a first lint ~10% slower).
  if (!holds(content, nextQuote, start, end)) {
    return paramInUnquoted(content, start, end, name);
  }
  return paramIn(content, start, end, name, true);
}

/** {@link paramInLine} by the char-by-char scan alone (the reference its fast path is tested against). */
export function paramInScanned(content: string, start: number, end: number, name: string): string | undefined | typeof RAW_LINE_BREAK {
  return paramIn(content, start, end, name, true);
}

/**
 * Whether `text` holds `word` at `at`: a slice compared natively (a string comparison), which
 * beats a char loop for the address-long words the linter compares.
 */
export function matchesAt(text: string, at: number, word: string): boolean {
  return text.length >= at + word.length && text.slice(at, at + word.length) === word;
}

/**
 * The message content the remembered searches are in ({@link searchMessage}), its header block
 * (what is searched), and its turn.
 */
let searchText = '';
let searchHeaders = '';
let searchTurn = 0;

/**
 * Starts remembered searches ({@link NextChar}) in `content`, the message the rules now read,
 * whose header block ends at `headerEnd`. Each message gets a new turn, so nothing remembered
 * from the previous one is trusted (a string comparison could not tell: two messages' contents
 * may be equal).
 */
export function searchMessage(content: string, headerEnd = content.length): void {
  searchText = content;
  // The searches look for separators in header values only, so a char missing from the rest
  // of the header block need not be looked for through the body too.
  searchHeaders = headerEnd < content.length ? content.slice(0, headerEnd) : content;
  searchTurn++;
}

/**
 * `text.indexOf(char, from)` for one char, remembering its last answer in the message being
 * linted. The rules search one message's content for the same few chars field after field,
 * mostly from increasing positions; a char the rest of the message lacks (a comma, a quote)
 * made every such search run to the message's end. The last answer stands for any later `from`
 * up to it: it is the first occurrence at or after the last `from`. Any other text is searched
 * afresh.
 *
 * In the message content, only the header block is searched: an occurrence in the body is
 * answered -1. Callers only ask whether a char lies within a header value, before its end.
 */
export class NextChar {
  private turn = -1;
  private from = 0;
  private at = -1;

  constructor(private readonly char: string) {}

  in(text: string, from: number): number {
    // The same string object as the message content in the hot path: compared by pointer.
    if (text !== searchText) {
      return text.indexOf(this.char, from);
    }
    if (this.turn === searchTurn && from >= this.from && (this.at < 0 || this.at >= from)) {
      return this.at;
    }
    this.turn = searchTurn;
    this.from = from;
    this.at = searchHeaders.indexOf(this.char, from);
    return this.at;
  }
}

/** The remembered searches of the chars the value scans look for. */
export const nextQuote = new NextChar('"');
export const nextSemi = new NextChar(';');
export const nextComma = new NextChar(',');
export const nextLt = new NextChar('<');
export const nextGt = new NextChar('>');

/** Ends the remembered searches (a finished lint must not keep its last message alive). */
export function forgetSearches(): void {
  searchMessage('');
}

/** Whether `text[start, end)` holds the char `finder` looks for. */
function holds(text: string, finder: NextChar, start: number, end: number): boolean {
  const at = finder.in(text, start);
  return at >= 0 && at < end;
}

/** The first `;` or `,` in `text[pos, end)`, or `end`. */
function nextSeparator(text: string, pos: number, end: number): number {
  let semi = nextSemi.in(text, pos);
  if (semi < 0 || semi > end) {
    semi = end;
  }
  const comma = nextComma.in(text, pos);
  return comma >= 0 && comma < semi ? comma : semi;
}

/**
 * {@link paramIn} for a value without quotes, CR or LF, by jumping between separators: the main
 * part ends at the first `;` or `,` outside `<...>`; a nested `<` goes to the char loop.
 */
function paramInUnquoted(text: string, start: number, n: number, name: string): string | undefined | typeof RAW_LINE_BREAK {
  let i = start;
  for (;;) {
    const sep = nextSeparator(text, i, n);
    let lt = nextLt.in(text, i);
    if (lt >= sep) {
      // After the separator (or past the value): the separator is top level.
      lt = -1;
    }
    if (lt < 0) {
      i = sep;
      break;
    }
    const gt = nextGt.in(text, lt + 1);
    if (gt < 0 || gt >= n) {
      // The `<` never closes: nothing after it is top level.
      return undefined;
    }
    const nested = nextLt.in(text, lt + 1);
    if (nested >= 0 && nested < gt) {
      return paramIn(text, start, n, name, true);
    }
    i = gt + 1;
  }
  // Parameters: i is at a top-level ';' (else at ',' or the end, and there are none).
  while (i < n && text.charCodeAt(i) === 59) {
    const at = paramNameEnd(text, i, n, name);
    const after = at < 0 ? -1 - at : at;
    const next = after < n ? text.charCodeAt(after) : 59;
    const p = nextSeparator(text, after, n);
    if (at >= 0 && (next === 61 || next === 59 || next === 44)) {
      return next === 61 ? text.slice(after + 1, p).trim() : '';
    }
    i = p;
  }
  return undefined;
}

/**
 * Chars that stop the fast scans of {@link paramIn}: in the main part `"` `<` `>` `;` `,` `\`
 * CR LF; in a parameter `;` `,` `"` CR LF. Everything else (almost every char of a value) is
 * skipped with one table read, which made reading tags and branches several times faster than
 * testing each char against every separator.
 */
const MAIN_STOP = new Uint8Array(128);
const PARAM_STOP = new Uint8Array(128);
for (const c of '"<>;,\\\r\n') {
  MAIN_STOP[c.charCodeAt(0)] = 1;
}
for (const c of ';,"\r\n') {
  PARAM_STOP[c.charCodeAt(0)] = 1;
}

function paramIn(text: string, start: number, n: number, name: string, raw: boolean): string | undefined | typeof RAW_LINE_BREAK {
  let inQuote = false;
  let angle = 0;
  let i = start;
  // The main part: up to the first top-level ';' (or ',' / the end: no parameters).
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && MAIN_STOP[c] === 0) {
      continue;
    }
    if (raw && (c === 13 || c === 10)) {
      return RAW_LINE_BREAK;
    }
    if (inQuote) {
      if (c === 92) {
        i++;
      } else if (c === 34) {
        inQuote = false;
      }
    } else if (c === 34) {
      inQuote = true;
    } else if (c === 60) {
      angle++;
    } else if (c === 62) {
      if (angle > 0) {
        angle--;
      }
    } else if (angle === 0 && (c === 59 || c === 44)) {
      break;
    }
  }
  // Parameters: i is at a top-level ';' (else at ',' or the end, and there are none).
  while (i < n && text.charCodeAt(i) === 59) {
    const at = paramNameEnd(text, i, n, name);
    const after = at < 0 ? -1 - at : at;
    const next = after < n ? text.charCodeAt(after) : 59;
    const matched = at >= 0 && (next === 61 || next === 59 || next === 44);
    // The end of this parameter: the next ';' or ',' outside a quoted value.
    let p = after;
    let quoted = false;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c < 128 && PARAM_STOP[c] === 0) {
        p++;
        continue;
      }
      if (raw && (c === 13 || c === 10)) {
        return RAW_LINE_BREAK;
      }
      if (c === 59 || c === 44) {
        break;
      }
      if (c === 34) {
        quoted = true;
        p++;
        while (p < n && text.charCodeAt(p) !== 34) {
          p += text.charCodeAt(p) === 92 ? 2 : 1;
        }
      }
      p++;
    }
    if (p > n) {
      p = n;
    }
    if (matched) {
      if (next !== 61) {
        return '';
      }
      const value = text.slice(after + 1, p).trim();
      // A raw value with a fold inside (only a quoted string can hide one from the scan above)
      // differs from the collapsed one the callers expect.
      return raw && quoted && (value.includes('\r') || value.includes('\n')) ? RAW_LINE_BREAK : value;
    }
    i = p;
  }
  return undefined;
}

/**
 * Reads the parameter name after the `;` at `i`: skips whitespace, compares the name with `name`
 * (lower case; the text in any case), skips whitespace again. Returns the offset after that
 * (where `=` or the next separator stands), or `-1 - offset` when the name is not `name`.
 */
function paramNameEnd(text: string, i: number, n: number, name: string): number {
  let j = i + 1;
  while (j < n && isWs(text.charCodeAt(j))) {
    j++;
  }
  let k = 0;
  while (k < name.length && j + k < n && (text.charCodeAt(j + k) | 0x20) === name.charCodeAt(k)) {
    k++;
  }
  let after = j + k;
  while (after < n && isWs(text.charCodeAt(after))) {
    after++;
  }
  return k === name.length ? after : -1 - after;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** Splits a CSeq value into number and method text at the first run of whitespace (no regex). */
export function splitCSeq(text: string): { numberText: string; method: string | undefined } {
  let i = 0;
  const n = text.length;
  while (i < n && isWs(text.charCodeAt(i))) {
    i++;
  }
  const numberStart = i;
  while (i < n && !isWs(text.charCodeAt(i))) {
    i++;
  }
  const numberText = text.slice(numberStart, i);
  while (i < n && isWs(text.charCodeAt(i))) {
    i++;
  }
  let end = n;
  while (end > i && isWs(text.charCodeAt(end - 1))) {
    end--;
  }
  return { numberText, method: end > i ? text.slice(i, end) : undefined };
}

/** True for a Via value spelled `SIP/2.0/<transport> <host>` (no LWS around the slashes); no allocation. */
export function isPlainSipVia(main: string): boolean {
  return isPlainSipViaAt(main, 0, main.length);
}

/** {@link isPlainSipVia} of `text[start, end)`, read in place. */
export function isPlainSipViaAt(text: string, start: number, end: number): boolean {
  if (end - start < 10) {
    return false;
  }
  const c0 = text.charCodeAt(start) | 0x20;
  const c1 = text.charCodeAt(start + 1) | 0x20;
  const c2 = text.charCodeAt(start + 2) | 0x20;
  if (
    c0 !== 115 || c1 !== 105 || c2 !== 112 ||
    text.charCodeAt(start + 3) !== 47 || text.charCodeAt(start + 4) !== 50 || text.charCodeAt(start + 5) !== 46 ||
    text.charCodeAt(start + 6) !== 48 || text.charCodeAt(start + 7) !== 47
  ) {
    return false;
  }
  let i = start + 8;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      break;
    }
    i++;
  }
  return i > start + 8 && i < end;
}

/** True when the text is empty or only whitespace (no allocation, unlike `trim() === ''`). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) {
      return false;
    }
  }
  return true;
}
