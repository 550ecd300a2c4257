import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_ZIP_LIMITS } from './lib/zip-limits.js';
import type { ZipLimits } from './lib/zip-limits.js';

/**
 * The application's configuration: read from the environment once, validated, typed.
 * A wrong setting stops the process with a message naming it (rule 9 of the house).
 */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; unset: 127.0.0.1 while demo data is on, else 0.0.0.0. */
  HOST: z.string().trim().min(1).optional(),
  /** Proxies whose `X-Forwarded-For` is believed: addresses or CIDRs, comma-separated; empty: none. */
  CCHC_TRUST_PROXY: z
    .string()
    .optional()
    .refine(
      (v) => !v || listOf(v).every(isProxyEntry),
      'phải là danh sách địa chỉ IP hoặc dải CIDR, cách nhau bởi dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8)',
    ),
  /** Other origins allowed to send unsafe requests (`https://a.gov.vn,https://b.gov.vn`); the app's own is always allowed. */
  CCHC_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .refine(
      (v) => !v || listOf(v).every((o) => originOf(o) !== null),
      'phải là danh sách địa chỉ gốc http(s)://máy-chủ[:cổng], cách nhau bởi dấu phẩy',
    ),
  /** Most megabytes a .docx/.xlsx may inflate to (declared sizes, read before inflating). */
  CCHC_ZIP_MAX_MB: z.coerce.number().positive().max(4096).default(100),
  /** Most a .docx/.xlsx (or one of its parts over 1 MB) may inflate relative to its compressed size. */
  CCHC_ZIP_MAX_RATIO: z.coerce.number().min(2).max(10_000).default(100),
  /** Most data rows one register import may hold (Excel or CSV). */
  CCHC_IMPORT_MAX_ROWS: z.coerce.number().int().positive().max(10_000_000).default(200_000),
  /** `postgres://…` for PostgreSQL; `sqlite:PATH` or empty for the embedded SQLite file. */
  DATABASE_URL: z.string().optional(),
  /** Folder for the SQLite file and other local state. */
  CCHC_DATA_DIR: z.string().default('./data'),
  /** Largest accepted upload (plan documents, evidence), in megabytes. */
  CCHC_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  /** How long a login session lasts without activity, in hours. */
  CCHC_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Mark cookies Secure and enable HSTS: set when served over HTTPS. */
  CCHC_HTTPS: bool.default(false),
  /** Seed the demo unit, users and plan into an empty database at start. */
  CCHC_DEMO: bool.default(true),
  /** Failed logins for one account (or one address) before login is paused. */
  CCHC_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  /** How long failed logins are remembered, in minutes. */
  CCHC_LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** Login requests a minute one address may make (on top of the per-account pause). */
  CCHC_LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  /** Requests a minute one address may make to the public pages (dossier lookup, ratings). */
  CCHC_PUBLIC_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  /** SMTP server for reminder e-mails, `smtp://user:pass@host:587` or `smtps://…:465`; empty: no e-mail is sent (messages stay in the outbox). */
  CCHC_SMTP_URL: z
    .string()
    .optional()
    .refine(
      (v) => !v || /^smtps?:\/\/[^\s/]+/.test(v),
      'phải có dạng smtp://máy-chủ:cổng hoặc smtps://máy-chủ:cổng',
    ),
  /** Sender of reminder e-mails, `CCHC <cchc@donvi.gov.vn>` or `cchc@donvi.gov.vn`. */
  CCHC_MAIL_FROM: z
    .string()
    .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+(>)?$/, 'phải là một địa chỉ e-mail, ví dụ cchc@donvi.gov.vn')
    .default('cchc@localhost'),
  /** Minutes between two reminder sweeps in the server; 0 turns the sweep off (use `cchc reminders sweep` from cron). */
  CCHC_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /** Seconds between two sweeps of the report exchange outbox (packages to a superior's server); 0 turns it off. */
  CCHC_EXCHANGE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Address of the web app as users reach it (`https://cchc.donvi.gov.vn`), for links in e-mails. */
  CCHC_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Server processes (node:cluster) sharing the port; more than 1 needs PostgreSQL and CCHC_SECRET (ADR 008). */
  CCHC_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Secret shared by every process (signs the PAKN challenges), at least 32 characters; required in production and with CCHC_WORKERS > 1. */
  CCHC_SECRET: z.string().min(32, 'phải dài ít nhất 32 ký tự').optional(),
  /** Redis for the rate-limit counters, `redis://host:6379/0`; empty: counters in the database (PostgreSQL) or in the process (SQLite). */
  CCHC_REDIS_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^rediss?:\/\/\S+/.test(v), 'phải có dạng redis://máy-chủ:cổng'),
  /** SQLite: how long a write waits for another process's write (a CLI import), in milliseconds. */
  CCHC_SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
});

const listOf = (v: string): string[] =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

