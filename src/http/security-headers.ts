import type { ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { HelmetOptions } from 'helmet';

/**
 * The security headers helmet sets, computed once. They depend only on the options (no nonce), so
 * every response gets the same object: helmet run as a middleware on each request cost half the
 * throughput of a small public route (docs/benchmarks.md, ADR 007).
 */
export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers = new Map<string, string>();
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
      return this;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
    getHeader: (name: string) => headers.get(name.toLowerCase()),
  };
  let failure: unknown = null;
  helmet(options)({} as never, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) failure = err;
  });
  if (failure) throw failure instanceof Error ? failure : new Error('helmet: invalid options');
  return Object.freeze(Object.fromEntries(headers));
}
