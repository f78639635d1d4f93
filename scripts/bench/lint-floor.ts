/**
 * The floor of any lint that checks what the lint issue asks for: the per-message work that no
 * design of the linter can skip, and nothing else. It makes no check and reports nothing; the
 * bench times it beside the real lint so that the lint goal ("lint adds at most 50% to the parse
 * time") can be read against what is possible at all.
 *
 * Per message, and each step as cheap as this file knows how to make it:
 * - which header fields are present (for `missing-header`), by the identity of the parser's
 *   shared name records: no string is compared;
 * - the top Via's branch, found with one native search, as the transaction key (for the trace
 *   rules: a response matched to its request, retransmissions, unanswered transactions). The
 *   Call-ID is not read: RFC 3261 §8.1.1.7 makes the branch unique on its own;
 * - the transactions: one Map from branch to message indexes;
 * - one native regex test over the whole message for a control char or a non-ASCII char: the
 *   least that `malformed-header` (illegal characters in a value) and `content-length-mismatch`
 *   (the body's length in octets, not UTF-16 units) need to know.
 *
 * The parse it is compared with never reads a header value's chars (lines are found by native
 * searches), so these steps are new work, not a second look at what the parser already read.
 */
import type { KnownName } from '../../src/core/parser';
import { FIELD_SLOTS, headerFieldTable } from '../../src/core/parser';
import type { Trace } from '../../src/core/model';

/** What the floor found, so that its work is used (and tested). */
export interface LintFloorCounts {
  /** Distinct top-Via branches (messages without one share the empty key). */
  readonly transactions: number;
  /** Messages holding a control char other than CR, LF and HTAB, or a non-ASCII char. */
  readonly unusualChars: number;
  /** Distinct sets of present header names (as bits of a small id per name record). */
  readonly headerSets: number;
}

/** A control char other than HTAB, LF and CR, DEL, or any char above ASCII. */
const UNUSUAL_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\uffff]/;

const BRANCH = ';branch=';

interface NameBit {
  readonly mask: number;
  readonly via: boolean;
}

/** Runs the floor's steps over every message of `trace`. */
export function lintFloor(trace: Trace): LintFloorCounts {
  // A presence bit per name record (the parser shares one record per spelling). Past 32
  // spellings bits are shared, which costs a floor nothing: a wrong bit is set as fast.
  const bits = new Map<KnownName, NameBit>();
  const transactions = new Map<string, number[]>();
  const headerSets = new Set<number>();
  let unusualChars = 0;
  for (const m of trace.messages) {
    const table = headerFieldTable(m.parsed);
    if (table === undefined) {
      continue;
    }
    const { content, fields, names } = table;
    let present = 0;
    let branch = '';
    let branchRead = false;
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      let bit = bits.get(name);
      if (bit === undefined) {
        bit = { mask: 1 << (bits.size & 31), via: name.resolved.key === 'via' };
        bits.set(name, bit);
      }
      present |= bit.mask;
      if (!branchRead && bit.via) {
        branchRead = true;
        const valueStart = fields[i * FIELD_SLOTS + 1];
        const valueEnd = fields[i * FIELD_SLOTS + 2];
        const at = content.indexOf(BRANCH, valueStart);
        if (at >= 0 && at < valueEnd) {
          let end = content.indexOf(';', at + BRANCH.length);
          if (end < 0 || end > valueEnd) {
            end = valueEnd;
          }
          branch = content.slice(at + BRANCH.length, end);
        }
      }
    }
    headerSets.add(present);
    if (UNUSUAL_CHAR.test(content)) {
      unusualChars++;
    }
    const group = transactions.get(branch);
    if (group === undefined) {
      transactions.set(branch, [m.index]);
    } else {
      group.push(m.index);
    }
  }
  return { transactions: transactions.size, unusualChars, headerSets: headerSets.size };
}
