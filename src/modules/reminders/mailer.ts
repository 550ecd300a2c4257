import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail; rejects when the server refuses it (the outbox row is retried). */
export interface Mailer {
  /** False when no SMTP server is configured: nothing is sent, every message stays in the outbox. */
  readonly configured: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export const noMailer: Mailer = {
  configured: false,
  send: () => Promise.reject(new Error('Chưa cấu hình máy chủ thư (CCHC_SMTP_URL).')),
  close: () => undefined,
};

/** A mailer over SMTP (nodemailer) at `url` (`smtp://user:pass@host:587`, `smtps://…`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    configured: true,
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

export function mailerFromConfig(config: { smtpUrl: string | null; mailFrom: string }): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : noMailer;
}
