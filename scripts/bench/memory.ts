/**
 * Peak memory for a 100 MB trace: builds the file by repeating the bench input, then runs
 * memoryChild.js once per mode in a fresh node process and reads its peak RSS.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { MemoryChildResult } from './memoryChild';

/** What a memory child does after reading the file (see memoryChild.ts). */
export type MemoryMode = 'read' | 'reader' | 'stream' | 'retain';

export interface MemoryRow extends MemoryChildResult {
  /** Peak RSS divided by the file size. */
  readonly peakToFile: number;
  /** (Peak RSS minus the RSS of the idle node process) divided by the file size. */
  readonly netToFile: number;
}

/**
 * Writes `dest` with copies of `source` until it is at least `minBytes` long, unless a file of
 * at least that size is already there. Returns its size.
 */
export function buildLargeFile(source: string, dest: string, minBytes: number): number {
  if (fs.existsSync(dest) && fs.statSync(dest).size >= minBytes && fs.statSync(dest).mtimeMs >= fs.statSync(source).mtimeMs) {
    return fs.statSync(dest).size;
  }
  const chunk = fs.readFileSync(source);
  if (chunk.length === 0) {
    throw new Error(`${source} is empty`);
  }
  const fd = fs.openSync(dest, 'w');
  let size = 0;
  try {
    while (size < minBytes) {
      size += fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return size;
}

/** Runs one memory mode in a child node process; undefined plus a reason when it failed. */
export function measureMemory(file: string, mode: MemoryMode): MemoryRow | string {
  const child = path.join(__dirname, 'memoryChild.js');
  const r = spawnSync(process.execPath, [child, file, mode], { encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    return `memory child (${mode}) failed: status ${String(r.status)} ${r.signal ?? ''} ${r.stderr.slice(0, 400)}`;
  }
  const result = JSON.parse(r.stdout.trim()) as MemoryChildResult;
  return {
    ...result,
    peakToFile: result.peakRssBytes / result.fileBytes,
    netToFile: (result.peakRssBytes - result.baselineRssBytes) / result.fileBytes,
  };
}
