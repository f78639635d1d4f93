/**
 * Character classes of the RFC 3261 §25 grammar as lookup tables, so the scanners test a char
 * code with one array read instead of a regex (the parser runs on every keystroke of a trace).
 */

export const CR = 13;
export const LF = 10;
export const SP = 32;
export const HTAB = 9;
export const COLON = 58;
export const SEMI = 59;
export const COMMA = 44;
export const EQUAL = 61;
export const DQUOTE = 34;
export const BACKSLASH = 92;
export const LAQUOT = 60;
export const RAQUOT = 62;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const SLASH = 47;
export const AT = 64;
export const QUESTION = 63;
export const PERCENT = 37;
export const AMP = 38;
export const DOT = 46;
export const LPAREN = 40;
export const RPAREN = 41;

function table(chars: string, ranges: readonly [number, number][] = []): Uint8Array {
  const t = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) {
    t[chars.charCodeAt(i)] = 1;
  }
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      t[c] = 1;
    }
  }
  return t;
}

const ALNUM: readonly [number, number][] = [
  [48, 57],
  [65, 90],
  [97, 122],
];

/** `token` characters: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~". */
const TOKEN = table("-.!%*_+`'~", ALNUM);
/** `unreserved` = alphanum / mark. */
const UNRESERVED = table("-_.!~*'()", ALNUM);
/** `user-unreserved` = "&" / "=" / "+" / "$" / "," / ";" / "?" / "/". */
const USER_UNRESERVED = table('&=+$,;?/');
/** Password characters besides unreserved and escaped: "&" / "=" / "+" / "$" / ",". */
const PASSWORD_EXTRA = table('&=+$,');
/** `param-unreserved` = "[" / "]" / "/" / ":" / "&" / "+" / "$". */
const PARAM_UNRESERVED = table('[]/:&+$');
/** `hnv-unreserved` = "[" / "]" / "/" / "?" / ":" / "+" / "$". */
const HNV_UNRESERVED = table('[]/?:+$');
/** `reserved` = ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / ",". */
const RESERVED = table(';/?:@&=+$,');
const HEX = table('', [
  [48, 57],
  [65, 70],
  [97, 102],
]);
const DIGIT = table('', [[48, 57]]);
const ALPHA = table('', [
  [65, 90],
  [97, 122],
]);
/** URI scheme characters after the first: ALPHA / DIGIT / "+" / "-" / "." */
const SCHEME = table('+-.', ALNUM);

export function isToken(c: number): boolean {
  return c < 128 && TOKEN[c] === 1;
}
export function isUnreserved(c: number): boolean {
  return c < 128 && UNRESERVED[c] === 1;
}
export function isUserUnreserved(c: number): boolean {
  return c < 128 && USER_UNRESERVED[c] === 1;
}
export function isPasswordExtra(c: number): boolean {
  return c < 128 && PASSWORD_EXTRA[c] === 1;
}
export function isParamUnreserved(c: number): boolean {
  return c < 128 && PARAM_UNRESERVED[c] === 1;
}
export function isHnvUnreserved(c: number): boolean {
  return c < 128 && HNV_UNRESERVED[c] === 1;
}
export function isReserved(c: number): boolean {
  return c < 128 && RESERVED[c] === 1;
}
export function isHex(c: number): boolean {
  return c < 128 && HEX[c] === 1;
}
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57 && DIGIT[c] === 1;
}
export function isAlpha(c: number): boolean {
  return c < 128 && ALPHA[c] === 1;
}
export function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}
export function isSchemeChar(c: number): boolean {
  return c < 128 && SCHEME[c] === 1;
}
/** SP or HTAB. */
export function isWsp(c: number): boolean {
  return c === SP || c === HTAB;
}
/** SP, HTAB, CR or LF: whitespace inside a (possibly folded) header value. */
export function isLws(c: number): boolean {
  return c === SP || c === HTAB || c === CR || c === LF;
}

/** True if every char of `text` is a token char (and there is at least one). */
export function isTokenText(text: string): boolean {
  if (text.length === 0) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    if (!isToken(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** True if `text` is one or more ASCII digits. */
export function isDigits(text: string): boolean {
  if (text.length === 0) {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/**
 * Replaces each run of linear whitespace that contains a line break (a fold) with one SP, as
 * RFC 3261 §7.3.1 lets a recipient do; whitespace without a line break is kept as written.
 */
export function collapseFolding(raw: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === CR || c === LF) {
      let s = i;
      while (s > from && isWsp(raw.charCodeAt(s - 1))) {
        s--;
      }
      let e = i;
      while (e < n && isLws(raw.charCodeAt(e))) {
        e++;
      }
      out += raw.slice(from, s) + ' ';
      from = e;
      i = e;
    } else {
      i++;
    }
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/** True if the range of `text` holds a CR or LF (i.e. the value was folded). */
export function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || c === LF) {
      return true;
    }
  }
  return false;
}
