import { escapeHtml } from "../forms/form-snippet.js";
import { VISITOR_PARAM } from "./visitor-token.js";

/** Where the snippet is served, under the public URL. */
export const ACTIVITY_SNIPPET_PATH = "/activity.js";

/** Titles are cut to the length the activity endpoint takes. */
const TITLE_MAX_LENGTH = 300;

/**
 * The website activity snippet (`/activity.js`). It picks up the visitor token a form's thank-you
 * redirect added to the address (`?cl_visitor=`), drops it from the address bar and keeps it in
 * localStorage; then, on every page of the site, it posts a `page_view` and offers
 * `window.closeloop.track("content", { url, title })` for downloads, videos and the like.
 * Without a token it does nothing. ES5 with no dependencies; a browser without `fetch` is skipped.
 * It posts `text/plain` in `no-cors` mode so no CORS preflight is needed (the endpoint reads the
 * JSON body either way), without cookies, and with `keepalive` so a post survives the page closing.
 */
export function activitySnippetJs(publicUrl: string): string {
  return `/* Closeloop website activity */
(function (w, d) {
  var endpoint = ${JSON.stringify(`${publicUrl}/api/v1/leads/`)}, name = ${JSON.stringify(VISITOR_PARAM)}, token = null;
  try {
    var found = new RegExp("[?&]" + name + "=([^&]*)").exec(w.location.search);
    if (found) {
      token = decodeURIComponent(found[1]);
      var search = w.location.search.replace(new RegExp("([?&])" + name + "=[^&]*&?"), "$1").replace(/[?&]$/, "");
      if (w.history.replaceState) w.history.replaceState(w.history.state, "", w.location.pathname + search + w.location.hash);
      w.localStorage.setItem(name, token);
    } else token = w.localStorage.getItem(name);
  } catch (e) {}
  function absolute(url) {
    var link = d.createElement("a");
    link.href = url;
    return link.href;
  }
  function track(kind, detail) {
    var dot = token ? token.lastIndexOf(".") : -1;
    if (dot < 1 || !w.fetch) return;
    detail = detail || {};
    var body = { token: token, kind: kind, url: detail.url ? absolute(detail.url) : w.location.href, title: String(detail.title || d.title).slice(0, ${TITLE_MAX_LENGTH}) };
    w.fetch(endpoint + encodeURIComponent(token.slice(0, dot)) + "/activity", {
      method: "POST", keepalive: true, mode: "no-cors", credentials: "omit",
      headers: { "content-type": "text/plain" }, body: JSON.stringify(body)
    })["catch"](function () {});
  }
  w.closeloop = { track: track };
  track("page_view");
})(window, document);
`;
}

/** The tag an admin pastes into every page of the website to record visitors' activity. */
export function activitySnippetHtml(publicUrl: string): string {
  return `<script src="${escapeHtml(`${publicUrl}${ACTIVITY_SNIPPET_PATH}`)}" async></script>`;
}
