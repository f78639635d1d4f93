/**
 * Sensible values for a header a message lacks, taken from the message itself, the request it
 * answers (when that is in the trace) or the dialog it belongs to. A header with no sensible value
 * gets none: a quick fix that invents a wrong Call-ID is worse than no quick fix.
 */
import type { Trace, TraceMessage } from '../model';
import { findOrigin } from './definition';
import { stableToken } from './edits';
import { factsOf } from './facts';
import { firstHeader, headersOf } from './locate';

/** Methods a UA built on RFC 3261 supports; offered in Allow when nothing better is known. */
const BASE_METHODS = ['INVITE', 'ACK', 'CANCEL', 'BYE', 'OPTIONS'];

/**
 * The header lines (values only, one per line) to insert for a missing header, or undefined when
 * no sensible value can be derived. `header` is the canonical name.
 */
export function suggestHeaderValues(trace: Trace, message: TraceMessage, header: string): string[] | undefined {
  const key = header.toLowerCase();
  const f = factsOf(message);
  const request = f.isRequest ? undefined : findOrigin(trace, message);
  const copied = request ? copyFromRequest(trace, message, request, key) : undefined;
  if (copied) {
    return copied;
  }
  switch (key) {
    case 'max-forwards':
      return f.isRequest ? ['70'] : undefined;
    case 'allow':
      return [allowValue(message)];
    case 'contact':
      return one(contactValue(message, request));
    case 'min-expires':
      return ['3600'];
    case 'www-authenticate':
    case 'proxy-authenticate':
      return [digestChallenge(message, request)];
    case 'unsupported':
      return one(request ? optionTags(request) : undefined);
    case 'content-length':
      return [String(bodyBytes(message))];
    case 'content-type':
      return one(guessContentType(message));
    case 'cseq':
      return one(f.isRequest && f.method ? requestCSeq(trace, message, f.method) : undefined);
    case 'via':
      return one(f.isRequest ? viaFromFraming(message) : undefined);
    case 'rseq':
      return !f.isRequest && f.status !== undefined && f.status > 100 && f.status < 200 ? ['1'] : undefined;
    case 'require':
      return !f.isRequest && f.status !== undefined && f.status > 100 && f.status < 200 && firstHeader(message, 'rseq') ? ['100rel'] : undefined;
    case 'rack':
      return one(f.method === 'PRACK' ? rackValue(trace, message) : undefined);
    case 'expires':
      return [request ? (firstHeader(request, 'expires')?.value.text.trim() ?? '3600') : '3600'];
    case 'min-se':
      return ['90'];
    case 'accept':
      return ['application/sdp'];
    case 'sip-etag':
      return [stableToken(message.segment.content, 10)];
    case 'event':
      return one(sameCallValue(trace, message, 'event'));
    default:
      return undefined;
  }
}

function one(value: string | undefined): string[] | undefined {
  return value === undefined || value.length === 0 ? undefined : [value];
}

/** From, To, Call-ID, CSeq, Via and Timestamp are copied from the request (RFC 3261 §8.2.6.2). */
function copyFromRequest(trace: Trace, response: TraceMessage, request: TraceMessage, key: string): string[] | undefined {
  switch (key) {
    case 'from':
    case 'call-id':
    case 'cseq':
    case 'timestamp': {
      const h = firstHeader(request, key);
      return h ? [h.value.text] : undefined;
    }
    case 'via': {
      const values = headersOf(request, 'via').flatMap((h) => h.values.map((v) => v.text));
      return values.length > 0 ? values : undefined;
    }
    case 'to': {
      const h = firstHeader(request, 'to');
      if (!h) {
        return undefined;
      }
      const status = factsOf(response).status;
      const hasTag = h.values[0]?.params.some((p) => p.name.text.toLowerCase() === 'tag') ?? false;
      // The UAS adds a tag to every response but 100 (§8.2.6.2): reuse the one it gave siblings.
      return [hasTag || status === 100 ? h.value.text : `${h.value.text};tag=${responseTag(trace, response, request)}`];
    }
    default:
      return undefined;
  }
}

/** The To tag the UAS used in other responses to the same request, or a new one. */
export function responseTag(trace: Trace, response: TraceMessage, request: TraceMessage): string {
  const rf = factsOf(request);
  for (const m of trace.messages) {
    const f = factsOf(m);
    if (m !== response && !f.isRequest && f.toTag && f.callId === rf.callId && f.cseq?.number === rf.cseq?.number && f.branch === rf.branch) {
      return f.toTag;
    }
  }
  return stableToken(`${response.segment.content}to-tag`);
}

/** The From tag this Call-ID uses with the same From URI, or a new one. */
export function requestFromTag(trace: Trace, message: TraceMessage): string {
  const f = factsOf(message);
  const from = firstHeader(message, 'from')?.values[0]?.main.text;
  for (const m of trace.messages) {
    const g = factsOf(m);
    if (m !== message && g.callId === f.callId && g.fromTag && firstHeader(m, 'from')?.values[0]?.main.text === from) {
      return g.fromTag;
    }
  }
  return stableToken(`${message.segment.content}from-tag`);
}

