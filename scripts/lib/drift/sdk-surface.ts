/**
 * The public surface of a generated client, read back from its files:
 * manifest.json (operations, generated names, helpers) and operations.ts
 * through ts-morph (the `ArtuResources` method signatures and the
 * `<Op>Params|Body|Result|Item` aliases, resolved by the type checker).
 * Two surfaces are compared for compile compatibility: old calls must still
 * type-check (old Params/Body assignable to the new ones) and old reads must
 * too (new Result/Item assignable to the old ones).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Node, Project, SourceFile, Type } from "ts-morph";
import { loadTsMorph } from "./typescript-once";

/** A resolved exported type and the declaration it came from (the location its members resolve at). */
export interface SurfaceType {
  readonly type: Type;
  readonly node: Node;
}

export interface OperationSurface {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** `namespace.method`, how users call it. */
  readonly name: string;
  readonly helpers: readonly string[];
  readonly variants: readonly string[];
  /** Parameter names with `?` for optional ones: `params, body?, options?`. */
  readonly signature: string | undefined;
  readonly inputs: ReadonlyMap<string, SurfaceType>;
  readonly outputs: ReadonlyMap<string, SurfaceType>;
}

export interface SdkSurface {
  readonly operations: readonly OperationSurface[];
}

interface ManifestEntry {
  operationId: string;
  method: string;
  path: string;
  name: string;
  helpers?: string[];
  resultNarrowing?: { variants?: string[] };
}

const INPUT_SUFFIXES = ["Params", "Body"];
const OUTPUT_SUFFIXES = ["Result", "Item"];

/** One project for both sides, so their types can be compared with one checker. */
export function createSurfaceProject(tsconfig: string): Project {
  const { Project } = loadTsMorph();
  return new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true });
}

/**
 * Reads every directory's surface. All files join the project before any type
 * is asked for: a type obtained before the program changes belongs to a stale
 * checker and does not compare with the others.
 */
export async function readSurfaces(project: Project, dirs: readonly string[]): Promise<SdkSurface[]> {
  const manifests = await Promise.all(
    dirs.map(async (dir) => JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as { operations: ManifestEntry[] }),
  );
  const files = dirs.map((dir) => project.addSourceFileAtPath(join(dir, "operations.ts")));
  project.resolveSourceFileDependencies();
  return files.map((file, index) => surfaceOf(file, manifests[index]!.operations));
}

function surfaceOf(file: SourceFile, manifest: readonly ManifestEntry[]): SdkSurface {
  const pascalByRoute = operationPrefixes(file);
  const signatures = resourceSignatures(file);
  return {
    operations: manifest.map((entry) => {
      const prefix = pascalByRoute.get(`${entry.method} ${entry.path}`);
      const aliases = (suffixes: string[]) =>
        new Map(
          suffixes.flatMap((suffix) => {
            const alias = prefix === undefined ? undefined : file.getTypeAlias(`${prefix}${suffix}`);
            return alias?.isExported() ? [[suffix, { type: alias.getType(), node: alias }] as const] : [];
          }),
        );
      return {
        operationId: entry.operationId,
        method: entry.method,
        path: entry.path,
        name: entry.name,
        helpers: entry.helpers ?? [],
        variants: entry.resultNarrowing?.variants ?? [],
        signature: signatures.get(entry.name),
        inputs: aliases(INPUT_SUFFIXES),
        outputs: aliases(OUTPUT_SUFFIXES),
      };
    }),
  };
}

/** `type ClientsSyncOp = paths["/clients/sync"]["post"]` → "post /clients/sync" → "ClientsSync". */
function operationPrefixes(file: SourceFile): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const alias of file.getTypeAliases()) {
    const match = /^paths\["(.*)"\]\["([a-z]+)"\]$/.exec(alias.getTypeNode()?.getText() ?? "");
    if (match && alias.getName().endsWith("Op")) prefixes.set(`${match[2]} ${match[1]}`, alias.getName().slice(0, -2));
  }
  return prefixes;
}

/** `ArtuResources.clients.sync(body, options?)` → "clients.sync" → "body, options?". */
function resourceSignatures(file: SourceFile): Map<string, string> {
  const signatures = new Map<string, string>();
  const resources = file.getInterface("ArtuResources");
  for (const namespace of resources?.getProperties() ?? []) {
    const literal = namespace.getTypeNode();
    if (!literal || !("getMethods" in literal)) continue;
    for (const method of (literal as unknown as { getMethods(): import("ts-morph").MethodSignature[] }).getMethods()) {
      const parameters = method.getParameters().map((parameter) => `${parameter.getName()}${parameter.hasQuestionToken() ? "?" : ""}`);
      signatures.set(`${namespace.getName()}.${method.getName()}`, parameters.join(", "));
    }
  }
  return signatures;
}

