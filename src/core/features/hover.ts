/**
 * Hover explanations: a status line (what the code means, what the response must carry, what to
 * do next), a method, a header name, and the identifiers that tie messages together.
 */
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { formatRef, localize, lookupHeader, lookupMethod, lookupResponseCode, responseClassName, rfcUrl } from '../knowledge';
import { requestRequirements, responseRequirements } from '../knowledge/presence';
import type { HeaderRequirement, Language, RfcRef } from '../knowledge/types';
import type { Header, RequestLine, Span, StatusLine, Trace, TraceMessage } from '../model';
import type { LineLookup } from './locate';
import { factsOf } from './facts';
import { identifierAt, messagesOf, occurrencesOf } from './identifiers';
import type { IdentifierHit } from './identifiers';
import { contentRange, headerAt, messageAt, startLineNumber, toContentOffset, touches } from './locate';
import { say } from './texts';

/** At most this many messages are listed in an identifier hover. */
const MAX_LISTED = 15;

/**
 * The hover at a source offset of a trace: status line, method, header name, or a Call-ID /
 * branch / tag value. Null where there is nothing to explain.
 */
export function doHover(trace: Trace, lines: LineLookup, offset: number, lang: Language = 'en'): Hover | null {
  const message = messageAt(trace, offset);
  if (!message) {
    return null;
  }
  const at = toContentOffset(message, offset);
  if (at === undefined) {
    return null;
  }
  const start = message.parsed.startLine;
  if (start.kind === 'response' && touches(start.span, at)) {
    return hover(statusMarkdown(message, start, lang), contentRange(message, start.span, lines));
  }
  if (start.kind === 'request' && touches(start.method.span, at)) {
    return hover(methodMarkdown(start.method.text, lang), contentRange(message, start.method.span, lines));
  }
  const id = identifierAt(trace, offset);
  if (id) {
    return hover(identifierMarkdown(trace, id, lines, lang), contentRange(message, id.span, lines));
  }
  const header = headerAt(message, at);
  if (header && touches(header.name.span, at)) {
    return hover(headerMarkdown(header, lang), contentRange(message, header.name.span, lines));
  }
  if (header?.key === 'cseq') {
    const method = factsOf(message).cseq?.method;
    const methodSpan = method ? cseqMethodSpan(header, method) : undefined;
    if (method && methodSpan && touches(methodSpan, at)) {
      return hover(methodMarkdown(method, lang), contentRange(message, methodSpan, lines));
    }
  }
  return null;
}

function hover(value: string, range: Hover['range']): Hover {
  const contents: MarkupContent = { kind: 'markdown', value };
  return { contents, range };
}

/** Markdown explaining a status line: code, class, meaning, next step, required headers, RFC links. */
export function statusMarkdown(message: TraceMessage, start: StatusLine, lang: Language): string {
  const status = start.status;
  const info = Number.isInteger(status) ? lookupResponseCode(status) : undefined;
  if (!info) {
    return `**${escapeMd(start.code.text)}**`;
  }
  const out: string[] = [];
  out.push(`**${info.code} ${escapeMd(info.phrase)}** — ${info.responseClass}xx ${responseClassName(info.responseClass, lang) ?? ''}`);
  const method = factsOf(message).cseq?.method;
  if (method) {
    out.push(say('respondsTo', lang, method));
  }
  if (!info.registered) {
    out.push(say('unregistered', lang, `${info.responseClass}00`));
  }
  out.push(localize(info.meaning, lang));
  out.push(`**${say('nextStep', lang)}:** ${localize(info.nextStep, lang)}`);
  const required = requirementsFor(status, method, info.requires);
  if (required.length > 0) {
    out.push(`**${say('requires', lang)}:**\n\n${required.map((r) => requirementLine(r, lang)).join('\n')}`);
  }
  const written = start.reason.text.trim();
  if (written.length > 0 && written.toLowerCase() !== info.phrase.toLowerCase() && info.registered) {
    out.push(say('phraseDiffers', lang, escapeMd(written), escapeMd(info.phrase)));
  }
  out.push(refLinks(info.ref, info.seeAlso));
  return out.join('\n\n');
}

/**
 * What the hover lists as required: the per-code headers beyond the copied ones every response
 * carries (listing From/To/Via on every hover would drown the interesting ones).
 */
