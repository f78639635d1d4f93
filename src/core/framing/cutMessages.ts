import {
  CR,
  LF,
  SP,
  TAB,
  StartKind,
  advanceBytes,
  advancedBytes,
  indexWithin,
  isBlank,
  isDigit,
  isTokenChar,
  startLineKind,
  trimEnd,
} from './text';

/** An offset range `[start, end)`. */
interface Range {
  start: number;
  end: number;
}

/** Shared by every result with nothing to list; never pushed to (see cutMessages). */
const NONE: Range[] = [];

/** One message cut out of a region: offsets into the string that was cut. */
export interface CutMessage {
  readonly start: number;
  readonly end: number;
  /** Why the message is incomplete, when it is. */
  readonly truncated?: 'eof' | 'content-length';
  readonly contentLength?: number;
  /** Offsets of the last line, for pointing at where the message was cut off. */
  readonly lastLineStart: number;
  /** The Content-Length ran past a following start line and the message was cut there instead. */
  readonly overrun?: boolean;
  /** Raw mode: a non-blank, non-message line came right before the start line. */
  readonly afterJunk: boolean;
}

export interface CutResult {
  readonly messages: CutMessage[];
  /** Raw mode: text glued to the end of a message that belongs to no message (offset ranges). */
  readonly junk: readonly Range[];
  /** Framed mode: the region held text but no SIP start line. */
  readonly unrecognized?: { start: number; end: number };
  /** Framed mode: non-blank text after the last message that starts no message (start of it, end of the last such line). */
  readonly rest?: { start: number; end: number };
  /**
   * Raw mode: blocks of SIP header lines (Via, From, To, Call-ID, CSeq) with no start line
   * before them, which are therefore read as no message.
   */
  readonly headless: readonly Range[];
}

export interface CutOptions {
  /** Raw text: junk may surround messages; a start line ends the previous message. */
  readonly raw: boolean;
  /** The region ends where the input ends (an unfinished message there was cut off). */
  readonly atEof: boolean;
  /** Content-Length counts characters, not UTF-8 bytes (ngrep prints each byte as one char). */
  readonly perChar: boolean;
  /**
   * The logging tool may have dropped the CRs: when a message's lines end in LF only, each LF
   * stands for the CRLF the Content-Length counted on the wire (FreeSWITCH siptrace, pasted logs).
   */
  readonly lfIsCrlf?: boolean;
}

/**
 * Cuts the SIP messages out of `s[from, to)`: start line, headers up to the blank line, then a
 * body of Content-Length bytes, or (without Content-Length) up to the next start line / the end.
 * Framed regions hold one message, or several back to back (an ngrep packet); raw regions may
 * hold junk anywhere. Linear in the region length.
 */
export function cutMessages(s: string, from: number, to: number, options: CutOptions): CutResult {
  const messages: CutMessage[] = [];
  // Both stay the shared empty array unless something is found (most calls cut one packet).
  let junk: Range[] = NONE;
  let headless: Range[] = NONE;
  let pos = from;
  // At the first line of a block (region start, or after a blank line).
  let blockStart = true;
  let afterJunk = false;
  // Junk is reported only when glued to the end of a message (no blank line in between): that is
  // where it matters (a Content-Length too small, trailing octets), unlike notes around messages.
  let glued = false;
  let junkStart = -1;
  let junkEnd = -1;
  const flushJunk = (): void => {
    if (junkStart >= 0) {
      junk = junk === NONE ? [] : junk;
      junk.push({ start: junkStart, end: junkEnd });
      junkStart = -1;
    }
  };
  while (pos < to) {
    const le = lineEndWithin(s, pos, to);
    if (isBlank(s, pos, le)) {
      afterJunk = false;
      glued = false;
      blockStart = true;
      flushJunk();
      pos = le < to ? le + 1 : to;
      continue;
    }
    if (startLineKind(s, pos, le) === StartKind.None) {
      if (!options.raw) {
        if (messages.length === 0) {
          return { messages, junk, headless, unrecognized: { start: pos, end: trimEnd(s, pos, le) } };
        }
        return { messages, junk, headless, rest: { start: pos, end: lastTextEnd(s, pos, to) } };
      }
      if (blockStart && !glued) {
        const block = headerBlockEnd(s, pos, to);
        if (block > pos) {
          headless = headless === NONE ? [] : headless;
          headless.push({ start: pos, end: lastTextEnd(s, pos, block) });
          afterJunk = true;
          blockStart = false;
          pos = block;
          continue;
        }
      }
      blockStart = false;
      if (glued) {
        if (junkStart < 0) {
          junkStart = pos;
        }
        junkEnd = trimEnd(s, pos, le);
      }
      afterJunk = true;
      pos = le < to ? le + 1 : to;
      continue;
    }
    flushJunk();
    blockStart = false;
    const m = cutOne(s, pos, to, options, afterJunk);
    messages.push(m);
    pos = m.end;
    // Text right after a message that ended mid-line is body the Content-Length did not count.
    glued = pos > from && pos < to && s.charCodeAt(pos - 1) !== LF;
    blockStart = !glued;
    afterJunk = false;
  }
  flushJunk();
  return { messages, junk, headless };
}

