import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../../tests/support/app.js';
import type { TestApp } from '../../tests/support/app.js';
import { freshSqlite } from '../../tests/support/db.js';
import type { TestDb } from '../../tests/support/db.js';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: object } };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

describe('the published OpenAPI document is one contract', () => {
  let tdb: TestDb;
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    tdb = await freshSqlite();
    t = await makeApp(tdb.db);
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Document>();
  });
  afterAll(async () => {
    await t.app.close();
    await tdb.drop();
  });

  it('declares the response of every route', () => {
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(([m]) => METHODS.has(m))
        .map(([m, op]) => ({ name: `${m.toUpperCase()} ${p}`, op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    const without = operations
      .filter(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return !ok.some(([, r]) => Object.values(r.content ?? {}).some((c) => c.schema !== undefined));
      })
      .map((o) => o.name);
    expect(without).toEqual([]);
    expect(Object.keys(doc.components?.schemas ?? {})).toContain('Schedule');
  });

  it('passes a standard OpenAPI validator, every $ref resolving', async () => {
    // The validator dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('generates a TypeScript client that type-checks', async () => {
    const source = astToString(await openapiTS(structuredClone(doc) as never));
    expect(source).toContain('"/api/reports/units/{unitId}/periods/{period}"');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-openapi-'));
    try {
      const file = path.join(dir, 'api.d.ts');
      fs.writeFileSync(file, source);
      // A use of the generated types, so that a wrong shape would not type-check either.
      const use = path.join(dir, 'use.ts');
      fs.writeFileSync(
        use,
        [
          "import type { paths } from './api.js';",
          "type Me = paths['/api/auth/me']['get']['responses'][200]['content']['application/json'];",
          'export const name = (me: Me): string => me.user.fullName;',
        ].join('\n'),
      );
      const program = ts.createProgram([file, use], {
        strict: true,
        noEmit: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
        types: [],
      });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      expect(problems).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
