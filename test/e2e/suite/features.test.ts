// The language features in a real VS Code, through the same commands the editor's UI uses:
// hovers, diagnostics and their quick fix, the outline, Go to Definition, folding, and the
// recognition of traces saved as .log/.txt. The language server answers only once it has
// started, so every check waits on an event or polls with a deadline; nothing sleeps a fixed time.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { poll } from './poll';

/** test/e2e/fixtures: the open workspace, or found from this file (out/test/e2e/suite). */
function fixturesRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? folder.uri : vscode.Uri.file(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'e2e', 'fixtures'));
}

function fixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(fixturesRoot(), 'features', name);
}

/** Resolves with the document's diagnostics as soon as they satisfy `test` (checked on every change). */
function diagnosticsWhen(uri: vscode.Uri, test: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (test(ds)) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(ds);
        return true;
      }
      return false;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; have ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(codeOf))}`));
    }, timeoutMs);
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

function isMissingAllow(d: vscode.Diagnostic): boolean {
  return codeOf(d) === 'missing-header' && d.severity === vscode.DiagnosticSeverity.Error && /\bAllow\b/.test(d.message);
}

/** Position of the `nth` occurrence of `needle`, moved `shift` characters into it. */
function positionOf(document: vscode.TextDocument, needle: string, shift = 1, nth = 0): vscode.Position {
  const text = document.getText();
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
  }
  assert.ok(offset >= 0, `${needle} is in ${document.uri.path}`);
  return document.positionAt(offset + shift);
}

async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  return poll(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    return text.length > 0 ? text : undefined;
  }, `a hover at ${position.line}:${position.character}`);
}

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

suite('language features', () => {
  test('hovering "SIP/2.0 405 Method Not Allowed" explains the code and names Allow', async () => {
    const document = await open(fixture('method-not-allowed.sip'));
    const text = await hoverText(document, positionOf(document, 'SIP/2.0 405', 9));
    assert.match(text, /405 Method Not Allowed/);
    assert.match(text, /`Allow`/);
    assert.match(text, /rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.6/);
  });

  test('hovering a method and a header name explains them', async () => {
    const document = await open(fixture('method-not-allowed.sip'));
    const method = await hoverText(document, new vscode.Position(0, 2));
    assert.match(method, /\*\*SUBSCRIBE\*\*/);
    const header = await hoverText(document, positionOf(document, 'Max-Forwards', 2));
    assert.match(header, /\*\*Max-Forwards\*\*/);
    assert.match(header, /RFC 3261/);
  });

  test('reports a 405 without Allow as missing-header, linked to the rule page', async () => {
    const document = await open(fixture('method-not-allowed.sip'));
    const diagnostics = await diagnosticsWhen(document.uri, (ds) => ds.some(isMissingAllow), 'the missing-header Allow diagnostic');
    const allow = diagnostics.find(isMissingAllow);
    assert.ok(allow);
    assert.strictEqual(allow.source, 'sip');
    assert.strictEqual(allow.range.start.line, positionOf(document, 'SIP/2.0 405', 0).line);
    const code = allow.code;
    assert.ok(typeof code === 'object' && code.target.toString().endsWith('/docs/rules/missing-header.md'), 'the code links to the rule page');
  });

  test('the quick fix inserts Allow and the diagnostic goes away', async () => {
    // An untitled copy: the fixture on disk never changes.
    const source = await vscode.workspace.openTextDocument(fixture('method-not-allowed.sip'));
    const document = await vscode.workspace.openTextDocument({ language: 'sip', content: source.getText() });
    await vscode.window.showTextDocument(document);
    const [allow] = (await diagnosticsWhen(document.uri, (ds) => ds.some(isMissingAllow), 'the Allow diagnostic')).filter(isMissingAllow);
    const actions = await poll(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, allow.range, vscode.CodeActionKind.QuickFix.value);
      const fix = found.filter((a) => a.title === 'Insert Allow header');
      return fix.length > 0 ? fix : undefined;
    }, 'the Insert Allow header quick fix');
    const edit = actions[0].edit;
    assert.ok(edit, 'the quick fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), /Content-Length: 0\r?\nAllow: INVITE, ACK, CANCEL, BYE, OPTIONS\r?\n/);
    await diagnosticsWhen(document.uri, (ds) => !ds.some(isMissingAllow), 'the Allow diagnostic to go away');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the outline has one entry per message, grouped by call', async () => {
    const document = await open(fixture('call.sip'));
    const symbols = await poll(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    }, 'document symbols');
    assert.deepStrictEqual(
      symbols.map((s) => [s.name, s.children.map((c) => c.name)]),
      [
        [
          'a84b4c76e66710@pc33.atlanta.example.com',
          ['INVITE sip:bob@biloxi.example.com SIP/2.0', 'SIP/2.0 180 Ringing', 'SIP/2.0 200 OK', 'ACK sip:bob@192.0.2.4 SIP/2.0'],
        ],
        ['sub-1@atlanta.example.com', ['SUBSCRIBE sip:bob@biloxi.example.com SIP/2.0', 'SIP/2.0 405 Method Not Allowed']],
      ],
    );
  });

  test('Go to Definition goes from a 200 to its INVITE', async () => {
    const document = await open(fixture('call.sip'));
    const targets = await poll(async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        document.uri,
        positionOf(document, 'SIP/2.0 200 OK', 9),
      );
      return found && found.length > 0 ? found : undefined;
    }, 'a definition');
    assert.strictEqual(targets.length, 1);
    const target = targets[0];
    const range = 'targetRange' in target ? target.targetRange : target.range;
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    assert.strictEqual(uri.toString(), document.uri.toString());
    assert.strictEqual(range.start.line, 0);
    assert.strictEqual(document.lineAt(range.start.line).text, 'INVITE sip:bob@biloxi.example.com SIP/2.0');
  });

  test('folds each message and the INVITE body', async () => {
    const document = await open(fixture('call.sip'));
    const ranges = await poll(async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
      // The grammar-free fallback folds by indentation; ours has one range per message start line.
      return found && found.some((r) => r.start === positionOf(document, 'SIP/2.0 405', 0).line) ? found : undefined;
    }, 'folding ranges for every message');
    for (const start of ['INVITE sip:', 'SIP/2.0 180', 'SIP/2.0 200', 'ACK sip:', 'SUBSCRIBE sip:']) {
      const line = positionOf(document, start, 0).line;
      assert.ok(ranges.some((r) => r.start === line && r.end > line), `a range starts at the ${start} line`);
    }
    const blank = positionOf(document, '\r\n\r\nv=0', 2).line;
    assert.ok(ranges.some((r) => r.start === blank && r.end === positionOf(document, 'm=audio', 0).line), 'the SDP body folds');
  });

  for (const name of ['detect.log', 'detect.txt']) {
    test(`recognises a trace saved as ${path.extname(name)} by its first line`, async () => {
      const uri = fixture(name);
      await open(uri);
      const languageId = await poll(() => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        return document?.languageId === 'sip' ? document.languageId : undefined;
      }, `${name} to become a sip document`);
      assert.strictEqual(languageId, 'sip');
      await diagnosticsWhen(uri, (ds) => ds.some(isMissingAllow), `diagnostics for ${name}`);
    });
  }
});
