/**
 * `artu.raw` without openapi-fetch's client in the initial bundle: a facade
 * with the same methods that imports raw-client.ts (and with it openapi-fetch)
 * on the first request, then forwards every call to the real client. Every
 * request method of openapi-fetch's client returns a promise, so waiting for
 * the import is invisible to the caller; `use`/`eject` made before the client
 * exists are replayed on it, in order, once it does.
 */
import type { Client, Middleware } from "openapi-fetch";
import type { ResolvedOptions } from "./options";

const REQUEST_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "request"] as const;

type AnyClient = Client<any>;
type Forward = (client: AnyClient) => unknown;

export function lazyRawClient<Paths extends {}>(config: ResolvedOptions): Client<Paths> {
  let client: AnyClient | undefined;
  let loading: Promise<AnyClient> | undefined;
  const pending: Forward[] = [];
  const load = (): Promise<AnyClient> =>
    (loading ??= import("./raw-client").then(({ createRawClient }) => {
      const created = createRawClient<any>(config);
      for (const forward of pending.splice(0)) forward(created);
      return (client = created);
    }));
  const onClient = (forward: Forward): void => {
    if (client === undefined) pending.push(forward);
    else forward(client);
  };

  const facade: Record<string, unknown> = {
    use: (...middleware: Middleware[]) => onClient((real) => real.use(...middleware)),
    eject: (...middleware: Middleware[]) => onClient((real) => real.eject(...middleware)),
  };
  for (const name of REQUEST_METHODS) {
    facade[name] = async (...args: unknown[]) => ((client ?? (await load()))[name] as (...args: unknown[]) => unknown)(...args);
  }
  return facade as unknown as Client<Paths>;
}
