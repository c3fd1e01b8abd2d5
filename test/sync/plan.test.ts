import { describe, expect, test } from "vitest";
import { planSync } from "../../src/sync";
import { ArtuSyncPlanError } from "../../src/sync/errors";
import { ArtuError } from "../../src/client/errors";
import {
  addressesSyncPlanner,
  clientsSyncPlanner,
  withMaxItems,
  type AddressesSyncBody,
  type AddressesSyncParams,
  type ClientsSyncBody,
  type ClientsSyncParams,
} from "./descriptions";

const CLIENT_ID = "0b8f5a0e-2c7a-4f1e-9c55-000000000001";
const server = {
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-02-01T00:00:00Z",
  clientId: CLIENT_ID,
};

function address(
  id: string,
  externalId: string | undefined,
  city: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    ...(externalId === undefined ? {} : { externalId }),
    street: "Reforma 1",
    city,
    ...server,
    ...extra,
  };
}

function planAddresses(
  input: Omit<
    Parameters<
      typeof planSync<
        typeof addressesSyncPlanner,
        AddressesSyncParams,
        AddressesSyncBody
      >
    >[1],
    "clientId"
  >,
  description = addressesSyncPlanner,
) {
  return planSync<
    typeof addressesSyncPlanner,
    AddressesSyncParams,
    AddressesSyncBody
  >(description, { clientId: CLIENT_ID, ...input });
}

function planClients(
  input: Omit<
    Parameters<
      typeof planSync<
        typeof clientsSyncPlanner,
        ClientsSyncParams,
        ClientsSyncBody
      >
    >[1],
    "clientId"
  >,
) {
  return planSync<
    typeof clientsSyncPlanner,
    ClientsSyncParams,
    ClientsSyncBody
  >(clientsSyncPlanner, { clientId: CLIENT_ID, ...input });
}

describe("matching", () => {
  const current = [
    address("a1", "ext-1", "CDMX"),
    address("a2", "ext-2", "Puebla"),
  ];

  test("by externalId: changed item updated with its current id, missing one created, unlisted one deleted", () => {
    const plan = planAddresses({
      match: "externalId",
      current,
      desired: [
        { externalId: "ext-1", street: "Reforma 1", city: "Monterrey" },
        { externalId: "ext-3", street: "Juárez 5", city: "Toluca" },
      ],
    });
    expect(plan.requests.map((r) => r.body.items)).toEqual([
      [
        {
          id: "a1",
          externalId: "ext-1",
          street: "Reforma 1",
          city: "Monterrey",
        },
        { externalId: "ext-3", street: "Juárez 5", city: "Toluca" },
      ],
      [{ id: "a2", _delete: true }],
    ]);
    expect(plan.summary.items).toEqual({
      create: 1,
      update: 1,
      delete: 1,
      unchanged: 0,
    });
  });

  test("by id: desired items carrying an id update them", () => {
    const desired = [
      { id: "a2", city: "Puebla" },
      { id: "a1", city: "Mérida" },
    ];
    const plan = planAddresses({ match: "id", current, desired });
    expect(plan.requests[0]!.body.items).toEqual([
      { id: "a1", city: "Mérida" },
    ]);
    expect(plan.summary.items).toEqual({
      create: 0,
      update: 1,
      delete: 0,
      unchanged: 1,
    });
  });

  test("by id: an id the current state does not have is an issue and is not sent", () => {
    const plan = planAddresses({
      match: "id",
      current,
      desired: [
        { id: "a1", city: "CDMX" },
        { id: "a2" },
        { id: "zz", city: "X" },
      ] as never,
    });
    expect(plan.requests).toEqual([]);
    expect(plan.issues).toEqual([
      {
        array: "items",
        key: "zz",
        message: expect.stringContaining('no current item has id "zz"'),
      },
    ]);
  });

  test("default: by id when the desired item has one, else by externalId, else created with that externalId", () => {
    const desired = [
      { id: "a1", city: "CDMX" },
      { externalId: "ext-2", city: "Querétaro" },
      { externalId: "ext-3", city: "Oaxaca" },
    ];
    const plan = planAddresses({ current, desired: desired as never });
    expect(plan.requests[0]!.body.items).toEqual([
      { id: "a2", externalId: "ext-2", city: "Querétaro" },
      { externalId: "ext-3", city: "Oaxaca" },
    ]);
    expect(plan.summary.items).toEqual({
      create: 1,
      update: 1,
      delete: 0,
      unchanged: 1,
    });
  });

  test("by key function, applied to both sides", () => {
    const plan = planAddresses({
      match: (item) => `${item.street}|${item.city}`,
      current,
      desired: [
        { street: "Reforma 1", city: "Puebla", isPrimary: true },
        { street: "Reforma 1", city: "CDMX" },
      ],
    });
    expect(plan.requests.map((r) => r.body.items)).toEqual([
      [{ id: "a2", street: "Reforma 1", city: "Puebla", isPrimary: true }],
    ]);
  });

  test("externalId mode: a desired item without externalId is an error naming its position", () => {
    expect(() =>
      planAddresses({ match: "externalId", current, desired: [{ city: "X" }] }),
    ).toThrow(/items: desired item 0 has no externalId/);
  });

  test("a key function returning no string is an error", () => {
    expect(() =>
      planAddresses({
        match: () => undefined as unknown as string,
        current,
        desired: [],
      }),
    ).toThrow(/must return a non-empty string/);
  });

  test("a current item without id is an error", () => {
    expect(() =>
      planAddresses({ current: [{ city: "X" } as never], desired: [] }),
    ).toThrow(/current item 0 has no id/);
  });
});

