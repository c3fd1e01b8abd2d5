/**
 * A hostile or careless server echoes the API key back in every encoding it
 * might use: JSON-escaped, \u-escaped, percent-encoded (once or twice), as
 * HTML entities, base64 or hex, in the error body, in x-request-id and other
 * headers, in a Location. None of it may reach an error's message, toJSON(),
 * String(), util.inspect(), stack or cause, nor a logger line, on the default
 * transport and with middleware alike. Over HTTP on 127.0.0.1.
 */
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ArtuApiError, ArtuError, ArtuRedirectError, ArtuResponseParseError } from "../../src/index";
import { REDACTED, scrubSecret } from "../../src/client/redact";
import { serveDuringTests, type TestServer } from "./support/server";
import { testClient } from "./support/descriptors";

/** "/", "+" and "=" make the JSON, percent and base64 forms differ from the key. */
const KEY = "sk_test_R3dact/Me+Please=0123456789abcdef";
const b64 = (text: string) => Buffer.from(text).toString("base64");
const hexOf = (text: string) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
const percentAll = (text: string) => [...text].map((c) => `%${hexOf(c).toUpperCase()}`).join("");
const unicodeAll = (text: string) => [...text].map((c) => `\\u${hexOf(c).padStart(4, "0")}`).join("");

/** As they appear in the raw response (JSON escapes included). */
const FORMS: Record<string, string> = {
  plain: KEY,
  jsonSlash: KEY.replace("/", "\\/"),
  unicodeFirst: `\\u0073${KEY.slice(1)}`,
  unicodeAll: unicodeAll(KEY),
  percentAll: percentAll(KEY),
  percentLower: percentAll(KEY).toLowerCase(),
  uriComponent: encodeURIComponent(KEY),
  doublePercent: encodeURIComponent(encodeURIComponent(KEY)),
  htmlEntities: [...KEY].map((c) => `&#${c.charCodeAt(0)};`).join(""),
  base64: b64(KEY),
  base64Bearer: b64(`Bearer ${KEY}`),
  base64Offset2: b64(`xx${KEY}!`),
  base64Url: b64(`Bearer ${KEY}`).replace(/\+/g, "-").replace(/\//g, "_"),
  hex: hexOf(KEY),
  hexUpper: hexOf(KEY).toUpperCase(),
  unicodeOfPercent: unicodeAll(percentAll(KEY)),
};
const ALL_FORMS = Object.values(FORMS).join(" ");

/** What a view must not contain: the key, any injected form, a distinctive piece of the key, its base64 core. */
function expectNoKey(view: string, where: string) {
  expect(view, where).not.toContain(KEY);
  expect(view, where).not.toContain("R3dact");
  expect(view, where).not.toContain(b64(KEY).slice(4, 40));
  for (const [name, form] of Object.entries(FORMS)) expect(view, `${where}: ${name}`).not.toContain(form);
}

function views(error: unknown, lines: readonly string[]): Record<string, string> {
  const cause = (error as Error).cause;
  return {
    message: (error as Error).message,
    string: String(error),
    json: JSON.stringify(error),
    toJSON: JSON.stringify((error as ArtuError).toJSON()),
    inspect: inspect(error, { depth: 20 }),
    stack: (error as Error).stack ?? "",
    cause: cause === undefined ? "" : inspect(cause, { depth: 20, showHidden: true }),
    logs: lines.join("\n"),
  };
}

let server: TestServer;
serveDuringTests((started) => (server = started));

function echoingHeaders(): Record<string, string> {
  return {
    "x-request-id": KEY,
    "x-debug-auth": FORMS.base64Bearer!,
    "x-echo": FORMS.uriComponent!,
    "www-authenticate": `Bearer error="invalid_token", token="${FORMS.percentAll}"`,
  };
}

function respond(status: number, body: string, headers: Record<string, string>) {
  server.handle((_, response) => {
    response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers });
    response.end(body);
  });
}

const transports = [
  ["default transport", {}],
  ["middleware", { middleware: [{ onRequest: () => undefined }] }],
] as const;

