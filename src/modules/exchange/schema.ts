import { z } from 'zod';
import { EXCHANGE_LIMITS } from '../../shared/documents.js';

export const UnitQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

export const ConnectBody = z.object({
  unitId: z.number().int().positive().optional(),
  superiorUrl: z.string().trim().min(8).max(EXCHANGE_LIMITS.superiorUrl),
  token: z.string().trim().min(10).max(EXCHANGE_LIMITS.token),
});

export const UnitBody = z.object({ unitId: z.number().int().positive().optional() });

export const SendBody = z.object({
  unitId: z.number().int().positive().optional(),
  period: z.string().regex(/^\d{4}-(Q1|H1|Q3|Y)$/i, {
    error: 'Kỳ báo cáo phải có dạng NĂM-Q1, NĂM-H1, NĂM-Q3 hoặc NĂM-Y (ví dụ 2026-Q1).',
  }),
});

export const IssueBody = z.object({ unitId: z.number().int().positive() });

export const IssueResult = z.object({
  connectionId: z.number(),
  /** Shown once: the unit's administrator enters it on the unit's server. */
  token: z.string(),
  unit: z.object({ id: z.number(), code: z.string(), name: z.string() }),
});

export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const PackageParams = z.object({
  unitId: z.coerce.number().int().positive(),
  period: z.string().regex(/^\d{4}-(Q1|H1|Q3|Y)$/i),
});

const UnitRef = z.object({ id: z.number(), code: z.string(), name: z.string() });

/** The exchange page in one request. */
export const ExchangeState = z
  .object({
    unit: UnitRef,
    /** This unit's connection to its superior's server; null when not connected. */
    link: z
      .object({
        superiorUrl: z.string(),
        superiorName: z.string().nullable(),
        connectionId: z.number(),
        remoteUnit: z.object({ code: z.string().nullable(), name: z.string().nullable() }),
        connectedAt: z.string(),
        keyFingerprint: z.string(),
      })
      .nullable(),
    /** Packages this unit sent (or is sending) upward, newest first. */
    deliveries: z.array(
      z.object({
        id: z.number(),
        periodKey: z.string(),
        packageId: z.string(),
        sha256: z.string(),
        state: z.enum(['pending', 'retrying', 'delivered', 'refused']),
        stateLabel: z.string(),
        attempts: z.number(),
        nextAttemptAt: z.string().nullable(),
        lastAttemptAt: z.string().nullable(),
        lastError: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        actions: z.object({ retry: z.boolean() }),
      }),
    ),
    /** Connections issued for units below (this server is their superior's). */
    connections: z.array(
      z.object({
        id: z.number(),
        unit: UnitRef,
        enrolled: z.boolean(),
        enrolledAt: z.string().nullable(),
        remoteServer: z.string().nullable(),
        remoteUnitCode: z.string().nullable(),
        createdAt: z.string(),
        revokedAt: z.string().nullable(),
        actions: z.object({ revoke: z.boolean() }),
      }),
    ),
    /** Packages received from units below, newest first. */
    received: z.array(
      z.object({
        id: z.number(),
        unit: UnitRef,
        periodKey: z.string(),
        senderSeq: z.number(),
        packageId: z.string(),
        sha256: z.string(),
        receivedAt: z.string(),
      }),
    ),
    actions: z.object({ connect: z.boolean(), disconnect: z.boolean(), issue: z.boolean() }),
  })
  .meta({ id: 'ExchangeState' });

export const EnrolBody = z.object({
  token: z.string().min(10).max(EXCHANGE_LIMITS.token),
  /** The unit server's Ed25519 public key, SPKI PEM. */
  publicKey: z.string().min(40).max(1000),
  unitCode: z.string().max(50).optional(),
  unitName: z.string().max(300).optional(),
  server: z.string().max(500).nullable().optional(),
});

export const EnrolResult = z.object({
  connectionId: z.number(),
  unit: z.object({ code: z.string(), name: z.string() }),
  superior: z.object({ code: z.string(), name: z.string() }).nullable(),
});

export const Ack = z
  .object({
    accepted: z.boolean(),
    duplicate: z.boolean(),
    packageId: z.string(),
    sha256: z.string(),
    receivedAt: z.string(),
    reportId: z.number(),
  })
  .meta({ id: 'ReportPackageAck' });