describe("duplicate keys are an ArtuSyncPlanError naming the key", () => {
  test.each([
    [
      "externalId in desired",
      "externalId",
      [address("a1", "e1", "A")],
      [{ externalId: "dup" }, { externalId: "dup" }],
      "dup",
      /duplicate externalId "dup" in desired \(items 0 and 1\)/,
    ],
    [
      "externalId in current",
      "externalId",
      [address("a1", "dup", "A"), address("a2", "dup", "B")],
      [],
      "dup",
      /duplicate externalId "dup" in current \(items 0 and 1\)/,
    ],
    [
      "id in current",
      "id",
      [address("x", "e1", "A"), address("x", "e2", "B")],
      [],
      "x",
      /duplicate id "x" in current \(items 0 and 1\)/,
    ],
    [
      "id in desired",
      "id",
      [address("x", "e1", "A")],
      [{ id: "x" }, { id: "x" }],
      "x",
      /duplicate id "x" in desired \(items 0 and 1\)/,
    ],
  ] as const)("%s", (_name, match, current, desired, key, message) => {
    let error: unknown;
    try {
      planAddresses({ match, current, desired: desired as never });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ArtuSyncPlanError);
    expect(error).toBeInstanceOf(ArtuError);
    expect((error as Error).message).toMatch(message);
    expect((error as ArtuSyncPlanError).key).toBe(key);
    expect((error as ArtuSyncPlanError).array).toBe("items");
  });

  test("duplicate key-function keys", () => {
    expect(() =>
      planAddresses({
        match: (item) => String(item.street),
        current: [address("a", "1", "A"), address("b", "2", "B")],
        desired: [],
      }),
    ).toThrow(/duplicate key "Reforma 1" in current \(items 0 and 1\)/);
  });

  test("default mode: duplicate externalIds in current only fail when a desired item needs that externalId", () => {
    const current = [address("a1", "dup", "A"), address("a2", "dup", "B")];
    expect(
      planAddresses({
        current,
        desired: [
          { id: "a1", city: "A" },
          { id: "a2", city: "B" },
        ] as never,
      }).requests,
    ).toEqual([]);
    expect(() =>
      planAddresses({ current, desired: [{ externalId: "dup" }] }),
    ).toThrow(/duplicate externalId "dup" in current; cannot tell/);
  });

  test("two desired items reaching the same current item", () => {
    expect(() =>
      planAddresses({
        current: [address("a1", "e1", "A")],
        desired: [{ id: "a1" }, { externalId: "e1" }] as never,
      }),
    ).toThrow(/desired items 0 and 1 both match current item a1/);
  });
});

