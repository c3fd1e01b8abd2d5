/**
 * Reads a request target (`/clients/abc?limit=2`) into its path and query.
 * A target that is not a URL, or a path segment that is not valid
 * percent-encoding, is the caller's mistake: 400, not a 500 from a throw.
 */
import { EmulatorError } from "./errors";

export interface RequestTarget {
  readonly pathname: string;
  readonly searchParams: URLSearchParams;
}

export function parseTarget(raw: string | undefined): RequestTarget {
  let url: URL;
  try {
    url = new URL(raw ?? "/", "http://emulator");
  } catch {
    throw badTarget(`the request target ${JSON.stringify(raw)} is not a valid URL`);
  }
  for (const segment of url.pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      throw badTarget(`the path segment ${JSON.stringify(segment)} is not valid percent-encoding`);
    }
  }
  return { pathname: url.pathname, searchParams: url.searchParams };
}

const badTarget = (message: string): EmulatorError => new EmulatorError(400, "VALIDATION_ERROR", message, [{ path: "/path", message }]);
