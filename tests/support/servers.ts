import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  base: string;
  proc: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Environment of a server or CLI child process: quiet, no demo, no reminder timer. */
export function childEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    CCHC_DEMO: '0',
    CCHC_REMINDER_INTERVAL_MINUTES: '0',
    CCHC_PUBLIC_RATE_LIMIT: '100000',
    CCHC_LOGIN_RATE_LIMIT: '100000',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/**
 * Starts `src/server.ts` (through tsx) as a child process on an ephemeral port and resolves once
 * it listens, with its base URL (read from fastify's "Server listening at" log line, or the
 * server's own start line when logs are quieter).
 */
export function startServer(
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  opts: { built?: boolean } = {},
): Promise<ServerProcess> {
  // The built server (npm run build) for benchmarks: no transpiler in the measured process.
  const entry = opts.built ? ['dist/src/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const proc = spawn(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    env: { PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server did not start:\n${out}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m =
        /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out) ??
        /cchc đang chạy tại http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout.off('data', onData);
        proc.stderr.off('data', onData);
        // Keep reading (and keep the last part for failures) so that the pipes never fill up.
        const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
        proc.stdout.on('data', keep);
        proc.stderr.on('data', keep);
        resolve({
          base: `http://127.0.0.1:${m[1]!}`,
          proc,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (proc.exitCode !== null) return done();
              proc.once('exit', () => done());
              proc.kill('SIGTERM');
            }),
        });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
}

/** A small HTTP client with a cookie, for clients of a server process. */
export async function call(
  base: string,
  method: string,
  url: string,
  opts: { cookie?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string; json: <T = unknown>() => T; setCookie: string | null }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body) body = new Uint8Array(opts.body);
  const res = await fetch(`${base}${url}`, { method, headers, body });
  const text = await res.text();
  return {
    status: res.status,
    body: text,
    json: <T>() => JSON.parse(text) as T,
    setCookie: res.headers.get('set-cookie'),
  };
}
