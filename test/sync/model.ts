/**
 * An in-memory model of ARTU's sync semantics, the same rules the emulator
 * implements, for property tests of the planner:
 * - an entry with the delete flag deletes the item with that id;
 * - an entry with an id updates that item: the fields it carries replace the
 *   stored ones, the others are kept (partial update);
 * - an entry without an id creates an item with a new id;
 * - with the replace flag, items that existed before the request and that the
 *   request's array does not list are deleted (arrays absent from the body are
 *   left alone);
 * - a plain object (clients.sync `client`) updates the root resource partially;
 * - an array over maxItems, an unknown id, or a non-creatable item without id
 *   rejects the whole request (nothing applied).
 */
import type {
  OperationDescriptor,
  OperationInvoker,
  SyncPlannerDescription,
} from "../../src/internal";

type Item = Record<string, unknown>;

export interface ModelState {
  root: Item;
  arrays: Record<string, Item[]>;
}

export class SyncRejected extends Error {}

export function applyToModel(
  description: SyncPlannerDescription,
  state: ModelState,
  body: Item,
  newId: () => string,
): ModelState {
  const next: ModelState = {
    root: { ...state.root },
    arrays: { ...state.arrays },
  };
  for (const array of description.arrays) {
    const entries = body[array.name];
    if (entries === undefined) continue;
    if (!Array.isArray(entries))
      throw new SyncRejected(`${array.name} is not an array`);
    if (entries.length > array.maxItems)
      throw new SyncRejected(
        `${array.name} has ${entries.length} items, over maxItems ${array.maxItems}`,
      );
    const before = state.arrays[array.name] ?? [];
    const items = new Map(
      before.map((item) => [item[array.idField] as string, item]),
    );
    const listed = new Set<string>();
    for (const entry of entries as Item[]) {
      const id = entry[array.idField] as string | undefined;
      if (id !== undefined) {
        if (!items.has(id))
          throw new SyncRejected(`${array.name}: no item ${id}`);
        listed.add(id);
      }
      if (entry[array.deleteField] === true) {
        items.delete(id!);
      } else if (id !== undefined) {
        items.set(id, {
          ...items.get(id),
          ...withoutFlags(entry, array.idField, array.deleteField),
        });
      } else {
        if (!array.creatable)
          throw new SyncRejected(`${array.name}: items need ${array.idField}`);
        const created: Item = {
          [array.idField]: newId(),
          ...withoutFlags(entry, array.idField, array.deleteField),
          createdAt: "now",
        };
        items.set(created[array.idField] as string, created);
      }
    }
    if (
      description.replaceModeField !== undefined &&
      body[description.replaceModeField] === true
    ) {
      for (const item of before) {
        const id = item[array.idField] as string;
        if (!listed.has(id)) items.delete(id);
      }
    }
    next.arrays[array.name] = [...items.values()];
  }
  for (const object of description.objects) {
    const value = body[object.name];
    if (value !== undefined) Object.assign(next.root, value);
  }
  return next;
}

function withoutFlags(entry: Item, idField: string, deleteField: string): Item {
  const { [idField]: _id, [deleteField]: _delete, ...fields } = entry;
  return fields;
}

/** The state as planSync's `current` sees it: one array, or the root resource holding its arrays. */
export function currentOf(
  description: SyncPlannerDescription,
  state: ModelState,
): unknown {
  if (description.arrays.length === 1)
    return state.arrays[description.arrays[0]!.name] ?? [];
  return { ...state.root, ...state.arrays };
}

/** An OperationInvoker over the model; `failAt` makes the n-th call (0-based) fail before applying anything. */
export class ModelInvoker implements OperationInvoker {
  state: ModelState;
  readonly calls: {
    operation: OperationDescriptor;
    params: object | undefined;
    body: unknown;
  }[] = [];
  private counter = 0;

  constructor(
    private readonly description: SyncPlannerDescription,
    initial: ModelState,
    private readonly failAt?: number,
  ) {
    this.state = initial;
  }

  async request<R = unknown>(
    operation: OperationDescriptor,
    params?: object,
    body?: unknown,
    options?: { signal?: AbortSignal },
  ): Promise<R> {
    options?.signal?.throwIfAborted();
    const index = this.calls.length;
    this.calls.push({ operation, params, body });
    if (index === this.failAt)
      throw new Error(`simulated failure of call ${index}`);
    this.state = applyToModel(
      this.description,
      this.state,
      body as Item,
      () => `new-${++this.counter}`,
    );
    return { call: index } as R;
  }
}
