// The extension loads in a real VS Code: the right editor build, the `sip` language for
// .sip files, and activation triggered by opening one (not by calling activate() ourselves,
// which would hide a broken activation event).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { poll } from './poll';

const EXTENSION_ID = 'sip-trace.sip-trace';
const FIXTURE = 'activation.sip';

function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures folder is open as the workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

suite('activation', () => {
  test('runs inside VS Code 1.100.3', () => {
    assert.strictEqual(vscode.version, '1.100.3');
  });

  test('the workspace is the e2e fixtures folder', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    assert.strictEqual(path.posix.basename(folder.uri.path), 'fixtures');
  });

  test('the extension is loaded from its webpack bundle', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const manifest = extension.packageJSON as { main?: string; name?: string };
    assert.strictEqual(manifest.name, 'sip-trace');
    assert.strictEqual(manifest.main, './dist/client.js');
  });

  test('the extension comes from where the runner put it (repo or installed VSIX)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // scripts/e2e/run.js says which; the repo root holds test/, an installed VSIX does not.
    const mode = process.env.SIP_TRACE_E2E;
    const hasTests = fs.existsSync(path.join(extension.extensionPath, 'test', 'e2e'));
    if (mode === 'vsix') {
      assert.strictEqual(hasTests, false, `${extension.extensionPath} is an installed copy`);
      assert.strictEqual(extension.extensionKind, vscode.ExtensionKind.Workspace);
    } else {
      assert.strictEqual(hasTests, true, `${extension.extensionPath} is the repository`);
    }
  });

  test('opens a .sip file with the language id sip', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri(FIXTURE));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'sip');
  });

  test('activates when a .sip file is open', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const document = await vscode.workspace.openTextDocument(fixtureUri(FIXTURE));
    await vscode.window.showTextDocument(document);
    await poll(() => (extension.isActive ? true : undefined), `${EXTENSION_ID} to activate`);
    assert.strictEqual(extension.isActive, true);
  });

  test('registers the SIP commands once active', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['sipTrace.analyzeAsSip', 'sipTrace.composeResponse', 'sipTrace.restartServer']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });
});
