/**
 * What the trace rules need to know about each message, read once per parse and cached by
 * ParsedMessage identity (an unchanged message keeps its parse across edits).
 */
import type { ParsedMessage, Span } from '../model';
import { firstElementParam } from './sipText';

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
  /** The From / To tag; undefined when absent, '' for a `;tag` without value. */
  readonly fromTag?: string;
  readonly toTag?: string;
  readonly hasTimestamp: boolean;
  /** Content-relative span of the start line. */
  readonly startSpan: Span;
  /** Same for a message and its retransmissions (undefined without Call-ID or CSeq). */
  readonly transmissionKey?: string;
  /** Same for a request and its responses: Call-ID, CSeq and top branch. */
  readonly transactionKey?: string;
}

/*
 * The keys are built here, once per parse, because the trace rules look them up on every lint
 * of the trace and an unchanged message keeps its summary across edits.
 */
function keysOf(s: Omit<MessageSummary, 'transmissionKey' | 'transactionKey'>): { transmissionKey?: string; transactionKey?: string } {
  if (s.callId === undefined || s.cseqNumber === undefined || s.kind === 'invalid') {
    return {};
  }
  const transactionKey = `${s.callId}\n${s.cseqNumber} ${s.cseqMethod ?? ''}\n${s.topBranch ?? ''}`;
  const head = s.kind === 'request' ? `Q ${s.method}` : `S ${s.status} ${s.toTag ?? ''}`;
  return { transactionKey, transmissionKey: `${head}\n${transactionKey}\n${s.viaCount}\n${s.fromTag ?? ''}` };
}

const cache = new WeakMap<ParsedMessage, MessageSummary>();

/** The summary of a parse (cached). */
export function summarize(parsed: ParsedMessage): MessageSummary {
  const hit = cache.get(parsed);
  if (hit) {
    return hit;
  }
  let callId: string | undefined;
  let cseqNumber: string | undefined;
  let cseqMethod: string | undefined;
  let topBranch: string | undefined;
  let viaCount = 0;
  let fromTag: string | undefined;
  let toTag: string | undefined;
  let sawFrom = false;
  let sawTo = false;
  let hasTimestamp = false;
  for (const h of parsed.headers) {
    switch (h.key) {
      case 'call-id':
        callId ??= h.value.text.trim();
        break;
      case 'cseq':
        if (cseqNumber === undefined) {
          const parts = h.value.text.trim().split(/\s+/);
          cseqNumber = parts[0];
          cseqMethod = parts[1];
        }
        break;
      case 'via':
        if (viaCount === 0) {
          topBranch = firstElementParam(h.value.text, 'branch');
        }
        // Count the values without splitting them: one unless the line holds a comma list.
        viaCount += h.value.text.includes(',') ? h.values.length : 1;
        break;
      case 'from':
        if (!sawFrom) {
          sawFrom = true;
          fromTag = firstElementParam(h.value.text, 'tag');
        }
        break;
      case 'to':
        if (!sawTo) {
          sawTo = true;
          toTag = firstElementParam(h.value.text, 'tag');
        }
        break;
      case 'timestamp':
        hasTimestamp = true;
        break;
      default:
        break;
    }
  }
  const line = parsed.startLine;
  const base = {
    kind: line.kind,
    method: line.kind === 'request' ? line.method.text : undefined,
    status: line.kind === 'response' ? line.status : undefined,
    callId,
    cseqNumber,
    cseqMethod,
    topBranch,
    viaCount,
    fromTag,
    toTag,
    hasTimestamp,
    startSpan: line.span,
  };
  const summary: MessageSummary = { ...base, ...keysOf(base) };
  cache.set(parsed, summary);
  return summary;
}
