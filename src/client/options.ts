/**
 * Client options: what a caller may pass, and their validation into the
 * resolved configuration the rest of the client reads. Everything is checked
 * at construction so that a misconfigured client fails before its first
 * request, with a message naming the option (never the key's value).
 */
import type { Middleware } from "openapi-fetch";
import { DRIFT_MODES, type DriftHandler, type DriftMode } from "../drift/types";
import { ArtuError } from "./errors";

export type ArtuEnvironment = "test" | "live";
export const ARTU_ENVIRONMENTS: readonly ArtuEnvironment[] = ["test", "live"];
export const DEFAULT_BASE_URL = "https://api.artu.ai";
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 2;
/** Beyond 10 retries, backoff capped at 8 s keeps a call waiting for minutes: a loop of its own is clearer. */
export const MAX_RETRIES_LIMIT = 10;

/** The key, or a function called before every request (rotation, per-tenant keys, a secrets manager). */
export type ArtuApiKey = string | (() => string | Promise<string>);

/** Any console-like object works; every method is optional. Lines never contain the API key. */
export interface ArtuLogger {
  debug?(message: string, details?: Record<string, unknown>): void;
  info?(message: string, details?: Record<string, unknown>): void;
  warn?(message: string, details?: Record<string, unknown>): void;
  error?(message: string, details?: Record<string, unknown>): void;
}

export interface ArtuClientOptions {
  apiKey: ArtuApiKey;
  /** Sent as `X-Environment` on every request. Required: nothing reaches live by default. */
  environment: ArtuEnvironment;
  /** Default https://api.artu.ai (the emulator, a proxy or a mock server otherwise). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** Per attempt, default 60 000. */
  timeoutMs?: number;
  /** Automatic retries after the first attempt: an integer from 0 to 10, default 2. See retry.ts for which failures are retried. */
  maxRetries?: number;
  /** openapi-fetch middleware; when given, every request (generated methods included) goes through it. */
  middleware?: readonly Middleware[];
  logger?: ArtuLogger;
  /** Sent on every request. `Authorization` and `X-Environment` are the client's own and cannot be set here. */
  defaultHeaders?: Readonly<Record<string, string>>;
  /**
   * Check every success response against the snapshot's response schema (unknown properties, unknown enum
   * values, missing required properties, type mismatches). "off" (default): no check, nothing loaded.
   * "report": `onDrift` once per operation, place and kind; the call still returns the data.
   * "strict": throw ArtuDriftError (carrying the divergences) instead of returning drifting data.
   */
  drift?: DriftMode;
  /** Receives what `drift: "report"` finds. Default: `logger.warn` (else console.warn) with one readable line. */
  onDrift?: DriftHandler;
}

export interface ResolvedOptions {
  readonly apiKey: ArtuApiKey;
  readonly environment: ArtuEnvironment;
  /** Without a trailing slash. */
  readonly baseUrl: string;
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly middleware: readonly Middleware[];
  readonly logger: ArtuLogger | undefined;
  readonly defaultHeaders: Readonly<Record<string, string>>;
  readonly drift: DriftMode;
  readonly onDrift: DriftHandler | undefined;
}

/** Header names the client sets itself; callers cannot override them (that would bypass the environment guard). */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set(["authorization", "x-environment"]);

export function resolveOptions(options: ArtuClientOptions): ResolvedOptions {
  if (options === null || typeof options !== "object") {
    throw configError(`expects an options object ({ apiKey, environment }), got ${describeValue(options)}`);
  }
  return {
    apiKey: checkApiKeyOption(options.apiKey),
    environment: checkEnvironment(options.environment),
    baseUrl: checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    fetch: checkFetch(options.fetch),
    timeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, "timeoutMs"),
    maxRetries: checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES, "maxRetries"),
    middleware: checkMiddleware(options.middleware),
    logger: options.logger ?? undefined,
    defaultHeaders: checkHeaders(options.defaultHeaders ?? {}, "defaultHeaders"),
    drift: checkDrift(options.drift ?? "off"),
    onDrift: checkOnDrift(options.onDrift),
  };
}

function checkDrift(drift: unknown): DriftMode {
  if (!DRIFT_MODES.includes(drift as DriftMode)) throw configError(`drift must be "off", "report" or "strict", got ${describeValue(drift)}`);
  return drift as DriftMode;
}

