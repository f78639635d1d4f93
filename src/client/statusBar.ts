/**
 * The status bar item of the active SIP document: messages, calls, errors, pushed by the server
 * after each analysis (`sip/statusChanged`) or asked for when an editor becomes active.
 */
import * as vscode from 'vscode';
import type { TraceStatus } from '../core/protocol';

export class TraceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sipTrace.status', vscode.StatusBarAlignment.Left, 100);
  private readonly byUri = new Map<string, TraceStatus>();

  constructor() {
    this.item.name = vscode.l10n.t('SIP Trace');
    this.item.command = 'workbench.actions.view.problems';
  }

  /** Records a document's figures and refreshes the item if it is the active one. */
  set(status: TraceStatus): void {
    this.byUri.set(status.uri, status);
    this.refresh();
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.refresh();
  }

  /** Shows the active SIP document's figures, hides the item for any other editor. */
  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && document.languageId === 'sip' ? this.byUri.get(document.uri.toString()) : undefined;
    if (!status) {
      this.item.hide();
      return;
    }
    if (!status.analyzed) {
      this.item.text = `$(circle-slash) ${vscode.l10n.t('SIP: not analysed')}`;
      this.item.tooltip =
        status.reason === 'too-large'
          ? vscode.l10n.t('The file is larger than sipTrace.maxFileSizeMB: only highlighting runs.')
          : vscode.l10n.t('Analysis is turned off (sipTrace.enable).');
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = `$(pulse) ${vscode.l10n.t('{0} messages, {1} calls, {2} errors', status.messages, status.calls, status.errors)}`;
      this.item.tooltip = vscode.l10n.t(
        'SIP trace ({0}): {1} messages, {2} calls, {3} errors, {4} warnings. Click to open the Problems panel.',
        status.format ?? '?',
        status.messages,
        status.calls,
        status.errors,
        status.warnings,
      );
      this.item.backgroundColor = status.errors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
