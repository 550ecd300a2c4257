/**
 * Test helpers for signed PDFs: a certificate authority of our own (root → optional intermediate →
 * signer), a small PDF, and signing by an incremental update exactly as signing software does
 * (a signature field, a /ByteRange placeholder, a detached CMS SignedData in /Contents). Nothing
 * is downloaded; keys are made with WebCrypto.
 */
import * as asn1js from 'asn1js';
import {
  Attribute,
  AttributeTypeAndValue,
  BasicConstraints,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  Extension,
  IssuerAndSerialNumber,
  MessageImprint,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
  TSTInfo,
} from 'pkijs';

const SIGN_ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export interface Party {
  cert: Certificate;
  key: CryptoKey;
  /** The certificates above it (intermediates, root) to embed when it signs. */
  chain: Certificate[];
}

let serial = 1000;

function name(cn: string, o?: string) {
  const tv = [
    new AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
  ];
  if (o) tv.push(new AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: o }) }));
  tv.push(new AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) }));
  return tv;
}

async function makeCert(opts: {
  subject: { cn: string; o?: string };
  issuer: Party | null;
  ca: boolean;
  notBefore: Date;
  notAfter: Date;
}): Promise<Party> {
  const keys = await crypto.subtle.generateKey(
    { ...SIGN_ALG, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const cert = new Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject.typesAndValues = name(opts.subject.cn, opts.subject.o);
  cert.issuer.typesAndValues = opts.issuer
    ? opts.issuer.cert.subject.typesAndValues
    : name(opts.subject.cn, opts.subject.o);
  cert.notBefore.value = opts.notBefore;
  cert.notAfter.value = opts.notAfter;
  cert.extensions = [
    new Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new BasicConstraints({ cA: opts.ca }).toSchema().toBER(false),
      parsedValue: new BasicConstraints({ cA: opts.ca }),
    }),
  ];
  if (opts.ca) {
    // keyCertSign + cRLSign
    const bits = new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 });
    cert.extensions.push(
      new Extension({ extnID: '2.5.29.15', critical: true, extnValue: bits.toBER(false) }),
    );
  }
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(opts.issuer ? opts.issuer.key : keys.privateKey, 'SHA-256');
  return {
    cert,
    key: keys.privateKey,
    chain: opts.issuer ? [opts.issuer.cert, ...opts.issuer.chain] : [],
  };
}

const YEAR = 365 * 86_400_000;

/** A root CA valid from a year ago for ten years. */
export function makeRoot(cn = 'CA thử nghiệm cchc', now = new Date()): Promise<Party> {
  return makeCert({
    subject: { cn, o: 'Tổ chức chứng thực thử nghiệm' },
    issuer: null,
    ca: true,
    notBefore: new Date(now.getTime() - YEAR),
    notAfter: new Date(now.getTime() + 10 * YEAR),
  });
}

export function makeIntermediate(
  root: Party,
  cn = 'CA trung gian thử nghiệm',
  now = new Date(),
): Promise<Party> {
  return makeCert({
    subject: { cn, o: 'Tổ chức chứng thực thử nghiệm' },
    issuer: root,
    ca: true,
    notBefore: new Date(now.getTime() - YEAR),
    notAfter: new Date(now.getTime() + 5 * YEAR),
  });
}

/** A signer's certificate (person in CN, organisation in O), valid for the given window. */
export function makeSigner(
  issuer: Party,
  subject: { cn: string; o: string },
  validity: { notBefore: Date; notAfter: Date } = {
    notBefore: new Date(Date.now() - 30 * 86_400_000),
    notAfter: new Date(Date.now() + 2 * YEAR),
  },
): Promise<Party> {
  return makeCert({ subject, issuer, ca: false, ...validity });
}

export const certDer = (p: Party): Uint8Array => new Uint8Array(p.cert.toSchema(true).toBER(false));

export function certPem(p: Party): string {
  const b64 = Buffer.from(certDer(p)).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
}

