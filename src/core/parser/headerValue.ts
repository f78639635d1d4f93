/**
 * Splits a header's raw value into elements (top-level commas of list headers), each into its
 * main part and `;` header parameters. Works on the message content by offsets, so every token
 * keeps an exact span even when the value was folded over several lines; only token *texts*
 * have folds collapsed.
 */
import type { HeaderValue, Param, Token } from '../model';
import {
  BACKSLASH,
  COMMA,
  DQUOTE,
  EQUAL,
  LAQUOT,
  LPAREN,
  RPAREN,
  SEMI,
  collapseFolding,
  isLws,
} from './chars';
import { SHAPE_COMMENTS, SHAPE_LIST, SHAPE_PLAIN } from './headerKinds';

const NO_PARAMS: readonly Param[] = [];
const NO_VALUES: readonly HeaderValue[] = [];

/** Makes a token over `[start, end)` of `content`; `folded` says whether the text may hold folds. */
export function makeToken(content: string, start: number, end: number, folded: boolean): Token {
  const raw = content.slice(start, end);
  return { text: folded ? collapseFolding(raw) : raw, span: { start, end } };
}

function trimStart(content: string, start: number, end: number): number {
  while (start < end && isLws(content.charCodeAt(start))) {
    start++;
  }
  return start;
}

function trimEnd(content: string, start: number, end: number): number {
  while (end > start && isLws(content.charCodeAt(end - 1))) {
    end--;
  }
  return end;
}

/** Index just after the quoted string opening at `i` (or `end` if it never closes). */
export function skipQuoted(content: string, i: number, end: number): number {
  i++;
  while (i < end) {
    const c = content.charCodeAt(i);
    if (c === BACKSLASH) {
      i += 2;
    } else if (c === DQUOTE) {
      return i + 1;
    } else {
      i++;
    }
  }
  return end;
}

/** Chars that stop the scan of {@link findTopLevel}: separators and openers of nested parts. */
const SPECIAL = new Uint8Array(128);
for (const c of [SEMI, COMMA, DQUOTE, LAQUOT, LPAREN]) {
  SPECIAL[c] = 1;
}

/**
 * `content.indexOf(char, from)` remembered per char: values are split one header after another,
 * and the next `;` or `"` after one header is usually the answer for the next header too, so the
 * message is scanned about once per char instead of once per header.
 */
class NextIndex {
  private content = '';
  private from = 0;
  private at = -1;

  constructor(private readonly char: string) {}

  of(content: string, i: number): number {
    if (content === this.content && i >= this.from && (this.at < 0 || i <= this.at)) {
      return this.at;
    }
    this.content = content;
    this.from = i;
    this.at = content.indexOf(this.char, i);
    return this.at;
  }
}

const NEXT: Record<number, NextIndex> = {
  [SEMI]: new NextIndex(';'),
  [COMMA]: new NextIndex(','),
};
const NEXT_QUOTE = new NextIndex('"');
const NEXT_ANGLE = new NextIndex('<');
const NEXT_PAREN = new NextIndex('(');

/** `at` if it lies in `[i, end)`, else `end`. */
function within(at: number, end: number): number {
  return at < 0 || at > end ? end : at;
}

/**
 * Index of the first `stop` char (`;` or `,`) in `[i, end)` that is outside quoted strings and
 * `<...>` (and outside `( ... )` comments when `comments`), or `end`.
 */
function findTopLevel(content: string, i: number, end: number, stop: number, comments: boolean): number {
  // Fast path: no stop char at all, or none of the openers that could hide it comes first.
  const s = within(NEXT[stop].of(content, i), end);
  if (s === end) {
    return end;
  }
  const opener = Math.min(
    within(NEXT_QUOTE.of(content, i), end),
    within(NEXT_ANGLE.of(content, i), end),
    comments ? within(NEXT_PAREN.of(content, i), end) : end,
  );
  if (opener > s) {
    return s;
  }
  i = opener;
  while (i < end) {
    const c = content.charCodeAt(i);
    if (c >= 128 || SPECIAL[c] === 0) {
      i++;
    } else if (c === stop) {
      return i;
    } else if (c === DQUOTE) {
      i = skipQuoted(content, i, end);
    } else if (c === LAQUOT) {
      // A URI cannot hold a raw `>`, so the first one closes it; indexOf jumps over the URI.
      const gt = content.indexOf('>', i + 1);
      i = gt < 0 || gt >= end ? end : gt + 1;
    } else if (comments && c === LPAREN) {
      let depth = 1;
      i++;
      while (i < end && depth > 0) {
        const d = content.charCodeAt(i);
        if (d === BACKSLASH) {
          i++;
        } else if (d === LPAREN) {
          depth++;
        } else if (d === RPAREN) {
          depth--;
        }
        i++;
      }
    } else {
      i++;
    }
  }
  return end;
}

