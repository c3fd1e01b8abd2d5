/**
 * The runtime consumer scenario, shared by esm.mjs and cjs.cjs: each passes
 * in the package's two entries as it loaded them (import vs require), so the
 * same steps run on the ESM and on the CommonJS build. Prints one JSON line.
 */
"use strict";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

async function run(sdk, emulatorEntry, resolved) {
  const emulator = await emulatorEntry.startEmulator({ port: 0, seed: 7 });
  try {
    const artu = sdk.createArtuClient({ apiKey: emulatorEntry.DEFAULT_API_KEY, environment: "test", baseUrl: emulator.url, maxRetries: 0 });

    const created = await artu.clients.create({ type: "individual", name: "Ana" });
    const retrieved = await artu.clients.retrieve({ id: created.id });
    const missing = await artu.clients.retrieve({ id: UNKNOWN_ID }).catch((error) => error);

    const desired = {
      addresses: [{ externalId: "home", street: "Reforma 1", city: "CDMX", state: "CDMX", postalCode: "06600", type: "home" }],
      contactMethods: [{ externalId: "mail", type: "email", value: "ana@example.mx" }],
    };
    const planFrom = async () =>
      sdk.planClientsSync({ clientId: created.id, current: await artu.clients.retrieve({ id: created.id }), desired, match: "externalId" });
    const plan = await planFrom();
    const applied = await sdk.applySync(artu, plan);
    const replan = await planFrom();
    const synced = await artu.clients.retrieve({ id: created.id });

    const blocked = await artu.clients.migrate({ id: created.id }, { to: "live" });
    await artu.clients.update({ id: created.id }, { externalId: "ana-1" });
    const completed = await artu.clients.migrate({ id: created.id }, { to: "live" });
    const live = sdk.createArtuClient({ apiKey: emulatorEntry.DEFAULT_API_KEY, environment: "live", baseUrl: emulator.url, maxRetries: 0 });
    const migrated = completed.status === "completed" ? await live.clients.retrieve({ id: completed.targetId }) : undefined;

    // Runtime drift from the installed package: the validators load lazily from dist/validators.js.
    emulator.setFaults([{ operationId: "clients.retrieve", mutateResponse: (body) => ({ ...body, riskLevel: "high" }) }]);
    const reports = [];
    const watched = sdk.createArtuClient({
      apiKey: emulatorEntry.DEFAULT_API_KEY,
      environment: "test",
      baseUrl: emulator.url,
      drift: "report",
      onDrift: (divergence) => reports.push(divergence),
    });
    await watched.clients.retrieve({ id: created.id });
    await watched.clients.retrieve({ id: created.id });
    emulator.setFaults([]);

    return {
      resolved,
      drift: reports.map(({ operationId, pointer, kind }) => ({ operationId, pointer, kind })),
      emulatorUrl: /^http:\/\/127\.0\.0\.1:\d+$/.test(emulator.url),
      created: { name: created.name, sameIdRetrieved: retrieved.id === created.id },
      missing: {
        notFound: missing instanceof sdk.ArtuNotFoundError,
        apiError: missing instanceof sdk.ArtuApiError,
        error: missing instanceof sdk.ArtuError,
        status: missing.status,
        code: missing.code,
      },
      sync: {
        requests: plan.requests.length,
        summary: plan.summary,
        responses: applied.responses.length,
        replanRequests: replan.requests.length,
        addresses: synced.addresses.map((address) => address.externalId),
        contactMethods: synced.contactMethods.map((method) => method.value),
      },
      migrate: {
        first: sdk.matchClientsMigrateResult(blocked, {
          completed: () => "completed",
          blocked: (value) => `blocked: ${value.blockers.map((blocker) => blocker.reason).join(",")}`,
        }),
        firstIsBlocked: sdk.isClientsMigrateBlocked(blocked),
        second: completed.status,
        action: completed.action,
        liveClient: migrated && { name: migrated.name, externalId: migrated.externalId, addresses: migrated.addresses.length },
      },
    };
  } finally {
    await emulator.stop();
  }
}

module.exports = { run };
