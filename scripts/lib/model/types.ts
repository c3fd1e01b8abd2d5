/**
 * The API model: built once from a spec by `buildApiModel`, read by every
 * emitter (and by drift and the emulator). Plain data, sorted, so that
 * everything derived from it is deterministic.
 */
import type { SyncPlannerDescription } from "../../../src/core/helpers";
import type { BatchDescriptor, HttpMethod, PaginatorDescriptor } from "../../../src/core/operation";

export type ParameterLocation = "path" | "query" | "header";

export interface ParameterModel {
  /** The name on the wire. */
  readonly name: string;
  /**
   * The key in the method's flat params object: the name, unless another
   * location has a parameter of that name (parameters.ts: `queryPath`).
   */
  readonly flatName: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  /** Pointer of the parameter object (after `$ref` resolution). */
  readonly pointer: string;
}

/** A request or response body: its media type and the pointer of its schema. */
export interface BodyModel {
  readonly mediaType: string;
  /** Pointer of the schema as written (it may itself be a `$ref`). */
  readonly schemaPointer: string;
}

export interface RequestBodyModel extends BodyModel {
  readonly required: boolean;
}

export interface ResponseModel extends BodyModel {
  /** "200", "201", "2XX"… */
  readonly status: string;
}

/** The sync shape: a planner description without the operation (the emitter binds it). */
export type SyncPlannerShape = Omit<SyncPlannerDescription, "operation">;

/** A success response that is a union discriminated by one property with distinct string constants. */
export interface ResultNarrowingShape {
  readonly discriminant: string;
  /** In the order the spec lists the members. */
  readonly variants: readonly string[];
}

export interface OperationShapes {
  readonly paginator?: PaginatorDescriptor;
  readonly batchChunker?: BatchDescriptor;
  readonly syncPlanner?: SyncPlannerShape;
  readonly resultNarrowing?: ResultNarrowingShape;
}

export type HelperName = keyof OperationShapes;
export const HELPER_NAMES: readonly HelperName[] = ["batchChunker", "paginator", "resultNarrowing", "syncPlanner"];

export interface OperationModel {
  /** The spec's operationId, or the stable method + path name (`postClientsByIdPromote`) without one. */
  readonly operationId: string;
  /** True when `operationId` came from the spec. */
  readonly hasOperationId: boolean;
  /** How errors name it: the operationId, or `POST /clients/{id}/promote`. */
  readonly label: string;
  readonly method: HttpMethod;
  readonly path: string;
  /** Pointer of the operation object. */
  readonly pointer: string;
  /** First tag, if any. */
  readonly tag?: string;
  readonly namespace: string;
  /** Method name inside the namespace ("migrate"). */
  readonly name: string;
  /** "clients.migrate". */
  readonly qualifiedName: string;
  /** "ClientsMigrate": type-name prefix. */
  readonly pascalName: string;
  /** "clientsMigrate": value-name prefix. */
  readonly camelName: string;
  readonly summary?: string;
  /** Path, query and header parameters (cookies are not part of the flat params), path-level ones included. */
  readonly parameters: readonly ParameterModel[];
  readonly requestBody?: RequestBodyModel;
  /** The first 2xx response with a body, in status order. */
  readonly response?: ResponseModel;
  readonly idempotent: boolean;
  readonly shapes: OperationShapes;
}

export interface ApiModel {
  /** File the spec was read from (as given), for messages. */
  readonly source: string;
  readonly title: string;
  readonly version: string;
  /** Sorted by namespace, then method name. */
  readonly operations: readonly OperationModel[];
}
