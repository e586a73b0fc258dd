import http from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A webhook receiver on 127.0.0.1 that records every request's headers and JSON body. */
export type WebhookSink = { url: string; received: { headers: http.IncomingHttpHeaders; body: { type: string; data: Record<string, unknown> } }[]; close(): Promise<void> };

/** Starts a local webhook sink that answers 204. */
export async function startWebhookSink(): Promise<WebhookSink> {
  const received: WebhookSink["received"] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A local SMTP server that accepts everything and keeps the parsed messages. */
export type MailSink = { url: string; messages: { to: string[]; subject: string; text: string; messageId: string }[]; close(): Promise<void> };

/** Starts a local SMTP peer without authentication or TLS. */
export async function startMailSink(): Promise<MailSink> {
  const messages: MailSink["messages"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to].flat().flatMap((address) => address?.value.map((v) => v.address ?? "") ?? []);
          messages.push({ to, subject: mail.subject ?? "", text: mail.text ?? "", messageId: mail.messageId ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
