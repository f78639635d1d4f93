/**
 * Reads a start line: `Method SP Request-URI SP SIP-Version` or
 * `SIP-Version SP Status-Code SP Reason-Phrase` (RFC 3261 §7.1, §7.2). Lines that bend the
 * grammar (extra or trailing spaces, LWS inside the Request-URI, a 10-digit status code) still
 * yield tokens, plus a problem per breach, so hovers work and a rule can explain what is wrong.
 */
import type { ParseProblem, StartLine, Token } from '../model';
import { DOT, SLASH, SP, isDigit, isDigits, isTokenText, isWsp } from './chars';

/** Stable codes of the problems this module reports. */
export const START_LINE_CODES = {
  invalid: 'invalid-start-line',
  whitespace: 'start-line-whitespace',
  uriWhitespace: 'request-uri-whitespace',
  version: 'invalid-sip-version',
  statusCode: 'invalid-status-code',
  method: 'invalid-method',
} as const;

/** True if `[start, end)` begins with "SIP/" in any case. */
function looksLikeVersion(content: string, start: number, end: number): boolean {
  return (
    end - start >= 4 &&
    (content.charCodeAt(start) | 0x20) === 115 &&
    (content.charCodeAt(start + 1) | 0x20) === 105 &&
    (content.charCodeAt(start + 2) | 0x20) === 112 &&
    content.charCodeAt(start + 3) === SLASH
  );
}

/** `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT` at `[start, end)` of `text` ("SIP" in any case, as every ABNF literal). */
function isSipVersionAt(text: string, start: number, end: number): boolean {
  if (!looksLikeVersion(text, start, end)) {
    return false;
  }
  let i = start + 4;
  const majorStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) {
    i++;
  }
  if (i === majorStart || i >= end || text.charCodeAt(i) !== DOT) {
    return false;
  }
  i++;
  const minorStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) {
    i++;
  }
  return i > minorStart && i === end;
}

/** True if `text` is a SIP-Version such as `SIP/2.0` (RFC 3261 §25; any version number). */
export function isSipVersion(text: string): boolean {
  return isSipVersionAt(text, 0, text.length);
}

/** The SIP-Version of RFC 3261, shared by the tokens instead of a copy per message. */
const SIP_2_0 = 'SIP/2.0';

/** True if `[start, end)` of `content` is exactly "SIP/2.0" (so it is a valid SIP-Version). */
function isCommonVersion(content: string, start: number, end: number): boolean {
  // Char by char: a slice to compare would allocate a string per start line.
  return (
    end - start === 7 &&
    content.charCodeAt(start) === 83 &&
    content.charCodeAt(start + 1) === 73 &&
    content.charCodeAt(start + 2) === 80 &&
    content.charCodeAt(start + 3) === SLASH &&
    content.charCodeAt(start + 4) === 50 &&
    content.charCodeAt(start + 5) === DOT &&
    content.charCodeAt(start + 6) === 48
  );
}

/**
 * True for the methods of RFC 3261 and its extensions, which are tokens: comparing with a few
 * constant strings is cheaper than hashing the text for a set lookup or checking it char by char.
 */
function isKnownMethod(text: string): boolean {
  switch (text) {
    case 'INVITE':
    case 'ACK':
    case 'BYE':
    case 'CANCEL':
    case 'OPTIONS':
    case 'REGISTER':
    case 'PRACK':
    case 'SUBSCRIBE':
    case 'NOTIFY':
    case 'PUBLISH':
    case 'INFO':
    case 'REFER':
    case 'MESSAGE':
    case 'UPDATE':
      return true;
    default:
      return false;
  }
}

function token(content: string, start: number, end: number): Token {
  return { text: content.slice(start, end), span: { start, end } };
}

/**
 * The numeric value of the Status-Code `text` at `[start, end)`, or -1 when it is not all
 * digits. Three digits (nearly every code) are added up in place instead of parsing the text.
 */
function statusValue(content: string, start: number, end: number, text: string): number {
  const three = end - start === 3 ? threeDigits(content, start) : -1;
  if (three >= 0) {
    return three;
  }
  return isDigits(text) ? Number(text) : -1;
}

/** The value of the three ASCII digits at `[start, start + 3)`, or -1 when they are not. */
function threeDigits(content: string, start: number): number {
  const a = content.charCodeAt(start) - 48;
  const b = content.charCodeAt(start + 1) - 48;
  const c = content.charCodeAt(start + 2) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 ? a * 100 + b * 10 + c : -1;
}