/** End of the last non-blank line in `[pos, to)`. */
function lastTextEnd(s: string, pos: number, to: number): number {
  let e = trimEnd(s, pos, to);
  while (e > pos && (s.charCodeAt(e - 1) === LF || s.charCodeAt(e - 1) === CR)) {
    e = trimEnd(s, pos, e - 1);
  }
  return e;
}

/** Which of the headers every request carries a header line names (bit per header), 0 when none. */
function coreHeaderBit(s: string, pos: number, le: number): number {
  let i = pos;
  while (i < le && isTokenChar(s.charCodeAt(i))) {
    i++;
  }
  const nameEnd = i;
  while (i < le && (s.charCodeAt(i) === SP || s.charCodeAt(i) === TAB)) {
    i++;
  }
  if (nameEnd === pos || s.charCodeAt(i) !== 58 /* : */) {
    return 0;
  }
  const len = nameEnd - pos;
  const is = (name: string): boolean => len === name.length && matchesLower(s, pos, name);
  if (is('via') || is('v')) {
    return 1;
  }
  if (is('from') || is('f')) {
    return 2;
  }
  if (is('to') || is('t')) {
    return 4;
  }
  if (is('call-id') || is('i')) {
    return 8;
  }
  return is('cseq') ? 16 : 0;
}

/**
 * A block that opens with one of Via/From/To/Call-ID/CSeq and names at least two of them before
 * its blank line reads as a message's header lines whose start line is missing: returns where the
 * header lines end (the blank line, or the first line that is no header), or `pos` when the block
 * is something else. Two distinct core names keep log lines such as `To: the team` out.
 */
function headerBlockEnd(s: string, pos: number, to: number): number {
  if (coreHeaderBit(s, pos, lineEndWithin(s, pos, to)) === 0) {
    return pos;
  }
  let seen = 0;
  let p = pos;
  while (p < to) {
    const le = lineEndWithin(s, p, to);
    if (isBlank(s, p, le)) {
      break;
    }
    const c = s.charCodeAt(p);
    if (c !== SP && c !== TAB) {
      if (indexWithin(s, ':', p, le) < 0 || startLineKind(s, p, le) !== StartKind.None) {
        break;
      }
      seen |= coreHeaderBit(s, p, le);
    }
    p = le < to ? le + 1 : to;
  }
  return bitCount(seen) >= 2 ? p : pos;
}

function bitCount(v: number): number {
  let n = 0;
  for (let x = v; x !== 0; x &= x - 1) {
    n++;
  }
  return n;
}

function lineEndWithin(s: string, pos: number, to: number): number {
  const i = s.indexOf('\n', pos);
  return i < 0 || i > to ? to : i;
}

function cutOne(s: string, start: number, to: number, options: CutOptions, afterJunk: boolean): CutMessage {
  let pos = nextLineStart(s, start, to);
  let lastLineStart = start;
  let contentLength: number | undefined;
  let bodyStart = -1;
  // End of the last line that can belong to a message (a header, folding, SDP-like `x=y`).
  let lastMessageLineEnd = pos;
  let irregular = false;
  while (pos < to) {
    const le = lineEndWithin(s, pos, to);
    if (isBlank(s, pos, le)) {
      bodyStart = le < to ? le + 1 : to;
      break;
    }
    if (options.raw && startLineKind(s, pos, le) !== StartKind.None) {
      // The next message starts without a blank line before it: this one has no body, and
      // separator lines just before the next start line (`2-----`) belong to neither.
      return { start, end: lastMessageLineEnd, lastLineStart, afterJunk: afterJunk || irregular };
    }
    if (contentLength === undefined) {
      contentLength = readContentLength(s, pos, le);
    }
    const next = le < to ? le + 1 : to;
    if (!options.raw || looksLikeMessageLine(s, pos, le)) {
      lastMessageLineEnd = next;
      lastLineStart = pos;
    } else {
      irregular = true;
    }
    pos = next;
  }
  if (bodyStart < 0) {
    // Cut off in the headers: at the end of the file (unless an announced empty body says only
    // the blank line is missing), or before an announced body.
    const truncated =
      contentLength === undefined ? (options.atEof ? 'eof' : undefined) : contentLength > 0 ? 'eof' : undefined;
    return truncated
      ? { start, end: to, lastLineStart, truncated, contentLength, afterJunk }
      : { start, end: to, lastLineStart, contentLength, afterJunk };
  }
  if (contentLength !== undefined) {
    const firstEol = s.indexOf('\n', start);
    const lfOnly = firstEol > start && s.charCodeAt(firstEol - 1) !== CR;
    let body = measureBody(s, bodyStart, to, contentLength, options, options.lfIsCrlf === true && lfOnly);
    if ((body.short || body.overrunAt >= 0) && lfOnly && options.lfIsCrlf !== true && !options.perChar) {
      // An LF-only copy of a message whose Content-Length counted CRLF line ends on the wire.
      const crlfCounted = measureBody(s, bodyStart, to, contentLength, options, true);
      if (!crlfCounted.short && crlfCounted.overrunAt < 0) {
        body = crlfCounted;
      }
    }
    if (body.overrunAt >= 0) {
      const cut = body.overrunAt;
      return { start, end: cut, lastLineStart: lastLineBefore(s, start, cut), contentLength, overrun: true, afterJunk };
    }
    const lastLine = lastLineBefore(s, start, body.end);
    return body.short
      ? { start, end: body.end, lastLineStart: lastLine, truncated: 'content-length', contentLength, afterJunk }
      : { start, end: body.end, lastLineStart: lastLine, contentLength, afterJunk };
  }
  // No Content-Length: the body runs to the next start line (raw) or the end of the region,
  // without the blank lines that separate messages.
  let p = bodyStart;
  let end = bodyStart;
  while (p < to) {
    const le = lineEndWithin(s, p, to);
    if (options.raw && startLineKind(s, p, le) !== StartKind.None) {
      break;
    }
    const next = le < to ? le + 1 : to;
    if (!isBlank(s, p, le)) {
      end = next;
    }
    p = next;
  }
  return { start, end, lastLineStart: lastLineBefore(s, start, end), afterJunk };
}