describe("items the planner refuses, naming the array and the index", () => {
  const current = [address("a1", "e1", "CDMX"), address("a2", "e2", "Puebla")];

  function refusal(run: () => unknown): ArtuSyncPlanError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ArtuSyncPlanError);
      return error as ArtuSyncPlanError;
    }
    throw new Error("planSync did not refuse the input");
  }

  test.each([
    [
      "default",
      undefined,
      /items: desired item 1 has neither id nor externalId/,
    ],
    ["id", "id", /items: desired item 1 has no id \(match: "id"\)/],
  ] as const)(
    "%s mode: an item without a key is refused instead of being deleted and created again on every plan",
    (_mode, match, message) => {
      const error = refusal(() =>
        planAddresses({
          ...(match === undefined ? {} : { match }),
          current,
          desired: [{ id: "a1", city: "CDMX" }, { city: "León" }] as never,
        }),
      );
      expect(error.message).toMatch(message);
      expect(error.message).toContain(
        "every plan would delete it and create it again",
      );
      expect([error.array, error.key]).toEqual(["items", "#1"]);
    },
  );

  test("clients.sync: the error names the array of the unkeyed item", () => {
    const error = refusal(() =>
      planClients({
        current: { addresses: current, contactMethods: [] },
        desired: {
          addresses: [{ externalId: "e1" }],
          contactMethods: [{ externalId: "c1" }, { value: "x@y.mx" }] as never,
        },
      }),
    );
    expect(error.message).toMatch(
      /^contactMethods: desired item 1 has neither id nor externalId/,
    );
    expect([error.array, error.key]).toEqual(["contactMethods", "#1"]);
  });

  test.each([
    [null, "null"],
    ["e1", 'the string "e1"'],
    [42, "a number"],
    [[{ externalId: "e1" }], "an array"],
    [undefined, "undefined"],
  ])("a desired item that is %j is refused", (item, described) => {
    const error = refusal(() =>
      planAddresses({
        current,
        desired: [{ externalId: "e1" }, item] as never,
      }),
    );
    expect(error.message).toBe(
      `items: desired item 1 is ${described}; every item must be an object`,
    );
    expect([error.array, error.key]).toEqual(["items", "#1"]);
  });

  test("a current item that is not an object is refused", () => {
    const error = refusal(() =>
      planClients({
        current: { addresses: [current[0], null] } as never,
        desired: { addresses: [] },
      }),
    );
    expect(error.message).toBe(
      "addresses: current item 1 is null; every item must be an object",
    );
  });

  test("an id that disagrees with the item matched by externalId or key function is refused", () => {
    const other = refusal(() =>
      planAddresses({
        match: "externalId",
        current,
        desired: [{ id: "a1", externalId: "e2" }] as never,
      }),
    );
    expect(other.message).toBe(
      'items: desired item 0 has id "a1", but externalId "e2" matches id a2; give each item the id and key of one current item',
    );
    expect([other.array, other.key]).toEqual(["items", "a1"]);
    const recreated = refusal(() =>
      planAddresses({
        match: (item) => String(item.city),
        current,
        desired: [{ id: "a1", city: "Toluca" }] as never,
      }),
    );
    expect(recreated.message).toMatch(
      /^items: desired item 0 has id "a1", but no current item has the key "Toluca", so the plan would create a new item and delete a1;/,
    );
  });

  test("_delete: true in desired is refused (leave the item out to delete it)", () => {
    const error = refusal(() =>
      planAddresses({
        current,
        desired: [{ externalId: "e1" }, { id: "a2", _delete: true }] as never,
      }),
    );
    expect(error.message).toMatch(
      /^items: desired item 1 has _delete: true; desired lists the items to keep, so leave an item out to delete it$/,
    );
    expect([error.array, error.key]).toEqual(["items", "#1"]);
  });
});