const enc = new TextEncoder();
const latin = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A one-page PDF 1.7 with a classic cross-reference table. */
export function makePdf(text = 'Van ban thu nghiem'): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>',
  ];
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin(out);
}

/** The highest object number and the last xref offset of a PDF we made (enough for our files). */
function tail(pdf: Uint8Array): { size: number; startxref: number } {
  const text = new TextDecoder('latin1').decode(pdf);
  const sizes = [...text.matchAll(/\/Size (\d+)/g)].map((m) => Number(m[1]));
  const starts = [...text.matchAll(/startxref\s+(\d+)/g)].map((m) => Number(m[1]));
  return { size: Math.max(...sizes), startxref: starts[starts.length - 1]! };
}

const SIG_BYTES = 16_384;

export interface SignOptions {
  signingTime?: Date;
  /** A timestamp authority (RFC 3161) that stamps the signature at this moment. */
  timestamp?: { tsa: Party; at: Date; tamper?: boolean };
  reason?: string;
  /** Leave out the signing-time attribute (the verifier then falls back to /M). */
  noSigningTimeAttribute?: boolean;
}

function pdfDate(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `D:${v.slice(0, 4)}${v.slice(5, 7)}${v.slice(8, 10)}${v.slice(11, 13)}${v.slice(14, 16)}${v.slice(17, 19)}+07'00'`;
}

/**
 * Signs `pdf` by appending an incremental update: a signature dictionary, a signature field
 * pointing at it, and a new catalog with /AcroForm; then fills /ByteRange and /Contents.
 */
