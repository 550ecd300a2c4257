import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../errors.js';
import { sha256 } from '../../lib/hash.js';
import { sharedSecret, useChallenge } from '../runtime/repository.js';
import type { FeedbackDeps } from './context.js';

/** A challenge answered sooner than this after it was issued is a script, not a person. */
export const CHALLENGE_MIN_AGE_MS = 2_000;
export const CHALLENGE_MAX_AGE_MS = 60 * 60_000;

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/**
 * The public form's light challenge: a sum to work out, signed by the server, usable once, not
 * answered too fast. The signing key is derived once per process.
 */
export function feedbackChallenges({ db, clock, secret: configured }: FeedbackDeps) {
  let key: Promise<Buffer> | null = null;
  const signingKey = () =>
    (key ??= (
      configured
        ? Promise.resolve(configured)
        : sharedSecret(db, 'feedback_challenge', clock.now().toISOString())
    ).then((k) => Buffer.from(sha256(`feedback_challenge:${k}`), 'hex'))).catch((e: unknown) => {
      key = null;
      throw e;
    });

  async function issueChallenge(): Promise<{ token: string; question: string }> {
    const a = randomInt(1, 10);
    const b = randomInt(1, 10);
    const body = b64(JSON.stringify({ a, b, t: clock.now().getTime(), n: randomBytes(8).toString('hex') }));
    const mac = createHmac('sha256', await signingKey())
      .update(body)
      .digest('base64url');
    return { token: `${body}.${mac}`, question: `${a} + ${b} = ?` };
  }

  /** Checks a challenge's signature, age and answer, and uses it up (for every process). */
  async function checkChallenge(token: string, answer: string): Promise<void> {
    const [body, mac] = token.split('.');
    if (!body || !mac) throw new AppError('FEEDBACK_CHALLENGE');
    const expected = createHmac('sha256', await signingKey())
      .update(body)
      .digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new AppError('FEEDBACK_CHALLENGE');
    let c: { a: number; b: number; t: number; n: string };
    try {
      c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof c;
    } catch {
      throw new AppError('FEEDBACK_CHALLENGE');
    }
    const age = clock.now().getTime() - c.t;
    if (age < CHALLENGE_MIN_AGE_MS)
      throw new AppError(
        'FEEDBACK_CHALLENGE',
        'Bạn gửi quá nhanh sau khi mở biểu mẫu. Vui lòng kiểm tra lại nội dung rồi gửi lại.',
      );
    if (age > CHALLENGE_MAX_AGE_MS) throw new AppError('FEEDBACK_CHALLENGE');
    if (Number(answer.trim()) !== c.a + c.b) throw new AppError('FEEDBACK_CHALLENGE');
    if (!(await useChallenge(db, c.n, new Date(c.t + CHALLENGE_MAX_AGE_MS).toISOString())))
      throw new AppError('FEEDBACK_CHALLENGE');
  }

  return { issueChallenge, checkChallenge };
}
