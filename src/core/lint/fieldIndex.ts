/**
 * The header fields of the message being linted, read in place from the parser's offset form
 * ({@link headerFieldTable}) and indexed by key once per message.
 *
 * A first lint reads every field of every message once. Building a Header object (and a list
 * per key) for each of a trace's million fields was most of a first lint's time and garbage, so
 * rules read keys and value offsets here, and a Header object is built only for the few fields
 * a rule asks for as an object (to read its split `values`, or because a finding is reported).
 * One index serves every message of a lint: `reset` re-fills it, reusing its per-key slots.
 */
import type { Header, ParsedMessage } from '../model';
import { FIELD_SLOTS, headerFieldTable, transientHeaderAt } from '../parser';
import { firstElementParam, paramInRaw, RAW_LINE_BREAK } from './sipText';
import type { HeaderLookup } from './sipText';

/** Where a key's fields are in the message being indexed; re-used across messages. */
interface KeySlot {
  /** The message (generation) this slot's fields belong to; stale slots read as absent. */
  generation: number;
  /** The field numbers with this key, in message order (only the first `count` are valid). */
  readonly fields: number[];
  count: number;
  /** The Header objects of those fields, once asked for (for `generation`). */
  list: readonly Header[] | undefined;
}

/** Hostile input with thousands of distinct header names must not grow the index for ever. */
const MAX_SLOTS = 512;

export class FieldIndex implements HeaderLookup {
  private readonly slots = new Map<string, KeySlot>();
  private generation = 0;
  private readonly repeated: string[] = [];
  private parsed: ParsedMessage | undefined;
  /** The message content the offsets point into ('' for a parse without offsets). */
  content = '';
  /** Number of header fields of the message. */
  count = 0;
  /** Lower-case canonical key of each field. */
  private readonly keys: string[] = [];
  /** The parser's field offsets ({@link FIELD_SLOTS} per field), or built from Header objects. */
  private offsets: readonly number[] = [];
  /** Header objects of the fields, built on demand (index = field number, for `builtFor`). */
  private readonly built: (Header | undefined)[] = [];
  private builtFor = -1;
  private all: readonly Header[] | undefined;

  /**
   * Indexes the fields of `parsed`, whose spans point into `content` (the message content it
   * was parsed from).
   */
  reset(parsed: ParsedMessage, content: string): void {
    this.generation++;
    this.repeated.length = 0;
    this.all = undefined;
    this.parsed = parsed;
    if (this.slots.size > MAX_SLOTS) {
      this.slots.clear();
    }
    const table = headerFieldTable(parsed);
    const keys = this.keys;
    let count: number;
    if (table !== undefined) {
      this.content = table.content;
      this.offsets = table.fields;
      const names = table.names;
      count = names.length;
      for (let i = 0; i < count; i++) {
        keys[i] = names[i].resolved.key;
      }
    } else {
      // A parse that did not come from parseMessage (tests, hand-made models): its Header
      // objects give the same offsets.
      const headers = parsed.headers;
      const offsets: number[] = [];
      count = headers.length;
      for (let i = 0; i < count; i++) {
        const h = headers[i];
        keys[i] = h.key;
        offsets.push(h.span.start, h.value.span.start, h.value.span.end, h.span.end);
      }
      this.content = content;
      this.offsets = offsets;
      this.all = headers;
    }
    this.count = count;
    const generation = this.generation;
    for (let i = 0; i < count; i++) {
      const key = keys[i];
      const slot = this.slots.get(key);
      if (slot === undefined) {
        this.slots.set(key, { generation, fields: [i], count: 1, list: undefined });
      } else if (slot.generation !== generation) {
        slot.generation = generation;
        slot.fields[0] = i;
        slot.count = 1;
        slot.list = undefined;
      } else {
        if (slot.count === 1) {
          this.repeated.push(key);
        }
        slot.fields[slot.count++] = i;
      }
    }
  }

  /** Lower-case canonical key of field `i`. */
  key(i: number): string {
    return this.keys[i];
  }

  /** Offset of field `i`'s value (after the colon and leading whitespace). */
  valueStart(i: number): number {
    return this.offsets[i * FIELD_SLOTS + 1];
  }

