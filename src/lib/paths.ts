import fs from 'node:fs';
import path from 'node:path';

/**
 * The project root, found from this file whether it runs from source (src/lib) under tsx or
 * compiled (dist/src/lib).
 */
export function projectRoot(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const webDistDir = (): string => path.join(projectRoot(), 'dist', 'web');
