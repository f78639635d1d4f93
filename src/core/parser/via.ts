/**
 * One Via element (RFC 3261 §20.42, §25.1):
 *
 *   via-parm      = sent-protocol LWS sent-by *( SEMI via-params )
 *   sent-protocol = protocol-name SLASH protocol-version SLASH transport
 *   sent-by       = host [ COLON port ]
 *
 * SLASH, COLON and SEMI allow whitespace around them (RFC 4475 wsinv folds a Via over three
 * lines). `received` is accepted with or without IPv6 brackets (RFC 5118 §4.5); `rport` is the
 * RFC 3581 flag-or-number.
 */
import type { Param, Span, Token } from '../model';
import { COLON, SEMI, SLASH, isDigits, isLws, isToken, isTokenText } from './chars';
import { classifyHost, isIPv4, isIPv6, type HostKind } from './host';
import { parseGenericParams } from './nameAddr';
import { reason, within, type SyntaxReason } from './reasons';

/** A parsed Via element; spans are relative to the text passed in. */
export interface ViaValue {
  readonly protocolName: Token;
  readonly protocolVersion: Token;
  readonly transport: Token;
  /** The sent-by host as written (an IPv6 reference keeps its brackets). */
  readonly host: Token;
  readonly hostKind?: HostKind;
  readonly port?: Token;
  readonly portNumber?: number;
  readonly params: readonly Param[];
  /** Values of the well-known parameters, as written (undefined when absent). */
  readonly branch?: string;
  readonly received?: string;
  /** `true` for a bare `;rport`, else its value. */
  readonly rport?: string | true;
  readonly maddr?: string;
  readonly ttl?: string;
  readonly span: Span;
  /** Why the element breaks the Via grammar; absent when valid. */
  readonly error?: SyntaxReason;
}

