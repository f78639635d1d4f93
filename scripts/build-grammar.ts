/**
 * Compiles syntaxes/sip.grammar.ts (readable source with RegExp literals) into
 * syntaxes/sip.tmLanguage.json, the file VS Code loads. `npm run build:grammar`.
 * `--check` compares instead of writing and exits 1 when the committed JSON is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildGrammar } from '../syntaxes/sip.grammar';

/** The JSON text of the grammar, exactly as committed (2-space indent, final newline). */
export function compileGrammar(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

/** Walks up from `start` to the folder holding package.json (works from scripts/ and out/scripts/). */
export function findRepoRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'syntaxes'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no repository root above ${start}`);
    }
    dir = parent;
  }
  return dir;
}

/** Path of the compiled grammar in the repository. */
export function grammarJsonPath(root = findRepoRoot(__dirname)): string {
  return path.join(root, 'syntaxes', 'sip.tmLanguage.json');
}

function main(): void {
  const target = grammarJsonPath();
  const text = compileGrammar();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), target)} is stale: run npm run build:grammar`);
      process.exit(1);
    }
    console.log('grammar JSON is up to date');
    return;
  }
  fs.writeFileSync(target, text);
  console.log(`wrote ${path.relative(process.cwd(), target)} (${text.length} bytes)`);
}

if (require.main === module) {
  main();
}
