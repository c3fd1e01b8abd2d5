/**
 * `clients.migrate`, `clients.previewMigration` and `transactions.migrate`:
 * copy a client (or a transaction) with what `include` selects into the other
 * environment. Blocked migrations write nothing; the preview never writes.
 */
import type { Environment } from "../auth";
import { invalidAt, notFound } from "../errors";
import type { Dataset, Entity, Json, LinkEntity } from "../store";
import type { HandlerContext, HandlerTable } from "./context";
import { createItem, requireClient, updateItem } from "./client-resources";
import { createLink } from "./client-links";
import { createClient, updateClient } from "./clients";
import { countPlan, planMigration, type ClientInclude, type MigratedResource, type MigrationPlan, type Precedence } from "./migration-plan";
import { createTransaction, updateTransaction } from "./transactions";

const CLIENT_INCLUDE_KEYS = ["addresses", "bankAccounts", "contactMethods", "documents", "relationships"] as const;

interface MigrateBody {
  to: Environment;
  precedence?: Precedence;
  include?: Record<string, unknown>;
}

function targetEnvironment(context: HandlerContext, body: MigrateBody): Environment {
  if (body.to === context.environment) {
    throw invalidAt("/body/to", `must be the other environment: this request runs in ${context.environment}`);
  }
  return body.to;
}

function clientInclude(include: Record<string, unknown> | undefined): ClientInclude {
  return Object.fromEntries(CLIENT_INCLUDE_KEYS.map((key) => [key, include?.[key] !== false])) as ClientInclude;
}

function planClientMigration(context: HandlerContext): { plan: MigrationPlan; target: Dataset; root: Entity } {
  const body = context.body as MigrateBody;
  const target = context.dataset(targetEnvironment(context, body));
  const root = requireClient(context.data, context.path.id!);
  const include = clientInclude(body.include);
  const withTransactions = body.include?.transactions !== false;
  const reported: MigratedResource[] = [
    "clients",
    ...CLIENT_INCLUDE_KEYS.filter((key) => include[key]),
    ...(withTransactions ? (["transactions"] as const) : []),
  ];
  const transactions = withTransactions
    ? [...context.data.transactions.values()].filter((t) => (t.relatedClientIds as string[]).includes(root.id))
    : [];
  const plan = planMigration({ source: context.data, target, precedence: body.precedence ?? "source", include, clients: [root], transactions, reported });
  return { plan, target, root };
}

/** Writes a plan into the target data set; returns the target ids of the source clients and transactions. */
function applyPlan(context: HandlerContext, plan: MigrationPlan, target: Dataset): Map<string, string> {
  const targetIds = new Map<string, string>();
  for (const { source, target: match, fields } of plan.clients) {
    const pointer = `/source/clients/${source.id}`;
    if (match) updateClient(context, target, match, fields, pointer);
    const written = match ?? createClient(context, target, fields, pointer, source.isPrimary === true);
    if (match && fields.isPrimary !== undefined && match.isPrimary !== fields.isPrimary) match.isPrimary = fields.isPrimary;
    targetIds.set(source.id, written.id);
  }
  for (const item of plan.subResources) {
    const pointer = `/source/${item.resource}/${item.source.id}`;
    if (item.target) updateItem(context, target, item.resource, item.target, item.fields, pointer);
    else createItem(context, target, item.resource, targetIds.get(item.ownerId)!, item.fields, pointer);
  }
  for (const link of plan.links) {
    const fields = link.fields as Partial<LinkEntity>;
    if (link.target) {
      if (link.changes) Object.assign(link.target, pick(fields, ["relationshipType", "metadata"]), { updatedAt: context.now() });
      continue;
    }
    createLink(context, target, targetIds.get(link.source.parentClientId)!, {
      clientId: targetIds.get(link.source.childClientId)!,
      relationshipType: link.source.relationshipType,
      ...(link.source.metadata ? { metadata: link.source.metadata } : {}),
    }, `/source/relationships/${link.source.id}`);
  }
  for (const { source, target: match, fields } of plan.transactions) {
    const related = mapRelatedClients(context.data, target, targetIds, source.relatedClientIds as string[]);
    const values = { ...fields, relatedClientIds: related };
    const pointer = `/source/transactions/${source.id}`;
    if (match) updateTransaction(context, target, match, values, pointer);
    targetIds.set(source.id, match?.id ?? createTransaction(context, target, values, pointer).id);
  }
  return targetIds;
}

function mapRelatedClients(source: Dataset, target: Dataset, targetIds: ReadonlyMap<string, string>, ids: readonly string[]): string[] {
  return ids.flatMap((id) => {
    const mapped = targetIds.get(id);
    if (mapped) return [mapped];
    const externalId = source.clients.get(id)?.externalId;
    const match = typeof externalId === "string" ? [...target.clients.values()].find((c) => c.externalId === externalId) : undefined;
    return match ? [match.id] : [];
  });
}

function completed(plan: MigrationPlan, targetId: string, existed: boolean): Json {
  return {
    status: "completed",
    targetId,
    action: existed ? "updated" : "created",
    counts: countPlan(plan).map(({ resource, creates, updates }) => ({ resource, created: creates, updated: updates })),
  };
}

const pick = (value: Json, keys: readonly string[]): Json => Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]]));

export const migrateHandlers: HandlerTable = {
  "clients.migrate": (context) => {
    const { plan, target, root } = planClientMigration(context);
    if (plan.blockers.length) return { status: "blocked", blockers: plan.blockers };
    const existed = plan.clients[0]!.target !== undefined;
    const targetIds = applyPlan(context, plan, target);
    return completed(plan, targetIds.get(root.id)!, existed);
  },

  "clients.previewMigration": (context) => {
    const { plan } = planClientMigration(context);
    const rootTarget = plan.clients.find((c) => c.source.id === context.path.id)?.target;
    return {
      target: { exists: rootTarget !== undefined, id: rootTarget?.id ?? null },
      blockers: plan.blockers,
      items: countPlan(plan),
    };
  },

  "transactions.migrate": (context) => {
    const body = context.body as MigrateBody;
    const target = context.dataset(targetEnvironment(context, body));
    const transaction = context.data.transactions.get(context.path.id!);
    if (!transaction) throw notFound("transaction", context.path.id!);
    const includeClients = body.include?.clients as Record<string, unknown> | undefined;
    const include = clientInclude(includeClients);
    const related = (transaction.relatedClientIds as string[]).map((id) => context.data.clients.get(id)).filter((c): c is Entity => !!c);
    const reported: MigratedResource[] = [
      "transactions",
      "clients",
      ...CLIENT_INCLUDE_KEYS.filter((key) => include[key]),
      ...(body.include?.evidence !== false ? (["evidence"] as const) : []),
    ];
    const plan = planMigration({ source: context.data, target, precedence: body.precedence ?? "source", include, clients: related, transactions: [transaction], reported });
    if (plan.blockers.length) return { status: "blocked", blockers: plan.blockers };
    const existed = plan.transactions[0]!.target !== undefined;
    const targetIds = applyPlan(context, plan, target);
    return completed(plan, targetIds.get(transaction.id)!, existed);
  },
};
