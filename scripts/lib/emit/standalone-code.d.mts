import type Ajv from "ajv";

/** Ajv's standalone ESM module for `exports` (export name → schema ref), assembled in linear time. */
export declare function standaloneModule(ajv: Ajv, exports: Readonly<Record<string, string>>): string;
