/** The schema reader every stage shares (see view.ts). */
export { viewSchema, type SchemaAt, type SchemaView, type UnionKind } from "./view";
export * from "./keywords";
