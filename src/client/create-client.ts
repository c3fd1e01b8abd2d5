/**
 * `createArtuClient`: the generated resources (one namespace per tag) bound to
 * the runtime, plus `request` (any operation descriptor), `raw` (openapi-fetch
 * on every path of the spec) and the environment it talks to.
 */
import { createResources, type ArtuResources } from "../../generated/operations";
import type { paths } from "../../generated/schema";
import { assembleClient, type AssembledClient } from "./assemble";
import type { ArtuClientOptions } from "./options";

export type ArtuClient = AssembledClient<ArtuResources, paths>;

/**
 * @example
 * const artu = createArtuClient({ apiKey: process.env.ARTU_API_KEY!, environment: "test" });
 * const client = await artu.clients.promote({ id });
 * for await (const address of artu.addresses.listForClient.iterate({ clientId })) console.log(address.city);
 */
export function createArtuClient(options: ArtuClientOptions): ArtuClient {
  return assembleClient<ArtuResources, paths>(options, createResources);
}
