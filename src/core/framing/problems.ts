import type { ParseProblem, Severity, Span } from '../model';

/** Stable codes of the problems the trace reader reports (shared with the lint layer's codes). */
export const ReaderCodes = {
  /** A message cut off at the end of the file, or by a Content-Length larger than what follows. */
  truncatedMessage: 'truncated-message',
  /** A Content-Length that runs into the next message (the message was cut at that start line). */
  contentLengthMismatch: 'content-length-mismatch',
  /** Text glued to the end of a raw message that belongs to no message. */
  unparsedText: 'unparsed-text',
  /** NUL or other binary bytes outside any message. */
  binaryData: 'binary-data',
  /** A tool said a SIP message follows, but what follows has no SIP start line. */
  unrecognizedMessage: 'unrecognized-message',
  /** Last-resort guard: the reader itself failed; nothing was read. */
  readerFailure: 'reader-failure',
} as const;

export function problem(code: string, message: string, span: Span, severity: Severity = 'warning'): ParseProblem {
  return { code, message, severity, span };
}
