/**
 * Outgoing mail. With SMTP_URL set (e.g. smtp://user:pass@smtp.example.org:587) mails go out
 * through it (nodemailer), from MAIL_FROM. Without it — the local default — each mail is written
 * to the log and kept in memory for the dev-only mailbox page (/dev/mailbox), which exists only
 * when the app runs on its embedded database (a local install, never a shared deployment).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/server/env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface SentMail extends Mail {
  at: string;
}

const MAILBOX_SIZE = 50;
const state = globalThis as unknown as { __sitMailbox?: SentMail[]; __sitMailer?: Transporter };

/** True when mails are kept for the dev mailbox instead of being sent. */
export function isDevMailbox(): boolean {
  return !env.SMTP_URL && env.SIT_EMBEDDED_DATABASE;
}

export async function sendMail(mail: Mail): Promise<void> {
  if (env.SMTP_URL) {
    state.__sitMailer ??= nodemailer.createTransport(env.SMTP_URL);
    await state.__sitMailer.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    return;
  }
  console.log(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
  if (!isDevMailbox()) return;
  const box = (state.__sitMailbox ??= []);
  box.unshift({ ...mail, at: new Date().toISOString() });
  box.length = Math.min(box.length, MAILBOX_SIZE);
}

/** The mails kept for the dev mailbox, newest first; null when there is no dev mailbox. */
export function devMailbox(): SentMail[] | null {
  return isDevMailbox() ? [...(state.__sitMailbox ?? [])] : null;
}