/** Status-Code texts by value, shared by the tokens of later status lines instead of a new string each. */
const statusTexts: string[] = new Array<string>(1000).fill('');

/** The text of the three digits at `[start, start + 3)` of `content`, whose value is `status`. */
function statusText(content: string, status: number, start: number): string {
  let text = statusTexts[status];
  if (text === '') {
    // Copied char by char so that the cache never points into (and keeps alive) a message.
    text = String.fromCharCode(content.charCodeAt(start), content.charCodeAt(start + 1), content.charCodeAt(start + 2));
    statusTexts[status] = text;
  }
  return text;
}

/**
 * The start line at `[start, end)` if it has one of the two shapes nearly every message has,
 * `SIP/2.0 SP 3DIGIT [SP reason]` with no "/" in the reason, or `METHOD SP uri SP SIP/2.0` with
 * a method of {@link isKnownMethod} and a URI without SP or HTAB, else undefined. Such a line
 * breaks no rule, so it is built straight from those few checks, with the same tokens the
 * general word-by-word reading gives; anything else is left to that reading.
 */
function commonStartLine(content: string, start: number, end: number): StartLine | undefined {
  const codeEnd = start + 11;
  if (end >= codeEnd && content.charCodeAt(start + 7) === SP && isCommonVersion(content, start, start + 7)) {
    const status = threeDigits(content, start + 8);
    if (status < 0) {
      return undefined;
    }
    let reason: Token;
    if (codeEnd === end) {
      reason = { text: '', span: { start: end, end } };
    } else {
      // No "/" means no word of the reason looks like a SIP-Version, which would make the
      // general reading take the line for a request line.
      const slash = content.indexOf('/', codeEnd);
      if (content.charCodeAt(codeEnd) !== SP || (slash >= 0 && slash < end)) {
        return undefined;
      }
      reason = token(content, codeEnd + 1, end);
    }
    const version: Token = { text: SIP_2_0, span: { start, end: start + 7 } };
    const code: Token = { text: statusText(content, status, start + 8), span: { start: start + 8, end: codeEnd } };
    return { kind: 'response', span: { start, end }, version, code, status, reason };
  }
  const versionStart = end - 7;
  const uriEnd = versionStart - 1;
  const methodEnd = content.indexOf(' ', start);
  if (methodEnd <= start || methodEnd + 1 >= uriEnd || content.charCodeAt(uriEnd) !== SP || !isCommonVersion(content, versionStart, end)) {
    return undefined;
  }
  const method = content.slice(start, methodEnd);
  if (!isKnownMethod(method) || content.indexOf(' ', methodEnd + 1) !== uriEnd) {
    return undefined;
  }
  const uri = content.slice(methodEnd + 1, uriEnd);
  if (uri.indexOf('\t') >= 0) {
    return undefined;
  }
  return {
    kind: 'request',
    span: { start, end },
    method: { text: method, span: { start, end: methodEnd } },
    uri: { text: uri, span: { start: methodEnd + 1, end: uriEnd } },
    version: { text: SIP_2_0, span: { start: versionStart, end } },
  };
}

function report(problems: ParseProblem[], code: string, message: string, start: number, end: number): void {
  problems.push({ code, message, severity: 'error', span: { start, end } });
}

/** Reports the gap `[s, e)` between two start-line elements unless it is exactly one SP. */
function checkSeparator(content: string, s: number, e: number, problems: ParseProblem[]): void {
  if (e - s !== 1 || content.charCodeAt(s) !== SP) {
    report(problems, START_LINE_CODES.whitespace, 'Start-line elements must be separated by exactly one SP (RFC 3261 §7.1).', s, e);
  }
}

function invalidLine(content: string, start: number, end: number, message: string, problems: ParseProblem[]): StartLine {
  report(problems, START_LINE_CODES.invalid, message, start, end);
  return { kind: 'invalid', span: { start, end }, text: content.slice(start, end) };
}

/**
 * Parses the start line at `[start, end)` of `content` (line end excluded), appending problems.
 */