/** What in `head` stops code written against `base` from compiling, in words (empty when nothing does). */
export function incompatibilities(project: Project, base: OperationSurface, head: OperationSurface): string[] {
  const checker = project.getTypeChecker().compilerObject;
  const reasons: string[] = [];
  if (base.name !== head.name) reasons.push(`generated method \`${base.name}\` is now \`${head.name}\``);
  if (base.signature !== head.signature) {
    reasons.push(`signature of \`${head.name}\`: (${base.signature ?? "absent"}) → (${head.signature ?? "absent"})`);
  }
  for (const helper of base.helpers.filter((helper) => !head.helpers.includes(helper))) reasons.push(`helper \`${helper}\` no longer generated`);
  for (const variant of base.variants.filter((variant) => !head.variants.includes(variant))) reasons.push(`result variant \`${variant}\` gone`);
  for (const [suffix, before] of base.inputs) {
    const after = head.inputs.get(suffix);
    if (!after) reasons.push(`\`${suffix}\` type no longer exported`);
    else {
      if (!checker.isTypeAssignableTo(before.type.compilerType, after.type.compilerType)) {
        reasons.push(`old \`${suffix}\` values are not assignable to the new \`${suffix}\` type`);
      }
      // Object literals naming a vanished property stop compiling (excess property check).
      for (const path of missingProperties(before, after)) reasons.push(`\`${suffix}\` lost \`${path}\``);
    }
  }
  for (const [suffix, before] of base.outputs) {
    const after = head.outputs.get(suffix);
    if (!after) reasons.push(`\`${suffix}\` type no longer exported`);
    else {
      if (!checker.isTypeAssignableTo(after.type.compilerType, before.type.compilerType)) {
        reasons.push(`new \`${suffix}\` values are not assignable to the old \`${suffix}\` type`);
      }
      // Reading a vanished property stops compiling, even where the types stay assignable.
      for (const path of missingProperties(before, after)) reasons.push(`\`${suffix}\` lost \`${path}\``);
    }
  }
  return reasons;
}

const MAX_DEPTH = 8;

/** Property paths of `before` that `after` no longer has, through nested objects and arrays. */
export function missingProperties(before: SurfaceType, after: SurfaceType): string[] {
  const missing: string[] = [];
  const seen = new Set<string>();
  const walk = (old: Type, now: Type, path: string, depth: number) => {
    const key = `${typeId(old)}|${typeId(now)}`;
    if (depth > MAX_DEPTH || seen.has(key)) return;
    seen.add(key);
    const oldShape = objectPart(old);
    const newShape = objectPart(now);
    if (!oldShape || !newShape) return;
    if (oldShape.isArray() && newShape.isArray()) {
      walk(oldShape.getArrayElementTypeOrThrow(), newShape.getArrayElementTypeOrThrow(), `${path}[]`, depth + 1);
      return;
    }
    // A tuple's positions ("0", "1") are not properties anyone names: a tuple becoming an array
    // (or back) is judged by assignability alone.
    if (oldShape.isTuple() || newShape.isTuple()) return;
    for (const property of oldShape.getProperties()) {
      const name = property.getName();
      const next = newShape.getProperty(name);
      const at = path === "" ? name : `${path}.${name}`;
      if (!next) missing.push(at);
      else walk(property.getTypeAtLocation(before.node), next.getTypeAtLocation(after.node), at, depth + 1);
    }
  };
  walk(before.type, after.type, "", 0);
  return missing;
}

/** The object (or array) a value of this type is, once `null`/`undefined` are set aside; unions of objects are skipped. */
function objectPart(type: Type): Type | undefined {
  const members = type.isUnion() ? type.getUnionTypes().filter((member) => !member.isNull() && !member.isUndefined()) : [type];
  if (members.length !== 1) return undefined;
  const [only] = members as [Type];
  return only.isArray() || (only.isObject() && !only.getCallSignatures().length) ? only : undefined;
}

function typeId(type: Type): number {
  return (type.compilerType as unknown as { id: number }).id;
}