describe("externalId collisions are plan issues, and nothing is sent for the colliding writes", () => {
  const current = [
    address("a1", "e1", "CDMX"),
    address("a2", "e2", "Puebla"),
    address("a3", "e3", "León"),
  ];

  test("swapped externalIds: both updates held back, the rest of the plan kept", () => {
    const plan = planAddresses({
      match: "id",
      current,
      desired: [
        { id: "a3", city: "Mérida" },
        { id: "a1", externalId: "e2" },
        { id: "a2", externalId: "e1" },
      ],
    });
    expect(plan.requests.map((r) => r.body.items)).toEqual([
      [{ id: "a3", city: "Mérida" }],
    ]);
    expect(plan.issues).toEqual([
      {
        array: "items",
        key: "e2",
        message: expect.stringMatching(
          /^items: id a1 would take externalId "e2", but id a2 gives it up only later in this plan \(items are written in desired order\); list that item first, or, for swapped externalIds/,
        ),
      },
      {
        array: "items",
        key: "e1",
        message: expect.stringMatching(
          /^items: id a2 would take externalId "e1", but id a1 keeps it; .*409 CONFLICT: nothing is sent for id a2$/,
        ),
      },
    ]);
    expect(plan.summary.items).toEqual({
      create: 0,
      update: 1,
      delete: 0,
      unchanged: 0,
    });
  });

  test("a hand-over is fine when the item giving the externalId up comes first, and held back when it comes later", () => {
    const handOver = (desired: Record<string, unknown>[]) =>
      planAddresses({
        match: "id",
        current,
        desired: [...desired, { id: "a3" }] as never,
      });
    const giverFirst = handOver([
      { id: "a2", externalId: "e2-old" },
      { id: "a1", externalId: "e2" },
    ]);
    expect(giverFirst.issues).toEqual([]);
    expect(giverFirst.requests.map((r) => r.body.items)).toEqual([
      [
        { id: "a2", externalId: "e2-old" },
        { id: "a1", externalId: "e2" },
      ],
    ]);
    const giverLast = handOver([
      { id: "a1", externalId: "e2" },
      { id: "a2", externalId: "e2-old" },
    ]);
    expect(giverLast.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining("list that item first"),
    ]);
    expect(giverLast.requests.map((r) => r.body.items)).toEqual([
      [{ id: "a2", externalId: "e2-old" }],
    ]);
  });

  test("an externalId taken from an item the plan deletes: held back until that delete is applied", () => {
    const plan = planAddresses({
      current,
      desired: [
        { id: "a1", externalId: "e2", city: "Toluca" },
        { externalId: "e3" },
      ],
    });
    expect(plan.requests.map((r) => r.body.items)).toEqual([
      [{ id: "a2", _delete: true }],
    ]);
    expect(plan.issues).toEqual([
      {
        array: "items",
        key: "e2",
        message: expect.stringContaining(
          "id a2 holds it until this plan deletes it (deletes go after creates and updates); apply this plan and plan again",
        ),
      },
    ]);
  });

  test("replace mode keeps the held-back item listed, so the server does not delete it", () => {
    const plan = planAddresses({
      replace: true,
      current,
      desired: [
        { id: "a1", externalId: "e3" },
        { externalId: "e3" },
        { externalId: "e9", city: "Oaxaca" },
      ],
    });
    expect(plan.issues.map((issue) => issue.key)).toEqual(["e3"]);
    expect(plan.requests.map((r) => r.body)).toEqual([
      {
        items: [
          { id: "a1" },
          { id: "a3" },
          { externalId: "e9", city: "Oaxaca" },
        ],
        replaceMode: true,
      },
    ]);
  });

  test("a new item taking an externalId an earlier write gives up is fine (writes are replayed in order)", () => {
    const plan = planAddresses({
      match: (item) => String(item.city),
      current,
      desired: [
        { city: "CDMX", externalId: "e1-old" },
        { city: "Puebla", externalId: "e2" },
        { city: "León", externalId: "e3" },
        { city: "Oaxaca", externalId: "e1" },
      ],
    });
    expect(plan.issues).toEqual([]);
    expect(plan.requests.map((r) => r.body.items)).toEqual([
      [
        { id: "a1", externalId: "e1-old", city: "CDMX" },
        { externalId: "e1", city: "Oaxaca" },
      ],
    ]);
  });
});

