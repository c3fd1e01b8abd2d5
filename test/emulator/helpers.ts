/**
 * Test plumbing: start an emulator (response validation on, so no test can
 * pass with a response the snapshot rejects), call it over HTTP with plain
 * fetch, check every 2xx body as the package's client does with
 * `drift: "strict"` (so no test passes with a field the snapshot does not
 * describe), and record which operationIds a test exercised.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import artu from "../../openapi/artu.json";
import { DEFAULT_API_KEY, startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index";
import { createResponseCheck } from "../../src/drift/check";
import { createRouter } from "../../src/emulator/router";
import { readOperations } from "../../src/emulator/spec-operations";

export type Env = "test" | "live";

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ seed: 7, validateResponses: true, ...options });
}

/** One emulator for the test file (stopped after it); a fresh environment and client before each test. */
export function useTestEmulator(): { readonly emulator: Emulator; readonly client: Api } {
  const current = {} as { emulator: Emulator; client: Api };
  beforeAll(async () => {
    current.emulator = await startTestEmulator();
  });
  afterAll(() => current.emulator.stop());
  beforeEach(() => {
    current.emulator.reset();
    current.client = api(current.emulator);
  });
  return current;
}

const router = createRouter(readOperations(artu));

/** The snapshot operationId a request targets (undefined for unknown routes). */
export function operationIdOf(method: string, path: string): string | undefined {
  return operationOf(method, path)?.operationId;
}

function operationOf(method: string, path: string): { operationId: string; path: string } | undefined {
  const found = router.find(method, new URL(path, "http://x").pathname);
  return found.kind === "matched" ? found.match.route : undefined;
}

/** The client's own check with `drift: "strict"`: throws ArtuDriftError for a field, type or enum value the snapshot does not describe. */
const strictDriftCheck = createResponseCheck({ drift: "strict", onDrift: undefined, logger: undefined })!;

export interface Api {
  call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>>;
  get<T = any>(path: string): Promise<Reply<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  del<T = any>(path: string, body?: unknown): Promise<Reply<T>>;
  /** operationIds of the calls that answered 2xx. */
  readonly exercised: Set<string>;
}

export function api(emulator: { url: string }, env: Env = "test", key: string = DEFAULT_API_KEY, exercised: Set<string> = new Set()): Api {
  const call = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        "x-environment": env,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (response.status >= 200 && response.status < 300) {
      const operation = operationOf(method, path);
      if (operation) {
        const context = { operationId: operation.operationId, method, path: operation.path, url: `${emulator.url}${path}` };
        await strictDriftCheck(context, { status: response.status, headers: response.headers, text }, parsed, 1, key);
        exercised.add(operation.operationId);
      }
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    call,
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    put: (path, body) => call("PUT", path, body),
    patch: (path, body) => call("PATCH", path, body),
    del: (path, body) => call("DELETE", path, body),
    exercised,
  };
}

/** Asserts a 2xx and returns the body, with the error body in the failure message otherwise. */
export function ok<T>(reply: Reply<T>): T {
  if (reply.status < 200 || reply.status >= 300) throw new Error(`expected 2xx, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

export const person = (name: string, extra: Record<string, unknown> = {}) => ({ type: "individual", name, ...extra });
