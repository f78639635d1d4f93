/**
 * Child of profile.ts, run under `node --cpu-prof`: reads the trace and runs our streaming reader
 * (iterateTrace) and parser over it a few times (the first run warms the JIT, as in the bench).
 */
import * as fs from 'fs';
import { iterateTrace } from '../../src/core/framing';
import { parseMessage } from '../../src/core/parser';

const text = fs.readFileSync(process.argv[2], 'utf8');
let parsed = 0;
for (let run = 0; run < 4; run++) {
  for (const segment of iterateTrace(text)) {
    parsed += parseMessage(segment.content).headers.length > 0 ? 1 : 0;
  }
}
process.stdout.write(`${parsed}\n`);
