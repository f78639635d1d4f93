/**
 * CPU profile of our reader + parser: runs profileChild.js under `node --cpu-prof` and sums the
 * profile by function (self time, and inclusive time counted once per sample even in recursion),
 * so the owners of src/core see where the time goes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Time spent in one function. */
export interface HotSpot {
  readonly name: string;
  readonly where: string;
  readonly selfPct: number;
  readonly totalPct: number;
}

function frameKey(frame: CallFrame, root: string): { name: string; where: string } {
  const name = frame.functionName.length > 0 ? frame.functionName : '(anonymous)';
  let where = frame.url.replace(/^file:\/\//, '');
  if (where.startsWith(root)) {
    where = path.relative(root, where);
  }
  return { name, where: where.length > 0 ? `${where}:${frame.lineNumber + 1}` : '' };
}

/**
 * Sums a .cpuprofile by function; returns them by self time, highest first. With `focus`, only
 * samples whose stack holds a function of that name count, and percentages are of those samples
 * (so `parseMessage` gives where the parser's own time goes). Percentages are of sampled time.
 */
export function summarizeProfile(profile: CpuProfile, root: string, focus?: string): HotSpot[] {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) {
      parent.set(child, node.id);
    }
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const label = new Map<string, { name: string; where: string }>();
  let all = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i] ?? 0;
    if (focus !== undefined && !stackHas(profile.samples[i], focus, byId, parent)) {
      continue;
    }
    all += dt;
    let id: number | undefined = profile.samples[i];
    const seen = new Set<string>();
    let first = true;
    while (id !== undefined) {
      const node = byId.get(id);
      if (!node) {
        break;
      }
      const k = frameKey(node.callFrame, root);
      const key = `${k.name} ${k.where}`;
      label.set(key, k);
      if (first) {
        self.set(key, (self.get(key) ?? 0) + dt);
        first = false;
      }
      if (!seen.has(key)) {
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
      id = parent.get(id);
    }
  }
  const spots: HotSpot[] = [];
  for (const [key, k] of label) {
    spots.push({ ...k, selfPct: (100 * (self.get(key) ?? 0)) / all, totalPct: (100 * (total.get(key) ?? 0)) / all });
  }
  return spots.sort((a, b) => b.selfPct - a.selfPct);
}

function stackHas(sample: number, name: string, byId: Map<number, ProfileNode>, parent: Map<number, number>): boolean {
  for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
    if (byId.get(id)?.callFrame.functionName === name) {
      return true;
    }
  }
  return false;
}

/** The hot spots of one profile run: overall, and focused on the reader and on the parser. */
export interface ProfileSummary {
  readonly overall: HotSpot[];
  readonly reader: HotSpot[];
  readonly parser: HotSpot[];
  /** Share of all sampled time spent in garbage collection (GC samples carry no JS stack). */
  readonly gcPct: number;
}

/** Profiles reader + parser on `file` in a child process; the hot spots, or why it failed. */
export function profileOurs(file: string, profDir: string, root: string): ProfileSummary | string {
  fs.rmSync(profDir, { recursive: true, force: true });
  fs.mkdirSync(profDir, { recursive: true });
  const child = path.join(__dirname, 'profileChild.js');
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, child, file], {
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (r.status !== 0) {
    return `profile child failed: status ${String(r.status)} ${r.stderr.slice(0, 400)}`;
  }
  const profFile = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (profFile === undefined) {
    return 'no .cpuprofile written';
  }
  const profile = JSON.parse(fs.readFileSync(path.join(profDir, profFile), 'utf8')) as CpuProfile;
  const overall = summarizeProfile(profile, root);
  return {
    overall,
    reader: summarizeProfile(profile, root, 'iterateTrace'),
    parser: summarizeProfile(profile, root, 'parseMessage'),
    gcPct: overall.find((h) => h.name === '(garbage collector)')?.selfPct ?? 0,
  };
}