export function parseStartLine(content: string, start: number, end: number, problems: ParseProblem[]): StartLine {
  const common = commonStartLine(content, start, end);
  if (common !== undefined) {
    return common;
  }
  // Words are SP/HTAB-separated runs; keep the first two, the last, and the end of the one before it.
  let n = 0;
  let s0 = 0;
  let e0 = 0;
  let s1 = 0;
  let e1 = 0;
  let sLast = 0;
  let eLast = 0;
  let ePrev = 0;
  let i = start;
  // Without a tab on the line, a word ends at the next SP, which indexOf finds fast.
  const tab = content.indexOf('\t', start);
  const spacesOnly = tab < 0 || tab >= end;
  while (i < end) {
    while (i < end && isWsp(content.charCodeAt(i))) {
      i++;
    }
    if (i >= end) {
      break;
    }
    const s = i;
    if (spacesOnly) {
      const sp = content.indexOf(' ', i);
      i = sp < 0 || sp > end ? end : sp;
    } else {
      while (i < end && !isWsp(content.charCodeAt(i))) {
        i++;
      }
    }
    if (n === 0) {
      s0 = s;
      e0 = i;
    } else if (n === 1) {
      s1 = s;
      e1 = i;
    }
    ePrev = eLast;
    sLast = s;
    eLast = i;
    n++;
  }
  if (n === 0) {
    return invalidLine(content, start, end, 'The message has no start line (expected a Request-Line or a Status-Line).', problems);
  }
  // "SIP/2.0" is compared as a whole (one substring compare), which also settles the version
  // grammar check; only other spellings go through the char-by-char checks.
  const lastIsCommon = n >= 3 && isCommonVersion(content, sLast, eLast);
  const isRequest = lastIsCommon || (n >= 3 && looksLikeVersion(content, sLast, eLast));
  const firstIsCommon = !isRequest && isCommonVersion(content, s0, e0);
  if (!isRequest && !firstIsCommon && !looksLikeVersion(content, s0, e0)) {
    return invalidLine(
      content,
      start,
      end,
      'Not a SIP start line: expected "METHOD Request-URI SIP/2.0" or "SIP/2.0 code reason".',
      problems,
    );
  }
  if (!isRequest && n < 2) {
    return invalidLine(content, start, end, 'The Status-Line has no status code (RFC 3261 §7.2).', problems);
  }
  if (s0 > start) {
    report(problems, START_LINE_CODES.whitespace, 'Whitespace before the start line (RFC 3261 §7.1).', start, s0);
  }
  const span = { start, end };

  if (!isRequest) {
    const version: Token = firstIsCommon ? { text: SIP_2_0, span: { start: s0, end: e0 } } : token(content, s0, e0);
    const code = token(content, s1, e1);
    checkSeparator(content, e0, s1, problems);
    let reason: Token;
    if (e1 < end) {
      // Reason-Phrase may itself contain SP and HTAB: everything after the one separator.
      reason = token(content, e1 + 1, end);
      if (content.charCodeAt(e1) !== SP) {
        checkSeparator(content, e1, e1 + 1, problems);
      }
    } else {
      reason = { text: '', span: { start: end, end } };
    }
    if (!firstIsCommon && !isSipVersionAt(content, s0, e0)) {
      report(problems, START_LINE_CODES.version, `"${version.text}" is not a SIP-Version such as SIP/2.0.`, s0, e0);
    }
    const status = statusValue(content, s1, e1, code.text);
    if (status < 0 || e1 - s1 !== 3) {
      report(problems, START_LINE_CODES.statusCode, `Status-Code "${code.text}" must be exactly three digits (RFC 3261 §7.2).`, s1, e1);
    }
    return { kind: 'response', span, version, code, status: status < 0 ? NaN : status, reason };
  }

  const method = token(content, s0, e0);
  const uri = token(content, s1, ePrev);
  const version: Token = lastIsCommon ? { text: SIP_2_0, span: { start: sLast, end: eLast } } : token(content, sLast, eLast);
  checkSeparator(content, e0, s1, problems);
  checkSeparator(content, ePrev, sLast, problems);
  if (n > 3) {
    report(
      problems,
      START_LINE_CODES.uriWhitespace,
      'The Request-URI contains whitespace; it must not hold unescaped spaces (RFC 3261 §7.1).',
      s1,
      ePrev,
    );
  }
  if (eLast < end) {
    report(problems, START_LINE_CODES.whitespace, 'Whitespace after SIP-Version at the end of the Request-Line (RFC 3261 §7.1).', eLast, end);
  }
  if (!isKnownMethod(method.text) && !isTokenText(method.text)) {
    report(problems, START_LINE_CODES.method, `"${method.text}" is not a valid method token (RFC 3261 §25).`, s0, e0);
  }
  if (!lastIsCommon && !isSipVersionAt(content, sLast, eLast)) {
    report(problems, START_LINE_CODES.version, `"${version.text}" is not a SIP-Version such as SIP/2.0.`, sLast, eLast);
  }
  return { kind: 'request', span, method, uri, version };
}
