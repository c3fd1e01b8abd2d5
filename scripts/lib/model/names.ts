/**
 * The generated names, in one place (ARCHITECTURE.md "Names"): namespaces
 * from tags, method names from operationIds (or method + path), and the
 * identifiers every emitter derives from them.
 */

/** Words of a label: split on anything that is not a letter or digit ("Bank Accounts", "add-label", "list_for_org"). */
function words(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The first word is lowercased (entirely when it is an acronym such as "URL"), the others capitalised; inner case is kept. */
export function camelCase(text: string): string {
  const [first = "", ...rest] = words(text);
  const head = first === first.toUpperCase() ? first.toLowerCase() : first.charAt(0).toLowerCase() + first.slice(1);
  return head + rest.map(upperFirst).join("");
}

export function pascalCase(text: string): string {
  return upperFirst(camelCase(text));
}

/** Identifiers cannot start with a digit: such names get a leading underscore. */
function identifierSafe(name: string, fallback: string): string {
  if (name === "") return fallback;
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Path segments without templates: `/clients/{id}/promote` → ["clients", "promote"]. */
function literalSegments(path: string): string[] {
  return path.split("/").filter((segment) => segment !== "" && !/^\{.*\}$/.test(segment));
}

/** Namespace: camelCase of the first tag; without a tag, of the first literal path segment ("root" for "/"). */
export function namespaceName(tag: string | undefined, path: string): string {
  const source = tag !== undefined && words(tag).length > 0 ? tag : (literalSegments(path)[0] ?? "root");
  return identifierSafe(camelCase(source), "root");
}

/** `post /clients/{id}/promote` → `postClientsByIdPromote`: the stable name of an operation without an operationId. */
export function methodPathName(method: string, path: string): string {
  const parts = path
    .split("/")
    .filter((segment) => segment !== "")
    .map((segment) => {
      const template = /^\{(.*)\}$/.exec(segment);
      return template ? `By ${template[1]}` : segment;
    });
  return identifierSafe(camelCase([method, ...parts].join(" ")), method);
}

/**
 * Method name: the operationId without a leading `<namespace>.` or
 * `<namespace>/` (compared after camelCasing, so "bank-accounts/list" under
 * "Bank Accounts" loses its prefix too), camelCased.
 */
export function methodName(operationId: string | undefined, namespace: string, method: string, path: string): string {
  if (operationId === undefined || words(operationId).length === 0) return methodPathName(method, path);
  const prefix = /^([^./]+)[./](.+)$/.exec(operationId);
  const rest = prefix && camelCase(prefix[1]!) === namespace && words(prefix[2]!).length > 0 ? prefix[2]! : operationId;
  return identifierSafe(camelCase(rest), method);
}

/** The identifiers an operation's generated code uses, derived from namespace + method. */
export interface OperationNames {
  /** "clients.migrate": how callers reach it (`artu.clients.migrate`). */
  readonly qualified: string;
  /** "ClientsMigrate": prefix of every type name. */
  readonly pascal: string;
  /** "clientsMigrate": prefix of every value name. */
  readonly camel: string;
}

export function operationNames(namespace: string, method: string): OperationNames {
  const pascal = upperFirst(namespace) + upperFirst(method);
  return { qualified: `${namespace}.${method}`, pascal, camel: namespace + upperFirst(method) };
}

/** "in-progress" → "InProgress": a variant value as part of a type name ("" when it has no letters or digits). */
export function variantPascal(value: string): string {
  return pascalCase(value);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A property key as written in an object literal or type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) ? name : JSON.stringify(name);
}

/** A property access: `value.status` or `value["x-kind"]`. */
export function propertyAccess(target: string, name: string): string {
  return isIdentifier(name) ? `${target}.${name}` : `${target}[${JSON.stringify(name)}]`;
}
