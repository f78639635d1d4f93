/**
 * What the trace rules need to know about each message, read once per parse and cached by
 * ParsedMessage identity (an unchanged message keeps its parse across edits).
 */
import type { ParsedMessage, Span, StartLine } from '../model';
import type { MessageFinding } from './rule';
import { attachToParse, canAttachToParse, parseAttachment } from '../parser';
import { METHODS } from '../knowledge/methods';
import { FieldIndex } from './fieldIndex';
import { K } from './keys';
import { forgetSearches, nextComma, splitCSeq } from './sipText';

export interface MessageSummary {
  readonly kind: 'request' | 'response' | 'invalid';
  /** Request method. */
  readonly method?: string;
  readonly status?: number;
  readonly callId?: string;
  readonly cseqNumber?: string;
  readonly cseqMethod?: string;
  readonly topBranch?: string;
  readonly viaCount: number;
  /** Number of Record-Route values. */
  readonly recordRouteCount: number;
  /** The From / To tag; undefined when absent, '' for a `;tag` without value. */
  readonly fromTag?: string;
  readonly toTag?: string;
  readonly hasTimestamp: boolean;
  /** Content-relative span of the start line. */
  readonly startSpan: Span;
}

/**
 * The messages of each transaction: those sharing a Call-ID and top Via branch ('' when none).
 * A request, its retransmissions and its responses share both; the trace rules look only
 * inside these small groups. `ofMessage[i]` is message i's group (message indexes in order),
 * undefined for a message without Call-ID or with an unreadable start line: the rules reach a
 * group without hashing any string.
 */
export interface TransactionGroups {
  readonly ofMessage: readonly (readonly number[] | undefined)[];
}

/** Per Call-ID, its branches and their messages; a dialog has a handful, so a list is scanned. */
interface BranchGroup {
  readonly branch: string;
  readonly messages: number[];
}

/**
 * Builds {@link TransactionGroups} one message at a time. The lint adds each message right
 * after reading its summary, so the grouping needs no pass of its own over a long trace (which
 * read every message's Call-ID and branch, in its text, from memory a second time).
 */
export class TransactionGrouper {
  private readonly byCallId = new Map<string, BranchGroup[]>();
  private readonly ofMessage: (number[] | undefined)[] = [];

  /** Adds the next message (messages are added in trace order). */
  add(s: MessageSummary): void {
    const i = this.ofMessage.length;
    if (s.callId === undefined || s.kind === 'invalid') {
      this.ofMessage.push(undefined);
      return;
    }
    const branch = s.topBranch ?? '';
    let branches = this.byCallId.get(s.callId);
    if (branches === undefined) {
      branches = [];
      this.byCallId.set(s.callId, branches);
    }
    let group: BranchGroup | undefined;
    for (const g of branches) {
      if (g.branch === branch) {
        group = g;
        break;
      }
    }
    if (group === undefined) {
      group = { branch, messages: [] };
      branches.push(group);
    }
    group.messages.push(i);
    this.ofMessage.push(group.messages);
  }

  groups(): TransactionGroups {
    return { ofMessage: this.ofMessage };
  }
}

/**
 * What the linter keeps per parse: the message's summary, and the message rules' findings for
 * the transport they ran with. One object per parse, and a small one: a first lint keeps one for
 * every message of the trace, and copying them is most of its garbage collection. The start
 * span is read from the parse's start line, not copied.
 */
export class LintSlot implements MessageSummary {
  transport: string | undefined = undefined;
  findings: readonly MessageFinding[] | undefined = undefined;
  // Copied from the start line, not read through it: the trace rules read these of every
  // message, and the start line is one more object to fetch from memory in a long trace.
  readonly kind: 'request' | 'response' | 'invalid';
  readonly method: string | undefined;
  readonly status: number | undefined;

  constructor(
    private readonly line: StartLine,
    readonly callId: string | undefined,
    readonly cseqNumber: string | undefined,
    readonly cseqMethod: string | undefined,
    readonly topBranch: string | undefined,
    readonly viaCount: number,
    readonly recordRouteCount: number,
    readonly fromTag: string | undefined,
    readonly toTag: string | undefined,
    readonly hasTimestamp: boolean,
  ) {
    this.kind = line.kind;
    this.method = line.kind === 'request' ? sharedMethod(line.method.text, line) : undefined;
    this.status = line.kind === 'response' ? line.status : undefined;
  }

  get startSpan(): Span {
    return this.line.span;
  }

  /** The summary part (the slot itself). */
  get summary(): MessageSummary {
    return this;
  }

  /** The plain-data summary (getters are not own properties, so JSON would drop them). */
  toJSON(): MessageSummary {
    const { kind, method, status, callId, cseqNumber, cseqMethod, topBranch, viaCount, recordRouteCount, fromTag, toTag, hasTimestamp, startSpan } = this;
    return { kind, method, status, callId, cseqNumber, cseqMethod, topBranch, viaCount, recordRouteCount, fromTag, toTag, hasTimestamp, startSpan };
  }
}

