/**
 * Codes the trace reader and the parser report as problems. They are lint codes like any other:
 * listed by `allRules()`, overridable with `--rule` / `sipTrace.rules`, documented in docs/rules.
 */
import type { RuleInfo } from './types';

export const PARSE_RULES: readonly RuleInfo[] = [
  {
    code: 'start-line-whitespace',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1, §7.2',
    summary: 'The start line has extra, leading or trailing whitespace: its elements are separated by exactly one SP.',
  },
  {
    code: 'request-uri-whitespace',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1',
    summary: 'The Request-URI contains whitespace.',
  },
  {
    code: 'invalid-sip-version',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1, §25',
    summary: 'The SIP-Version is not of the form SIP/<digits>.<digits>.',
  },
  {
    code: 'invalid-method',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7.1, §25',
    summary: 'The method is not a token.',
  },
  {
    code: 'missing-header-terminator',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §7',
    summary: 'No empty line ends the header fields (the message may be truncated).',
  },
  {
    code: 'whitespace-blank-line',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §7',
    summary: 'A line of only whitespace was taken as the empty line that ends the header fields.',
  },
  {
    code: 'stray-cr',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §7',
    summary: 'A line ends in CR CR LF: the stray CR is ignored and the line end read as one, so the header block goes on.',
  },
  {
    code: 'truncated-message',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §18.3',
    summary: 'The trace reader found a message cut off at the end of the file or by a Content-Length larger than what follows.',
  },
  {
    code: 'unparsed-text',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §18.3',
    summary: 'Text after the end of a message (per its Content-Length) that belongs to no message.',
  },
  {
    code: 'binary-data',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §7',
    summary: 'NUL or other binary bytes outside any message.',
  },
  {
    code: 'unrecognized-message',
    defaultSeverity: 'warning',
    reference: 'RFC 3261 §7',
    summary: 'A logging tool announced a SIP message, but what follows has no SIP start line.',
  },
  {
    code: 'reader-failure',
    defaultSeverity: 'error',
    reference: 'RFC 3261 §7',
    summary: 'The trace reader failed on this file; nothing was read (please report it).',
  },
];