export async function signPdf(pdf: Uint8Array, signer: Party, opts: SignOptions = {}): Promise<Uint8Array> {
  const { size, startxref } = tail(pdf);
  const sigObj = size;
  const fieldObj = size + 1;
  const catalogObj = size + 2;
  const time = opts.signingTime ?? new Date();
  const placeholderBr = '/ByteRange [0 0000000000 0000000000 0000000000]';
  const contents = `<${'0'.repeat(SIG_BYTES * 2)}>`;
  const reason = opts.reason ?? 'Ký ban hành văn bản';
  const reasonHex = `<FEFF${Array.from(reason, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
  const parts: { num: number; body: string }[] = [
    {
      num: sigObj,
      body: `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ${placeholderBr} /Contents ${contents} /M (${pdfDate(time)}) /Reason ${reasonHex} >>`,
    },
    {
      num: fieldObj,
      body: `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky ${sigObj}) /V ${sigObj} 0 R /Rect [0 0 0 0] /P 3 0 R /F 132 >>`,
    },
    {
      num: catalogObj,
      body: `<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${fieldObj} 0 R] /SigFlags 3 >> >>`,
    },
  ];
  let update = '\n';
  const offsets: number[] = [];
  for (const p of parts) {
    offsets.push(pdf.length + update.length);
    update += `${p.num} 0 obj\n${p.body}\nendobj\n`;
  }
  const xref = pdf.length + update.length;
  update += `xref\n0 1\n0000000000 65535 f \n${sigObj} 3\n`;
  for (const off of offsets) update += `${String(off).padStart(10, '0')} 00000 n \n`;
  update += `trailer\n<< /Size ${catalogObj + 1} /Root ${catalogObj} 0 R /Prev ${startxref} >>\nstartxref\n${xref}\n%%EOF\n`;
  const out = new Uint8Array(pdf.length + update.length);
  out.set(pdf, 0);
  out.set(latin(update), pdf.length);

  // Fill the byte range: everything but the hex string of /Contents.
  const text = new TextDecoder('latin1').decode(out);
  const brAt = text.lastIndexOf(placeholderBr);
  const cAt = text.indexOf(contents, brAt);
  const range = [0, cAt, cAt + contents.length, out.length - (cAt + contents.length)];
  const brText = `/ByteRange [${range.join(' ')}]`.padEnd(placeholderBr.length, ' ');
  out.set(latin(brText), brAt);

  const signed = new Uint8Array(range[1]! + range[3]!);
  signed.set(out.subarray(0, range[1]), 0);
  signed.set(out.subarray(range[2]), range[1]);
  const der = await cmsSignature(signed, signer, time, opts);
  const hex = Buffer.from(der).toString('hex');
  if (hex.length > SIG_BYTES * 2) throw new Error('signature too large for the placeholder');
  out.set(enc.encode(hex), cAt + 1);
  return out;
}

/** A detached CMS SignedData over `data` with content-type, signing-time and message-digest. */
export async function cmsSignature(data: Uint8Array, signer: Party, time: Date, opts: SignOptions = {}) {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(data));
  const attributes = [
    new Attribute({
      type: '1.2.840.113549.1.9.3',
      values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })],
    }),
    new Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
  ];
  if (!opts.noSigningTimeAttribute)
    attributes.push(
      new Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: time })] }),
    );
  const sd = new SignedData({
    version: 1,
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({
          issuer: signer.cert.issuer,
          serialNumber: signer.cert.serialNumber,
        }),
        signedAttrs: new SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: [signer.cert, ...signer.chain],
  });
  await sd.sign(signer.key, 0, 'SHA-256');
  if (opts.timestamp) {
    const si = sd.signerInfos[0]!;
    const value = new Uint8Array(si.signature.valueBlock.valueHexView);
    const token = await timestampToken(
      opts.timestamp.tamper ? new Uint8Array([...value, 1]) : value,
      opts.timestamp.tsa,
      opts.timestamp.at,
    );
    si.unsignedAttrs = new SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new Attribute({ type: '1.2.840.113549.1.9.16.2.14', values: [token.toSchema()] })],
    });
  }
  const ci = new ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER(false));
}

/** An RFC 3161 timestamp token over `data` (the signature value) by `tsa` at `at`. */
async function timestampToken(data: Uint8Array, tsa: Party, at: Date): Promise<ContentInfo> {
  const tst = new TSTInfo({
    version: 1,
    policy: '1.2.3.4.1',
    messageImprint: await MessageImprint.create('SHA-256', new Uint8Array(data)),
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime: at,
  });
  const eContent = new Uint8Array(tst.toSchema().toBER(false));
  const digest = await crypto.subtle.digest('SHA-256', eContent);
  const token = new SignedData({
    version: 3,
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: '1.2.840.113549.1.9.16.1.4',
      eContent: new asn1js.OctetString({ valueHex: eContent.buffer }),
    }),
    signerInfos: [
      new SignerInfo({
        version: 1,
        sid: new IssuerAndSerialNumber({ issuer: tsa.cert.issuer, serialNumber: tsa.cert.serialNumber }),
        signedAttrs: new SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new Attribute({
              type: '1.2.840.113549.1.9.3',
              values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })],
            }),
            new Attribute({
              type: '1.2.840.113549.1.9.4',
              values: [new asn1js.OctetString({ valueHex: digest })],
            }),
          ],
        }),
      }),
    ],
    certificates: [tsa.cert],
  });
  await token.sign(tsa.key, 0, 'SHA-256');
  // pkijs writes eContent as a constructed OCTET STRING; timestamp authorities write a primitive
  // one (and pkijs reads only that back): put the primitive form in.
  const schema = token.toSchema(true) as asn1js.Sequence;
  const eci = schema.valueBlock.value[2] as asn1js.Sequence;
  eci.valueBlock.value[1] = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 0 },
    value: [new asn1js.OctetString({ valueHex: eContent.slice().buffer })],
  });
  return new ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: schema });
}

/** Flips one byte of the page's text (inside the signed range): content changed after signing. */
export function tamper(pdf: Uint8Array): Uint8Array {
  const out = pdf.slice();
  const at = new TextDecoder('latin1').decode(out).indexOf('(Van ban');
  out[at + 1] = 'X'.charCodeAt(0);
  return out;
}