function requirementsFor(status: number, method: string | undefined, requires: readonly HeaderRequirement[]): HeaderRequirement[] {
  const copied = new Set(['from', 'to', 'call-id', 'cseq', 'via']);
  const all = method ? responseRequirements(status, method) : requires.filter((r) => !r.condition);
  return all.filter((r) => !copied.has(r.header.toLowerCase()));
}

function requirementLine(r: HeaderRequirement, lang: Language): string {
  const level = r.level === 'must' ? '' : ` (${say('shouldCarry', lang)})`;
  const condition = r.condition ? ` — ${localize(r.condition, lang)}` : '';
  return `- \`${r.header}\`${level}${condition} — ${link(r.ref)}`;
}

function methodMarkdown(name: string, lang: Language): string {
  const info = lookupMethod(name);
  if (!info) {
    return `**${escapeMd(name)}**\n\n${say('unknownMethod', lang)}`;
  }
  const out = [`**${info.name}**`, localize(info.purpose, lang)];
  const required = requestRequirements(info.name).filter((r) => r.level === 'must');
  if (required.length > 0) {
    out.push(`${say('requestMust', lang, info.name)}: ${required.map((r) => `\`${r.header}\``).join(', ')}`);
  }
  out.push(refLinks(info.ref, info.seeAlso));
  return out.join('\n\n');
}

function headerMarkdown(header: Header, lang: Language): string {
  const info = lookupHeader(header.canonical);
  const out: string[] = [`**${escapeMd(info?.name ?? header.canonical)}**`];
  if (header.compact) {
    out.push(say('compactOf', lang, header.name.text, info?.name ?? header.canonical));
  } else if (info?.compact) {
    out.push(say('compactIs', lang, info.compact));
  }
  if (info) {
    out.push(localize(info.description, lang));
    out.push(refLinks(info.ref, info.seeAlso));
  } else {
    out.push(say('unknownHeader', lang));
  }
  return out.join('\n\n');
}

function identifierMarkdown(trace: Trace, id: IdentifierHit, lines: LineLookup, lang: Language): string {
  const label = id.cls === 'call-id' ? say('idCallId', lang) : id.cls === 'branch' ? say('idBranch', lang) : say('idTag', lang);
  const messages = messagesOf(occurrencesOf(trace, id.cls, id.value));
  const out = [`**${label}** \`${id.value.replace(/`/g, "'")}\``, say('carriedBy', lang, messages.length)];
  const listed = messages.slice(0, MAX_LISTED).map((m) => `- #${m.index + 1}, ${say('line', lang, startLineNumber(m, lines))}: ${summary(m)}`);
  if (messages.length > MAX_LISTED) {
    listed.push(`- ${say('andMore', lang, messages.length - MAX_LISTED)}`);
  }
  out.push(listed.join('\n'));
  return out.join('\n\n');
}

/** A one-line description of a message: `INVITE sip:bob@b` or `200 OK (INVITE)`. */
export function summary(message: TraceMessage): string {
  const start = message.parsed.startLine;
  if (start.kind === 'request') {
    return `\`${requestSummary(start)}\``;
  }
  if (start.kind === 'response') {
    const method = factsOf(message).cseq?.method;
    return `\`${start.code.text} ${start.reason.text}\`${method ? ` (${method})` : ''}`;
  }
  return `\`${start.text.slice(0, 60).replace(/`/g, "'")}\``;
}

function requestSummary(start: RequestLine): string {
  return `${start.method.text} ${start.uri.text}`.replace(/`/g, "'");
}

function cseqMethodSpan(header: Header, method: string): Span | undefined {
  const i = header.value.text.lastIndexOf(method);
  if (i < 0 || header.value.text.length !== header.value.span.end - header.value.span.start) {
    return undefined;
  }
  const start = header.value.span.start + i;
  return { start, end: start + method.length };
}

function link(ref: RfcRef): string {
  return `[${formatRef(ref)}](${rfcUrl(ref)})`;
}

function refLinks(ref: RfcRef, seeAlso: readonly RfcRef[] | undefined): string {
  return [ref, ...(seeAlso ?? [])].map(link).join(' · ');
}

/** Escapes text from the trace so it cannot inject Markdown (links, emphasis, HTML). */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}
