/**
 * The data model every layer shares: what the trace reader finds (segments with framing),
 * what the parser makes of one message (content-relative tokens), and problems.
 *
 * Offsets: a parsed message's spans are offsets into its own `content` string (the message as the
 * device sent it, framing removed). A {@link SourceMap} turns them into offsets in the original
 * file. Keeping parses content-relative is what lets an edited trace reuse the parse of every
 * message whose text did not change, even when it moved.
 */
import type { SourceMap } from './text/sourceMap';

/** Half-open `[start, end)` range of UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found while reading or parsing; `code` is stable and shared with the lint rules. */
export interface ParseProblem {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly span: Span;
}

/** The framing a message was found in. */
export type TraceFormat =
  | 'raw'
  | 'ngrep'
  | 'sngrep'
  | 'asterisk-pjsip'
  | 'asterisk-chan-sip'
  | 'freeswitch'
  | 'kamailio-sipdump'
  | 'sipp'
  | 'pjsip'
  | 'homer'
  | 'tcpdump'
  | 'wireshark'
  | 'fallback';

export interface Endpoint {
  readonly host: string;
  readonly port?: number;
}

/** What a tool's header line says about a message (every field optional: formats differ). */
export interface Framing {
  readonly format: TraceFormat;
  /** Source span of the framing header line(s), when the format has one. */
  readonly headerSpan?: Span;
  /** The time as written in the trace, e.g. `2024/01/02 10:11:12.123456` or `10:11:12.123456`. */
  readonly time?: string;
  readonly src?: Endpoint;
  readonly dst?: Endpoint;
  /** Upper case: `UDP`, `TCP`, `TLS`, `WS`, `WSS`, `SCTP`. */
  readonly transport?: string;
  /** `in` = received by the logging host, `out` = sent by it. */
  readonly direction?: 'in' | 'out';
  /** A byte count the framing declares, if any. */
  readonly declaredLength?: number;
}

/** One message as the trace reader cut it out of the file. */
export interface MessageSegment {
  /** The message text, framing removed (ngrep's trailing `.` dropped, indentation removed, TCP pieces joined). */
  readonly content: string;
  /** Maps content offsets to source offsets. */
  readonly map: SourceMap;
  readonly framing: Framing;
}

/** A token of a parsed message: its text and its content-relative span. */
export interface Token {
  readonly text: string;
  readonly span: Span;
}

export interface RequestLine {
  readonly kind: 'request';
  readonly span: Span;
  readonly method: Token;
  readonly uri: Token;
  readonly version: Token;
}

export interface StatusLine {
  readonly kind: 'response';
  readonly span: Span;
  readonly version: Token;
  /** The code as written; `status` is its numeric value, NaN when not a number. */
  readonly code: Token;
  readonly status: number;
  /** The reason phrase as written (may be empty, span then zero-length at the line end). */
  readonly reason: Token;
}

/** A start line the parser could not read as either: kept whole so nothing is lost. */
export interface InvalidStartLine {
  readonly kind: 'invalid';
  readonly span: Span;
  readonly text: string;
}

export type StartLine = RequestLine | StatusLine | InvalidStartLine;

/** `;name=value` (value absent for a flag such as `;lr`). */
export interface Param {
  readonly name: Token;
  readonly value?: Token;
  readonly span: Span;
}

/** One element of a header's value; a list header (Via, Contact, Allow...) has several. */
export interface HeaderValue {
  /** The element with folding whitespace collapsed to one space. */
  readonly text: string;
  readonly span: Span;
  /** The element before its header parameters (e.g. `<sip:a@b>` or `SIP/2.0/UDP host:5060`). */
  readonly main: Token;
  /** Header parameters after the main part (not the URI's own parameters inside `<>`). */
  readonly params: readonly Param[];
}

export interface Header {
  /** The name as written, e.g. `v` or `call-id`. */
  readonly name: Token;
  /** Canonical full name, compact forms resolved, e.g. `Via`, `Call-ID`; unknown names keep their spelling. */
  readonly canonical: string;
  /** `canonical` lower-cased: the key for look-ups. */
  readonly key: string;
  readonly compact: boolean;
  /** The raw value (after the colon and leading whitespace), folding collapsed in `text`. */
  readonly value: Token;
  readonly values: readonly HeaderValue[];
  /** The whole field: name to the end of its last continuation line, line end excluded. */
  readonly span: Span;
}

export interface Body {
  readonly span: Span;
  readonly text: string;
}

/** What the parser makes of one message's content. A pure function of the content string. */
export interface ParsedMessage {
  readonly startLine: StartLine;
  readonly headers: readonly Header[];
  /** Offset just after the blank line that ends the header block (or content end if none). */
  readonly headerEnd: number;
  readonly body?: Body;
  /** Content-relative spans. */
  readonly problems: readonly ParseProblem[];
}

/** A message of a trace: where it was found, how it was framed, what it says. */
export interface TraceMessage {
  /** 0-based position in the trace. */
  readonly index: number;
  readonly segment: MessageSegment;
  readonly parsed: ParsedMessage;
  /** Source span of the message content (framing excluded). */
  readonly span: Span;
}

export interface Trace {
  /** The framing detected for the file as a whole (the most common one). */
  readonly format: TraceFormat;
  readonly messages: readonly TraceMessage[];
  /** Reader problems, in source offsets (e.g. a truncated packet, undecodable bytes). */
  readonly problems: readonly ParseProblem[];
}
