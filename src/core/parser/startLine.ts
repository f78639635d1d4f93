/**
 * Reads a start line: `Method SP Request-URI SP SIP-Version` or
 * `SIP-Version SP Status-Code SP Reason-Phrase` (RFC 3261 §7.1, §7.2). Lines that bend the
 * grammar (extra or trailing spaces, LWS inside the Request-URI, a 10-digit status code) still
 * yield tokens, plus a problem per breach, so hovers work and a rule can explain what is wrong.
 */
import type { ParseProblem, StartLine, Token } from '../model';
import { DOT, SP, isDigit, isDigits, isTokenText, isWsp } from './chars';

/** Stable codes of the problems this module reports. */
export const START_LINE_CODES = {
  invalid: 'invalid-start-line',
  whitespace: 'start-line-whitespace',
  uriWhitespace: 'request-uri-whitespace',
  version: 'invalid-sip-version',
  statusCode: 'invalid-status-code',
  method: 'invalid-method',
} as const;

function looksLikeVersion(content: string, start: number, end: number): boolean {
  if (end - start < 4) {
    return false;
  }
  return content.slice(start, start + 4).toUpperCase() === 'SIP/';
}

/** `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT` ("SIP" case-insensitive as every ABNF literal). */
export function isSipVersion(text: string): boolean {
  if (text.length < 7 || text.slice(0, 4).toUpperCase() !== 'SIP/') {
    return false;
  }
  let i = 4;
  const majorStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) {
    i++;
  }
  if (i === majorStart || i >= text.length || text.charCodeAt(i) !== DOT) {
    return false;
  }
  i++;
  const minorStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) {
    i++;
  }
  return i > minorStart && i === text.length;
}

function token(content: string, start: number, end: number): Token {
  return { text: content.slice(start, end), span: { start, end } };
}

/**
 * Parses the start line at `[start, end)` of `content` (line end excluded), appending problems.
 */
export function parseStartLine(content: string, start: number, end: number, problems: ParseProblem[]): StartLine {
  // Word boundaries: SP/HTAB-separated runs.
  const starts: number[] = [];
  const ends: number[] = [];
  let i = start;
  while (i < end) {
    while (i < end && isWsp(content.charCodeAt(i))) {
      i++;
    }
    if (i >= end) {
      break;
    }
    const s = i;
    while (i < end && !isWsp(content.charCodeAt(i))) {
      i++;
    }
    starts.push(s);
    ends.push(i);
  }
  const n = starts.length;
  const span = { start, end };
  const problem = (code: string, message: string, s: number, e: number): void => {
    problems.push({ code, message, severity: 'error', span: { start: s, end: e } });
  };
  const invalid = (message: string): StartLine => {
    problem(START_LINE_CODES.invalid, message, start, end);
    return { kind: 'invalid', span, text: content.slice(start, end) };
  };
  if (n === 0) {
    return invalid('The message has no start line (expected a Request-Line or a Status-Line).');
  }
  /** Checks that the gap `[s, e)` between two elements is exactly one SP. */
  const separator = (s: number, e: number): void => {
    if (e - s !== 1 || content.charCodeAt(s) !== SP) {
      problem(
        START_LINE_CODES.whitespace,
        'Start-line elements must be separated by exactly one SP (RFC 3261 §7.1).',
        s,
        e,
      );
    }
  };
  const edges = (): void => {
    if (starts[0] > start) {
      problem(START_LINE_CODES.whitespace, 'Whitespace before the start line (RFC 3261 §7.1).', start, starts[0]);
    }
  };

  if (looksLikeVersion(content, starts[0], ends[0]) && !(n >= 3 && looksLikeVersion(content, starts[n - 1], ends[n - 1]))) {
    if (n < 2) {
      return invalid('The Status-Line has no status code (RFC 3261 §7.2).');
    }
    edges();
    const version = token(content, starts[0], ends[0]);
    const code = token(content, starts[1], ends[1]);
    separator(ends[0], starts[1]);
    let reason: Token;
    if (ends[1] < end) {
      // Reason-Phrase may itself contain SP and HTAB: everything after the one separator.
      reason = token(content, ends[1] + 1, end);
      if (content.charCodeAt(ends[1]) !== SP) {
        separator(ends[1], ends[1] + 1);
      }
    } else {
      reason = { text: '', span: { start: end, end } };
    }
    if (!isSipVersion(version.text)) {
      problem(START_LINE_CODES.version, `"${version.text}" is not a SIP-Version such as SIP/2.0.`, version.span.start, version.span.end);
    }
    const digits = isDigits(code.text);
    if (!digits || code.text.length !== 3) {
      problem(
        START_LINE_CODES.statusCode,
        `Status-Code "${code.text}" must be exactly three digits (RFC 3261 §7.2).`,
        code.span.start,
        code.span.end,
      );
    }
    return { kind: 'response', span, version, code, status: digits ? Number(code.text) : NaN, reason };
  }

  if (n >= 3 && looksLikeVersion(content, starts[n - 1], ends[n - 1])) {
    edges();
    const method = token(content, starts[0], ends[0]);
    const uri = token(content, starts[1], ends[n - 2]);
    const version = token(content, starts[n - 1], ends[n - 1]);
    separator(ends[0], starts[1]);
    separator(ends[n - 2], starts[n - 1]);
    if (n > 3) {
      problem(
        START_LINE_CODES.uriWhitespace,
        'The Request-URI contains whitespace; it must not hold unescaped spaces (RFC 3261 §7.1).',
        uri.span.start,
        uri.span.end,
      );
    }
    if (ends[n - 1] < end) {
      problem(
        START_LINE_CODES.whitespace,
        'Whitespace after SIP-Version at the end of the Request-Line (RFC 3261 §7.1).',
        ends[n - 1],
        end,
      );
    }
    if (!isTokenText(method.text)) {
      problem(START_LINE_CODES.method, `"${method.text}" is not a valid method token (RFC 3261 §25).`, method.span.start, method.span.end);
    }
    if (!isSipVersion(version.text)) {
      problem(START_LINE_CODES.version, `"${version.text}" is not a SIP-Version such as SIP/2.0.`, version.span.start, version.span.end);
    }
    return { kind: 'request', span, method, uri, version };
  }
  return invalid('Not a SIP start line: expected "METHOD Request-URI SIP/2.0" or "SIP/2.0 code reason".');
}