const cache = new WeakMap<ParsedMessage, LintSlot>();

/** The linter's cache entry of a parse if it has one (nothing is computed). */
export function existingSlot(parsed: ParsedMessage): LintSlot | undefined {
  return (parseAttachment(parsed) as LintSlot | undefined) ?? (canAttachToParse(parsed) ? undefined : cache.get(parsed));
}

/** The index {@link summarize} uses outside a lint (the lint's own index is busy then). */
const ownIndex = new FieldIndex();

/**
 * The linter's cache entry of a parse, made (with the summary) on first use. `fields` is an
 * index of the parse's header fields: the lint passes its own, already filled for this parse,
 * so the fields are indexed once per message.
 */
export function lintSlot(parsed: ParsedMessage, fields?: FieldIndex): LintSlot {
  const attached = parseAttachment(parsed) as LintSlot | undefined;
  if (attached !== undefined) {
    return attached;
  }
  // Kept on the parse itself when it came from parseMessage; the WeakMap is for other parses
  // (looking a parser-made parse up there would give it an identity hash for nothing).
  if (canAttachToParse(parsed)) {
    const fresh = summaryOf(parsed, fields);
    attachToParse(parsed, fresh);
    return fresh;
  }
  let slot = cache.get(parsed);
  if (slot === undefined) {
    slot = summaryOf(parsed, fields);
    cache.set(parsed, slot);
  }
  return slot;
}

function summaryOf(parsed: ParsedMessage, fields: FieldIndex | undefined): LintSlot {
  if (fields !== undefined) {
    return computeSummary(parsed, fields);
  }
  try {
    ownIndex.reset(parsed, '');
    return computeSummary(parsed, ownIndex);
  } finally {
    ownIndex.clear();
    forgetSearches();
  }
}

/**
 * The summary of a parse (cached: an unchanged message keeps its summary across edits). One
 * pass over the headers; only the values needed are read.
 */
export function summarize(parsed: ParsedMessage): MessageSummary {
  return lintSlot(parsed).summary;
}

function computeSummary(parsed: ParsedMessage, fields: FieldIndex): LintSlot {
  let callId: string | undefined;
  let cseqNumber: string | undefined;
  let cseqMethod: string | undefined;
  let topBranch: string | undefined;
  let viaCount = 0;
  let recordRouteCount = 0;
  let fromTag: string | undefined;
  let toTag: string | undefined;
  let sawFrom = false;
  let sawTo = false;
  let hasTimestamp = false;
  const count = fields.count;
  for (let i = 0; i < count; i++) {
    const key = fields.id(i);
    if (key === K.via) {
      if (viaCount === 0) {
        topBranch = fields.param(i, 'branch');
      }
      // Count the values without splitting them: one unless the line holds a comma list.
      viaCount += hasComma(fields, i) ? fields.header(i).values.length : 1;
    } else if (key === K.from) {
      if (!sawFrom) {
        sawFrom = true;
        fromTag = fields.param(i, 'tag');
      }
    } else if (key === K.to) {
      if (!sawTo) {
        sawTo = true;
        toTag = fields.param(i, 'tag');
      }
    } else if (key === K.callId) {
      callId ??= fields.valueText(i).trim();
    } else if (key === K.cseq) {
      if (cseqNumber === undefined) {
        const parts = splitCSeq(fields.valueText(i));
        cseqNumber = parts.numberText;
        cseqMethod = parts.method === undefined ? undefined : sharedMethod(parts.method, parsed.startLine);
      }
    } else if (key === K.timestamp) {
      hasTimestamp = true;
    } else if (key === K.recordRoute) {
      recordRouteCount += hasComma(fields, i) ? fields.header(i).values.length : 1;
    }
  }
  return new LintSlot(parsed.startLine, callId, cseqNumber, cseqMethod, topBranch, viaCount, recordRouteCount, fromTag, toTag, hasTimestamp);
}

/** The methods of the knowledge base by name, each one string for the whole process. */
const METHOD_NAMES = new Map<string, string>(METHODS.map((m) => [m.name, m.name]));

/**
 * `method` as a string the summary can keep without a copy of its own: the knowledge base's
 * name (one string for the process, so that the trace rules compare methods by pointer), else
 * the request line's method when the two are equal. A first lint keeps a summary for every
 * message, and a new six-letter string in each was garbage to copy.
 */
function sharedMethod(method: string, line: StartLine): string {
  return METHOD_NAMES.get(method) ?? (line.kind === 'request' && line.method.text === method ? line.method.text : method);
}

/** Whether field `i`'s value holds a comma (read in place: no copy of the value). */
function hasComma(fields: FieldIndex, i: number): boolean {
  if (fields.folded(i)) {
    return fields.valueText(i).includes(',');
  }
  // A native search, remembered across the message's fields (see NextChar).
  const at = nextComma.in(fields.content, fields.valueStart(i));
  return at >= 0 && at < fields.valueEnd(i);
}
