import type { Static } from "typebox";
import type { MailboxDtoType, SaveMailboxBodyType, TestEmailResponse } from "../../../src/http/routes/mailboxes/mailboxes.schemas.js";
import { ApiError, apiRequest } from "./client.js";

/** A person's mailbox without its secrets: where sequence email goes out and replies come in, and its throttles. */
export type Mailbox = MailboxDtoType;
export type MailboxInput = SaveMailboxBodyType;
export type TestEmailAnswer = Static<typeof TestEmailResponse>;

const mailboxPath = (userId: string) => `/api/v1/users/${encodeURIComponent(userId)}/mailbox`;

/** The person's mailbox, or null when none is set up. */
export async function getMailbox(userId: string, signal?: AbortSignal): Promise<Mailbox | null> {
  try {
    return await apiRequest<Mailbox>(mailboxPath(userId), { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Sets up or replaces the mailbox. */
export async function saveMailbox(userId: string, input: MailboxInput): Promise<Mailbox> {
  return apiRequest<Mailbox>(mailboxPath(userId), { method: "PUT", body: input });
}

/** Sends a test email through the mailbox's SMTP server; a refusal is an ApiError carrying the server's reply. */
export async function sendTestEmail(userId: string, to: string): Promise<TestEmailAnswer> {
  return apiRequest<TestEmailAnswer>(`${mailboxPath(userId)}/test`, { method: "POST", body: { to } });
}
