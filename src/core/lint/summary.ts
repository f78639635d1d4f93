/**
 * What the trace rules need to know about each message, read once per parse and cached by
 * ParsedMessage identity (an unchanged message keeps its parse across edits).
 */
import type { ParsedMessage, Span } from '../model';
import { findParam } from './sipText';

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
  readonly fromTag?: string;
  readonly toTag?: string;
  readonly hasTimestamp: boolean;
  /** Content-relative span of the start line. */
  readonly startSpan: Span;
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
          topBranch = findParam(h.values[0], 'branch')?.value?.text;
        }
        viaCount += h.values.length;
        break;
      case 'from':
        fromTag ??= findParam(h.values[0], 'tag')?.value?.text ?? '';
        break;
      case 'to':
        toTag ??= findParam(h.values[0], 'tag')?.value?.text ?? '';
        break;
      case 'timestamp':
        hasTimestamp = true;
        break;
      default:
        break;
    }
  }
  const line = parsed.startLine;
  const summary: MessageSummary = {
    kind: line.kind,
    method: line.kind === 'request' ? line.method.text : undefined,
    status: line.kind === 'response' ? line.status : undefined,
    callId,
    cseqNumber,
    cseqMethod,
    topBranch,
    viaCount,
    fromTag: fromTag || undefined,
    toTag: toTag || undefined,
    hasTimestamp,
    startSpan: line.span,
  };
  cache.set(parsed, summary);
  return summary;
}
