/**
 * The language client: starts the SIP language server (the bundled dist/server.js, over node IPC)
 * and decides what happens when it fails (after vscode-eslint: bounded restarts, then a message).
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

/** A crashing server is restarted at most this many times within {@link RESTART_WINDOW_MS}. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Restarts a closed server unless it has crashed too often lately; then says so once. */
export class BoundedRestartHandler implements ErrorHandler {
  private closes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  error(): ErrorHandlerResult {
    // A read/write error on the connection: keep going; a dead server shows up in closed().
    return { action: ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.closes = this.closes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.closes.push(now);
    if (this.closes.length <= MAX_RESTARTS) {
      return { action: CloseAction.Restart };
    }
    return {
      action: CloseAction.DoNotRestart,
      message: vscode.l10n.t(
        'The SIP language server stopped {0} times in the last 3 minutes and will not be restarted. See the "SIP Trace Analyzer" output, then run "SIP: Restart Language Server".',
        this.closes.length,
      ),
    };
  }

  /** A manual restart starts a fresh budget. */
  reset(): void {
    this.closes = [];
  }
}

export interface SipClient {
  readonly client: LanguageClient;
  readonly errors: BoundedRestartHandler;
}

/** Creates (does not start) the client for `sip` documents. */
export function createSipClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): SipClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const errors = new BoundedRestartHandler();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sip' },
      { scheme: 'untitled', language: 'sip' },
      { scheme: 'vscode-remote', language: 'sip' },
    ],
    synchronize: { configurationSection: 'sipTrace' },
    outputChannel: output,
    errorHandler: errors,
    initializationFailedHandler: (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      output.appendLine(`Initialization failed: ${text}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The SIP language server failed to start: {0}', text));
      // Retrying a server that cannot initialise only repeats the failure.
      return false;
    },
  };
  // The id `sipTrace` makes the client honour the `sipTrace.trace.server` setting.
  const client = new LanguageClient('sipTrace', vscode.l10n.t('SIP Trace Analyzer'), serverOptions, clientOptions);
  return { client, errors };
}