describe("comparison", () => {
  test("server-managed fields and fields outside writableFields never cause an update", () => {
    const current = [
      address("a1", "e1", "CDMX", {
        verifiedAt: "2024-03-01T00:00:00Z",
        status: "active",
        updatedAt: "2025-01-01T00:00:00Z",
      }),
    ];
    const plan = planAddresses({
      current,
      desired: [{ externalId: "e1", street: "Reforma 1", city: "CDMX" }],
    });
    expect(plan.requests).toEqual([]);
    expect(plan.summary.items).toEqual({
      create: 0,
      update: 0,
      delete: 0,
      unchanged: 1,
    });
  });

  test("fields desired leaves out (missing or undefined) are left as they are", () => {
    const current = [
      address("a1", "e1", "CDMX", { postalCode: "06600", label: "x" }),
    ];
    expect(
      planAddresses({
        current,
        desired: [{ externalId: "e1", city: "CDMX", postalCode: undefined }],
      }).requests,
    ).toEqual([]);
  });

  test("null in desired equals a null or missing current field, and clears a set one", () => {
    const current = [
      address("a1", "e1", "CDMX", { postalCode: null }),
      address("a2", "e2", "CDMX", { postalCode: "06600" }),
    ];
    const plan = planAddresses({
      current,
      desired: [
        { externalId: "e1", postalCode: null, country: null },
        { externalId: "e2", postalCode: null },
      ] as never,
    });
    expect(plan.requests[0]!.body.items).toEqual([
      { id: "a2", externalId: "e2", postalCode: null },
    ]);
  });

  test("key order of metadata and nested objects does not matter; values and array order do", () => {
    const current = [
      address("a1", "e1", "C", {
        metadata: { b: 1, a: { y: [1, 2], x: "s" } },
        scopeData: { MX: { neighborhood: "Roma", municipality: "Cuauhtémoc" } },
      }),
      address("a2", "e2", "C", { metadata: { list: [1, 2] } }),
      address("a3", "e3", "C", { metadata: { a: 1 } }),
    ];
    const plan = planAddresses({
      current,
      desired: [
        {
          externalId: "e1",
          metadata: { a: { x: "s", y: [1, 2] }, b: 1, gone: undefined },
          scopeData: {
            MX: { municipality: "Cuauhtémoc", neighborhood: "Roma" },
          },
        },
        { externalId: "e2", metadata: { list: [2, 1] } },
        { externalId: "e3", metadata: { a: "1" } },
      ],
    });
    expect(plan.requests[0]!.body.items.map((item) => item.externalId)).toEqual(
      ["e2", "e3"],
    );
  });

  test("an update sends every writable field desired sets, not only the changed ones, and drops non-writable ones", () => {
    const plan = planAddresses({
      current: [address("a1", "e1", "CDMX")],
      desired: [
        {
          externalId: "e1",
          street: "Reforma 1",
          city: "Toluca",
          createdAt: "x",
        } as never,
      ],
    });
    expect(plan.requests[0]!.body.items).toEqual([
      { id: "a1", externalId: "e1", street: "Reforma 1", city: "Toluca" },
    ]);
  });
});

