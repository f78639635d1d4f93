/**
 * Call-IDs, Via branches and From/To tags as cross-references: which one is under the caret, and
 * every place in the trace that carries the same value. A tag is one identifier whether it sits in
 * From or To, because the callee's To tag becomes the From tag of the requests it sends.
 */
import type { Span, Trace, TraceMessage } from '../model';
import { factsOf } from './facts';
import type { IdentifierKind } from './facts';
import { messageAt, toContentOffset, touches } from './locate';

/** What an identifier is, for matching: a From tag and a To tag are both `tag`. */
export type IdentifierClass = 'call-id' | 'branch' | 'tag';

export interface IdentifierHit {
  readonly kind: IdentifierKind;
  readonly cls: IdentifierClass;
  readonly value: string;
  readonly message: TraceMessage;
  /** Content span of the value. */
  readonly span: Span;
}

export interface Occurrence {
  readonly message: TraceMessage;
  readonly kind: IdentifierKind;
  /** Content span of the value. */
  readonly span: Span;
}

export function classOf(kind: IdentifierKind): IdentifierClass {
  return kind === 'from-tag' || kind === 'to-tag' ? 'tag' : kind;
}

/** The identifier value under a source offset, if any. */
export function identifierAt(trace: Trace, offset: number): IdentifierHit | undefined {
  const message = messageAt(trace, offset);
  if (!message) {
    return undefined;
  }
  const at = toContentOffset(message, offset);
  if (at === undefined) {
    return undefined;
  }
  const hit = factsOf(message).identifiers.find((id) => touches(id.span, at));
  return hit ? { ...hit, cls: classOf(hit.kind), message } : undefined;
}

const indexes = new WeakMap<Trace, Map<string, Occurrence[]>>();

function keyOf(cls: IdentifierClass, value: string): string {
  return `${cls}\u0000${value}`;
}

/**
 * Every occurrence of an identifier in the trace, in trace order. The index is built once per
 * trace on first use (a trace object is one document version).
 */
export function occurrencesOf(trace: Trace, cls: IdentifierClass, value: string): readonly Occurrence[] {
  let index = indexes.get(trace);
  if (!index) {
    index = new Map();
    for (const message of trace.messages) {
      for (const id of factsOf(message).identifiers) {
        const key = keyOf(classOf(id.kind), id.value);
        let list = index.get(key);
        if (!list) {
          list = [];
          index.set(key, list);
        }
        list.push({ message, kind: id.kind, span: id.span });
      }
    }
    indexes.set(trace, index);
  }
  return index.get(keyOf(cls, value)) ?? [];
}

/** The distinct messages among occurrences, in trace order. */
export function messagesOf(occurrences: readonly Occurrence[]): TraceMessage[] {
  const seen = new Set<number>();
  const out: TraceMessage[] = [];
  for (const o of occurrences) {
    if (!seen.has(o.message.index)) {
      seen.add(o.message.index);
      out.push(o.message);
    }
  }
  return out;
}
