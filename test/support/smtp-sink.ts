import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A message as the SMTP peer received it. */
export type ReceivedMail = { from: string; to: string[]; raw: string; header(name: string): string | undefined };

export type SmtpSink = { url: string; messages: ReceivedMail[]; waitForMessages(count: number, timeoutMs?: number): Promise<void>; close(): Promise<void> };

/** Reads one header from a raw message (unfolded), case-insensitively. */
function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/**
 * A local SMTP server (smtp-server) on 127.0.0.1 without TLS or auth. `rejectRecipient` answers
 * 550 for addresses it matches, as a real server does for an unknown mailbox.
 */
export async function startSmtpSink(options: { rejectRecipient?: (address: string) => boolean } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient?.(address.address)) return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, header: (name) => headerOf(raw, name) });
        for (const waiter of waiters.filter((w) => messages.length >= w.count)) waiter.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForMessages: (count, timeoutMs = 10_000) =>
      messages.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`SMTP sink got ${messages.length} of ${count} messages`)), timeoutMs);
            waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
          }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
