import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite } from '../../../tests/support/db.js';
import type { TestDb } from '../../../tests/support/db.js';
import { makeApp } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';

/** Every "$ref" in a JSON value. */
function refs(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) refs(x, out);
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') out.push(x);
      else refs(x, out);
    }
  return out;
}

describe('the OpenAPI document publishes the report exchange format', () => {
  let tdb: TestDb;
  let t: TestApp;
  beforeAll(async () => {
    tdb = await freshSqlite();
    t = await makeApp(tdb.db);
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('has ReportPackageV1 and ReportContentV1 as JSON Schema, and every $ref resolves', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      components: {
        schemas: Record<string, { type?: string; properties?: Record<string, unknown>; required?: string[] }>;
      };
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const schemas = doc.components.schemas;
    expect(schemas.ReportPackageV1?.required).toEqual(
      expect.arrayContaining(['format', 'version', 'packageId', 'sender', 'report', 'content', 'files']),
    );
    expect(schemas.ReportContentV1?.properties).toHaveProperty('documents');
    expect(schemas.ReportContentV1?.properties).toHaveProperty('targets');
    // The refs of the exchange's routes and schemas resolve (the whole document is validated in
    // src/http/contract.test.ts).
    const ours = Object.entries(doc.paths).filter(([p]) =>
      /^\/api\/(documents|trusted-roots|regulations|exchange)/.test(p),
    );
    const mine = [...ours.map(([, v]) => v), ...Object.values(schemas)];
    const found = refs(mine).filter((r) => !/\/schema\d+$/.test(r));
    expect(found.length).toBeGreaterThan(10);
    for (const ref of found) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
    expect(refs(ours.map(([, v]) => v)).filter((r) => /\/schema\d+$/.test(r))).toEqual([]);
    // The download route points at the package schema.
    const download = doc.paths['/api/exchange/reports/{unitId}/{period}/package.json']!.get!.responses['200'];
    expect(JSON.stringify(download)).toContain('#/components/schemas/ReportPackageV1');
    // Every route of this issue declares its response.
    for (const [path, methods] of Object.entries(doc.paths))
      if (/^\/api\/(documents|trusted-roots|regulations|exchange)/.test(path))
        for (const [method, op] of Object.entries(methods))
          expect(op.responses['200'], `${method} ${path}`).toBeDefined();
  });
});
