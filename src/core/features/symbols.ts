/**
 * The outline of a trace: one entry per call (Call-ID), holding one entry per message named by
 * its start line, in trace order.
 */
import { SymbolKind } from 'vscode-languageserver-types';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Language } from '../knowledge/types';
import { summarize } from '../lint/summary';
import type { Endpoint, Trace, TraceMessage } from '../model';
import type { LineLookup } from './locate';
import { contentRange, messageEnd, messageStart, toRange } from './locate';
import { say } from './texts';

/** Start lines longer than this are cut in the outline. */
const MAX_NAME = 120;

/**
 * Default cap on outline and folding entries (as yaml-language-server's `maxItemsComputed`): a
 * 50 MB trace has 100,000 messages, an outline that long helps nobody and its JSON alone is tens
 * of megabytes. VS Code itself folds at most 5,000 regions by default.
 */
export const MAX_ITEMS = 5000;

/**
 * One symbol per call (named by its Call-ID, detail the number of messages), each holding one
 * symbol per message (named by its start line, detail time and `src -> dst` when the framing
 * says). Messages without a Call-ID are grouped under one "(no Call-ID)" entry. At most
 * `maxItems` entries (calls and messages) are made, the first ones of the trace.
 */
export function findDocumentSymbols(trace: Trace, lines: LineLookup, lang: Language = 'en', maxItems = MAX_ITEMS): DocumentSymbol[] {
  const calls = new Map<string, TraceMessage[]>();
  for (const message of trace.messages) {
    // The lint engine's cached per-parse summary: made already, unlike the features' own facts.
    const key = summarize(message.parsed).callId ?? '';
    let list = calls.get(key);
    if (!list) {
      list = [];
      calls.set(key, list);
    }
    list.push(message);
  }
  const symbols: DocumentSymbol[] = [];
  let budget = maxItems;
  for (const [callId, all] of calls) {
    if (budget < 2) {
      break;
    }
    const messages = all.length < budget ? all : all.slice(0, budget - 1);
    budget -= messages.length + 1;
    const children = messages.map((m) => messageSymbol(m, lines));
    const first = messages[0];
    const last = messages[messages.length - 1];
    const range = toRange({ start: messageStart(first), end: messageEnd(last) }, lines);
    symbols.push({
      name: callId.length > 0 ? callId : say('noCallId', lang),
      detail: say('messagesCount', lang, all.length),
      kind: SymbolKind.Namespace,
      range,
      selectionRange: children[0].selectionRange,
      children,
    });
  }
  return symbols;
}

function messageSymbol(message: TraceMessage, lines: LineLookup): DocumentSymbol {
  const start = message.parsed.startLine;
  const text = message.segment.content.slice(start.span.start, start.span.end).trim();
  const name = text.length === 0 ? `#${message.index + 1}` : text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text;
  const kind = start.kind === 'request' ? SymbolKind.Function : start.kind === 'response' ? SymbolKind.Event : SymbolKind.Null;
  return {
    name,
    detail: messageDetail(message),
    kind,
    range: toRange({ start: messageStart(message), end: messageEnd(message) }, lines),
    selectionRange: contentRange(message, start.span, lines),
  };
}

/** `10:11:12.123 10.0.0.1:5060 -> 10.0.0.2:5060 UDP`, from what the framing says. */
export function messageDetail(message: TraceMessage): string {
  const f = message.segment.framing;
  const parts: string[] = [];
  if (f.time) {
    parts.push(f.time);
  }
  if (f.src || f.dst) {
    parts.push(`${endpoint(f.src)} -> ${endpoint(f.dst)}`);
  }
  if (f.transport) {
    parts.push(f.transport);
  }
  return parts.join(' ');
}

function endpoint(e: Endpoint | undefined): string {
  if (!e) {
    return '?';
  }
  const host = e.host.includes(':') && !e.host.startsWith('[') ? `[${e.host}]` : e.host;
  return e.port === undefined ? host : `${host}:${e.port}`;
}
