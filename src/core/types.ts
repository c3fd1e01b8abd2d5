/**
 * Type-level bridges from openapi-typescript's `paths[P][M]` operation types to
 * the flat shapes generated methods take and return. Generated code aliases
 * them per operation (`ClientsMigrateParams`, `ClientsMigrateBody`, …).
 */

type Present<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Wire name → flat key, per location, for parameters whose name another location also has. */
export interface ParamRenames {
  readonly query?: Readonly<Record<string, string>>;
  readonly header?: Readonly<Record<string, string>>;
}

/** `T` with the keys `R` renames (optional and readonly modifiers kept). */
type Renamed<T, R> = [R] extends [Readonly<Record<string, string>>] ? { [K in keyof T as K extends keyof R ? R[K] & string : K]: T[K] } : T;

/** Path, query and header parameters of an operation as one flat object (`R`: the generator's renames of clashing names). */
export type OperationParams<Op, R extends ParamRenames = {}> = Op extends { parameters: infer P }
  ? Simplify<
      Present<P extends { path?: infer X } ? X : never> &
        Renamed<Present<P extends { query?: infer X } ? X : never>, R["query"]> &
        Renamed<Present<P extends { header?: infer X } ? X : never>, R["header"]>
    >
  : {};

type ContentOf<T> = T extends { content: infer C } ? C : never;
type JsonOf<C> = C extends Record<string, unknown>
  ? { [K in keyof C]: K extends `${string}json${string}` ? C[K] : never }[keyof C] extends infer J
    ? [J] extends [never]
      ? C[keyof C]
      : J
    : never
  : never;

/** The request body (JSON media type first, else the first media type). */
export type OperationBody<Op> = Op extends { requestBody?: infer RB } ? JsonOf<ContentOf<NonNullable<RB>>> : never;

type SuccessCode = 200 | 201 | 202 | 203 | 204 | 206 | 207 | "2XX";

/** The success response body: the union over 2xx responses; `undefined` for bodiless ones (204). */
export type OperationResult<Op> = Op extends { responses: infer R }
  ? {
      [K in keyof R & SuccessCode]: R[K] extends { content: infer C } ? JsonOf<C> : undefined;
    }[keyof R & SuccessCode]
  : never;

/** The value at a property path (distributed over unions; a missing key gives never). */
type ValueAt<T, Path extends readonly string[]> = Path extends readonly [infer Key extends string, ...infer Rest extends string[]]
  ? T extends unknown
    ? Key extends keyof NonNullable<T>
      ? ValueAt<NonNullable<T>[Key], Rest>
      : never
    : never
  : T;

/** The item type of a page whose items are the array at `Path` (ARTU and Stripe: `{ data: Item[] }`; `[]`: the page is the array). */
export type PageItem<Page, Path extends readonly string[] = ["data"]> =
  NonNullable<ValueAt<Page, Path>> extends readonly (infer Item)[] ? Item : never;