/** Where a body of `contentLength` bytes ends; whether it is short; a start line it runs into (raw). */
function measureBody(
  s: string,
  bodyStart: number,
  to: number,
  contentLength: number,
  options: CutOptions,
  lfIsCrlf: boolean,
): { end: number; short: boolean; overrunAt: number } {
  const end = advanceBytes(s, bodyStart, to, contentLength, options.perChar, lfIsCrlf);
  const have = advancedBytes;
  const overrunAt = options.raw ? startLineBefore(s, bodyStart, end, to) : -1;
  return { end, short: end >= to && have < contentLength, overrunAt };
}

function nextLineStart(s: string, pos: number, to: number): number {
  const le = lineEndWithin(s, pos, to);
  return le < to ? le + 1 : to;
}

/** Start of the last non-empty line that ends at or before `end`. */
function lastLineBefore(s: string, start: number, end: number): number {
  let e = end;
  while (e > start && (s.charCodeAt(e - 1) === LF || s.charCodeAt(e - 1) === CR)) {
    e--;
  }
  // A loop, not lastIndexOf (a runtime call in V8, slower than reading the few characters of a line).
  for (let i = Math.min(Math.max(e - 1, 0), s.length - 1); i >= start; i--) {
    if (s.charCodeAt(i) === LF) {
      return i + 1;
    }
  }
  return start;
}

/**
 * When a Content-Length overshoots into the middle of a line, a start line inside the supposed
 * body means the length was wrong (LF-only copies of CRLF messages are the usual cause): returns
 * that line's start, or -1. A body ending exactly at a line end is trusted, so a message/sipfrag
 * body stays whole.
 */
function startLineBefore(s: string, bodyStart: number, bodyEnd: number, to: number): number {
  if (bodyEnd >= to || bodyEnd === bodyStart || s.charCodeAt(bodyEnd - 1) === LF) {
    return -1;
  }
  let p = bodyStart;
  while (p < bodyEnd) {
    const le = lineEndWithin(s, p, to);
    if (startLineKind(s, p, le) !== StartKind.None) {
      return p;
    }
    p = le < to ? le + 1 : to;
  }
  return -1;
}

/** `Content-Length: N` or compact `l: N` on this header line; undefined when absent or not a number. */
export function readContentLength(s: string, pos: number, le: number): number | undefined {
  const c0 = s.charCodeAt(pos) | 0x20;
  let i: number;
  if (c0 === 0x6c /* l */) {
    i = pos + 1;
  } else if (c0 === 0x63 /* c */ && le - pos > 15 && matchesLower(s, pos, 'content-length')) {
    i = pos + 14;
  } else {
    return undefined;
  }
  while (i < le && (s.charCodeAt(i) === SP || s.charCodeAt(i) === TAB)) {
    i++;
  }
  if (s.charCodeAt(i) !== 58 /* : */) {
    return undefined;
  }
  i++;
  while (i < le && (s.charCodeAt(i) === SP || s.charCodeAt(i) === TAB)) {
    i++;
  }
  let v = 0;
  const digitsStart = i;
  while (i < le && i - digitsStart < 9 && isDigit(s.charCodeAt(i))) {
    v = v * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  return i === digitsStart ? undefined : v;
}

function matchesLower(s: string, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = s.charCodeAt(at + k);
    const l = lower.charCodeAt(k);
    if (c !== l && (c | 0x20) !== l) {
      return false;
    }
  }
  return true;
}

/** A header (`name:`), a folded continuation, or a body line such as SDP's `x=y`. */
function looksLikeMessageLine(s: string, pos: number, le: number): boolean {
  const c = s.charCodeAt(pos);
  if (c === SP || c === TAB) {
    return true;
  }
  return indexWithin(s, ':', pos, le) >= 0 || indexWithin(s, '=', pos, le) >= 0;
}
