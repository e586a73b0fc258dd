import { describe, expect, it } from "vitest";
import { serverUrlOf } from "./mailbox-words.js";

describe("serverUrlOf", () => {
  it("writes the stored server back as a URL without its password, the user name escaped", () => {
    expect(serverUrlOf({ host: "smtp.acme.test", port: 465, user: "rita@acme.test", isSecure: true, passwordIsSet: true }, "smtp")).toBe("smtps://rita%40acme.test@smtp.acme.test:465");
    expect(serverUrlOf({ host: "imap.acme.test", port: null, user: null, isSecure: false, passwordIsSet: false }, "imap")).toBe("imap://imap.acme.test");
  });
});
