import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver/node';
import type { Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { NOT_ALLOWED, SUBSCRIBE } from '../features/traces';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The compiled server under test (the bin prefers dist/, which may be an older build). */
const MAIN = path.join(ROOT, 'out', 'src', 'server', 'main.js');
const BIN = path.join(ROOT, 'bin', 'sip-trace-server.js');

describe('sip-trace-server as another editor runs it', () => {
  it('speaks LSP over stdio: diagnostics after didOpen, hovers, clean shutdown', async () => {
    const child = spawn(process.execPath, [MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const kill = setTimeout(() => child.kill(), 20_000);
    try {
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
        connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => resolve(p));
      });
      connection.listen();
      const init = await connection.sendRequest<{ serverInfo?: { name: string; version?: string }; capabilities: { hoverProvider?: boolean } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(init.serverInfo?.name, 'sip-trace-server');
      assert.equal(init.capabilities.hoverProvider, true);
      await connection.sendNotification('initialized', {});
      const uri = 'file:///tmp/trace.sip';
      const text = SUBSCRIBE + NOT_ALLOWED;
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sip', version: 1, text } });
      const published = await diagnostics;
      assert.equal(published.uri, uri);
      assert.ok(published.diagnostics.some((d) => d.code === 'missing-header'));
      const line = text.slice(0, text.indexOf('SIP/2.0 405')).split('\n').length - 1;
      const hover = await connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 9 } });
      assert.match((hover.contents as MarkupContent).value, /405 Method Not Allowed/);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      assert.equal(await exited, 0);
      connection.dispose();
    } finally {
      clearTimeout(kill);
      child.kill();
    }
  });

  it('prints its version with --version (through the bin)', () => {
    const result = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8', timeout: 20_000 });
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), version);
  });

  it('explains its usage and fails without a transport', () => {
    const result = spawnSync(process.execPath, [MAIN], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--stdio \| --node-ipc \| --socket=<port>/);
  });
});
