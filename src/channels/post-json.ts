import { type DeliveryResult, failedDelivery } from "./channel.js";

/** Characters of a failing peer's answer kept in the delivery log: enough to read the reason. */
const ERROR_BODY_CHARS = 200;

/**
 * POSTs a JSON body. 2xx is delivered; anything else, a timeout or a network error is a failed
 * attempt carrying the status code and the reason. Redirects are not followed: a 3xx is a
 * failure, so a signed body never lands somewhere the subscriber did not name.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<DeliveryResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "user-agent": "Closeloop-Webhooks/1", ...headers },
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return failedDelivery(describeFetchError(error, timeoutMs));
  }
  const text = await response.text().catch(() => "");
  if (response.status >= 200 && response.status < 300) return { isDelivered: true, statusCode: response.status };
  return failedDelivery(`HTTP ${response.status}${text ? `: ${text.slice(0, ERROR_BODY_CHARS)}` : ""}`, { statusCode: response.status });
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${timeoutMs} ms`;
  if (!(error instanceof Error)) return String(error);
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure, a bad port) is its cause.
  const cause = error.cause as { code?: string; message?: string } | undefined;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ""}`;
  return cause?.message ? `${error.message}: ${cause.message}` : error.message;
}