function findPlain(content: string, i: number, end: number, stop: number): number {
  const at = content.indexOf(String.fromCharCode(stop), i);
  return at < 0 || at > end ? end : at;
}

/**
 * Parses `;name=value` parameters starting at the `;` at `i`, up to `end`. Empty parameters
 * (`;;`) yield nothing: the URI/Via validators report them.
 */
export function parseParams(content: string, i: number, end: number, folded: boolean): Param[] {
  const params: Param[] = [];
  while (i < end) {
    // content[i] is ';'
    const ns = trimStart(content, i + 1, end);
    let j = ns;
    while (j < end) {
      const c = content.charCodeAt(j);
      if (c === EQUAL || c === SEMI) {
        break;
      }
      j++;
    }
    const ne = trimEnd(content, ns, j);
    if (j < end && content.charCodeAt(j) === EQUAL) {
      const vs = trimStart(content, j + 1, end);
      let k = vs;
      while (k < end) {
        const c = content.charCodeAt(k);
        if (c === SEMI) {
          break;
        }
        k = c === DQUOTE ? skipQuoted(content, k, end) : k + 1;
      }
      const ve = trimEnd(content, vs, k);
      params.push({
        name: makeToken(content, ns, ne, folded),
        value: makeToken(content, vs, ve, folded),
        span: { start: ns, end: ve },
      });
      i = k;
    } else {
      if (ne > ns) {
        params.push({ name: makeToken(content, ns, ne, folded), span: { start: ns, end: ne } });
      }
      i = j;
    }
  }
  return params;
}

function makeElement(
  content: string,
  start: number,
  end: number,
  plain: boolean,
  comments: boolean,
  folded: boolean,
  wholeValue: Token | undefined,
): HeaderValue {
  const s = trimStart(content, start, end);
  const e = trimEnd(content, s, end);
  const whole = wholeValue ?? makeToken(content, s, e, folded);
  if (plain) {
    return { text: whole.text, span: whole.span, main: whole, params: NO_PARAMS };
  }
  const semi = findTopLevel(content, s, e, SEMI, comments);
  if (semi === e) {
    return { text: whole.text, span: whole.span, main: whole, params: NO_PARAMS };
  }
  const main = makeToken(content, s, trimEnd(content, s, semi), folded);
  return { text: whole.text, span: whole.span, main, params: parseParams(content, semi, e, folded) };
}

/**
 * The elements of the header value `value` (already trimmed; its span indexes `content`), for a
 * header of split `shape` ({@link headerShape} flags). An empty value has no elements; an empty
 * list element (`a,,b`) is kept as an empty element so a rule can point at it.
 */
export function splitHeaderValue(content: string, value: Token, shape: number, folded: boolean): readonly HeaderValue[] {
  const start = value.span.start;
  const end = value.span.end;
  if (start >= end) {
    return NO_VALUES;
  }
  const plain = (shape & SHAPE_PLAIN) !== 0;
  const comments = (shape & SHAPE_COMMENTS) !== 0;
  if ((shape & SHAPE_LIST) === 0) {
    // The common case (Call-ID, CSeq, From...): one element, sharing the value's token.
    if (plain) {
      return [{ text: value.text, span: value.span, main: value, params: NO_PARAMS }];
    }
    const semi = findTopLevel(content, start, end, SEMI, comments);
    if (semi === end) {
      return [{ text: value.text, span: value.span, main: value, params: NO_PARAMS }];
    }
    const main = makeToken(content, start, trimEnd(content, start, semi), folded);
    return [{ text: value.text, span: value.span, main, params: parseParams(content, semi, end, folded) }];
  }
  const values: HeaderValue[] = [];
  let i = start;
  for (;;) {
    const comma = plain ? findPlain(content, i, end, COMMA) : findTopLevel(content, i, end, COMMA, comments);
    if (i === start && comma === end) {
      // A list with one element: the element is the whole value.
      values.push(makeElement(content, start, end, plain, comments, folded, value));
      break;
    }
    values.push(makeElement(content, i, comma, plain, comments, folded, undefined));
    if (comma >= end) {
      break;
    }
    i = comma + 1;
  }
  return values;
}
