/**
 * `artu.raw`: an openapi-fetch client on the same base URL and fetch, with
 * the client's headers added by a middleware (first in the chain, so the
 * caller's middleware sees the request as it will be sent), then the caller's
 * middleware. Generated methods use it too when middleware is configured.
 */
import createClient, { defaultPathSerializer, type Client, type Middleware } from "openapi-fetch";
import { ArtuError } from "./errors";
import { checkApiKeyValue, type ResolvedOptions } from "./options";
import { hasDotSegment } from "./path-template";

export function createRawClient<Paths extends {}>(config: ResolvedOptions): Client<Paths> {
  const headers: Record<string, string> = { accept: "application/json" };
  for (const name in config.defaultHeaders) headers[name.toLowerCase()] = config.defaultHeaders[name]!;
  const raw = createClient<Paths>({ baseUrl: config.baseUrl, fetch: config.fetch, headers, pathSerializer: refusingDotSegments });
  raw.use(authMiddleware(config), ...config.middleware);
  return raw;
}

/**
 * openapi-fetch's path serializer, refusing a parameter that is (or decodes
 * to) a dot segment as the generated methods do (path-template.ts): the URL
 * would reach another path.
 */
function refusingDotSegments(pathname: string, pathParams: Record<string, unknown>): string {
  for (const name in pathParams) {
    const value = pathParams[name];
    if ((typeof value === "string" || typeof value === "number") && hasDotSegment(String(value))) {
      throw new ArtuError(
        `artu.raw: path parameter "${name}" is ${JSON.stringify(String(value))}, a "." or ".." segment (possibly percent-encoded) ` +
          `that would make the URL reach another path; nothing was sent`,
      );
    }
  }
  return defaultPathSerializer(pathname, pathParams);
}

/**
 * Sets Authorization (unless the request already carries the key resolved
 * for it by a generated method) and always sets X-Environment: the
 * environment is the client's, never a request's.
 */
function authMiddleware(config: ResolvedOptions): Middleware {
  return {
    async onRequest({ request }) {
      if (!request.headers.has("authorization")) {
        const key = typeof config.apiKey === "string" ? config.apiKey : await config.apiKey();
        checkApiKeyValue(key, "the apiKey function's result", "artu.raw");
        request.headers.set("authorization", `Bearer ${key}`);
      }
      request.headers.set("x-environment", config.environment);
      return undefined;
    },
  };
}
