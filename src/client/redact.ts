/**
 * Keeping the API key out of everything the client produces: log lines,
 * error messages, error bodies and headers. Two layers: headers known to carry
 * credentials are replaced by name, and the key itself is scrubbed from any
 * text that came from elsewhere (a server echoing the request, a fetch error
 * quoting a header value).
 */

export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/** A copy of `headers` with credential-bearing values replaced; names lower-cased. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const name in headers) {
    const lower = name.toLowerCase();
    redacted[lower] = SECRET_HEADERS.has(lower) ? REDACTED : headers[name]!;
  }
  return redacted;
}

/** `text` with every occurrence of `secret` replaced. Secrets shorter than 4 characters are not scrubbed (they would mangle ordinary text). */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < 4 || !text.includes(secret)) return text;
  return text.split(secret).join(REDACTED);
}
