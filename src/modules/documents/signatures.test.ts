import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../tests/support/db.js';
import { appPerDb } from './app.test-support.js';
import { createUnit, multipartBody, userWithSession } from '../../../tests/support/app.js';
import type { TestApp } from '../../../tests/support/app.js';
import {
  certPem,
  makePdf,
  makeRoot,
  makeSigner,
  signPdf,
  tamper,
} from '../../../tests/support/pdf-signing.js';
import type { Party } from '../../../tests/support/pdf-signing.js';
import type { Clock } from '../../lib/clock.js';
import type { DocumentOut } from './schema.js';

let nowIso = '2026-06-15T09:00:00+07:00';
const clock: Clock = { now: () => new Date(nowIso) };
const signedAt = new Date('2026-06-10T02:00:00Z');

interface Detail {
  document: DocumentOut;
  verification: {
    status: string;
    statusLabel: string;
    rootsChangedSince: boolean;
    trustedRoots: number;
    signatures: {
      status: string;
      signer: { commonName: string; organization: string } | null;
      signingTime: string;
    }[];
  } | null;
}

let t: TestApp;

let root: Party;

let head: Party;

const upload = (url: string, cookie: string, bytes: Uint8Array, filename: string) => {
  const body = multipartBody({}, { field: 'file', filename, content: bytes, contentType: 'application/pdf' });
  return t.app.inject({ method: 'POST', url, headers: { ...body.headers, cookie }, payload: body.payload });
};

async function verifiesAndTrustsOnceRootImported() {
  nowIso = '2026-06-15T09:00:00+07:00';
  const top = await createUnit(t, { kind: 'ward', name: 'Phường Gốc' });
  const school = await createUnit(t, { parentId: top.id, name: 'Trường Ký Số' });
  const clerk = await userWithSession(t, school.id, ['officer']);
  const schoolAdmin = await userWithSession(t, school.id, ['admin']);
  const topAdmin = await userWithSession(t, top.id, ['admin']);
  const reg = await t.app.inject({
    method: 'POST',
    url: '/api/documents',
    headers: { cookie: clerk.cookie },
    payload: {
      unitId: school.id,
      direction: 'outgoing',
      docType: 'KH',
      documentDate: '2026-06-10',
      summary: 'Kế hoạch ký số',
      form: 'electronic',
      channel: 'eoffice',
    },
  });
  const doc = reg.json<DocumentOut>();
  expect(doc.signed).toBe(false);
  const pdf = await signPdf(makePdf(), head, { signingTime: signedAt });
  const attached = await upload(`/api/documents/${doc.id}/file`, clerk.cookie, pdf, 'ke-hoach.pdf');
  expect(attached.statusCode, attached.body).toBe(200);
  const d = attached.json<Detail>();
  expect(d.document).toMatchObject({
    signed: true,
    signer: 'Nguyễn Thị Lan — Trường Mầm non Tuổi Thơ',
    signatureStatus: 'chain_not_verified',
  });
  expect(d.verification).toMatchObject({
    status: 'chain_not_verified',
    trustedRoots: 0,
    rootsChangedSince: false,
  });
  expect(d.verification!.signatures[0]).toMatchObject({
    status: 'chain_not_verified',
    signer: { commonName: 'Nguyễn Thị Lan', organization: 'Trường Mầm non Tuổi Thơ' },
    signingTime: signedAt.toISOString(),
  });
  // The file downloads byte for byte.
  const file = await t.app.inject({
    method: 'GET',
    url: `/api/documents/${doc.id}/file`,
    headers: { cookie: clerk.cookie },
  });
  expect(Buffer.compare(file.rawPayload, Buffer.from(pdf))).toBe(0);

  await keepTrustedRoots(doc.id, clerk, schoolAdmin, topAdmin);
}

type Session = Awaited<ReturnType<typeof userWithSession>>;

