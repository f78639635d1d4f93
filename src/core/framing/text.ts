/**
 * Character-level helpers for scanning a trace without regexes or per-line substrings: the reader
 * walks huge files line by line, so every check here works on offsets into the original string.
 */

export const LF = 10;
export const CR = 13;
export const SP = 32;
export const TAB = 9;

/** Offset of the `\n` ending the line that starts at `start`, or `text.length`. */
export function lineEnd(text: string, start: number): number {
  const i = text.indexOf('\n', start);
  return i < 0 ? text.length : i;
}

/** Start of the line after the one ending at `end` (skips the `\n`). */
export function nextLine(text: string, end: number): number {
  return end < text.length ? end + 1 : end;
}

/** End of the line without trailing CR, spaces and tabs. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start) {
    const c = text.charCodeAt(e - 1);
    if (c !== CR && c !== SP && c !== TAB) {
      break;
    }
    e--;
  }
  return e;
}

/** True when the line holds nothing but whitespace (CR included). */
export function isBlank(text: string, start: number, end: number): boolean {
  return trimEnd(text, start, end) === start;
}

/**
 * `indexOf` bounded to `[from, to)`. Native `indexOf` would run on past the line to the next
 * occurrence anywhere in the file, which makes per-line searches quadratic on big files.
 */
export function indexWithin(text: string, needle: string, from: number, to: number): number {
  if (to - from < needle.length) {
    return -1;
  }
  if (to - from > 128) {
    // On long ranges native indexOf on a slice (a cheap view in V8) beats a charCodeAt loop.
    const i = text.slice(from, to).indexOf(needle);
    return i < 0 ? -1 : from + i;
  }
  // Short ranges (most lines): a plain loop allocates nothing.
  const c0 = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) === c0 && (needle.length === 1 || text.startsWith(needle, i))) {
      return i;
    }
  }
  return -1;
}

/**
 * `text.startsWith(word, at)` for `at >= 0`, compared character by character: the reader asks
 * this of short words at most line starts, where V8's startsWith costs about twice as much.
 */
export function hasAt(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (text.charCodeAt(at + k) !== word.charCodeAt(k)) {
      return false;
    }
  }
  return true;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** RFC 3261 `token` characters (method names, header names). */
export function isTokenChar(c: number): boolean {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
    return true;
  }
  // - . ! % * _ + ` ' ~
  return c === 45 || c === 46 || c === 33 || c === 37 || c === 42 || c === 95 || c === 43 || c === 96 || c === 39 || c === 126;
}

/** Reads the decimal number at `at` (at most 9 digits); NaN when there is none. */
export function readNumber(text: string, at: number, end: number): { value: number; end: number } {
  let i = at;
  let v = 0;
  while (i < end && i - at < 9 && isDigit(text.charCodeAt(i))) {
    v = v * 10 + (text.charCodeAt(i) - 48);
    i++;
  }
  return { value: i === at ? NaN : v, end: i };
}

/** True when `SIP/d.d` (any single-digit version, so broken versions are still found) is at `at`. */
function isSipVersionAt(text: string, at: number): boolean {
  return (
    hasAt(text, at, 'SIP/') &&
    isDigit(text.charCodeAt(at + 4)) &&
    text.charCodeAt(at + 5) === 46 &&
    isDigit(text.charCodeAt(at + 6))
  );
}

/** Kind of SIP start line found at the beginning of a line. */
export const enum StartKind {
  None = 0,
  Request = 1,
  Status = 2,
}

/**
 * Whether the line `[start, end)` looks like a SIP start line: `SIP/2.0 NNN ...` or
 * `METHOD SP URI SP SIP/2.0` (lenient on spacing and version so that broken messages are still
 * found and left to the parser to flag).
 */
export function startLineKind(text: string, start: number, end: number): StartKind {
  const e = trimEnd(text, start, end);
  if (e - start < 11) {
    return StartKind.None;
  }
  const c0 = text.charCodeAt(start);
  if (c0 === 83 /* S */ && isSipVersionAt(text, start)) {
    if (
      text.charCodeAt(start + 7) === SP &&
      isDigit(text.charCodeAt(start + 8)) &&
      isDigit(text.charCodeAt(start + 9)) &&
      isDigit(text.charCodeAt(start + 10))
    ) {
      return StartKind.Status;
    }
    return StartKind.None;
  }
  return requestLineAt(text, start, e) ? StartKind.Request : StartKind.None;
}

