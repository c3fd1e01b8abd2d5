/**
 * The planner's properties against the emulator over HTTP (127.0.0.1): the
 * generated clients.sync description, the runtime client sending the plan
 * with applySync, and the state read back with clients.retrieve.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clientsSyncPlanner } from "../../generated/helpers";
import {
  createResources,
  type ClientsSyncBody,
  type ClientsSyncParams,
} from "../../generated/operations";
import { assembleClient } from "../../src/client/assemble";
import {
  DEFAULT_API_KEY,
  startEmulator,
  type Emulator,
} from "../../src/emulator/index";
import { applySync, planSync } from "../../src/sync";
import { metadataArb, arrayCaseArb } from "./arbitraries";
import { withMaxItems } from "./descriptions";
import { expectFieldsMatch, expectMatchesDesired } from "./expect-state";

type Item = Record<string, unknown>;

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 5, validateResponses: true });
});
afterAll(() => emulator.stop());

const artu = () =>
  assembleClient(
    {
      apiKey: DEFAULT_API_KEY,
      environment: "test",
      baseUrl: emulator.url,
      maxRetries: 0,
      drift: "strict",
    },
    createResources,
  );

/** Every field the emulator needs to create an item; isPrimary left out (the server keeps one primary per client). */
const addressArb: fc.Arbitrary<Item> = fc.record(
  {
    street: fc.constantFrom("Reforma 1", "Juárez 5"),
    city: fc.constantFrom("CDMX", "Guadalajara"),
    state: fc.constantFrom("CDMX", "Jalisco"),
    postalCode: fc.constantFrom("06600", "44100"),
    type: fc.constantFrom("home", "business"),
    metadata: metadataArb,
  },
  { requiredKeys: ["street", "city", "state", "postalCode"] },
);
const contactArb: fc.Arbitrary<Item> = fc.record(
  {
    type: fc.constantFrom("email", "phone"),
    value: fc.constantFrom("a@b.mx", "+52 55 1234 5678"),
    label: fc.constantFrom("work", "home"),
    metadata: metadataArb,
  },
  { requiredKeys: ["type", "value"] },
);
const clientObjectArb = fc.record(
  { name: fc.constantFrom("Acme SA", "Acme SA de CV"), metadata: metadataArb },
  { requiredKeys: [] },
);

/** A generated current item as a create entry: the server assigns id and timestamps. */
const asCreate = ({
  id: _id,
  createdAt: _createdAt,
  updatedAt: _updatedAt,
  ...fields
}: Item): Item => fields;

describe("planSync + applySync against the emulator", () => {
  test("clients.sync: the state read back matches desired and planning again is empty", async () => {
    await fc.assert(
      fc.asyncProperty(
        arrayCaseArb("a", addressArb, 6),
        arrayCaseArb("c", contactArb, 6),
        fc.option(clientObjectArb, { nil: undefined }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (addresses, contacts, client, maxItems, replace) => {
          emulator.reset();
          const api = artu();
          const { id: clientId } = await api.clients.create({
            type: "individual",
            name: "Acme SA",
          });
          await api.clients.sync({
            clientId,
            addresses: addresses.current.map(asCreate),
            contactMethods: contacts.current.map(asCreate),
          } as ClientsSyncBody);

          const description = withMaxItems(clientsSyncPlanner, maxItems);
          const desired = {
            addresses: addresses.desired,
            contactMethods: contacts.desired,
            ...(client === undefined ? {} : { client }),
          } as never;
          const plan = (current: Record<string, unknown>) =>
            planSync<typeof description, ClientsSyncParams, ClientsSyncBody>(
              description,
              {
                clientId,
                match: "externalId",
                replace,
                current,
                desired,
              },
            );

          const firstPlan = plan(await api.clients.retrieve({ id: clientId }));
          expect(firstPlan.issues).toEqual([]);
          const { responses } = await applySync(api, firstPlan);
          expect(responses).toHaveLength(firstPlan.requests.length);

          const after = (await api.clients.retrieve({
            id: clientId,
          })) as unknown as Item & {
            addresses: Item[];
            contactMethods: Item[];
          };
          expectMatchesDesired(after.addresses, addresses.desired);
          expectMatchesDesired(after.contactMethods, contacts.desired);
          if (client !== undefined) expectFieldsMatch(after, client);
          expect(plan(after).requests).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
