/**
 * The documented limits on what a request may carry (README, "Limits"). They
 * are checked before the expensive work: the byte size while the body
 * streams in, depth, members and forbidden keys on the raw text before
 * JSON.parse, array lengths against the snapshot's `maxItems` before Ajv.
 */
export const REQUEST_LIMITS = {
  /** Bytes of a request body (413 beyond, checked on Content-Length and while streaming). */
  maxBodyBytes: 10 * 1024 * 1024,
  /** Nesting of objects and arrays in a body (the body itself is level 1) or of `name[a][b]` query keys. */
  maxDepth: 32,
  /** Members of one object. */
  maxMembers: 1_000,
  /** Elements of one array (the snapshot's own `maxItems` is usually lower and checked too). */
  maxElements: 10_000,
} as const;

export type RequestLimits = { readonly [K in keyof typeof REQUEST_LIMITS]: number };

/**
 * Keys no request may use, anywhere in a body or a query key: assigning them
 * (`target[key] = value`, `Object.assign`) can change an object's prototype,
 * and the emulator usually runs inside the caller's test process.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const forbiddenKeyMessage = (key: string): string =>
  `the key ${JSON.stringify(key)} is not allowed (it could change an object prototype)`;
