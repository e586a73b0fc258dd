/** Plain pages for people who follow an unsubscribe link: no script, no login, readable on a phone. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>${title}</h1>${body}</body></html>`;
}

/** Asks before acting: link scanners open links too, so only the button unsubscribes. */
export function confirmPage(address: string, token: string): string {
  return page(
    "Unsubscribe",
    `<p>Stop all follow-up emails to <strong>${escape(address)}</strong>?</p>
<form method="post" action="/u/${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><input type="hidden" name="via" value="page"><button type="submit" style="font-size:1rem;padding:.5rem 1rem">Unsubscribe</button></form>`,
  );
}

export function donePage(address: string): string {
  return page("You are unsubscribed", `<p>We will not send follow-up emails to <strong>${escape(address)}</strong> again.</p>`);
}

export function invalidLinkPage(): string {
  return page("This link does not work", "<p>This unsubscribe link is not valid. Please use the link in the most recent email you received from us, or reply to it asking to be removed.</p>");
}
