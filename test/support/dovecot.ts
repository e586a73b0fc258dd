import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net, { type AddressInfo } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

/** Debian's dovecot (package dovecot-imapd); IMAP tests are skipped, saying so, where it is not installed. */
export const DOVECOT_PATH = "/usr/sbin/dovecot";

export const hasDovecot = existsSync(DOVECOT_PATH);

/** The describe title of a test that needs dovecot, with the reason when it is skipped. */
export function dovecotTitle(name: string): string {
  return `${name}${hasDovecot ? "" : ` (skipped: ${DOVECOT_PATH} is not installed; apt-get install dovecot-imapd)`}`;
}

export type ImapUser = { name: string; password: string };

export type Dovecot = {
  port: number;
  /** `imap://name:password@127.0.0.1:port`, as a mailbox's IMAP URL. */
  imapUrl(user: ImapUser): string;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The name of group `gid` from /etc/group. */
function groupNameOf(gid: number): string | undefined {
  const line = readFileSync("/etc/group", "utf8").split("\n").find((entry) => entry.split(":")[2] === String(gid));
  return line?.split(":")[0];
}

/**
 * Who owns the test mail: the current user; under root, the package's `dovecot` user, since
 * dovecot refuses to open mail as root (uid 0).
 */
function mailOwner(): { uid: number; gid: number } {
  const { uid, gid } = userInfo();
  if (uid !== 0) return { uid, gid };
  const entry = readFileSync("/etc/passwd", "utf8").split("\n").find((line) => line.startsWith("dovecot:"));
  if (!entry) throw new Error("no dovecot user in /etc/passwd: is dovecot-imapd installed?");
  const [, , owner, group] = entry.split(":");
  return { uid: Number(owner), gid: Number(group) };
}

/**
 * A config for one throwaway instance: everything under `dir`, IMAP only, plaintext login, no
 * SSL, mail kept as `owner`. Dovecot's login and internal processes refuse to run as
 * root, so under root (CI) they run as the package's own users, dovenull and dovecot.
 */
function configOf(dir: string, port: number, owner: { uid: number; gid: number }): string {
  const { username, uid, gid } = userInfo();
  const isRoot = uid === 0;
  const internalUser = isRoot ? "dovecot" : username;
  const internalGroup = isRoot ? "dovecot" : (groupNameOf(gid) ?? username);
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = closeloop-test-${path.basename(dir)}
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internalUser}
default_internal_group = ${internalGroup}
default_login_user = ${isRoot ? "dovenull" : username}
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:${dir}/mail/%u
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${owner.uid} gid=${owner.gid} home=${dir}/mail/%u
}
`;
}

/** Resolves once the server greets on `port`; rejects after `timeoutMs`. */
async function waitForGreeting(port: number, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const isUp = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      // A listener that accepts but never greets (its login process failed) must not hold the wait.
      socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
      socket.once("data", (data) => (socket.destroy(), resolve(data.toString().startsWith("* OK"))));
      socket.once("error", () => resolve(false));
    });
    if (isUp) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot did not start within ${timeoutMs} ms:\n${existsSync(logFile) ? readFileSync(logFile, "utf8") : "(no log)"}`);
}

/**
 * Starts a throwaway dovecot IMAP server on 127.0.0.1 (a free port) for these users, as a child
 * process with its config, mail and sockets in a temp directory; `stop` ends it and removes them.
 */
export async function startDovecot(users: ImapUser[]): Promise<Dovecot> {
  const dir = mkdtempSync(path.join(tmpdir(), "closeloop-dovecot-"));
  chmodSync(dir, 0o755); // Under root, dovecot's auth process (user dovecot) reads the users file in here.
  for (const sub of ["run", "state", "mail"]) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, "users"), users.map((user) => `${user.name}:{PLAIN}${user.password}::::::\n`).join(""));
  const port = await freePort();
  const owner = mailOwner();
  chownSync(path.join(dir, "mail"), owner.uid, owner.gid);
  writeFileSync(path.join(dir, "dovecot.conf"), configOf(dir, port, owner));
  const child: ChildProcess = spawn(DOVECOT_PATH, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForGreeting(port, 10_000, path.join(dir, "dovecot.log"));
  } catch (error) {
    child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    port,
    imapUrl: (user) => `imap://${encodeURIComponent(user.name)}:${encodeURIComponent(user.password)}@127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Delivers a raw message into the user's INBOX by IMAP APPEND, as a mail server's delivery would; `receivedAt` sets its internal date. */
export async function appendToInbox(imapUrl: string, raw: Buffer, receivedAt?: Date): Promise<void> {
  const url = new URL(imapUrl);
  const client = new ImapFlow({ host: url.hostname, port: Number(url.port), secure: false, auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }, logger: false });
  await client.connect();
  try {
    await client.append("INBOX", raw, [], receivedAt);
  } finally {
    await client.logout();
  }
}
