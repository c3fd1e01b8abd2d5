/** RFC 6901 JSON pointers: build, parse, resolve. Shared by the runtime (emulator, drift checks) and the build scripts. */

export function escapeToken(token: string | number): string {
  return String(token).replaceAll("~", "~0").replaceAll("/", "~1");
}

export function unescapeToken(token: string): string {
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** `pointer(["paths", "/clients", "post"])` → `/paths/~1clients/post`. */
export function pointer(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${escapeToken(token)}`).join("");
}

export function parsePointer(value: string): string[] {
  if (value === "") return [];
  if (!value.startsWith("/")) throw new Error(`not a JSON pointer: ${JSON.stringify(value)}`);
  return value.slice(1).split("/").map(unescapeToken);
}

/** The value at `value` pointer in `root`, or `undefined` when a segment is missing. */
export function resolvePointer(root: unknown, value: string): unknown {
  let node: unknown = root;
  for (const token of parsePointer(value)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
