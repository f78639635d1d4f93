/**
 * The few facts about a message that the navigation features match on (Call-ID, CSeq, branches,
 * tags, RSeq/RAck), with the content spans of the identifier values so references can point at
 * them. Computed once per parse and cached by the parse object, which survives reparses of
 * unchanged messages.
 */
import type { Header, ParsedMessage, Span, TraceMessage } from '../model';

/** The kinds of identifier that link messages together. */
export type IdentifierKind = 'call-id' | 'branch' | 'from-tag' | 'to-tag';

/** One identifier value written in a message (content-relative span of the value itself). */
export interface IdentifierOccurrence {
  readonly kind: IdentifierKind;
  readonly value: string;
  readonly span: Span;
}

export interface MessageFacts {
  /** Request method, or the CSeq method of a response. */
  readonly method?: string;
  readonly isRequest: boolean;
  /** Status code of a response. */
  readonly status?: number;
  readonly callId?: string;
  readonly cseq?: { readonly number: number; readonly method: string };
  /** Branch of the top Via. */
  readonly branch?: string;
  readonly fromTag?: string;
  readonly toTag?: string;
  readonly rseq?: number;
  readonly rack?: { readonly rseq: number; readonly cseq: number; readonly method: string };
  readonly identifiers: readonly IdentifierOccurrence[];
}

const cache = new WeakMap<ParsedMessage, MessageFacts>();

/** The facts of a message, computed once per parse. */
export function factsOf(message: TraceMessage): MessageFacts {
  const parsed = message.parsed;
  let facts = cache.get(parsed);
  if (!facts) {
    facts = computeFacts(parsed);
    cache.set(parsed, facts);
  }
  return facts;
}

function computeFacts(parsed: ParsedMessage): MessageFacts {
  const identifiers: IdentifierOccurrence[] = [];
  let callId: string | undefined;
  let cseq: MessageFacts['cseq'];
  let branch: string | undefined;
  let fromTag: string | undefined;
  let toTag: string | undefined;
  let rseq: number | undefined;
  let rack: MessageFacts['rack'];
  for (const header of parsed.headers) {
    switch (header.key) {
      case 'call-id': {
        const token = trimmedValue(header);
        if (token && callId === undefined) {
          callId = token.text;
          identifiers.push({ kind: 'call-id', value: token.text, span: token.span });
        }
        break;
      }
      case 'cseq':
        cseq ??= parseCSeq(header.value.text);
        break;
      case 'via':
        for (const value of header.values) {
          const param = value.params.find((p) => p.name.text.toLowerCase() === 'branch');
          if (param?.value && param.value.text.length > 0) {
            branch ??= param.value.text;
            identifiers.push({ kind: 'branch', value: param.value.text, span: param.value.span });
          }
        }
        break;
      case 'from':
      case 'to': {
        const param = header.values[0]?.params.find((p) => p.name.text.toLowerCase() === 'tag');
        if (param?.value && param.value.text.length > 0) {
          const kind: IdentifierKind = header.key === 'from' ? 'from-tag' : 'to-tag';
          if (kind === 'from-tag') {
            fromTag ??= param.value.text;
          } else {
            toTag ??= param.value.text;
          }
          identifiers.push({ kind, value: param.value.text, span: param.value.span });
        }
        break;
      }
      case 'rseq': {
        const n = Number(header.value.text.trim());
        rseq ??= Number.isFinite(n) ? n : undefined;
        break;
      }
      case 'rack': {
        const m = /^(\d+)\s+(\d+)\s+(\S+)/.exec(header.value.text.trim());
        if (m) {
          rack ??= { rseq: Number(m[1]), cseq: Number(m[2]), method: m[3] };
        }
        break;
      }
      default:
        break;
    }
  }
  const start = parsed.startLine;
  const isRequest = start.kind === 'request';
  const method = start.kind === 'request' ? start.method.text : cseq?.method;
  const status = start.kind === 'response' && Number.isFinite(start.status) ? start.status : undefined;
  return { method, isRequest, status, callId, cseq, branch, fromTag, toTag, rseq, rack, identifiers };
}

/** `CSeq: 1 INVITE` -> number and method; undefined when unreadable. */
export function parseCSeq(text: string): { number: number; method: string } | undefined {
  const m = /^\s*(\d+)\s+(\S+)/.exec(text);
  return m ? { number: Number(m[1]), method: m[2] } : undefined;
}

/** A header's raw value without surrounding whitespace, with its span. */
function trimmedValue(header: Header): { text: string; span: Span } | undefined {
  const raw = header.value.text;
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text.length === 0) {
    return undefined;
  }
  const start = header.value.span.start + lead;
  return { text, span: { start, end: start + text.length } };
}
