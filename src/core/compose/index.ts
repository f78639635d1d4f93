/**
 * Composes a response to a request of a trace: the headers RFC 3261 §8.2.6 says to copy, a To
 * tag where one is needed, and the headers the status code requires (from the knowledge base's
 * presence tables), each with a sensible value. What it returns lints clean.
 */
import { allResponseCodes, lookupResponseCode } from '../knowledge';
import { responseRequirements } from '../knowledge/presence';
import type { Localized } from '../knowledge/types';
import type { Header, TraceMessage } from '../model';
import { getCSeq, getHeader, getHeaders, getTag } from '../parser/headerAccess';
import { parseUri } from '../parser/uri';

/** A status code offered by the composer, with what it means (for a picker). */
export interface ComposableCode {
  readonly code: number;
  /** Canonical reason phrase, e.g. `Method Not Allowed`. */
  readonly phrase: string;
  /** What the code means, in each language. */
  readonly summary: Localized;
}

export interface ComposeOptions {
  /** Tag to add to To when the request's To has none (default: a random one). */
  readonly toTag?: string;
  /** Line ending of the composed text (default CRLF, what SIP puts on the wire). */
  readonly lineEnding?: string;
  /** Reason phrase (default: the code's canonical phrase). */
  readonly reasonPhrase?: string;
  /** Source of random tokens (tags, nonces, entity tags); default Math.random. */
  readonly random?: () => number;
  /** Methods listed in Allow (405, and any code that requires Allow). */
  readonly allow?: readonly string[];
  /** Realm of a Digest challenge (401, 407); default the Request-URI host. */
  readonly realm?: string;
}

/** Methods a typical user agent supports: the default Allow list. */
export const DEFAULT_ALLOW: readonly string[] = [
  'INVITE', 'ACK', 'CANCEL', 'BYE', 'OPTIONS', 'PRACK', 'UPDATE', 'INFO', 'REFER', 'NOTIFY', 'SUBSCRIBE', 'MESSAGE',
];

/** Methods whose 2xx (and, for INVITE, tagged 1xx) establish a dialog: Contact and Record-Route apply. */
const DIALOG_CREATING = new Set(['INVITE', 'SUBSCRIBE', 'REFER', 'NOTIFY']);

/**
 * The status codes the composer offers: every code of the knowledge base's registry (class
 * fallbacks excluded), with its phrase and meaning, in numeric order.
 */
export function composableCodes(): ComposableCode[] {
  return allResponseCodes()
    .filter((info) => info.registered && info.code >= 100 && info.code <= 699)
    .map((info) => ({ code: info.code, phrase: info.phrase, summary: info.meaning }))
    .sort((a, b) => a.code - b.code);
}

function randomToken(random: () => number, length: number): string {
  const alphabet = '0123456789abcdef';
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor(random() * 16) % 16];
  }
  return out;
}

/** The request's method: the start line's, which is what a response's CSeq must repeat. */
function requestMethod(request: TraceMessage): string | undefined {
  const start = request.parsed.startLine;
  return start.kind === 'request' ? start.method.text : undefined;
}

/** Host (and user) of the Request-URI, for Contact and the Digest realm. */
function requestUriParts(request: TraceMessage): { user?: string; host?: string } {
  const start = request.parsed.startLine;
  if (start.kind !== 'request') {
    return {};
  }
  const uri = parseUri(start.uri.text);
  if (!uri || (uri.kind !== 'sip' && uri.kind !== 'sips')) {
    return {};
  }
  const port = uri.port ? `:${uri.port.text}` : '';
  return { user: uri.user?.text, host: uri.host ? `${uri.host.text}${port}` : undefined };
}

/** Values of all headers with `key`, comma lists split, in order (e.g. every Require tag). */
function listValues(headers: readonly Header[]): string[] {
  return headers.flatMap((h) => h.values.map((v) => v.text.trim())).filter((v) => v.length > 0);
}

/**
 * A response to `request` with `status`: Via (all, in order), Record-Route when the response
 * establishes a dialog, From, To (with a new tag unless it has one or the status is 100), Call-ID
 * and CSeq copied as RFC 3261 §8.2.6 says, the headers the code requires for that method with
 * sensible values (Allow, Contact, WWW-/Proxy-Authenticate, Min-Expires, Unsupported copied from
 * Require/Proxy-Require, ...), and `Content-Length: 0`. Ends with the blank line.
 *
 * @throws RangeError when `request` is not a request, is an ACK (never answered, §17.1.1.3), or
 *   `status` is not 100-699.
 */
