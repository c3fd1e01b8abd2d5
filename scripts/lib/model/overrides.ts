/**
 * The generate overrides file, `generate.config.json` beside the spec
 * (`openapi/generate.config.json` for the project's snapshot): settles name
 * collisions without editing the spec.
 *
 *   { "methodNames": { "List rules": "listRulesLegacy", "GET /jobs/": "listJobsSlash" } }
 *
 * A key is an operationId as the spec writes it, or `METHOD path` (the method
 * in capitals, the path as in the spec); the value is the method name inside
 * the operation's namespace. A key no operation has is an error (a typo must
 * not pass silently).
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SpecError } from "../spec/errors";
import { isIdentifier } from "./names";

export interface GenerateConfig {
  /** Where it was read from, for messages. */
  readonly file: string;
  /** operationId or `METHOD path` → method name. */
  readonly methodNames: Readonly<Record<string, string>>;
}

export const GENERATE_CONFIG_NAME = "generate.config.json";

export function generateConfigPath(specPath: string): string {
  return join(dirname(specPath), GENERATE_CONFIG_NAME);
}

/** The key an operation is overridden by: its operationId, else `METHOD path`. */
export function overrideKey(operationId: string | undefined, method: string, path: string): string {
  return operationId ?? `${method.toUpperCase()} ${path}`;
}

export function parseGenerateConfig(text: string, file: string): GenerateConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpecError({ source: file, pointer: "" }, `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(value)) throw new SpecError({ source: file, pointer: "" }, 'expected an object like { "methodNames": { … } }');
  for (const key of Object.keys(value)) {
    if (key !== "methodNames") throw new SpecError({ source: file, pointer: `/${key}` }, `unknown setting "${key}" (known: methodNames)`);
  }
  const names = value.methodNames ?? {};
  if (!isRecord(names)) throw new SpecError({ source: file, pointer: "/methodNames" }, "expected an object of operation → method name");
  const methodNames: Record<string, string> = Object.create(null);
  for (const [key, name] of Object.entries(names)) {
    if (typeof name !== "string" || !isIdentifier(name)) {
      throw new SpecError(
        { source: file, pointer: `/methodNames/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` },
        `method name for "${key}" must be an identifier, got ${JSON.stringify(name)}`,
      );
    }
    methodNames[key] = name;
  }
  return { file, methodNames };
}

/** The overrides beside `specPath`, or undefined when there is no such file. */
export async function loadGenerateConfig(specPath: string): Promise<GenerateConfig | undefined> {
  const file = generateConfigPath(specPath);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new SpecError({ source: file }, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  return parseGenerateConfig(text, file);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
