/**
 * One smoke request with node's fetch: a timeout per attempt, retries after a network error, a timeout or a
 * 5xx status (a 4xx is an answer, not an outage), and what a failure message needs: the method, the URL
 * without credentials, the status and a body excerpt.
 */
export interface HttpCall {
  method: string
  url: string
  headers: Record<string, string>
  /** Sent as JSON when defined. */
  body?: unknown
  timeoutMs: number
  retries: number
  /** Pause before retry n is n × this. */
  retryDelayMs?: number
  signal?: AbortSignal
}

export interface HttpExchange {
  method: string
  /** The URL as shown: user and password removed (other secrets are masked by the redactor). */
  url: string
  attempts: number
  durationMs: number
  status?: number
  /** The response body, cut to EXCERPT characters. */
  excerpt: string
  /** The parsed body when it is JSON. */
  json?: unknown
  /** Why there is no status: a timeout or a network error. */
  error?: string
}

const EXCERPT = 500

/** The URL without user:password (a credential in the URL is never shown). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url)
    u.username = ''
    u.password = ''
    return u.toString()
  } catch {
    return url
  }
}

function excerptOf(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}… (${text.length} characters)` : text
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

async function attempt(call: HttpCall): Promise<Omit<HttpExchange, 'attempts' | 'durationMs'>> {
  const shown = { method: call.method, url: displayUrl(call.url) }
  const timeout = AbortSignal.timeout(call.timeoutMs)
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout
  const headers = { ...call.headers }
  if (
    call.body !== undefined &&
    !Object.keys(headers).some(h => h.toLowerCase() === 'content-type')
  )
    headers['content-type'] = 'application/json'
  try {
    const res = await fetch(call.url, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal,
      redirect: 'manual'
    })
    const text = await res.text()
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    return { ...shown, status: res.status, excerpt: excerptOf(text), json }
  } catch (e) {
    const error = timeout.aborted
      ? `no answer within ${call.timeoutMs} ms (timeout)`
      : call.signal?.aborted
        ? 'cancelled'
        : describeFetchError(e)
    return { ...shown, excerpt: '', error }
  }
}

/** fetch's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, ...). */
function describeFetchError(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } }
  const cause = err.cause?.code ?? err.cause?.message
  return cause ? `${err.message}: ${cause}` : err.message
}

export async function sendRequest(call: HttpCall): Promise<HttpExchange> {
  const t0 = Date.now()
  let attempts = 0
  for (;;) {
    attempts++
    const result = await attempt(call)
    const retryable = result.error !== undefined || (result.status ?? 0) >= 500
    if (!retryable || attempts > call.retries || call.signal?.aborted)
      return { ...result, attempts, durationMs: Date.now() - t0 }
    await pause((call.retryDelayMs ?? 500) * attempts, call.signal)
  }
}