/** Trusted roots: kept by a top-level administrator; a new root makes the stored verdict stale. */
async function keepTrustedRoots(docId: number, clerk: Session, schoolAdmin: Session, topAdmin: Session) {
  // Only an administrator of a top-level unit keeps the trusted roots.
  const rootFile = new TextEncoder().encode(certPem(root));
  const body = (b: Uint8Array) => multipartBody({}, { field: 'file', filename: 'root.cer', content: b });
  const denied = body(rootFile);
  expect(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/trusted-roots',
        headers: { ...denied.headers, cookie: schoolAdmin.cookie },
        payload: denied.payload,
      })
    ).statusCode,
  ).toBe(403);
  const notCert = body(new TextEncoder().encode('không phải chứng thư'));
  const bad = await t.app.inject({
    method: 'POST',
    url: '/api/trusted-roots',
    headers: { ...notCert.headers, cookie: topAdmin.cookie },
    payload: notCert.payload,
  });
  expect(bad.json().error.code).toBe('CERTIFICATE_INVALID');
  nowIso = '2026-06-15T09:05:00+07:00';
  const ok = body(rootFile);
  const added = await t.app.inject({
    method: 'POST',
    url: '/api/trusted-roots',
    headers: { ...ok.headers, cookie: topAdmin.cookie },
    payload: ok.payload,
  });
  expect(added.statusCode, added.body).toBe(200);
  expect(added.json().subject).toContain('CN=Root CA cchc thử nghiệm');

  // The stored verdict is marked out of date; a new check makes it valid.
  const stale = (
    await t.app.inject({
      method: 'GET',
      url: `/api/documents/${docId}`,
      headers: { cookie: clerk.cookie },
    })
  ).json<Detail>();
  expect(stale.verification).toMatchObject({
    status: 'chain_not_verified',
    rootsChangedSince: true,
    trustedRoots: 1,
  });
  nowIso = '2026-06-15T09:10:00+07:00';
  const rechecked = await t.app.inject({
    method: 'POST',
    url: `/api/documents/${docId}/signature-check`,
    headers: { cookie: clerk.cookie },
  });
  expect(rechecked.json<Detail>().verification).toMatchObject({
    status: 'valid',
    rootsChangedSince: false,
  });

  // Removing the root keeps it listed as removed; it can come back.
  const list = (
    await t.app.inject({ method: 'GET', url: '/api/trusted-roots', headers: { cookie: topAdmin.cookie } })
  ).json<{ items: { id: number; removedAt: string | null }[]; actions: { add: boolean } }>();
  expect(list.actions.add).toBe(true);
  const id = list.items[0]!.id;
  await t.app.inject({
    method: 'POST',
    url: `/api/trusted-roots/${id}/remove`,
    headers: { cookie: topAdmin.cookie },
  });
  const after = (
    await t.app.inject({ method: 'GET', url: '/api/trusted-roots', headers: { cookie: clerk.cookie } })
  ).json<{ items: { removedAt: string | null }[]; actions: { add: boolean } }>();
  expect(after.items[0]!.removedAt).not.toBeNull();
  expect(after.actions.add).toBe(false);
}

async function tamperedAndUnsignedAreNotSigned() {
  nowIso = '2026-06-15T09:00:00+07:00';
  const school = await createUnit(t, { name: 'Trường Sửa Tệp' });
  const clerk = await userWithSession(t, school.id, ['officer']);
  const register = async () =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/documents',
        headers: { cookie: clerk.cookie },
        payload: {
          unitId: school.id,
          direction: 'outgoing',
          docType: 'BC',
          documentDate: '2026-06-10',
          summary: 'Báo cáo',
          form: 'electronic',
          signed: true,
          channel: 'email',
        },
      })
    ).json<DocumentOut>();
  const a = await register();
  const tampered = tamper(await signPdf(makePdf(), head, { signingTime: signedAt }));
  const d = (
    await upload(`/api/documents/${a.id}/file`, clerk.cookie, tampered, 'bao-cao.pdf')
  ).json<Detail>();
  expect(d.document).toMatchObject({ signed: false, signatureStatus: 'invalid' });
  expect(d.verification!.statusLabel).toContain('không hợp lệ');
  const b = await register();
  const plain = (
    await upload(`/api/documents/${b.id}/file`, clerk.cookie, makePdf(), 'bao-cao.pdf')
  ).json<Detail>();
  expect(plain.document).toMatchObject({ signed: false, signatureStatus: 'unsigned' });
  // A verified file decides: the flag cannot be set by hand against it.
  const patch = await t.app.inject({
    method: 'PATCH',
    url: `/api/documents/${b.id}`,
    headers: { cookie: clerk.cookie },
    payload: { signed: true },
  });
  expect(patch.statusCode).toBe(400);
  // Checking a PDF without registering it.
  const check = multipartBody({}, { field: 'file', filename: 'x.pdf', content: tampered });
  const checked = await t.app.inject({
    method: 'POST',
    url: '/api/documents/verify-pdf',
    headers: { ...check.headers, cookie: clerk.cookie },
    payload: check.payload,
  });
  expect(checked.json()).toMatchObject({ status: 'invalid' });
  const notPdf = multipartBody({}, { field: 'file', filename: 'x.pdf', content: 'xin chào' });
  expect(
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/documents/verify-pdf',
        headers: { ...notPdf.headers, cookie: clerk.cookie },
        payload: notPdf.payload,
      })
    ).statusCode,
  ).toBe(415);
}

describeEachDb('signed PDFs in the register, trusted roots', (open) => {
  appPerDb(open, { clock, config: { sessionHours: 24 * 365 } }, (_tdb, a) => {
    t = a;
  });
  beforeAll(async () => {
    root = await makeRoot('Root CA cchc thử nghiệm');
    head = await makeSigner(
      root,
      { cn: 'Nguyễn Thị Lan', o: 'Trường Mầm non Tuổi Thơ' },
      {
        notBefore: new Date('2026-01-01T00:00:00Z'),
        notAfter: new Date('2028-01-01T00:00:00Z'),
      },
    );
  }, 60_000);

  it('verifies an attached PDF, counts it as signed, and trusts it once an administrator imports the root', () =>
    verifiesAndTrustsOnceRootImported());
  it('a tampered PDF is invalid and the document is not counted as signed; an unsigned PDF neither', () =>
    tamperedAndUnsignedAreNotSigned());
});
