import * as fs from 'fs';
import * as path from 'path';

/**
 * The package version, read from the package.json above this file at run time. Walking up works
 * from the bundle (dist/server.js) and from the compiled tree (out/src/server/main.js) alike.
 */
export function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    try {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (json.name === 'sip-trace' && typeof json.version === 'string') {
        return json.version;
      }
    } catch {
      // No package.json at this level: keep walking up.
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}