function isProxyEntry(v: string): boolean {
  if (v === 'loopback' || v === 'linklocal' || v === 'uniquelocal') return true;
  const [ip, bits, ...rest] = v.split('/');
  if (rest.length > 0 || !ip) return false;
  const family = isIP(ip);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

/** `scheme://host[:port]` of a URL, or null when it is not an http(s) URL. */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export type DatabaseTarget = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** HOST was set by the operator (not the demo-safe default). */
  hostExplicit: boolean;
  /** Proxies whose X-Forwarded-For is believed (fastify trustProxy); empty: none. */
  trustProxy: string[];
  /** Origins besides the app's own allowed to send unsafe requests. */
  allowedOrigins: string[];
  /** Most data rows in one register import. */
  importMaxRows: number;
  /** Limits of ZIP containers (.docx, .xlsx) read before inflating them. */
  zipLimits: ZipLimits;
  database: DatabaseTarget;
  dataDir: string;
  uploadMaxBytes: number;
  sessionHours: number;
  https: boolean;
  demo: boolean;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  logLevel: string;
  publicRateLimit: number;
  loginRateLimit: number;
  /** SMTP URL for reminder e-mails; null: nothing is sent, every message stays in the outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  reminderIntervalMinutes: number;
  /** Seconds between report exchange sweeps (retries to a superior's server); 0: off. */
  exchangeIntervalSeconds: number;
  /** Base of links in e-mails; null: links are paths only. */
  appUrl: string | null;
  /** Base of every absolute link the server writes: CCHC_APP_URL, else http://localhost:PORT; never a request header. */
  linkBase: string;
  /** Server processes sharing the port (ADR 008). */
  workers: number;
  /** Secret shared by every process; null: one generated and kept in the database. */
  secret: string | null;
  /** Redis for the rate-limit counters; null: the database (PostgreSQL) or the process (SQLite). */
  redisUrl: string | null;
  /** SQLite: how long a write waits for another process's write lock. */
  sqliteBusyTimeoutMs: number;
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseTarget {
  if (!url || url.trim() === '') return { dialect: 'sqlite', file: path.resolve(dataDir, 'cchc.sqlite') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }
  throw new ConfigError(`DATABASE_URL không hợp lệ: "${url}" (cần postgres://… hoặc sqlite:ĐƯỜNG_DẪN)`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.CCHC_DATA_DIR);
  const database = parseDatabaseUrl(e.DATABASE_URL, dataDir);
  if (e.CCHC_WORKERS > 1 && database.dialect === 'sqlite')
    throw new ConfigError(
      `CCHC_WORKERS=${e.CCHC_WORKERS}: SQLite chỉ phục vụ một tiến trình máy chủ. Hãy dùng PostgreSQL (DATABASE_URL=postgres://…) để chạy nhiều tiến trình, hoặc đặt CCHC_WORKERS=1.`,
    );
  if (!e.CCHC_SECRET && (e.CCHC_WORKERS > 1 || e.NODE_ENV === 'production'))
    throw new ConfigError(
      'Cấu hình không hợp lệ:\n  CCHC_SECRET: bắt buộc khi NODE_ENV=production hoặc CCHC_WORKERS > 1 (một chuỗi bí mật dài ít nhất 32 ký tự, giống nhau ở mọi tiến trình; ví dụ: openssl rand -base64 48)',
    );
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (e.CCHC_DEMO ? '127.0.0.1' : '0.0.0.0'),
    hostExplicit: e.HOST !== undefined,
    trustProxy: e.CCHC_TRUST_PROXY ? listOf(e.CCHC_TRUST_PROXY) : [],
    allowedOrigins: e.CCHC_ALLOWED_ORIGINS ? listOf(e.CCHC_ALLOWED_ORIGINS).map((o) => originOf(o)!) : [],
    importMaxRows: e.CCHC_IMPORT_MAX_ROWS,
    zipLimits: {
      maxTotalBytes: Math.round(e.CCHC_ZIP_MAX_MB * 1024 * 1024),
      maxRatio: e.CCHC_ZIP_MAX_RATIO,
      maxEntries: DEFAULT_ZIP_LIMITS.maxEntries,
    },
    database,
    dataDir,
    uploadMaxBytes: Math.round(e.CCHC_UPLOAD_MAX_MB * 1024 * 1024),
    sessionHours: e.CCHC_SESSION_HOURS,
    https: e.CCHC_HTTPS,
    demo: e.CCHC_DEMO,
    loginMaxFailures: e.CCHC_LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.CCHC_LOGIN_WINDOW_MINUTES,
    logLevel: e.LOG_LEVEL,
    publicRateLimit: e.CCHC_PUBLIC_RATE_LIMIT,
    loginRateLimit: e.CCHC_LOGIN_RATE_LIMIT,
    smtpUrl: e.CCHC_SMTP_URL?.trim() ? e.CCHC_SMTP_URL.trim() : null,
    mailFrom: e.CCHC_MAIL_FROM,
    reminderIntervalMinutes: e.CCHC_REMINDER_INTERVAL_MINUTES,
    exchangeIntervalSeconds: e.CCHC_EXCHANGE_INTERVAL_SECONDS,
    appUrl: e.CCHC_APP_URL ? e.CCHC_APP_URL.replace(/\/+$/, '') : null,
    linkBase: e.CCHC_APP_URL ? e.CCHC_APP_URL.replace(/\/+$/, '') : `http://localhost:${e.PORT}`,
    workers: e.CCHC_WORKERS,
    secret: e.CCHC_SECRET ?? null,
    redisUrl: e.CCHC_REDIS_URL?.trim() ? e.CCHC_REDIS_URL.trim() : null,
    sqliteBusyTimeoutMs: e.CCHC_SQLITE_BUSY_TIMEOUT_MS,
  };
}