for (const [transport, extra] of transports) {
  describe(`the key in every encoding (${transport})`, () => {
    function client() {
      const lines: string[] = [];
      const record = (message: string, details?: unknown) => lines.push(`${message} ${JSON.stringify(details)}`);
      const artu = testClient({ baseUrl: server.url, apiKey: KEY, maxRetries: 1, logger: { debug: record, info: record, warn: record, error: record }, ...extra });
      return { artu, lines };
    }

    it("a JSON error body and headers echoing it (retried 500)", async () => {
      const body = `{"code":"${FORMS.jsonSlash}","message":"bad key ${ALL_FORMS}","requestId":"${FORMS.unicodeAll}",` +
        `"issues":[{"path":"/${FORMS.unicodeFirst}","message":"${ALL_FORMS}"}],"echo":{"${FORMS.unicodeFirst}":["${ALL_FORMS}"]}}`;
      expect(JSON.parse(body).message).toContain(KEY); // the body really carries the key once parsed
      respond(500, body, echoingHeaders());
      const { artu, lines } = client();
      const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuApiError;
      expect(error).toBeInstanceOf(ArtuApiError);
      expect(server.requests.length).toBe(2);
      expect(error.requestId).toBe(REDACTED);
      expect(error.code).toBe(REDACTED);
      expect(error.message).toMatch(/^clients\.retrieve \(GET \/clients\/\{id\}\) failed with 500 \[REDACTED\]: bad key \[REDACTED\]/);
      expect(lines.length).toBeGreaterThanOrEqual(5);
      for (const [name, view] of Object.entries(views(error, lines))) expectNoKey(view, name);
    });

    it("a text error body (422) and a 200 that is not JSON", async () => {
      respond(422, `<html>denied for ${ALL_FORMS}</html>`, echoingHeaders());
      const { artu, lines } = client();
      const first = await artu.clients.create({ name: "x" }).catch((e: unknown) => e);
      expect(first).toBeInstanceOf(ArtuApiError);
      respond(200, `${KEY} is not JSON ${ALL_FORMS}`, echoingHeaders());
      const second = await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(ArtuResponseParseError);
      for (const error of [first, second]) for (const [name, view] of Object.entries(views(error, lines))) expectNoKey(view, name);
    });

    it.each(Object.entries(FORMS))("a text error body with the %s form, past the first 500 characters or not", async (_, form) => {
      const { artu, lines } = client();
      for (const padding of ["", "x".repeat(480)]) {
        respond(403, `${padding}<p>denied for ${form}</p>`, { "x-request-id": form });
        const error = (await artu.clients.create({ name: "x" }).catch((e: unknown) => e)) as ArtuApiError;
        expect(error).toBeInstanceOf(ArtuApiError);
        expect(error.requestId).toContain(REDACTED);
        for (const [name, view] of Object.entries(views(error, lines))) expectNoKey(view, name);
      }
    });

    it("a redirect whose Location carries it", async () => {
      respond(307, "", { location: `https://evil.example/?k=${FORMS.uriComponent}&b=${FORMS.base64Url}`, "x-request-id": FORMS.hex! });
      const { artu, lines } = client();
      const error = (await artu.clients.create({ name: "x" }).catch((e: unknown) => e)) as ArtuRedirectError;
      expect(error).toBeInstanceOf(ArtuRedirectError);
      expect(error.location).toContain(`k=${REDACTED}`);
      for (const [name, view] of Object.entries(views(error, lines))) expectNoKey(view, name);
    });
  });
}

describe("a failing fetch that holds the key", () => {
  it("keeps a scrubbed copy as cause, never the original", async () => {
    const thrown = Object.assign(new Error(`proxy refused ${FORMS.base64Bearer}`), {
      code: "ECONNRESET",
      config: { headers: { authorization: `Bearer ${KEY}` } },
    });
    const lines: string[] = [];
    const artu = testClient({
      baseUrl: server.url,
      apiKey: KEY,
      maxRetries: 0,
      logger: { debug: (m, d) => lines.push(`${m} ${JSON.stringify(d)}`) },
      fetch: (async () => {
        throw thrown;
      }) as unknown as typeof fetch,
    });
    const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuError;
    expect(error.name).toBe("ArtuConnectionError");
    expect(error.cause).not.toBe(thrown);
    expect((error.cause as Error & { code?: string }).code).toBe("ECONNRESET");
    expect((error.cause as Error).message).toContain(REDACTED);
    for (const [name, view] of Object.entries(views(error, lines))) expectNoKey(view, name);
  });

  it("keeps the original cause when it holds nothing of the key", async () => {
    const thrown = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const artu = testClient({ baseUrl: server.url, apiKey: KEY, maxRetries: 0, fetch: (async () => Promise.reject(thrown)) as unknown as typeof fetch });
    const error = (await artu.clients.retrieve({ id: "c1" }).catch((e: unknown) => e)) as ArtuError;
    expect(error.cause).toBe(thrown);
  });
});

describe("scrubSecret", () => {
  it("leaves text without the key alone, and ordinary words that share its characters", () => {
    const text = "sk_test_ and R3 and Me+Please and 0123456789 and c2tfdGVzdA==";
    expect(scrubSecret(text, KEY)).toBe(text);
  });

  it("finds the key under two layers of escaping", () => {
    expectNoKey(scrubSecret(`a ${percentAll(percentAll(KEY))} b`, KEY), "double percent-encoded");
    expectNoKey(scrubSecret(`a ${unicodeAll(percentAll(KEY))} b`, KEY), "\\u-escaped percent-encoding");
  });

  it.each(Object.entries(FORMS))("replaces the %s form inside other text", (_, form) => {
    const scrubbed = scrubSecret(`before ${form} after`, KEY);
    expect(scrubbed).toMatch(/^before .*\[REDACTED\].* after$/);
    expectNoKey(scrubbed, "scrubbed");
  });
});
