/**
 * A small, strict TextMate/VS Code snippet expander for tests: expands a snippet body with its
 * defaults, the way VS Code inserts it before the user types anything.
 *
 * Grammar (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar):
 *   $n | ${n} | ${n:placeholder} | ${n|a,b|} | $VAR | ${VAR} | ${VAR:default}, placeholders nest,
 *   `\` escapes `$`, `}` and `\` (and `,` `|` inside a choice).
 * A tab stop repeated without a default mirrors the first default given for that number.
 * Unknown variables throw (VS Code would insert the name as a placeholder: never what we want).
 */

/** Values for the variables the project's snippets may use; fixed so tests are repeatable. */
export interface SnippetVariables {
  readonly [name: string]: string;
}

export const DEFAULT_VARIABLES: SnippetVariables = {
  RANDOM: '482913',
  RANDOM_HEX: '9f3a2c',
  UUID: '6f1c2e9a-4b7d-4c1e-9a55-0d2f3b8e7c10',
};

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** Parses until `}` (inside a placeholder) or the end. */
  parse(inside: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) {
        nodes.push({ kind: 'text', value: text });
        text = '';
      }
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] ?? '';
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
          continue;
        }
        text += c;
        this.pos++;
        continue;
      }
      if (c === '}' && inside) {
        flush();
        return nodes;
      }
      if (c === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += c;
      this.pos++;
    }
    if (inside) {
      throw new Error(`unterminated placeholder in ${JSON.stringify(this.src)}`);
    }
    flush();
    return nodes;
  }

  private parseDollar(): Node | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1] ?? '' };
    }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const options: string[] = [];
      let current = '';
      for (;;) {
        const c = this.src[this.pos];
        if (c === undefined) {
          throw new Error('unterminated choice');
        }
        if (c === '\\' && /[,|\\$}]/.test(this.src[this.pos + 1] ?? '')) {
          current += this.src[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          options.push(current);
          current = '';
          this.pos++;
        } else if (c === '|' && this.src[this.pos + 1] === '}') {
          options.push(current);
          this.pos += 2;
          return { kind: 'choice', index: Number(m[1]), options };
        } else {
          current += c;
          this.pos++;
        }
      }
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const children = this.parse(true);
      this.pos++; // the closing brace
      return { kind: 'tabstop', index: Number(m[1]), children };
    }
    m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::|\})/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      if (m[0].endsWith('}')) {
        return { kind: 'variable', name: m[1] ?? '' };
      }
      const children = this.parse(true);
      this.pos++;
      return { kind: 'variable', name: m[1] ?? '', children };
    }
    return undefined;
  }
}

export interface Expansion {
  /** The inserted text. */
  readonly text: string;
  /** Offset of the final cursor ($0), or the end when the snippet has none. */
  readonly finalCursor: number;
  /** Tab stop numbers in the order they appear. */
  readonly tabStops: readonly number[];
}

/** Expands a snippet body (an array of lines, joined with `\n`, or one string) with its defaults. */
export function expandSnippet(body: string | readonly string[], variables: SnippetVariables = DEFAULT_VARIABLES): Expansion {
  const source = typeof body === 'string' ? body : body.join('\n');
  const nodes = new Parser(source).parse(false);
  const defaults = new Map<number, string>();
  const tabStops: number[] = [];
  let finalCursor = -1;

  // First pass: the default of each tab stop (the first occurrence that has one).
  const collect = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind === 'tabstop' && n.children) {
        if (!defaults.has(n.index)) {
          defaults.set(n.index, render(n.children, false));
        }
        collect(n.children);
      } else if (n.kind === 'choice' && !defaults.has(n.index)) {
        defaults.set(n.index, n.options[0] ?? '');
      } else if (n.kind === 'variable' && n.children) {
        collect(n.children);
      }
    }
  };
  const render = (list: Node[], top: boolean, offset = 0): string => {
    let out = '';
    for (const n of list) {
      if (n.kind === 'text') {
        out += n.value;
      } else if (n.kind === 'variable') {
        const value = variables[n.name];
        if (value === undefined) {
          if (!n.children) {
            throw new Error(`unknown snippet variable $${n.name}`);
          }
          out += render(n.children, top, offset + out.length);
        } else {
          out += value;
        }
      } else {
        if (top) {
          tabStops.push(n.index);
          if (n.index === 0) {
            finalCursor = offset + out.length;
          }
        }
        if (n.kind === 'choice') {
          out += n.options[0] ?? '';
        } else if (n.children) {
          out += render(n.children, top, offset + out.length);
        } else {
          out += defaults.get(n.index) ?? '';
        }
      }
    }
    return out;
  };
  collect(nodes);
  const text = render(nodes, true);
  return { text, finalCursor: finalCursor < 0 ? text.length : finalCursor, tabStops };
}