export function composeResponse(request: TraceMessage, status: number, options: ComposeOptions = {}): string {
  const method = requestMethod(request);
  if (method === undefined) {
    throw new RangeError('only a request can be answered');
  }
  if (method === 'ACK') {
    throw new RangeError('an ACK is never answered (RFC 3261 §17.1.1.3)');
  }
  if (!Number.isInteger(status) || status < 100 || status > 699) {
    throw new RangeError(`status ${status} is not in 100-699`);
  }
  const random = options.random ?? Math.random;
  const eol = options.lineEnding ?? '\r\n';
  const parsed = request.parsed;
  const phrase = options.reasonPhrase ?? lookupResponseCode(status)?.phrase ?? 'Unknown';
  const lines: string[] = [`SIP/2.0 ${status} ${phrase}`];
  const emitted = new Set<string>();
  const add = (name: string, value: string): void => {
    lines.push(`${name}: ${value}`);
    emitted.add(name.toLowerCase());
  };

  // §8.2.6.2: Via copied in order (each field as it was, so the values keep their order too).
  for (const via of getHeaders(parsed, 'via')) {
    add('Via', via.value.text.trim());
  }
  // §12.1.1: a response that creates a dialog copies every Record-Route, in order.
  const createsDialog = DIALOG_CREATING.has(method) && ((status > 100 && status < 200 && method === 'INVITE') || (status >= 200 && status < 300));
  if (createsDialog) {
    for (const rr of getHeaders(parsed, 'record-route')) {
      add('Record-Route', rr.value.text.trim());
    }
  }
  const from = getHeader(parsed, 'from');
  if (from) {
    add('From', from.value.text.trim());
  }
  const to = getHeader(parsed, 'to');
  if (to) {
    // §8.2.6.2: add a tag unless there is one; a 100 Trying may go without (§8.2.6.1).
    const needsTag = status !== 100 && getTag(to) === undefined;
    add('To', needsTag ? `${to.value.text.trim()};tag=${options.toTag ?? randomToken(random, 10)}` : to.value.text.trim());
  }
  const callId = getHeader(parsed, 'call-id');
  if (callId) {
    add('Call-ID', callId.value.text.trim());
  }
  const cseq = getCSeq(parsed);
  const cseqHeader = getHeader(parsed, 'cseq');
  if (cseq) {
    add('CSeq', `${cseq.number} ${method}`);
  } else if (cseqHeader) {
    add('CSeq', cseqHeader.value.text.trim());
  }
  if (status === 100) {
    // §8.2.6.1: a 100 copies the request's Timestamp.
    const timestamp = getHeader(parsed, 'timestamp');
    if (timestamp) {
      add('Timestamp', timestamp.value.text.trim());
    }
  }

  const uri = requestUriParts(request);
  const host = uri.host ?? 'invalid.example';
  const contact = `<sip:${uri.user ? `${uri.user}@` : ''}${host}>`;
  if (createsDialog || (status >= 300 && status < 400) || status === 485) {
    add('Contact', contact);
  }

  for (const requirement of responseRequirements(status, method)) {
    const key = requirement.header.toLowerCase();
    if (emitted.has(key) || key === 'content-length' || requirement.level !== 'must') {
      continue;
    }
    const value = requiredValue(key, { request, method, host, contact, random, options });
    if (value !== undefined) {
      add(requirement.header, value);
    }
  }
  // Headers RFC 3261 §21 asks for in these codes even where the tables do not list them.
  const extras: Record<number, [string, () => string]> = {
    415: ['Accept', () => 'application/sdp'],
    503: ['Retry-After', () => '60'],
  };
  const extra = extras[status];
  if (extra && !emitted.has(extra[0].toLowerCase())) {
    add(extra[0], extra[1]());
  }
  add('Content-Length', '0');
  return lines.join(eol) + eol + eol;
}

interface ValueContext {
  readonly request: TraceMessage;
  readonly method: string;
  readonly host: string;
  readonly contact: string;
  readonly random: () => number;
  readonly options: ComposeOptions;
}

/** A sensible value for a header a code requires; undefined when none can be made up honestly. */
function requiredValue(key: string, ctx: ValueContext): string | undefined {
  const parsed = ctx.request.parsed;
  const realm = ctx.options.realm ?? ctx.host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  switch (key) {
    case 'allow':
      return (ctx.options.allow ?? DEFAULT_ALLOW.filter((m) => m !== ctx.method)).join(', ');
    case 'contact':
      return ctx.contact;
    case 'www-authenticate':
    case 'proxy-authenticate':
      return `Digest realm="${realm}", nonce="${randomToken(ctx.random, 32)}", algorithm=MD5, qop="auth"`;
    case 'min-expires':
      return '3600';
    case 'expires': {
      const asked = getHeader(parsed, 'expires')?.value.text.trim();
      return asked && /^\d+$/.test(asked) ? asked : '3600';
    }
    case 'unsupported': {
      // §21.4.15: lists the option tags of Require/Proxy-Require the UAS does not support.
      const tags = listValues([...getHeaders(parsed, 'require'), ...getHeaders(parsed, 'proxy-require')]);
      return tags.length > 0 ? tags.join(', ') : 'x-unspecified';
    }
    case 'require':
      return '100rel';
    case 'min-se':
      return '90';
    case 'sip-etag':
      return randomToken(ctx.random, 12);
    case 'allow-events':
      return 'presence, dialog, message-summary';
    case 'recv-info':
      return 'dtmf';
    case 'accept':
      return 'application/sdp';
    case 'retry-after':
      return '60';
    default:
      return undefined;
  }
}
