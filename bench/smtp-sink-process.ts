/**
 * A local SMTP sink in its own process (so it does not share the benchmark's event loop):
 * `node --import tsx bench/smtp-sink-process.ts`. Sends `{ port }` over IPC once listening and
 * answers `"count"` with `{ count, unique }`: the messages it accepted, and their distinct Message-IDs.
 */
import type { AddressInfo, Socket } from "node:net";
import { SMTPServer } from "smtp-server";

let count = 0;
const messageIds = new Set<string>();
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  // A reverse DNS lookup per connection is what a real server does and what a local sink must not wait for.
  disableReverseLookup: true,
  // The benchmark opens a pool per mailbox: allow them all at once.
  maxClients: 10_000,
  onData(stream, _session, callback) {
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString("utf8");
    });
    stream.on("end", () => {
      count += 1;
      messageIds.add(/^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `none-${count}`);
      callback();
    });
  },
});
// Answer each command at once: with Nagle's algorithm on, every reply waits for the client's delayed ACK (~40 ms).
server.server.on("connection", (socket: Socket) => socket.setNoDelay(true));
server.listen(0, "127.0.0.1", () => process.send!({ port: (server.server.address() as AddressInfo).port }));
process.on("message", (message) => {
  if (message === "count") process.send!({ count, unique: messageIds.size });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
