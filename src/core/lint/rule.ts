/**
 * The shapes rules are written against. A message rule is a pure function of one message
 * (its parse, its content and the transport it travelled on) and reports content-relative
 * findings; a trace rule looks across messages and reports source-relative findings. Findings
 * name a catalogue message id and its parameters, so the same cached finding can be shown in any
 * language.
 */
import type { Header, ParsedMessage, Severity, Span } from '../model';
import type { RuleInfo } from './types';
import type { MessageId } from './messages';
import type { MessageSummary } from './summary';
import type { HeaderLookup } from './sipText';
import type { FieldIndex } from './fieldIndex';

export type MessageParams = Readonly<Record<string, string | number>>;
export type FindingData = Readonly<Record<string, string | number | boolean>>;

/** A finding of a message rule; spans are offsets into the message content. */
export interface MessageFinding {
  readonly code: string;
  /** The severity before user overrides (a rule may vary it, e.g. MUST vs SHOULD). */
  readonly severity: Severity;
  readonly messageId: MessageId;
  readonly params?: MessageParams;
  readonly span: Span;
  readonly data?: FindingData;
}

/** What a message rule sees. Built once per message and shared by all rules. */
export interface MessageContext {
  readonly parsed: ParsedMessage;
  readonly content: string;
  /** Upper-case transport from the framing or, failing that, the top Via; undefined when unknown. */
  readonly transport: string | undefined;
  /**
   * The header fields in message order, as Header objects. Read these, not `parsed.headers`:
   * they are built for this lint only (see transientHeaders) instead of being kept with the
   * parse. Building them all costs: a rule that looks at every field reads `fields` instead.
   */
  readonly headerList: readonly Header[];
  /** Headers by lower-case canonical key, in message order (objects built on demand). */
  readonly headers: HeaderLookup;
  /** The header fields read in place: keys, value offsets, a Header object only on demand. */
  readonly fields: FieldIndex;
  /** Request method, or undefined for a response / unreadable start line. */
  readonly requestMethod: string | undefined;
  /** Response status, or undefined for a request. */
  readonly status: number | undefined;
  /** The method of the (first) CSeq; undefined when there is no CSeq or it has no method. */
  readonly cseqMethod: string | undefined;
  /** Call-ID, CSeq, tags and top branch, read once (shared with the trace rules). */
  readonly summary: MessageSummary;
  /**
   * False when no empty line ended the header block (a log cut the message short, or the
   * device never finished it): the headers seen may not be all there were, so an absent header
   * proves nothing.
   */
  readonly headersComplete: boolean;
  /** Span of the start line (for findings about the message as a whole). */
  readonly startSpan: Span;
}

export type Report = (finding: MessageFinding) => void;

const shared = new WeakSet<MessageFinding>();

/**
 * Marks a finding a rule reports for many messages as the same object (it is immutable): the
 * linter then words it once per lint instead of once per message, and a trace of thousands of
 * messages with the same omission keeps one finding, not thousands.
 */
export function sharedFinding(finding: MessageFinding): MessageFinding {
  shared.add(finding);
  return finding;
}

/** Whether `finding` was made by {@link sharedFinding}. */
export function isSharedFinding(finding: MessageFinding): boolean {
  return shared.has(finding);
}

/** Whether a parse reported a problem with `code` (a plain loop: most messages have none). */
export function hasProblem(parsed: ParsedMessage, code: string): boolean {
  for (const p of parsed.problems) {
    if (p.code === code) {
      return true;
    }
  }
  return false;
}

export interface MessageRule {
  readonly info: RuleInfo;
  check(context: MessageContext, report: Report): void;
}

/** A finding of a trace rule: source offsets, tied to a message (or -1 for the trace). */
export interface TraceFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly messageIndex: number;
  readonly messageId: MessageId;
  readonly params?: MessageParams;
  readonly span: Span;
  readonly related?: readonly { readonly span: Span; readonly messageId: MessageId; readonly params?: MessageParams }[];
  readonly data?: FindingData;
}

export type TraceReport = (finding: TraceFinding) => void;