function skipLws(text: string, i: number, end: number): number {
  while (i < end && isLws(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function tokenRun(text: string, i: number, end: number): number {
  while (i < end && isToken(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function tok(text: string, start: number, end: number): Token {
  return { text: text.slice(start, end), span: { start, end } };
}

/** Checks the value of a well-known Via parameter; returns a reason or undefined. */
function checkViaParam(name: string, value: string | undefined): SyntaxReason | undefined {
  switch (name) {
    case 'branch':
      return value === undefined || !isTokenText(value) ? reason('via-branch') : undefined;
    case 'received': {
      if (value === undefined) {
        return reason('via-received-missing');
      }
      const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
      return isIPv4(bare) || isIPv6(bare) ? undefined : reason('via-received-invalid', { text: value });
    }
    case 'ttl':
      return value !== undefined && isDigits(value) && value.length <= 3 && Number(value) <= 255
        ? undefined
        : reason('via-ttl');
    case 'maddr': {
      return value !== undefined && classifyHost(value).kind !== undefined ? undefined : reason('via-maddr');
    }
    case 'rport':
      return value === undefined || (isDigits(value) && Number(value) <= 65535)
        ? undefined
        : reason('via-rport');
    default:
      return undefined;
  }
}

/** Parses and validates one Via element (one comma-separated item of a Via header value). */
export function parseVia(text: string): ViaValue {
  const n = text.length;
  let i = skipLws(text, 0, n);
  let end = n;
  while (end > i && isLws(text.charCodeAt(end - 1))) {
    end--;
  }
  const span = { start: i, end };
  const empty = (at: number): Token => ({ text: '', span: { start: at, end: at } });
  let protocolName = empty(i);
  let protocolVersion = empty(i);
  let transport = empty(i);
  let host = empty(i);
  let hostKind: HostKind | undefined = undefined;
  let port: Token | undefined;
  let portNumber: number | undefined;
  const params: Param[] = [];
  const known: Record<string, string | true | undefined> = {};
  const result = (error?: SyntaxReason): ViaValue => {
    const base: ViaValue = {
      protocolName,
      protocolVersion,
      transport,
      host,
      hostKind,
      port,
      portNumber,
      params,
      branch: typeof known.branch === 'string' ? known.branch : undefined,
      received: typeof known.received === 'string' ? known.received : undefined,
      rport: known.rport,
      maddr: typeof known.maddr === 'string' ? known.maddr : undefined,
      ttl: typeof known.ttl === 'string' ? known.ttl : undefined,
      span,
    };
    return error === undefined ? base : { ...base, error };
  };
  if (i >= end) {
    return result(reason('via-empty'));
  }
  // sent-protocol
  let j = tokenRun(text, i, end);
  protocolName = tok(text, i, j);
  if (j === i) {
    return result(reason('via-no-protocol'));
  }
  i = skipLws(text, j, end);
  if (i >= end || text.charCodeAt(i) !== SLASH) {
    return result(reason('via-no-slash', { text: protocolName.text }));
  }
  i = skipLws(text, i + 1, end);
  j = tokenRun(text, i, end);
  protocolVersion = tok(text, i, j);
  if (j === i) {
    return result(reason('via-no-version'));
  }
  i = skipLws(text, j, end);
  if (i >= end || text.charCodeAt(i) !== SLASH) {
    return result(reason('via-no-transport-slash', { text: `${protocolName.text}/${protocolVersion.text}` }));
  }
  i = skipLws(text, i + 1, end);
  j = tokenRun(text, i, end);
  transport = tok(text, i, j);
  if (j === i) {
    return result(reason('via-no-transport'));
  }
  // sent-by
  i = skipLws(text, j, end);
  if (i === j) {
    return result(i >= end ? reason('via-no-host') : reason('via-char-after-transport', { char: text.charCodeAt(i) }));
  }
  const hs = i;
  if (text.charCodeAt(i) === 91) {
    const close = text.indexOf(']', i);
    i = close < 0 || close >= end ? end : close + 1;
  } else {
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === COLON || c === SEMI || isLws(c)) {
        break;
      }
      i++;
    }
  }
  host = tok(text, hs, i);
  if (text.charCodeAt(hs) !== 91) {
    let e = i;
    while (e < end && text.charCodeAt(e) !== SEMI && !isLws(text.charCodeAt(e))) {
      e++;
    }
    const sentBy = text.slice(hs, e);
    if (sentBy.indexOf(':') !== sentBy.lastIndexOf(':')) {
      return result(reason('via-ipv6-unbracketed', { text: sentBy }));
    }
  }
  const check = classifyHost(host.text);
  if (check.kind === undefined) {
    return result(within(check.error, 'sent-by'));
  }
  hostKind = check.kind;
  i = skipLws(text, i, end);
  if (i < end && text.charCodeAt(i) === COLON) {
    const ps = skipLws(text, i + 1, end);
    let pe = ps;
    while (pe < end && text.charCodeAt(pe) !== SEMI && !isLws(text.charCodeAt(pe))) {
      pe++;
    }
    port = tok(text, ps, pe);
    portNumber = isDigits(port.text) ? Number(port.text) : NaN;
    if (Number.isNaN(portNumber) || portNumber > 65535) {
      return result(reason('via-bad-port', { text: port.text }));
    }
    i = skipLws(text, pe, end);
  }
  if (i < end && text.charCodeAt(i) !== SEMI) {
    return result(reason('via-char-after-sent-by', { char: text.charCodeAt(i) }));
  }
  const paramError = parseGenericParams(text, i, end, params);
  for (const p of params) {
    const name = p.name.text.toLowerCase();
    if (name === 'branch' || name === 'received' || name === 'rport' || name === 'maddr' || name === 'ttl') {
      if (known[name] === undefined) {
        known[name] = p.value ? p.value.text : true;
      }
    }
  }
  if (paramError) {
    return result(paramError);
  }
  for (const p of params) {
    const name = p.name.text.toLowerCase();
    const reason = checkViaParam(name, p.value?.text);
    if (reason) {
      return result(reason);
    }
  }
  return result();
}
