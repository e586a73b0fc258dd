import { hasAutomaticHeaders } from "./automatic-mail.js";
import { readDeliveryReport } from "./delivery-report.js";
import type { InboundClassification, InboundMail } from "./inbound-mail.js";
import { hasAutomaticSubject, saysAway } from "./out-of-office.js";
import { parseReturnDate } from "./return-date.js";

/**
 * What an inbound email is. A delivery report is a bounce when delivery failed for good, else
 * an automatic reply. Mail marked automatic by its headers, or with a subject mail programs
 * give automatic replies, is out-of-office when it says the writer is away, else another
 * automatic reply. Everything
 * else a person wrote: a reply. Away words in mail a person wrote ("I'm on holiday next week,
 * let's talk after") are a reply, not an out-of-office.
 */
export function classifyInboundMail(mail: InboundMail): InboundClassification {
  const report = readDeliveryReport(mail);
  if (report) return report.isFailed ? { kind: "bounce", bounce: report.bounce } : { kind: "auto_reply" };
  if (!hasAutomaticHeaders(mail) && !hasAutomaticSubject(mail.subject)) return { kind: "reply" };
  return saysAway(mail.subject, mail.text) ? { kind: "out_of_office" } : { kind: "auto_reply" };
}

/** The return date an out-of-office states in its subject or body, as the start of that day in the lead's `zone`; null when unreadable. */
export function statedReturnAt(mail: Pick<InboundMail, "subject" | "text">, receivedAt: number, zone: string): number | null {
  return parseReturnDate(`${mail.subject}\n${mail.text}`, receivedAt, zone);
}
