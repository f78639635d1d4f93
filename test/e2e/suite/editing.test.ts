// Editing a trace in a real VS Code: the snippets, "SIP: Compose Response..." (driven through its
// argument, which skips the QuickPick), the response completion items after a request, and the
// language configuration (auto-closing brackets, the word pattern). Every edit happens in an
// untitled copy of the fixture, so the fixture on disk never changes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { poll } from './poll';

const COMMAND = 'sipTrace.composeResponse';

async function fixtureText(name: string): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixtures folder is open');
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'editing', name));
  return Buffer.from(bytes).toString('utf8');
}

/** An untitled `sip` document with `content`, shown in an editor. */
async function openSip(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'sip', content });
  return vscode.window.showTextDocument(document);
}

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function commandRegistered(): Promise<true | undefined> {
  const all = await vscode.commands.getCommands(true);
  return all.includes(COMMAND) ? true : undefined;
}

suite('editing', () => {
  suiteSetup(async () => {
    // Opening a sip document activates the extension.
    await openSip(await fixtureText('invite.sip'));
  });

  test('offers the request and response snippets in a sip document', async () => {
    const editor = await openSip('');
    const items = await poll(async () => {
      const found = await completions(editor.document, new vscode.Position(0, 0));
      return found.some((i) => i.kind === vscode.CompletionItemKind.Snippet) ? found : undefined;
    }, 'snippet completions');
    const labels = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    for (const wanted of ['INVITE', 'REGISTER', 'BYE', '200 OK', '405 Method Not Allowed', '487 Request Terminated']) {
      assert.ok(labels.includes(wanted), `no snippet "${wanted}" among ${labels.length} snippet items`);
    }
  });

  test('composes a 405 after the request under the cursor', async () => {
    await poll(commandRegistered, `${COMMAND} to be registered`);
    const editor = await openSip(await fixtureText('invite.sip'));
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    const applied = await vscode.commands.executeCommand<boolean>(COMMAND, { status: 405 });
    assert.strictEqual(applied, true);
    const text = editor.document.getText();
    const at = text.indexOf('SIP/2.0 405 Method Not Allowed\r\n');
    assert.ok(at > text.indexOf('Content-Length: 0'), text);
    const response = text.slice(at);
    assert.match(response, /^Allow: (?!.*INVITE).*OPTIONS/m);
    assert.match(response, /^To: Bob <sip:bob@biloxi\.example\.com>;tag=\w+\r$/m);
    assert.match(response, /^CSeq: 314159 INVITE\r$/m);
    assert.ok(text.slice(0, at).endsWith('\r\n\r\n'), 'one blank line separates request and response');
  });

  test('offers "Response 200 OK" on the empty line after a request, and it inserts the response', async () => {
    await poll(commandRegistered, `${COMMAND} to be registered (with the completion provider)`);
    const editor = await openSip(await fixtureText('invite.sip'));
    const last = new vscode.Position(editor.document.lineCount - 1, 0);
    const items = await completions(editor.document, last);
    const ok = items.find((i) => labelOf(i) === 'Response 200 OK');
    assert.ok(ok, `no "Response 200 OK" among ${items.map(labelOf).slice(0, 10).join(', ')}...`);
    assert.ok(items.some((i) => labelOf(i) === 'Response 486 Busy Here'));
    assert.strictEqual(typeof ok.insertText, 'string');
    await editor.edit((b) => b.insert(last, ok.insertText as string));
    const text = editor.document.getText();
    assert.match(text, /\r\n\r\nSIP\/2\.0 200 OK\r\n(?:.*\r\n)*Contact: <sip:bob@biloxi\.example\.com>\r\n/);
  });

  test('offers no response items on a header line', async () => {
    const editor = await openSip(await fixtureText('invite.sip'));
    const items = await completions(editor.document, new vscode.Position(2, 0));
    assert.ok(!items.some((i) => labelOf(i).startsWith('Response ')));
  });

  test('auto-closes < and keeps a branch, a Call-ID and a URI whole as words', async () => {
    const editor = await openSip('Contact: ');
    editor.selection = new vscode.Selection(0, 9, 0, 9);
    await vscode.commands.executeCommand('type', { text: '<' });
    assert.strictEqual(editor.document.lineAt(0).text, 'Contact: <>');

    const sample = await openSip(await fixtureText('invite.sip'));
    const doc = sample.document;
    const wordAt = (line: number, needle: string): string => {
      const character = doc.lineAt(line).text.indexOf(needle) + 2;
      const range = doc.getWordRangeAtPosition(new vscode.Position(line, character));
      return range ? doc.getText(range) : '';
    };
    assert.strictEqual(wordAt(1, 'z9hG4bK'), 'z9hG4bK776asdhds');
    assert.strictEqual(wordAt(5, 'a84b'), 'a84b4c76e66710@pc33.atlanta.example.com');
    assert.strictEqual(wordAt(0, 'bob'), 'sip:bob@biloxi.example.com');
  });
});
