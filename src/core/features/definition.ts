/**
 * Go to Definition: from a response, ACK, CANCEL or PRACK to the message it belongs to, matched
 * the way a transaction layer matches them (RFC 3261 §17.1.3, §17.2.3, §9.2, RFC 3262 §7.2);
 * from a Call-ID, branch or tag to the first message that carries it.
 */
import type { Location } from 'vscode-languageserver-types';
import type { Trace, TraceMessage } from '../model';
import type { LineLookup } from './locate';
import { factsOf } from './facts';
import type { MessageFacts } from './facts';
import { identifierAt, occurrencesOf } from './identifiers';
import { contentRange, headerAt, messageAt, startLineLocation, toContentOffset, touches } from './locate';

/** Definitions at a source offset: the matched request (or provisional response), else the first carrier of an identifier. */
export function findDefinition(trace: Trace, lines: LineLookup, offset: number, uri: string): Location[] {
  const message = messageAt(trace, offset);
  if (!message) {
    return [];
  }
  const at = toContentOffset(message, offset);
  if (at === undefined) {
    return [];
  }
  const onStartLine = touches(message.parsed.startLine.span, at);
  const header = headerAt(message, at);
  if (onStartLine || header?.key === 'cseq' || header?.key === 'rack') {
    const target = findOrigin(trace, message);
    if (target) {
      return [startLineLocation(uri, target, lines)];
    }
  }
  const id = identifierAt(trace, offset);
  if (id) {
    const first = occurrencesOf(trace, id.cls, id.value)[0];
    if (first && !(first.message === message && first.span.start === id.span.start)) {
      return [{ uri, range: contentRange(first.message, first.span, lines) }];
    }
  }
  return [];
}

/**
 * The message a message answers or refers to: a response's request, an ACK's or CANCEL's
 * INVITE, a PRACK's reliable provisional response (or its INVITE when that is not in the trace).
 * The nearest earlier match wins; a later one is used when captures are out of order.
 */
export function findOrigin(trace: Trace, message: TraceMessage): TraceMessage | undefined {
  const f = factsOf(message);
  if (!f.isRequest) {
    // A response belongs to the request with the same top Via branch and CSeq (§17.1.3). What
    // the response lacks is not compared (so a fix can copy it from the request), but with no
    // branch (RFC 2543 peers) Call-ID and CSeq must both match.
    if (f.branch === undefined && (f.callId === undefined || f.cseq === undefined)) {
      return undefined;
    }
    return nearest(trace, message, (c) => c.isRequest && c.method !== 'ACK' && answers(f, c));
  }
  const callId = f.callId;
  const cseqNumber = f.cseq?.number;
  if (callId === undefined || cseqNumber === undefined) {
    return undefined;
  }
  switch (f.method) {
    case 'ACK':
    case 'CANCEL':
      // A non-2xx ACK and a CANCEL carry the INVITE's branch (§17.1.1.3, §9.1); an ACK for a 2xx
      // is a new transaction and shares only Call-ID and CSeq number (§13.2.2.4).
      return (
        nearest(trace, message, (c) => c.isRequest && c.method === 'INVITE' && c.callId === callId && c.cseq?.number === cseqNumber && c.branch !== undefined && c.branch === f.branch) ??
        nearest(trace, message, (c) => c.isRequest && c.method === 'INVITE' && c.callId === callId && c.cseq?.number === cseqNumber)
      );
    case 'PRACK': {
      const rack = f.rack;
      if (!rack) {
        return undefined;
      }
      return (
        nearest(trace, message, (c) => !c.isRequest && c.callId === callId && c.rseq === rack.rseq && c.cseq?.number === rack.cseq && c.cseq.method === rack.method) ??
        nearest(trace, message, (c) => c.isRequest && c.method === rack.method && c.callId === callId && c.cseq?.number === rack.cseq)
      );
    }
    default:
      return undefined;
  }
}

/** True when response facts `r` can answer request facts `q`. */
function answers(r: MessageFacts, q: MessageFacts): boolean {
  if (r.branch !== undefined && q.branch !== undefined && r.branch !== q.branch) {
    return false;
  }
  if (r.branch === undefined && q.branch !== undefined) {
    return false;
  }
  if (r.callId !== undefined && r.callId !== q.callId) {
    return false;
  }
  if (r.cseq !== undefined && (r.cseq.method !== q.method || r.cseq.number !== q.cseq?.number)) {
    return false;
  }
  return true;
}

function nearest(trace: Trace, from: TraceMessage, test: (candidate: MessageFacts) => boolean): TraceMessage | undefined {
  const messages = trace.messages;
  for (let i = from.index - 1; i >= 0; i--) {
    if (test(factsOf(messages[i]))) {
      return messages[i];
    }
  }
  for (let i = from.index + 1; i < messages.length; i++) {
    if (test(factsOf(messages[i]))) {
      return messages[i];
    }
  }
  return undefined;
}
