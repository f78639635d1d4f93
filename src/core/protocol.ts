/**
 * Custom messages between the SIP language server and its clients, declared once so both sides
 * agree on names and shapes (after vscode-eslint's `customMessages.ts` and rust-analyzer's
 * `lsp_ext.ts`). Plain constants and interfaces: no `vscode` and no connection here, so the
 * VS Code client, the server and other editors' glue can all import it.
 */

/** Numbers the status bar shows for one document. */
export interface TraceStatus {
  /** The document the figures describe. */
  readonly uri: string;
  /** False when the document was not analysed (too large, or analysis disabled). */
  readonly analyzed: boolean;
  /** Why the document was not analysed, when it was not. */
  readonly reason?: 'disabled' | 'too-large';
  readonly messages: number;
  /** Distinct Call-IDs. */
  readonly calls: number;
  readonly errors: number;
  readonly warnings: number;
  /** The framing detected for the file, e.g. `ngrep`. */
  readonly format?: string;
}

export interface TraceStatusParams {
  readonly uri: string;
}

/** Request `sip/status`: the client asks for a document's figures (e.g. when its editor becomes active). */
export const STATUS_REQUEST = 'sip/status';

/** Notification `sip/statusChanged`: the server pushes new figures after each analysis. */
export const STATUS_CHANGED_NOTIFICATION = 'sip/statusChanged';

/** The code action kind of the file-wide fix-all (`editor.codeActionsOnSave` can name it). */
export const FIX_ALL_KIND = 'source.fixAll.sip';

/** Where each rule's page lives; diagnostics link to it through `codeDescription`. */
export const RULE_DOCS_BASE = 'https://github.com/sip-trace/sip-trace-analyzer/blob/main/docs/rules/';

/** The page documenting a rule code. */
export function ruleDocsUrl(code: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(code)}.md`;
}