  /** Offset just past field `i`'s value (trailing whitespace excluded). */
  valueEnd(i: number): number {
    return this.offsets[i * FIELD_SLOTS + 2];
  }

  /** Whether field `i` continues over several lines (its raw value holds line breaks). */
  folded(i: number): boolean {
    return this.offsets[i * FIELD_SLOTS + 3] < 0 || this.all !== undefined;
  }

  /** `value.text` of field `i`: a slice of the content unless the value is folded. */
  valueText(i: number): string {
    if (this.folded(i)) {
      return this.header(i).value.text;
    }
    return this.content.slice(this.offsets[i * FIELD_SLOTS + 1], this.offsets[i * FIELD_SLOTS + 2]);
  }

  /**
   * A parameter of field `i`'s first element (`branch` of a Via, `tag` of From/To): its value
   * ('' for a flag) or undefined when absent; `name` is lower case. Read in place, without a
   * copy of the value, unless the value is folded.
   */
  param(i: number, name: string): string | undefined {
    if (!this.folded(i)) {
      const found = paramInRaw(this.content, this.offsets[i * FIELD_SLOTS + 1], this.offsets[i * FIELD_SLOTS + 2], name);
      if (found !== RAW_LINE_BREAK) {
        return found;
      }
    }
    return firstElementParam(this.valueText(i), name);
  }

  /** The first field with `key`, or -1. */
  first(key: string): number {
    const slot = this.slots.get(key);
    return slot !== undefined && slot.generation === this.generation ? slot.fields[0] : -1;
  }

  /** The `k`th field (from 0) with `key`; only for `k < countOf(key)`. */
  nth(key: string, k: number): number {
    return (this.slots.get(key) as KeySlot).fields[k];
  }

  /** Whether field `i`'s value is empty or only whitespace (read in place). */
  isBlankValue(i: number): boolean {
    const content = this.folded(i) ? this.valueText(i) : this.content;
    const start = this.folded(i) ? 0 : this.valueStart(i);
    const end = this.folded(i) ? content.length : this.valueEnd(i);
    for (let k = start; k < end; k++) {
      const c = content.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 10) {
        return false;
      }
    }
    return true;
  }

  /** How many fields have `key`. */
  countOf(key: string): number {
    const slot = this.slots.get(key);
    return slot !== undefined && slot.generation === this.generation ? slot.count : 0;
  }

  /** Field `i` as a Header object (built once per message, not kept with the parse). */
  header(i: number): Header {
    if (this.all !== undefined) {
      return this.all[i];
    }
    if (this.builtFor !== this.generation) {
      this.builtFor = this.generation;
      this.built.length = 0;
    }
    let h = this.built[i];
    if (h === undefined) {
      h = transientHeaderAt(this.parsed as ParsedMessage, i);
      this.built[i] = h;
    }
    return h;
  }

  /** Every field as a Header object, in message order. */
  headers(): readonly Header[] {
    if (this.all === undefined) {
      const out: Header[] = new Array<Header>(this.count);
      for (let i = 0; i < this.count; i++) {
        out[i] = this.header(i);
      }
      this.all = out;
    }
    return this.all;
  }

  get(key: string): readonly Header[] | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined || slot.generation !== this.generation) {
      return undefined;
    }
    if (slot.list === undefined) {
      const list: Header[] = new Array<Header>(slot.count);
      for (let k = 0; k < slot.count; k++) {
        list[k] = this.header(slot.fields[k]);
      }
      slot.list = list;
    }
    return slot.list;
  }

  has(key: string): boolean {
    const slot = this.slots.get(key);
    return slot !== undefined && slot.generation === this.generation;
  }

  repeatedKeys(): readonly string[] {
    return this.repeated;
  }

  /** Drops every reference to the last message, so a finished lint does not keep its trace alive. */
  clear(): void {
    this.generation++;
    this.repeated.length = 0;
    this.parsed = undefined;
    this.content = '';
    this.offsets = [];
    this.keys.length = 0;
    this.built.length = 0;
    this.all = undefined;
    for (const slot of this.slots.values()) {
      slot.list = undefined;
    }
  }
}
