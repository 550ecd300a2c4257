import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs `cchc ARGS` as a user would (bin/cchc.js: the compiled CLI when built, else the sources
 * through tsx), without the demo and with logs off; never throws, returns the exit code and output.
 */
export async function cchc(args: string[], env: NodeJS.ProcessEnv) {
  const root = process.cwd();
  try {
    const r = await run(process.execPath, [path.join(root, 'bin', 'cchc.js'), ...args], {
      cwd: root,
      env: { ...process.env, ...env, CCHC_DEMO: '0', LOG_LEVEL: 'silent' },
      maxBuffer: 256 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