/** `METHOD SP+ URI(with ':') SP+ SIP/d.d` exactly filling `[start, e)`. */
function requestLineAt(text: string, start: number, e: number): boolean {
  if (e - start < 15 || !isSipVersionAt(text, e - 7) || text.charCodeAt(e - 8) !== SP) {
    return false;
  }
  let i = start;
  let upper = true;
  while (i < e && isTokenChar(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    upper = upper && c >= 65 && c <= 90;
    i++;
  }
  if (i === start || text.charCodeAt(i) !== SP) {
    return false;
  }
  while (i < e && text.charCodeAt(i) === SP) {
    i++;
  }
  let uriEnd = e - 8;
  while (uriEnd > i && text.charCodeAt(uriEnd - 1) === SP) {
    uriEnd--;
  }
  if (i >= uriEnd) {
    return false;
  }
  // A URI has a scheme; without one (a broken test message), accept only an upper-case method
  // and a single-word URI, so that prose ending in "SIP/2.0" is not taken for a request.
  return indexWithin(text, ':', i, uriEnd) >= 0 || (upper && indexWithin(text, ' ', i, uriEnd) < 0);
}

const KNOWN_METHODS = [
  'INVITE',
  'ACK',
  'BYE',
  'CANCEL',
  'REGISTER',
  'OPTIONS',
  'PRACK',
  'SUBSCRIBE',
  'NOTIFY',
  'PUBLISH',
  'INFO',
  'REFER',
  'MESSAGE',
  'UPDATE',
];

/**
 * Finds a SIP start line that begins somewhere inside the line (after junk such as the IP header
 * bytes `tcpdump -A` prints, or a quoting prefix). Returns its offset, or -1.
 * `e` is the line end with trailing whitespace (and, for ngrep-like text, a trailing `.`) removed.
 */
export function findStartLineInLine(text: string, start: number, e: number): number {
  // Status line anywhere in the line.
  let i = indexWithin(text, 'SIP/', start, e);
  while (i >= 0) {
    if (
      isSipVersionAt(text, i) &&
      text.charCodeAt(i + 7) === SP &&
      isDigit(text.charCodeAt(i + 8)) &&
      isDigit(text.charCodeAt(i + 9)) &&
      isDigit(text.charCodeAt(i + 10)) &&
      i + 11 <= e
    ) {
      return i;
    }
    i = indexWithin(text, 'SIP/', i + 1, e);
  }
  // Request line ending the line: walk back over the URI to the method.
  if (e - start < 15 || !isSipVersionAt(text, e - 7) || text.charCodeAt(e - 8) !== SP) {
    return -1;
  }
  let j = e - 8;
  while (j > start && text.charCodeAt(j - 1) === SP) {
    j--;
  }
  const uriEnd = j;
  while (j > start && text.charCodeAt(j - 1) !== SP) {
    j--;
  }
  if (j === uriEnd || indexWithin(text, ':', j, uriEnd) < 0) {
    return -1;
  }
  let k = j;
  while (k > start && text.charCodeAt(k - 1) === SP) {
    k--;
  }
  const methodEnd = k;
  // Methods in real traces are upper case; junk before them is usually not.
  while (k > start) {
    const c = text.charCodeAt(k - 1);
    if (!((c >= 65 && c <= 90) || c === 45 || c === 95)) {
      break;
    }
    k--;
  }
  if (k === methodEnd) {
    return -1;
  }
  if (k === start) {
    return k;
  }
  // Junk may end in capitals: prefer the longest known method the run ends with.
  const run = text.slice(k, methodEnd);
  for (const m of KNOWN_METHODS) {
    if (run.endsWith(m) && run.length > m.length) {
      return methodEnd - m.length;
    }
  }
  return k;
}

/** Number of UTF-8 bytes of the characters in `[start, end)`. */
export function utf8Length(text: string, start: number, end: number, lfIsCrlf = false): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF && lfIsCrlf) {
      n += 2;
    } else if (c < 0x80 || c === 0xfffd) {
      // U+FFFD: a byte that was not UTF-8 when the file was decoded (a binary body part).
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      n += 4;
      i++;
    } else {
      n += 3;
    }
  }
  return n;
}

/**
 * Bytes counted by the last {@link advanceBytes} call, up to the offset it returned: callers that
 * need both (is the body short?) read it here instead of counting the same range again.
 */
export let advancedBytes = 0;

/**
 * Offset reached after advancing `bytes` bytes from `start` (never beyond `limit`). `perChar` counts
 * one byte per character (ngrep prints every non-printable byte as one `.`).
 */
export function advanceBytes(
  text: string,
  start: number,
  limit: number,
  bytes: number,
  perChar: boolean,
  lfIsCrlf = false,
): number {
  if (perChar) {
    const end = Math.min(limit, start + bytes);
    advancedBytes = end - start;
    return end;
  }
  let i = start;
  let n = 0;
  while (i < limit && n < bytes) {
    const c = text.charCodeAt(i);
    if (c === LF && lfIsCrlf) {
      n += 2;
    } else if (c < 0x80 || c === 0xfffd) {
      // U+FFFD: a byte that was not UTF-8 when the file was decoded (a binary body part).
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < limit) {
      n += 4;
      i++;
    } else {
      n += 3;
    }
    i++;
  }
  advancedBytes = n;
  return i;
}

/**
 * Offset of the first SIP start line within the first `maxLines` lines of `[from, to)`, looking
 * inside lines too: captured header bytes printed as text (tcpdump -A, ngrep on an encapsulation
 * it cannot decode) come before the start line, and a raw 0x0a among them breaks the line early.
 * Returns -1 when there is none.
 */
export function findStartNear(s: string, from: number, to: number, maxLines: number): number {
  let pos = from;
  for (let lines = 0; lines < maxLines && pos < to; lines++) {
    let le = s.indexOf('\n', pos);
    if (le < 0 || le > to) {
      le = to;
    }
    let e = trimEnd(s, pos, le);
    if (e > pos && s.charCodeAt(e - 1) === 46 /* ngrep's CR */) {
      e--;
    }
    // Search inside the line first: the junk bytes are often token characters themselves.
    const at = findStartLineInLine(s, pos, e);
    if (at >= 0) {
      return at;
    }
    pos = le < to ? le + 1 : to;
  }
  return -1;
}
