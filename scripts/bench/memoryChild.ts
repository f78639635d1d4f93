/**
 * Child process of the memory measurement (run by memory.ts, one mode per process so each peak
 * is its own): reads a trace file the way the CLI does (`readFileSync` as UTF-8) and then
 *   read    does nothing more (the floor: file bytes + decoded string),
 *   reader  runs readTrace only and holds its segments (what the reader alone costs),
 *   stream  reads it with iterateTrace and parses every segment, dropping segment and parse,
 *   retain  runs parseTrace and holds the whole Trace (what the language server keeps).
 * Prints one JSON line: peak resident set size and the RSS before reading, from /proc/self/status
 * (VmHWM, VmRSS). Not ru_maxrss: Linux carries the pre-exec peak of the forked parent into it, so
 * a child of a big bench process would report the parent's size.
 */
import * as fs from 'fs';
import { iterateTrace, readTrace } from '../../src/core/framing';
import { parseMessage } from '../../src/core/parser';
import { parseTrace } from '../../src/core/trace';

export interface MemoryChildResult {
  readonly mode: string;
  readonly fileBytes: number;
  readonly messages: number;
  readonly baselineRssBytes: number;
  readonly peakRssBytes: number;
}

/** A `kB` field of /proc/self/status in bytes (NaN where there is no /proc). */
function procStatus(field: 'VmHWM' | 'VmRSS'): number {
  try {
    const m = new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function main(): void {
  const [file, mode] = process.argv.slice(2);
  const baselineRssBytes = procStatus('VmRSS');
  let text: string | undefined = fs.readFileSync(file, 'utf8');
  let messages = 0;
  if (mode === 'reader') {
    const read = readTrace(text);
    messages = read.segments.length;
    retained = read;
  } else if (mode === 'stream') {
    for (const segment of iterateTrace(text)) {
      // The parse is dropped at once: only its problem count survives the iteration.
      messages += parseMessage(segment.content).problems.length >= 0 ? 1 : 0;
    }
  } else if (mode === 'retain') {
    const trace = parseTrace(text);
    messages = trace.messages.length;
    text = undefined;
    // Hold the trace until the peak is read, as a server holding it would.
    retained = trace;
  } else if (mode !== 'read') {
    throw new Error(`unknown mode ${mode}`);
  }
  const result: MemoryChildResult = {
    mode,
    fileBytes: fs.statSync(file).size,
    messages,
    baselineRssBytes,
    peakRssBytes: procStatus('VmHWM'),
  };
  process.stdout.write(JSON.stringify({ ...result, held: retained !== undefined || text !== undefined }) + '\n');
}

let retained: unknown;
main();
