import http from 'node:http';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

/** What helmet itself sets on a real response, for the same options. */
async function viaServer(options: Parameters<typeof helmet>[0]): Promise<Record<string, string>> {
  const mw = helmet(options);
  const server = http.createServer((req, res) => mw(req, res, () => res.end('ok')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${port}/`);
  await res.text();
  server.close();
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k)) out[k] = v;
  });
  return out;
}

describe('security headers computed once', () => {
  it('are exactly the headers helmet sets on a response, with and without HSTS', async () => {
    for (const options of [
      {
        hsts: false,
        contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], objectSrc: ["'none'"] } },
      },
      { hsts: true },
    ]) {
      const computed = securityHeaders(options);
      expect(computed).toEqual(await viaServer(options));
      expect('strict-transport-security' in computed).toBe(options.hsts);
      expect(Object.isFrozen(computed)).toBe(true);
    }
  });
});
