/**
 * An LSP client for server tests: the real server (`startServer`) on one end of a pair of
 * in-memory streams, a JSON-RPC connection playing the editor on the other.
 */
import { PassThrough } from 'stream';
import { StreamMessageReader, StreamMessageWriter, createConnection, createMessageConnection } from 'vscode-languageserver/node';
import type { MessageConnection, PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver/node';
import { startServer } from '../../../src/server/server';
import type { TraceStatus } from '../../../src/core/protocol';
import { STATUS_CHANGED_NOTIFICATION } from '../../../src/core/protocol';

export interface ClientOptions {
  readonly locale?: string;
  /** The `sipTrace` section answered to workspace/configuration; no configuration support when undefined. */
  readonly settings?: unknown;
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

/** Resolves when a value passing `test` arrives (or already has), rejects after `ms`. */
class Inbox<T> {
  readonly received: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.received.push(value);
    this.waiters = this.waiters.filter((w) => {
      if (w.test(value)) {
        w.resolve(value);
        return false;
      }
      return true;
    });
  }

  wait(test: (value: T) => boolean, what: string, ms = 10_000): Promise<T> {
    const hit = this.received.find(test);
    if (hit) {
      return Promise.resolve(hit);
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      this.waiters.push({
        test,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  }
}

export class TestClient {
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  readonly shown = new Inbox<ShowMessageParams>();
  readonly statuses = new Inbox<TraceStatus>();
  settings: unknown;

  private constructor(
    readonly connection: MessageConnection,
    private readonly streams: PassThrough[],
  ) {}

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const up = new PassThrough();
    const down = new PassThrough();
    const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
    startServer(server, { version: '0.0.0-test' });
    server.listen();
    const connection = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    const client = new TestClient(connection, [up, down]);
    client.settings = options.settings;
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.diagnostics.push(p));
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => client.shown.push(p));
    connection.onNotification(STATUS_CHANGED_NOTIFICATION, (p: TraceStatus) => client.statuses.push(p));
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings ?? null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      locale: options.locale,
      capabilities: {
        workspace: { configuration: options.settings !== undefined, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version, text } });
  }

  async changeAll(uri: string, text: string, version: number): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The diagnostics published for a document version. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.wait((p) => p.uri === uri && p.version === version, `diagnostics of ${uri} v${version}`);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  dispose(): void {
    this.connection.dispose();
    for (const s of this.streams) {
      s.end();
    }
  }
}
