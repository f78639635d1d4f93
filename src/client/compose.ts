/**
 * "SIP: Compose Response...": answers the request under the cursor with a lint-clean response
 * (the core composer), chosen from a searchable list of status codes with their meanings; and a
 * completion item on an empty line after a request ("Response 200 OK" ...) that inserts one.
 *
 * The document is parsed here with the pure core rather than asked of the server: the result is
 * needed synchronously around the cursor, and the core is the same code the server runs.
 */
import * as vscode from 'vscode';
import { composableCodes, composeResponse } from '../core/compose';
import type { ComposableCode } from '../core/compose';
import type { Language } from '../core/knowledge/types';
import type { Trace, TraceMessage } from '../core/model';
import { parseTrace } from '../core/trace';

/** Arguments of `sipTrace.composeResponse` (for tests and keybindings); all optional. */
export interface ComposeResponseArgs {
  /** Status code to compose; skips the QuickPick. */
  readonly status?: number;
  /** Document to act on (default: the active editor's). */
  readonly uri?: string;
  /** Offset of the request to answer (default: the cursor). */
  readonly offset?: number;
}

/** Above this size only the text before the cursor (the last lines) is parsed. */
const WHOLE_PARSE_LIMIT = 2_000_000;
/** How many lines before the cursor the windowed parse reads. */
const WINDOW_LINES = 600;

function uiLanguage(): Language {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** The trace around `offset`, with source spans valid in the whole document. */
function traceAround(document: vscode.TextDocument, offset: number): { trace: Trace; base: number } {
  const text = document.getText();
  if (text.length <= WHOLE_PARSE_LIMIT) {
    return { trace: parseTrace(text), base: 0 };
  }
  const line = document.positionAt(offset).line;
  const start = document.offsetAt(new vscode.Position(Math.max(0, line - WINDOW_LINES), 0));
  const end = document.offsetAt(new vscode.Position(Math.min(document.lineCount - 1, line + WINDOW_LINES), 0));
  return { trace: parseTrace(text.slice(start, end)), base: start };
}

/** The message at `offset` (its framing included), else the last one that starts before it. */
export function messageAt(trace: Trace, offset: number): TraceMessage | undefined {
  let before: TraceMessage | undefined;
  for (const m of trace.messages) {
    const start = m.segment.framing.headerSpan?.start ?? m.span.start;
    if (start <= offset && offset <= m.span.end) {
      return m;
    }
    if (start <= offset) {
      before = m;
    }
  }
  return before;
}

function isAnswerable(m: TraceMessage | undefined): m is TraceMessage {
  return m?.parsed.startLine.kind === 'request' && m.parsed.startLine.method.text !== 'ACK';
}

function eolOf(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}

/**
 * Where a response to `request` goes and the text to insert there: right after the request's
 * message, starting on a fresh line with one blank line between the two.
 */
function insertionAfter(document: vscode.TextDocument, request: TraceMessage, base: number, response: string): { position: vscode.Position; text: string } {
  const eol = eolOf(document);
  const text = document.getText();
  const end = base + request.span.end;
  const before = text.slice(Math.max(0, end - 4), end);
  let prefix = '';
  if (!/\n$/.test(before)) {
    prefix = eol + eol;
  } else if (!/\n\r?\n$/.test(before)) {
    prefix = eol;
  }
  return { position: document.positionAt(end), text: prefix + response };
}

interface CodePick extends vscode.QuickPickItem {
  readonly code: number;
}

function toPick(c: ComposableCode, lang: Language): CodePick {
  return { label: `${c.code} ${c.phrase}`, detail: c.summary[lang], code: c.code };
}

async function pickStatus(method: string): Promise<number | undefined> {
  const lang = uiLanguage();
  const picked = await vscode.window.showQuickPick(
    composableCodes().map((c) => toPick(c, lang)),
    {
      title: vscode.l10n.t('Compose a response to {0}', method),
      placeHolder: vscode.l10n.t('Status code (type a number or words of its meaning)'),
      matchOnDetail: true,
    },
  );
  return picked?.code;
}

async function composeCommand(args: ComposeResponseArgs | undefined): Promise<boolean> {
  const editor = args?.uri
    ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri)
    : vscode.window.activeTextEditor;
  const document = args?.uri && !editor ? await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)) : editor?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a SIP trace and put the cursor on a request first.'));
    return false;
  }
  const offset = args?.offset ?? (editor ? document.offsetAt(editor.selection.active) : 0);
  const { trace, base } = traceAround(document, offset);
  const request = messageAt(trace, offset - base);
  if (!isAnswerable(request)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a request (not an ACK or a response) to compose its response.'));
    return false;
  }
  const method = request.parsed.startLine.kind === 'request' ? request.parsed.startLine.method.text : '';
  const status = args?.status ?? (await pickStatus(method));
  if (status === undefined) {
    return false;
  }
  const response = composeResponse(request, status, { lineEnding: eolOf(document) });
  const { position, text } = insertionAfter(document, request, base, response);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, position, text);
  const applied = await vscode.workspace.applyEdit(edit);
  if (applied && editor) {
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return applied;
}

/** Offers "Response 200 OK" ... on an (almost) empty line after a request. */
class ResponseCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const line = document.lineAt(position.line).text;
    const typed = line.slice(0, position.character);
    // Only on an empty line, or one where the user is typing a filter word ("resp", "486").
    if (line.slice(position.character).trim() !== '' || !/^[A-Za-z0-9 ]*$/.test(typed)) {
      return [];
    }
    const lineStart = document.offsetAt(new vscode.Position(position.line, 0));
    const { trace, base } = traceAround(document, lineStart);
    const request = messageAt(trace, lineStart - base);
    if (!isAnswerable(request)) {
      return [];
    }
    // Not inside the request's header section: the line must be at or after its end.
    const headerEnd = base + request.segment.map.toSource(Math.min(request.parsed.headerEnd, request.segment.content.length));
    if (lineStart < headerEnd && position.line > 0 && document.lineAt(position.line - 1).text.trim() !== '') {
      return [];
    }
    // Keep one blank line between the request and the response.
    const previous = position.line > 0 ? document.lineAt(position.line - 1).text.trim() : '';
    const lang = uiLanguage();
    const eol = eolOf(document);
    const range = new vscode.Range(new vscode.Position(position.line, 0), position);
    return composableCodes().map((c) => {
      const label = vscode.l10n.t('Response {0} {1}', c.code, c.phrase);
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
      const text = composeResponse(request, c.code, { lineEnding: eol });
      item.insertText = previous === '' ? text : eol + text;
      item.range = range;
      item.filterText = `${c.code} ${c.phrase} ${label}`;
      item.sortText = String(c.code);
      item.detail = c.summary[lang];
      item.documentation = new vscode.MarkdownString().appendCodeblock(text.replace(/\r\n/g, '\n'), 'sip');
      return item;
    });
  }
}

/**
 * Registers `sipTrace.composeResponse` and the response completion items for `sip` documents.
 * `client` is accepted for symmetry with the other registrations; the composer runs on the
 * client-side core and needs no server round trip.
 */
export function registerComposeResponse(context: vscode.ExtensionContext, client?: unknown): void {
  void client;
  context.subscriptions.push(
    vscode.commands.registerCommand('sipTrace.composeResponse', (args?: ComposeResponseArgs) => composeCommand(args)),
    vscode.languages.registerCompletionItemProvider({ language: 'sip' }, new ResponseCompletionProvider()),
  );
}
