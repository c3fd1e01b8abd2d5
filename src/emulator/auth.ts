/**
 * ARTU's authentication: `Authorization: Bearer <key>` with a key the
 * emulator accepts, and `X-Environment: test|live` selecting the data set.
 */
import { EmulatorError } from "./errors";

export const DEFAULT_API_KEY = "sk_test_emulator";
export const ENVIRONMENTS = ["test", "live"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

type Headers = Record<string, string | string[] | undefined>;

/** Returns the environment of an authenticated request, or throws 401/400. */
export function authenticate(headers: Headers, acceptedKeys: ReadonlySet<string>): Environment {
  const authorization = single(headers.authorization);
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) throw new EmulatorError(401, "UNAUTHORIZED", "missing or malformed Authorization header: expected `Bearer <api key>`");
  if (!acceptedKeys.has(match[1]!)) throw new EmulatorError(401, "UNAUTHORIZED", "the API key is not valid for this emulator");
  const environment = single(headers["x-environment"]);
  if (environment !== "test" && environment !== "live") {
    throw new EmulatorError(400, "VALIDATION_ERROR", 'the X-Environment header must be "test" or "live"', [
      { path: "/header/X-Environment", message: environment === undefined ? "is required" : 'must be "test" or "live"' },
    ]);
  }
  return environment;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
