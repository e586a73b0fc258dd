/** An RFC 9457 problem answered by the API, carrying the field it is about when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly field: string | undefined,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type RequestOptions = {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
};

let csrfToken: string | null = null;
let sessionEndedListener: (() => void) | null = null;

/** Remembers the CSRF token of the current session (null after logout), sent on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when a request answers 401 mid-session (it expired or was revoked); returns the unregister function. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListener = listener;
  return () => {
    if (sessionEndedListener === listener) sessionEndedListener = null;
  };
}

/** Calls the API: JSON in and out, session cookie included, CSRF header on writes, problems thrown as ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json, application/problem+json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== null) headers["x-csrf-token"] = csrfToken;
  const response = await fetch(path + queryString(options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: "include",
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    const error = await problemOf(response);
    if (error.status === 401 && csrfToken !== null) {
      csrfToken = null;
      sessionEndedListener?.();
    }
    throw error;
  }
  return (await response.json()) as T;
}

function queryString(query: RequestOptions["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function problemOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { title?: unknown; detail?: unknown; field?: unknown };
    const title = typeof body.title === "string" ? body.title : response.statusText;
    const detail = typeof body.detail === "string" ? body.detail : title;
    return new ApiError(response.status, title, detail, typeof body.field === "string" ? body.field : undefined);
  } catch {
    // A proxy or crash page rather than problem+json: still an ApiError, so callers handle one type.
    return new ApiError(response.status, response.statusText, `The server answered ${response.status} ${response.statusText}.`, undefined);
  }
}
