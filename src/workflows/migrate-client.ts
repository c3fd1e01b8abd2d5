/**
 * migrateClient: copy a client into the other environment (test ↔ live)
 * safely. By default it previews first (clients.previewMigration writes
 * nothing) and migrates only when nothing blocks the copy; blockers come back
 * with a `fix` sentence saying what to do about each.
 *
 *   const result = await migrateClient(artu, clientId, { to: "live" });
 *   if (result.status === "blocked") for (const b of result.blockers) console.log(b.fix);
 */
import type { OperationInvoker, RequestOptions } from "../core/operation";
import {
  matchClientsMigrateResult,
  type ClientsMigrateCompleted,
} from "../../generated/helpers";
import {
  clientsMigrateOperation,
  clientsPreviewMigrationOperation,
  type ClientsMigrateBody,
  type ClientsMigrateResult,
  type ClientsPreviewMigrationResult,
} from "../../generated/operations";

export type MigrationBlocker =
  ClientsPreviewMigrationResult["blockers"][number];

export interface MigrateClientOptions {
  readonly to: ClientsMigrateBody["to"];
  /** Which side wins where both environments have a value (ARTU default: "source"). */
  readonly precedence?: ClientsMigrateBody["precedence"];
  /** Which related records to copy (ARTU default: all). */
  readonly include?: ClientsMigrateBody["include"];
  /** Preview first and migrate only when nothing blocks (default true). */
  readonly preview?: boolean;
  /** Passed to both requests. */
  readonly requestOptions?: RequestOptions;
}

export type MigrateClientResult =
  | (ClientsMigrateCompleted & {
      readonly preview?: ClientsPreviewMigrationResult;
    })
  | {
      readonly status: "blocked";
      readonly blockers: readonly (MigrationBlocker & {
        readonly fix: string;
      })[];
      /** The preview that found the blockers (absent when they came from clients.migrate itself). */
      readonly preview?: ClientsPreviewMigrationResult;
    };

export async function migrateClient(
  artu: OperationInvoker,
  id: string,
  options: MigrateClientOptions,
): Promise<MigrateClientResult> {
  const body = migrateBody(options);
  let preview: ClientsPreviewMigrationResult | undefined;
  if (options.preview !== false) {
    preview = await artu.request<ClientsPreviewMigrationResult>(
      clientsPreviewMigrationOperation,
      { id },
      body,
      options.requestOptions,
    );
    if (preview.blockers.length > 0)
      return {
        status: "blocked",
        blockers: withFixes(preview.blockers),
        preview,
      };
  }
  const result = await artu.request<ClientsMigrateResult>(
    clientsMigrateOperation,
    { id },
    body,
    options.requestOptions,
  );
  // A status this snapshot does not know raises an ArtuVariantError rather than passing for one of these.
  return matchClientsMigrateResult<MigrateClientResult>(result, {
    completed: (completed) =>
      preview === undefined ? completed : { ...completed, preview },
    blocked: (blocked) => ({
      status: "blocked",
      blockers: withFixes(blocked.blockers),
    }),
  });
}

function migrateBody(options: MigrateClientOptions): ClientsMigrateBody {
  return {
    to: options.to,
    ...(options.precedence === undefined
      ? {}
      : { precedence: options.precedence }),
    ...(options.include === undefined ? {} : { include: options.include }),
  };
}

function withFixes(
  blockers: readonly MigrationBlocker[],
): (MigrationBlocker & { fix: string })[] {
  return blockers.map((blocker) => ({ ...blocker, fix: fixFor(blocker) }));
}

/** What to do about a blocker, in one sentence naming the record. */
export function fixFor(blocker: MigrationBlocker): string {
  const record = `${blocker.resource} ${JSON.stringify(blocker.label)} (${blocker.id})`;
  if (blocker.reason !== "missing-external-id")
    return `${record} blocks the migration: ${String(blocker.reason)}`;
  // The target environment finds records by externalId, so every copied client and transaction needs one.
  if (blocker.resource === "client") {
    return `${record} has no externalId: set one with clients.update (artu.clients.update({ id: "${blocker.id}" }, { externalId }))`;
  }
  return `${record} has no externalId, and no ARTU operation sets one on an existing transaction: set it in the ARTU dashboard, or leave transactions out with include: { transactions: false }`;
}