function checkOnDrift(onDrift: unknown): DriftHandler | undefined {
  if (onDrift === undefined) return undefined;
  if (typeof onDrift !== "function") throw configError(`onDrift must be a function, got ${describeValue(onDrift)}`);
  return onDrift as DriftHandler;
}

function checkEnvironment(environment: unknown): ArtuEnvironment {
  if (environment === undefined) {
    throw configError(`environment is required: pass environment: "test" or environment: "live" (there is no default, so nothing reaches live by accident)`);
  }
  if (!ARTU_ENVIRONMENTS.includes(environment as ArtuEnvironment)) {
    throw configError(`environment must be "test" or "live", got ${describeValue(environment)}`);
  }
  return environment as ArtuEnvironment;
}

function checkApiKeyOption(apiKey: unknown): ArtuApiKey {
  if (typeof apiKey === "function") return apiKey as ArtuApiKey;
  checkApiKeyValue(apiKey, "apiKey");
  return apiKey as string;
}

/** Validates a key without ever quoting it. Used at construction and on every value an apiKey function returns. */
export function checkApiKeyValue(apiKey: unknown, source: string, context = "createArtuClient"): asserts apiKey is string {
  if (apiKey === undefined || apiKey === null || apiKey === "") {
    throw configError(`${source} is required (a string, or a function returning one) and was ${apiKey === "" ? "empty" : String(apiKey)}`, context);
  }
  if (typeof apiKey !== "string") {
    throw configError(`${source} must be a string, got a value of type ${typeof apiKey}`, context);
  }
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    throw configError(
      `${source} contains whitespace or characters not allowed in an HTTP header (check for a trailing newline from a file or an environment variable)`,
      context,
    );
  }
}

function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== "string" || !URL.canParse(baseUrl)) {
    throw configError(`baseUrl must be an absolute http(s) URL, got ${describeValue(baseUrl)}`);
  }
  const url = new URL(baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw configError(`baseUrl must use http or https, got ${JSON.stringify(url.protocol)}`);
  }
  if (url.username !== "" || url.password !== "") {
    throw configError(`baseUrl must not contain credentials (they would end up in error messages); use apiKey`);
  }
  if (url.search !== "" || url.hash !== "") {
    throw configError(`baseUrl must not have a query or fragment, got ${JSON.stringify(baseUrl)}`);
  }
  return baseUrl.replace(/\/+$/, "");
}

function checkFetch(fetchOption: unknown): typeof globalThis.fetch {
  if (fetchOption === undefined) return globalThis.fetch;
  if (typeof fetchOption !== "function") throw configError(`fetch must be a function, got ${describeValue(fetchOption)}`);
  return fetchOption as typeof globalThis.fetch;
}

export function checkTimeout(timeoutMs: unknown, name: string, context = "createArtuClient"): number {
  if (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw configError(`${name} must be a positive number of milliseconds, got ${describeValue(timeoutMs)}`, context);
  }
  return timeoutMs;
}

export function checkMaxRetries(maxRetries: unknown, name: string, context = "createArtuClient"): number {
  if (typeof maxRetries !== "number" || !Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > MAX_RETRIES_LIMIT) {
    throw configError(`${name} must be an integer from 0 to ${MAX_RETRIES_LIMIT}, got ${describeValue(maxRetries)}`, context);
  }
  return maxRetries;
}

function checkMiddleware(middleware: unknown): readonly Middleware[] {
  if (middleware === undefined) return [];
  if (!Array.isArray(middleware)) throw configError(`middleware must be an array of openapi-fetch middleware, got ${describeValue(middleware)}`);
  return middleware;
}

/** Header values must be strings, and the reserved names are refused. */
export function checkHeaders(headers: unknown, name: string, context = "createArtuClient"): Readonly<Record<string, string>> {
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw configError(`${name} must be an object of header names to string values, got ${describeValue(headers)}`, context);
  }
  for (const [header, value] of Object.entries(headers)) {
    if (RESERVED_HEADERS.has(header.toLowerCase())) {
      throw configError(
        `${name}.${header} cannot be set: the client sends Authorization (from apiKey; pass a function for per-request keys) and X-Environment (from environment) itself`,
        context,
      );
    }
    if (typeof value !== "string") throw configError(`${name}.${header} must be a string, got a value of type ${typeof value}`, context);
  }
  return headers as Readonly<Record<string, string>>;
}

function configError(problem: string, context = "createArtuClient"): ArtuError {
  return new ArtuError(`${context}: ${problem}`);
}

function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
