/**
 * Recognises SIP traces saved as `.log` or `.txt`. VS Code picks a language by file extension
 * before it looks at the first line, so the `firstLine` pattern of the `sip` language never
 * applies to those files; this applies it, once per file, to plain-text and log documents.
 */
import * as vscode from 'vscode';

/** Languages a trace is commonly opened as before it is recognised. */
const CANDIDATE_LANGUAGES = new Set(['plaintext', 'log']);

interface LanguageContribution {
  readonly id?: string;
  readonly firstLine?: string;
}

/** The `firstLine` pattern the manifest declares for `sip` (one source of truth). */
export function sipFirstLinePattern(context: vscode.ExtensionContext): RegExp | undefined {
  const json = context.extension.packageJSON as { contributes?: { languages?: LanguageContribution[] } };
  const source = json.contributes?.languages?.find((l) => l.id === 'sip')?.firstLine;
  try {
    return source ? new RegExp(source) : undefined;
  } catch {
    return undefined;
  }
}

/** Switches matching plain-text/log documents to `sip`, each URI at most once per session. */
export function registerTraceDetection(context: vscode.ExtensionContext): void {
  const pattern = sipFirstLinePattern(context);
  if (!pattern) {
    return;
  }
  // Once only: if the user switches a detected file back to plain text, that choice stands.
  const switched = new Set<string>();
  const consider = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    if (!CANDIDATE_LANGUAGES.has(document.languageId) || switched.has(key) || document.lineCount === 0) {
      return;
    }
    if (pattern.test(document.lineAt(0).text)) {
      switched.add(key);
      void vscode.languages.setTextDocumentLanguage(document, 'sip');
    }
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(consider));
  vscode.workspace.textDocuments.forEach(consider);
}
