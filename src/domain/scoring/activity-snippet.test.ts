import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { activitySnippetHtml, activitySnippetJs } from "./activity-snippet.js";

const PUBLIC_URL = "https://crm.acme.example";

type Post = { url: string; options: { method: string; keepalive: boolean; mode: string; credentials: string; headers: Record<string, string>; body: string } };

/** Runs the snippet as a page at `href` would, with `stored` already in localStorage. */
function runOnPage(href: string, stored: Record<string, string> = {}) {
  const location = new URL(href);
  const storage = { ...stored };
  const posts: Post[] = [];
  const replaced: string[] = [];
  const window = {
    location,
    localStorage: { getItem: (key: string) => storage[key] ?? null, setItem: (key: string, value: string) => void (storage[key] = value) },
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, url: string) => {
        replaced.push(url);
        location.href = new URL(url, location).href;
      },
    },
    fetch: (url: string, options: Post["options"]) => {
      posts.push({ url, options });
      return Promise.resolve();
    },
    closeloop: undefined as undefined | { track(kind: string, detail?: { url?: string; title?: string }): void },
  };
  // What an <a> does with a relative href: resolve it against the page.
  const createElement = () => {
    let resolved = "";
    return {
      set href(url: string) {
        resolved = new URL(url, location).href;
      },
      get href() {
        return resolved;
      },
    };
  };
  const document = { title: "Pricing · Acme", createElement };
  runInNewContext(activitySnippetJs(PUBLIC_URL), { window, document, RegExp, JSON, String, encodeURIComponent, decodeURIComponent });
  return { window, storage, posts, replaced, bodies: () => posts.map((post) => JSON.parse(post.options.body)) };
}

describe("activitySnippetJs", () => {
  it("posts to the public URL's activity endpoint and reads the cl_visitor parameter", () => {
    const js = activitySnippetJs(PUBLIC_URL);
    expect(js).toContain(`"${PUBLIC_URL}/api/v1/leads/"`);
    expect(js).toContain(`"cl_visitor"`);
  });

  it("takes the token from the address, removes it from the address bar, keeps it and posts a page view of the clean address", () => {
    const page = runOnPage("https://www.acme.example/thanks?plan=pro&cl_visitor=lead_1.mac&ref=x#top");
    expect(page.replaced).toEqual(["/thanks?plan=pro&ref=x#top"]);
    expect(page.storage).toEqual({ cl_visitor: "lead_1.mac" });
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]!.url).toBe(`${PUBLIC_URL}/api/v1/leads/lead_1/activity`);
    expect(page.posts[0]!.options).toMatchObject({ method: "POST", keepalive: true, mode: "no-cors", credentials: "omit", headers: { "content-type": "text/plain" } });
    expect(page.bodies()).toEqual([{ token: "lead_1.mac", kind: "page_view", url: "https://www.acme.example/thanks?plan=pro&ref=x#top", title: "Pricing · Acme" }]);
  });

  it("leaves no empty query behind when the token was the only parameter", () => {
    expect(runOnPage("https://www.acme.example/thanks?cl_visitor=lead_1.mac").replaced).toEqual(["/thanks"]);
  });

  it("on later pages uses the stored token, and tracks content engagement with absolute URLs", () => {
    const page = runOnPage("https://www.acme.example/blog/", { cl_visitor: "lead_2.mac" });
    page.window.closeloop!.track("content", { url: "/guide.pdf", title: "The buyer's guide" });
    expect(page.replaced).toEqual([]);
    expect(page.bodies()).toEqual([
      { token: "lead_2.mac", kind: "page_view", url: "https://www.acme.example/blog/", title: "Pricing · Acme" },
      { token: "lead_2.mac", kind: "content", url: "https://www.acme.example/guide.pdf", title: "The buyer's guide" },
    ]);
  });

  it("posts nothing for a visitor without a token", () => {
    const page = runOnPage("https://www.acme.example/");
    page.window.closeloop!.track("content", { url: "/guide.pdf" });
    expect(page.posts).toEqual([]);
  });
});

describe("activitySnippetHtml", () => {
  it("is one async script tag loading the snippet from the public URL", () => {
    expect(activitySnippetHtml(PUBLIC_URL)).toBe(`<script src="${PUBLIC_URL}/activity.js" async></script>`);
  });
});
