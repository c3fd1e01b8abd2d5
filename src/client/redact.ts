/**
 * Keeping the API key out of everything the client produces: log lines,
 * error messages, error bodies and headers. Two layers: headers known to carry
 * credentials are replaced by name, and the key itself is scrubbed from any
 * text that came from elsewhere (a server echoing the request, a fetch error
 * quoting a header value).
 *
 * A server or proxy rarely echoes the key verbatim: it escapes it in JSON
 * ("sk_test\/…", "\u0073k_…"), percent-encodes it, base64-encodes a header it
 * logs, or hex-dumps it. The scrubber of a key matches all of these, in any
 * mix per character, case-insensitively; it is compiled once per key (error
 * and log paths only, never for a successful request without a logger).
 */

export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/** Keys shorter than this are not scrubbed: they would mangle ordinary text. */
const MIN_SCRUBBED_LENGTH = 4;
/** A base64 run shorter than this says too little to be taken for the key. */
const MIN_BASE64_CORE = 12;

/** A copy of `headers` with credential-bearing values replaced; names lower-cased. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const name in headers) {
    const lower = name.toLowerCase();
    redacted[lower] = SECRET_HEADERS.has(lower) ? REDACTED : headers[name]!;
  }
  return redacted;
}

/** Layers of escaping undone when looking for the key encoded twice ("\u0025\u0037\u0033…" is "%73…", which is "s…"). */
const MAX_EXTRA_LAYERS = 2;

/**
 * `text` with every occurrence of `secret`, in any of the encodings above,
 * replaced by [REDACTED]. When the key hides under a second layer of escaping,
 * the text is returned with that layer decoded (and the key replaced): a text
 * that held the key is not kept as it was.
 */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (secret === undefined || secret.length < MIN_SCRUBBED_LENGTH || text === "") return text;
  const pattern = patternFor(secret);
  let scrubbed = text.replace(pattern, REDACTED);
  let layerText = scrubbed;
  for (let layer = 0; layer < MAX_EXTRA_LAYERS; layer++) {
    const decoded = decodeEscapes(layerText);
    if (decoded === layerText) break;
    layerText = decoded.replace(pattern, REDACTED);
    if (layerText !== decoded) scrubbed = layerText;
  }
  return scrubbed;
}

const ESCAPE = /\\u([0-9a-f]{4})|\\x([0-9a-f]{2})|%([0-9a-f]{2})|&#x([0-9a-f]+);|&#([0-9]+);/gi;

/** One layer of \uXXXX, \xXX, %XX and HTML character references decoded. */
function decodeEscapes(text: string): string {
  if (!/[\\%&]/.test(text)) return text;
  return text.replace(ESCAPE, (whole, unicode?: string, hexByte?: string, percent?: string, entityHex?: string, entityDecimal?: string) => {
    const code = parseInt(unicode ?? hexByte ?? percent ?? entityHex ?? "", 16) || Number(entityDecimal);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Whether `text` holds `secret` in any encoding scrubSecret knows. */
export function containsSecret(text: string, secret: string | undefined): boolean {
  return scrubSecret(text, secret) !== text;
}

/**
 * A parsed JSON value with the key scrubbed from every string and property
 * name, including encodings that only appear once parsed ("\u0025\u0037\u0033…"
 * is "%73…"). The same value when there was nothing to scrub.
 */
export function scrubParsed<T>(value: T, secret: string | undefined): T {
  if (value === undefined || typeof value !== "object" || value === null) {
    return typeof value === "string" ? (scrubSecret(value, secret) as T) : value;
  }
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    return value;
  }
  const scrubbed = scrubSecret(json, secret);
  // [REDACTED] has nothing to escape, so replacing inside a JSON text keeps it valid JSON.
  return scrubbed === json ? value : (JSON.parse(scrubbed) as T);
}

// ---------------------------------------------------------------------------
// The pattern of one key

const patterns = new Map<string, RegExp>();
/** Clients with a key function may see a few keys (rotation); more than this and the oldest is compiled again when needed. */
const MAX_CACHED_PATTERNS = 8;

function patternFor(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (pattern === undefined) {
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.delete(patterns.keys().next().value!);
    pattern = new RegExp([characterwise(secret), ...base64Cores(secret), hex(secret)].join("|"), "gi");
    patterns.set(secret, pattern);
  }
  return pattern;
}

/** Each character as itself or escaped: %XX, %25XX, \uXXXX, \xXX, \c, &#NN;, &#xXX;. */
function characterwise(secret: string): string {
  return [...secret]
    .map((character) => {
      const code = character.codePointAt(0)!;
      const hexCode = code.toString(16).padStart(2, "0");
      const literal = escapeRegExp(character);
      return code > 0xff
        ? literal
        : `(?:${literal}|%(?:25)?${hexCode}|\\\\u00${hexCode}|\\\\x${hexCode}|\\\\${literal}|&#0*${code};|&#x0*${hexCode};)`;
    })
    .join("");
}

/**
 * The base64 of the key at each of the three byte alignments it can have
 * inside a longer encoded text ("Bearer sk_…", a JSON dump), without the
 * characters that depend on its neighbours; standard and URL-safe alphabets.
 */
function base64Cores(secret: string): string[] {
  const bytes = utf8Binary(secret);
  const cores = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const encoded = btoa("\0".repeat(offset) + bytes);
    const core = encoded.slice(offset === 0 ? 0 : offset + 1, Math.floor((offset + bytes.length) / 3) * 4);
    if (core.length < MIN_BASE64_CORE) continue;
    cores.add(core);
    cores.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...cores].map(escapeRegExp);
}

function hex(secret: string): string {
  return [...utf8Binary(secret)].map((byte) => byte.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}

/** The UTF-8 bytes of `text` as a binary string (what btoa takes). */
function utf8Binary(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
