/**
 * Type tests of the sync planner types (src/core/helpers.ts) on the
 * hand-written descriptions; checked by `npx vitest run --typecheck test/sync`
 * and by `npx tsc --noEmit`.
 */
import { describe, expectTypeOf, test } from "vitest";
import { planSync } from "../../src/sync";
import type {
  SyncCounts,
  SyncPlan,
  SyncPlanInput,
  SyncRequest,
} from "../../src/internal";
import {
  addressesSyncPlanner,
  clientsSyncPlanner,
  type AddressesSyncBody,
  type AddressesSyncParams,
  type ClientsSyncBody,
  type ClientsSyncParams,
} from "./descriptions";

type AddressesInput = SyncPlanInput<
  typeof addressesSyncPlanner,
  AddressesSyncParams,
  AddressesSyncBody
>;
type ClientsInput = SyncPlanInput<
  typeof clientsSyncPlanner,
  ClientsSyncParams,
  ClientsSyncBody
>;
const planAddresses = (input: AddressesInput) =>
  planSync<typeof addressesSyncPlanner, AddressesSyncParams, AddressesSyncBody>(
    addressesSyncPlanner,
    input,
  );
const planClients = (input: ClientsInput) =>
  planSync<typeof clientsSyncPlanner, ClientsSyncParams, ClientsSyncBody>(
    clientsSyncPlanner,
    input,
  );

describe("sync planner types", () => {
  test("single-array operation: desired is a list of request items without id and _delete; context comes from Params", () => {
    expectTypeOf<AddressesInput["clientId"]>().toEqualTypeOf<string>();
    expectTypeOf<AddressesInput["desired"][number]>().toHaveProperty("city");
    expectTypeOf<AddressesInput["desired"][number]>().not.toHaveProperty(
      "_delete",
    );
    expectTypeOf<AddressesInput["desired"][number]["id"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(planAddresses).returns.toEqualTypeOf<
      SyncPlan<
        typeof addressesSyncPlanner,
        AddressesSyncParams,
        AddressesSyncBody
      >
    >();
    expectTypeOf<
      ReturnType<typeof planAddresses>["requests"][number]
    >().toEqualTypeOf<SyncRequest<AddressesSyncParams, AddressesSyncBody>>();
    expectTypeOf<
      ReturnType<typeof planAddresses>["summary"][string]
    >().toEqualTypeOf<SyncCounts>();
  });

  test("wrong field names and wrong value types in desired do not compile", () => {
    planAddresses({
      clientId: "c",
      current: [],
      desired: [{ city: "CDMX", type: "home" }],
    });
    // @ts-expect-error "citi" is not a field of an address
    planAddresses({ clientId: "c", current: [], desired: [{ citi: "CDMX" }] });
    // @ts-expect-error "villa" is not an address type
    planAddresses({ clientId: "c", current: [], desired: [{ type: "villa" }] });
    planAddresses({
      clientId: "c",
      current: [],
      // @ts-expect-error _delete is the planner's business, not the caller's
      desired: [{ city: "CDMX", _delete: true }],
    });
    // @ts-expect-error clientId (a path parameter) is required
    planAddresses({ current: [], desired: [] });
    // @ts-expect-error current items need their id
    planAddresses({ clientId: "c", current: [{ city: "CDMX" }], desired: [] });
  });

  test("several arrays: desired is keyed by array name plus the plain objects; current is the retrieved resource", () => {
    planClients({
      clientId: "c",
      current: {
        addresses: [{ id: "a1", city: "CDMX" }],
        contactMethods: null,
      },
      desired: {
        client: { name: "Acme" },
        addresses: [{ externalId: "e1", city: "CDMX" }],
      },
      match: "externalId",
      replace: true,
    });
    // @ts-expect-error "phones" is not an array of clients.sync
    planClients({ clientId: "c", current: {}, desired: { phones: [] } });
    planClients({
      clientId: "c",
      current: {},
      // @ts-expect-error "nombre" is not a field of the client object
      desired: { client: { nombre: "Acme" } },
    });
    planClients({
      clientId: "c",
      current: {},
      // @ts-expect-error "valor" is not a field of a contact method
      desired: { contactMethods: [{ valor: "a@b.mx" }] },
    });
    // @ts-expect-error match takes "id", "externalId" or a key function
    planClients({ clientId: "c", current: {}, desired: {}, match: "name" });
    planClients({
      clientId: "c",
      current: {},
      desired: {},
      match: (item) => String(item.externalId),
    });
  });
});
