/**
 * Type tests on the generated planners and narrowing helpers
 * (generated/helpers.ts): what integrators write compiles, mistakes do not.
 */
import { describe, expectTypeOf, test } from "vitest";
import {
  assertClientsMigrateCompleted,
  isClientsMigrateBlocked,
  matchClientsMigrateResult,
  planAddressesSync,
  planClientsSync,
  type ClientsMigrateBlocked,
  type ClientsMigrateCompleted,
  type ClientsSyncPlan,
} from "../../generated/helpers";
import type {
  ClientsMigrateResult,
  ClientsRetrieveResult,
  AddressesListForClientItem,
} from "../../generated/operations";

declare const retrieved: ClientsRetrieveResult;
declare const addresses: AddressesListForClientItem[];
declare const migrateResult: ClientsMigrateResult;

describe("generated sync planners", () => {
  test("clients.sync: the retrieved client is the current state; desired uses request field names", () => {
    const plan = planClientsSync({
      clientId: retrieved.id,
      current: retrieved,
      desired: {
        client: { name: "Acme SA de CV" },
        addresses: [
          {
            externalId: "erp-1",
            street: "Reforma 1",
            city: "CDMX",
            state: "CDMX",
            postalCode: "06600",
            type: "home",
          },
        ],
        contactMethods: [
          { externalId: "erp-c1", type: "email", value: "ops@acme.mx" },
        ],
      },
      match: "externalId",
    });
    expectTypeOf(plan).toEqualTypeOf<ClientsSyncPlan>();
    planClientsSync({
      clientId: retrieved.id,
      current: retrieved,
      // @ts-expect-error "postcode" is not an address field (postalCode is)
      desired: { addresses: [{ postcode: "06600" }] },
    });
    planClientsSync({
      clientId: retrieved.id,
      current: retrieved,
      // @ts-expect-error "villa" is not an address type
      desired: { addresses: [{ type: "villa" }] },
    });
  });

  test("addresses.sync: current is the list of addresses, desired a list of items", () => {
    planAddressesSync({
      clientId: "c",
      current: addresses,
      desired: [{ externalId: "erp-1", city: "CDMX" }],
    });
    // @ts-expect-error clientId (path parameter) is required
    planAddressesSync({ current: addresses, desired: [] });
    planAddressesSync({
      clientId: "c",
      current: addresses,
      // @ts-expect-error "ciudad" is not an address field
      desired: [{ ciudad: "CDMX" }],
    });
  });
});

describe("generated narrowing helpers", () => {
  test("guards, assert and exhaustive match", () => {
    if (isClientsMigrateBlocked(migrateResult))
      expectTypeOf(migrateResult.blockers).toEqualTypeOf<
        ClientsMigrateBlocked["blockers"]
      >();
    expectTypeOf(
      assertClientsMigrateCompleted(migrateResult),
    ).toEqualTypeOf<ClientsMigrateCompleted>();
    const label = matchClientsMigrateResult(migrateResult, {
      completed: (value) => value.targetId,
      blocked: (value) =>
        value.blockers.map((blocker) => blocker.label).join(", "),
    });
    expectTypeOf(label).toEqualTypeOf<string>();
    // @ts-expect-error the blocked branch is missing
    matchClientsMigrateResult(migrateResult, { completed: () => "" });
  });
});
