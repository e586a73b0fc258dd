import { hasAutomaticHeaders } from "./automatic-mail.js";
import { readDeliveryReport } from "./delivery-report.js";
import type { InboundClassification, InboundMail } from "./inbound-mail.js";
import { hasAutomaticSubject, saysAway } from "./out-of-office.js";
import { parseReturnDate } from "./return-date.js";

/**
 * What an inbound email is. A delivery report is a bounce when delivery failed for good, else
 * an automatic reply. Mail marked automatic by its headers, or with a subject mail programs
 * give automatic replies, is out-of-office when it says the writer is away (with the return
 * date it states, read in `zone` from `receivedAt`), else another automatic reply. Everything
 * else a person wrote: a reply. Away words in mail a person wrote ("I'm on holiday next week,
 * let's talk after") are a reply, not an out-of-office.
 */
export function classifyInboundMail(mail: InboundMail, receivedAt: number, zone: string): InboundClassification {
  const report = readDeliveryReport(mail);
  if (report) return report.isFailed ? { kind: "bounce", bounce: report.bounce } : { kind: "auto_reply" };
  if (!hasAutomaticHeaders(mail) && !hasAutomaticSubject(mail.subject)) return { kind: "reply" };
  if (!saysAway(mail.subject, mail.text)) return { kind: "auto_reply" };
  return { kind: "out_of_office", returnsAt: parseReturnDate(`${mail.subject}\n${mail.text}`, receivedAt, zone) };
}
