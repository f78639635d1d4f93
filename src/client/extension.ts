/**
 * The SIP Trace Analyzer extension: starts the SIP language server for `sip` documents, and adds
 * the commands and the status bar item. The server starts with the first SIP document, so the
 * extension can activate on plain-text files (to recognise traces) without running it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_CHANGED_NOTIFICATION, STATUS_REQUEST } from '../core/protocol';
import type { TraceStatus, TraceStatusParams } from '../core/protocol';
import { registerComposeResponse } from './compose';
import { registerTraceDetection } from './detect';
import { createSipClient } from './serverClient';
import type { SipClient } from './serverClient';
import { TraceStatusBar } from './statusBar';

let sip: SipClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  try {
    activateOrThrow(context);
  } catch (error) {
    // VS Code only logs a failed activate(); tell the user (after rust-analyzer).
    const text = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('SIP Trace Analyzer failed to activate: {0}', text));
    throw error;
  }
}

function activateOrThrow(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('SIP Trace Analyzer'));
  const statusBar = new TraceStatusBar();
  context.subscriptions.push(output, statusBar);
  sip = createSipClient(context, output);
  const { client, errors } = sip;
  context.subscriptions.push({ dispose: () => void client.dispose() });

  let starting: Promise<void> | undefined;
  const ensureStarted = (): Promise<void> => {
    starting ??= client.start().then(
      () => {
        context.subscriptions.push(client.onNotification(STATUS_CHANGED_NOTIFICATION, (status: TraceStatus) => statusBar.set(status)));
      },
      (error: unknown) => {
        starting = undefined;
        output.appendLine(`Starting the server failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return starting;
  };
  const startForSip = (document: vscode.TextDocument | undefined): void => {
    if (document?.languageId === 'sip') {
      void ensureStarted().then(() => requestStatus(client, statusBar, document));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('sipTrace.analyzeAsSip', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a trace file first, then run "SIP: Analyze as SIP Trace".'));
        return;
      }
      await vscode.languages.setTextDocumentLanguage(document, 'sip');
    }),
    vscode.commands.registerCommand('sipTrace.restartServer', async () => {
      errors.reset();
      if (client.isRunning()) {
        await client.restart();
      } else {
        starting = undefined;
        await ensureStarted();
      }
    }),
    vscode.workspace.onDidOpenTextDocument(startForSip),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      statusBar.refresh();
      startForSip(editor?.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => statusBar.forget(document.uri.toString())),
  );
  registerTraceDetection(context);
  registerComposeResponse(context, client);
  vscode.workspace.textDocuments.forEach(startForSip);
}

/** Asks for a document's figures when the server has not pushed any yet (e.g. a reused editor). */
function requestStatus(client: LanguageClient, statusBar: TraceStatusBar, document: vscode.TextDocument): void {
  const uri = document.uri.toString();
  if (statusBar.has(uri)) {
    statusBar.refresh();
    return;
  }
  const params: TraceStatusParams = { uri };
  client.sendRequest<TraceStatus | null>(STATUS_REQUEST, params).then(
    (status) => {
      if (status) {
        statusBar.set(status);
      }
    },
    () => undefined,
  );
}

export async function deactivate(): Promise<void> {
  if (sip?.client.isRunning()) {
    await sip.client.stop();
  }
  sip = undefined;
}