function allowValue(message: TraceMessage): string {
  const f = factsOf(message);
  const methods = [...BASE_METHODS];
  if (f.status === 405 && f.method) {
    // A 405 lists what IS allowed: never the method it rejects.
    return methods.filter((m) => m !== f.method).join(', ');
  }
  if (f.method && !methods.includes(f.method)) {
    methods.push(f.method);
  }
  return methods.join(', ');
}

function contactValue(message: TraceMessage, request: TraceMessage | undefined): string | undefined {
  const start = (request ?? message).parsed.startLine;
  if (request && start.kind === 'request') {
    // The UAS was reached at the Request-URI.
    return `<${start.uri.text}>`;
  }
  if (message.parsed.startLine.kind !== 'request') {
    return undefined;
  }
  const from = uriOf(firstHeader(message, 'from')?.values[0]?.main.text);
  const user = from ? /^sips?:([^@;>]+)@/i.exec(from)?.[1] : undefined;
  const sentBy = firstHeader(message, 'via')?.values[0]?.main.text.split(/\s+/)[1];
  const host = sentBy ?? hostPort(message.segment.framing.src);
  return host ? `<sip:${user ? `${user}@` : ''}${host}>` : undefined;
}

function digestChallenge(message: TraceMessage, request: TraceMessage | undefined): string {
  const start = request?.parsed.startLine;
  const uri = start?.kind === 'request' ? start.uri.text : uriOf(firstHeader(message, 'to')?.values[0]?.main.text);
  const realm = (uri ? /^sips?:(?:[^@]*@)?([^:;>?]+)/i.exec(uri)?.[1] : undefined) ?? 'sip';
  return `Digest realm="${realm}", nonce="${stableToken(message.segment.content, 16)}", algorithm=MD5, qop="auth"`;
}

/** The option tags a request required (what a 420 lists as Unsupported). */
function optionTags(request: TraceMessage): string | undefined {
  const tags = [...headersOf(request, 'require'), ...headersOf(request, 'proxy-require')].flatMap((h) => h.values.map((v) => v.text.trim()));
  return tags.length > 0 ? [...new Set(tags)].join(', ') : undefined;
}

/** Body length in bytes (Content-Length counts octets, RFC 3261 §20.14). */
export function bodyBytes(message: TraceMessage): number {
  const body = message.parsed.body;
  return body ? new TextEncoder().encode(body.text).length : 0;
}

function guessContentType(message: TraceMessage): string | undefined {
  const body = message.parsed.body?.text.trimStart() ?? '';
  if (body.startsWith('v=0')) {
    return 'application/sdp';
  }
  if (body.startsWith('SIP/2.0 ')) {
    return 'message/sipfrag;version=2.0';
  }
  return undefined;
}

/** An ACK or CANCEL takes its INVITE's CSeq number; other requests start a fresh sequence. */
function requestCSeq(trace: Trace, message: TraceMessage, method: string): string {
  if (method === 'ACK' || method === 'CANCEL') {
    const f = factsOf(message);
    for (let i = message.index - 1; i >= 0; i--) {
      const g = factsOf(trace.messages[i]);
      if (g.isRequest && g.method === 'INVITE' && g.callId === f.callId && g.cseq) {
        return `${g.cseq.number} ${method}`;
      }
    }
  }
  return `1 ${method}`;
}

function viaFromFraming(message: TraceMessage): string | undefined {
  const f = message.segment.framing;
  const host = hostPort(f.src);
  return host ? `SIP/2.0/${f.transport ?? 'UDP'} ${host};branch=z9hG4bK${stableToken(message.segment.content, 12)}` : undefined;
}

function rackValue(trace: Trace, message: TraceMessage): string | undefined {
  const f = factsOf(message);
  for (let i = message.index - 1; i >= 0; i--) {
    const g = factsOf(trace.messages[i]);
    if (!g.isRequest && g.callId === f.callId && g.rseq !== undefined && g.cseq) {
      return `${g.rseq} ${g.cseq.number} ${g.cseq.method}`;
    }
  }
  return undefined;
}

function sameCallValue(trace: Trace, message: TraceMessage, key: string): string | undefined {
  const callId = factsOf(message).callId;
  for (const m of trace.messages) {
    if (m !== message && factsOf(m).callId === callId) {
      const h = firstHeader(m, key);
      if (h) {
        return h.value.text;
      }
    }
  }
  return undefined;
}

function uriOf(nameAddr: string | undefined): string | undefined {
  if (!nameAddr) {
    return undefined;
  }
  const angle = /<([^>]*)>/.exec(nameAddr);
  return angle ? angle[1] : nameAddr.trim();
}

function hostPort(e: { host: string; port?: number } | undefined): string | undefined {
  if (!e) {
    return undefined;
  }
  const host = e.host.includes(':') && !e.host.startsWith('[') ? `[${e.host}]` : e.host;
  return e.port === undefined ? host : `${host}:${e.port}`;
}