describe("plan output", () => {
  test("nothing to do: requests is empty", () => {
    const current = [address("a1", "e1", "CDMX")];
    const plan = planAddresses({
      current,
      desired: [{ externalId: "e1", city: "CDMX" }],
    });
    expect(plan).toEqual({
      description: addressesSyncPlanner,
      summary: { items: { create: 0, update: 0, delete: 0, unchanged: 1 } },
      requests: [],
      issues: [],
    });
    expect(planAddresses({ current: [], desired: [] }).requests).toEqual([]);
  });

  test("path context goes to params of every request, body context to the body", () => {
    const plan = planAddresses(
      {
        current: [],
        desired: [
          { externalId: "A", city: "A" },
          { externalId: "B", city: "B" },
          { externalId: "C", city: "C" },
        ],
      },
      withMaxItems(addressesSyncPlanner, 2),
    );
    expect(plan.requests.map((r) => r.params)).toEqual([
      { clientId: CLIENT_ID },
      { clientId: CLIENT_ID },
    ]);
    expect(plan.requests.every((r) => !("clientId" in r.body))).toBe(true);
    const clients = planClients({
      current: { addresses: [] },
      desired: { addresses: [{ externalId: "A", city: "A" }] },
    });
    expect(clients.requests).toEqual([
      {
        params: {},
        body: {
          clientId: CLIENT_ID,
          addresses: [{ externalId: "A", city: "A" }],
        },
      },
    ]);
  });

  test("a missing context value is an error naming it, even when nothing changes", () => {
    expect(() =>
      planSync(addressesSyncPlanner, { current: [], desired: [] } as never),
    ).toThrow(/addresses.sync: input.clientId is required/);
    expect(() =>
      planSync(addressesSyncPlanner, {
        current: [],
        desired: [{ city: "A" }],
      } as never),
    ).toThrow(/addresses.sync: input.clientId is required \(path field/);
  });

  test("non-creatable arrays (documents): unmatched desired items become issues, matched ones are updated, unlisted ones deleted", () => {
    const current = {
      documents: [
        {
          id: "d1",
          externalId: "doc-1",
          expiresAt: "2025-01-01",
          status: "verified",
          ...server,
        },
        {
          id: "d2",
          externalId: "doc-2",
          expiresAt: "2025-01-01",
          status: "pending_upload",
          ...server,
        },
      ],
    };
    const plan = planClients({
      current,
      desired: {
        documents: [
          { externalId: "doc-1", expiresAt: "2026-01-01" },
          { externalId: "doc-9", expiresAt: "2026-01-01" },
        ] as never,
      },
    });
    expect(plan.issues).toEqual([
      {
        array: "documents",
        key: "doc-9",
        message: expect.stringContaining(
          "clients.sync cannot create documents",
        ),
      },
    ]);
    expect(plan.requests.map((r) => r.body.documents)).toEqual([
      [{ id: "d1", externalId: "doc-1", expiresAt: "2026-01-01" }],
      [{ id: "d2", _delete: true }],
    ]);
    expect(plan.summary.documents).toEqual({
      create: 0,
      update: 1,
      delete: 1,
      unchanged: 0,
    });
  });

  test("plain objects are sent only when a writable field differs from current's top level", () => {
    const current = {
      id: CLIENT_ID,
      name: "Acme SA",
      type: "company",
      metadata: { tier: "gold", region: "MX" },
      createdAt: "2024-01-01T00:00:00Z",
      addresses: [],
    };
    const same = planClients({
      current,
      desired: {
        client: { name: "Acme SA", metadata: { region: "MX", tier: "gold" } },
      },
    });
    expect(same.requests).toEqual([]);
    expect(same.summary.client).toEqual({
      create: 0,
      update: 0,
      delete: 0,
      unchanged: 1,
    });
    const changed = planClients({
      current,
      desired: { client: { name: "Acme SA de CV", type: "company" } },
    });
    expect(changed.requests).toEqual([
      {
        params: {},
        body: {
          clientId: CLIENT_ID,
          client: { name: "Acme SA de CV", type: "company" },
        },
      },
    ]);
  });

  test("an array absent from desired is left alone; a missing current array that desired lists is an error", () => {
    const current = {
      addresses: [address("a1", "e1", "A")],
      contactMethods: [{ id: "c1", value: "x@y.mx", ...server }],
    };
    const plan = planClients({ current, desired: { contactMethods: [] } });
    expect(plan.requests.map((r) => r.body)).toEqual([
      { clientId: CLIENT_ID, contactMethods: [{ id: "c1", _delete: true }] },
    ]);
    expect(Object.keys(plan.summary)).toEqual(["contactMethods"]);
    expect(() =>
      planClients({
        current: {},
        desired: { addresses: [{ externalId: "A", city: "A" }] },
      }),
    ).toThrow(/input.current.addresses is missing/);
    expect(
      planClients({
        current: { addresses: null },
        desired: { addresses: [{ externalId: "A", city: "A" }] },
      }).summary.addresses!.create,
    ).toBe(1);
  });
});

describe("replace mode", () => {
  const current = [
    address("a1", "e1", "A"),
    address("a2", "e2", "B"),
    address("a3", "e3", "C"),
  ];

  test("lists every kept item (unchanged as { id }) with the replace flag instead of _delete entries", () => {
    const plan = planAddresses({
      replace: true,
      current,
      desired: [
        { externalId: "e1", city: "A" },
        { externalId: "e2", city: "Z" },
        { externalId: "e4", city: "New" },
      ],
    });
    expect(plan.requests).toEqual([
      {
        params: { clientId: CLIENT_ID },
        body: {
          items: [
            { id: "a1" },
            { id: "a2", externalId: "e2", city: "Z" },
            { externalId: "e4", city: "New" },
          ],
          replaceMode: true,
        },
      },
    ]);
    expect(plan.summary.items).toEqual({
      create: 1,
      update: 1,
      delete: 1,
      unchanged: 1,
    });
  });

  test("deleting everything sends an empty list", () => {
    expect(
      planAddresses({ replace: true, current, desired: [] }).requests,
    ).toEqual([
      {
        params: { clientId: CLIENT_ID },
        body: { items: [], replaceMode: true },
      },
    ]);
  });

  test("nothing changes: no request", () => {
    expect(
      planAddresses({
        replace: true,
        current,
        desired: current.map(({ externalId, city }) => ({ externalId, city })),
      }).requests,
    ).toEqual([]);
  });

  test("clients.sync lists only the arrays that change; unchanged arrays stay out of the replace request", () => {
    const plan = planClients({
      replace: true,
      current: {
        addresses: current,
        contactMethods: [{ id: "c1", value: "x@y.mx" }],
      },
      desired: {
        addresses: [{ externalId: "e1" }],
        contactMethods: [{ id: "c1", value: "x@y.mx" }] as never,
      },
    });
    expect(plan.requests.map((r) => r.body)).toEqual([
      { clientId: CLIENT_ID, addresses: [{ id: "a1" }], replaceMode: true },
    ]);
  });

  test("a kept set larger than maxItems falls back to explicit deletes (a replace split over requests would delete the other chunks)", () => {
    const plan = planAddresses(
      {
        replace: true,
        current,
        desired: [
          { externalId: "e1" },
          { externalId: "e2" },
          { externalId: "e4", city: "X" },
        ],
      },
      withMaxItems(addressesSyncPlanner, 2),
    );
    expect(plan.requests.map((r) => r.body)).toEqual([
      { items: [{ externalId: "e4", city: "X" }] },
      { items: [{ id: "a3", _delete: true }] },
    ]);
  });

  test("an operation without a replace mode rejects replace: true", () => {
    const noReplace = { ...addressesSyncPlanner, replaceModeField: undefined };
    expect(() =>
      planAddresses(
        { replace: true, current: [], desired: [] },
        noReplace as never,
      ),
    ).toThrow(/addresses.sync has no replace mode/);
  });
});

describe("chunking", () => {
  test("creates and updates go before any delete; every array within maxItems; arrays share requests", () => {
    const description = withMaxItems(clientsSyncPlanner, 2);
    const current = {
      addresses: [
        address("a1", "e1", "A"),
        address("a2", "e2", "B"),
        address("a3", "e3", "C"),
        address("a4", "e4", "D"),
        address("a5", "e5", "E"),
      ],
      contactMethods: [{ id: "c1", externalId: "k1", value: "1" }],
    };
    const plan = planSync<
      typeof description,
      ClientsSyncParams,
      ClientsSyncBody
    >(description, {
      clientId: CLIENT_ID,
      match: "externalId",
      current,
      desired: {
        client: { name: "Acme" },
        addresses: [
          { externalId: "e1", city: "Z" },
          { externalId: "n1" },
          { externalId: "n2" },
        ],
        contactMethods: [
          { externalId: "k2", value: "2" },
          { externalId: "k3", value: "3" },
          { externalId: "k4", value: "4" },
        ],
      },
    });
    expect(plan.requests.map((r) => r.body)).toEqual([
      {
        clientId: CLIENT_ID,
        client: { name: "Acme" },
        addresses: [
          { id: "a1", externalId: "e1", city: "Z" },
          { externalId: "n1" },
        ],
        contactMethods: [
          { externalId: "k2", value: "2" },
          { externalId: "k3", value: "3" },
        ],
      },
      {
        clientId: CLIENT_ID,
        addresses: [{ externalId: "n2" }],
        contactMethods: [{ externalId: "k4", value: "4" }],
      },
      {
        clientId: CLIENT_ID,
        addresses: [
          { id: "a2", _delete: true },
          { id: "a3", _delete: true },
        ],
        contactMethods: [{ id: "c1", _delete: true }],
      },
      {
        clientId: CLIENT_ID,
        addresses: [
          { id: "a4", _delete: true },
          { id: "a5", _delete: true },
        ],
      },
    ]);
  });

  test("a changed object alone makes one request", () => {
    const retrievedClient = { id: CLIENT_ID, name: "A", addresses: [] };
    const plan = planClients({
      current: retrievedClient,
      desired: { client: { name: "B" } },
    });
    expect(plan.requests).toEqual([
      { params: {}, body: { clientId: CLIENT_ID, client: { name: "B" } } },
    ]);
  });
});
