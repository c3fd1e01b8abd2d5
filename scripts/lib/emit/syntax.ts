/**
 * The TypeScript constructs the emitters print, each as the document
 * prettier's printer (prettier 3, printWidth 120, trailing commas "all",
 * double quotes, semicolons) builds for it, to be printed by layout.ts:
 * type references and their type arguments, tuples, object types, function
 * types, type aliases, `const` declarations (prettier's "fluid" and
 * "break-after-operator" assignment layouts), object and array literals,
 * calls, `return`, function declarations, interfaces, classes, imports.
 * Only what the emitters use is here; test/generate/layout.test.ts checks
 * every construct against prettier at widths on both sides of the limit.
 *
 * A statement is a `Statement`: its document, and whether a blank line
 * precedes it.
 *
 * The builders are prettier's (`prettier/doc`, through layout.ts), so each
 * document is one prettier's printer would have built.
 */
import { concat, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, type Doc } from "./layout";

/** A type's document, and whether prettier hugs it as the sole type argument (`shouldHugType`: a plain name or an object type). */
export interface TypeDoc {
  readonly doc: Doc;
  readonly hug: boolean;
  /** An object type (`{ … }`). */
  readonly object?: boolean;
}

/** An expression's document, and what prettier's assignment layout looks at. */
export interface ExprDoc {
  readonly doc: Doc;
  /** "string": a string literal; "chain": a call chain prettier finds poorly breakable (`a.b<T>(short)`); "other". */
  readonly kind: "string" | "chain" | "other";
}

export interface Statement {
  readonly doc: Doc;
  readonly blankBefore?: boolean;
  /** A function, class or interface: set off by blank lines on both sides. */
  readonly block?: boolean;
}

const expr = (doc: Doc, kind: ExprDoc["kind"] = "other"): ExprDoc => ({ doc, kind });

/** `,` and a line: what separates list items. */
const SEPARATOR: Doc = [",", line];

// ── types ──────────────────────────────────────────────────────────────────

/** A type prettier prints as is (an indexed access, `typeof x`, a literal): never hugged. */
export function rawType(text: string): TypeDoc {
  return { doc: text, hug: false };
}

/** `Name` or `Name<A, B>`. */
export function typeRef(name: string, args: readonly TypeDoc[] = []): TypeDoc {
  return { doc: concat([name, typeArguments(args)]), hug: args.length === 0 };
}

/** prettier's printTypeParameters for type arguments: one huggable argument inline, else a group (no trailing comma). */
export function typeArguments(args: readonly TypeDoc[]): Doc {
  if (args.length === 0) return "";
  if (args.length === 1 && args[0]!.hug) return concat(["<", args[0]!.doc, ">"]);
  return group(concat(["<", indent(concat([softline, join(SEPARATOR, args.map((arg) => arg.doc))])), softline, ">"]));
}

/** `[a: A, b?: B]` (elements already printed, such as `params: X`). */
export function tupleType(elements: readonly Doc[]): TypeDoc {
  if (elements.length === 0) return { doc: "[]", hug: false };
  return { doc: group(concat(["[", indent(concat([softline, join(SEPARATOR, elements)])), ifBreak(","), softline, "]"])), hug: false };
}

/** `{ a: A; b?: B }`; members as `[key, type, optional]`. */
export function objectType(members: readonly (readonly [key: string, type: TypeDoc, optional?: boolean])[]): TypeDoc {
  if (members.length === 0) return { doc: "{}", hug: true, object: true };
  const printed = members.map(([key, type, optional]) => concat([key, optional ? "?: " : ": ", type.doc]));
  return { doc: group(concat(["{", indent(concat([line, join([";", line], printed)])), ifBreak(";"), line, "}"])), hug: true, object: true };
}

/** `(a: A, b: B) => R`. */
export function functionType(parameters: readonly Parameter[], returns: TypeDoc): TypeDoc {
  return { doc: group(concat([group(parameterList(parameters)), " => ", returns.doc])), hug: false };
}

// ── expressions ────────────────────────────────────────────────────────────

export function identifier(name: string): ExprDoc {
  return expr(name);
}

export function stringLiteral(value: string): ExprDoc {
  return expr(JSON.stringify(value), "string");
}

/** A number or boolean literal. */
export function scalarLiteral(value: number | boolean): ExprDoc {
  return expr(JSON.stringify(value));
}

/** `{ key: value, … }`; `expanded`: written over several lines in the source (prettier keeps it so). */
export function objectLiteral(properties: readonly (readonly [key: string, value: ExprDoc])[], expanded = false): ExprDoc & { readonly entries: number } {
  if (properties.length === 0) return { ...expr("{}"), entries: 0 };
  const printed = properties.map(([key, value]) => assignment(key, ":", value, key.length < 5));
  return { ...expr(group(concat(["{", indent(concat([line, join(SEPARATOR, printed)])), ifBreak(","), line, "}"]), { shouldBreak: expanded })), entries: properties.length };
}

/** `[a, b]`; prettier breaks an array of two or more objects (or arrays) with more than one entry each, whatever the width. */
export function arrayLiteral(items: readonly (ExprDoc & { readonly entries?: number; readonly isObject?: boolean })[]): ExprDoc & { readonly entries: number } {
  if (items.length === 0) return { ...expr("[]"), entries: 0 };
  const shouldBreak =
    items.length > 1 && items.every((item) => item.entries !== undefined && item.entries > 1 && item.isObject === items[0]!.isObject);
  return {
    ...expr(group(concat(["[", indent(concat([softline, join(SEPARATOR, items.map((item) => item.doc))])), ifBreak(","), softline, "]"]), { shouldBreak })),
    entries: items.length,
  };
}

/** `callee<T>(a, b)`; `callee` a name or a member access (`binder.bind`), arguments that prettier does not hug (names, strings). */
export function call(callee: string, typeArgs: readonly TypeDoc[], args: readonly ExprDoc[]): ExprDoc {
  const argumentList = args.length === 0 ? "()" : group(concat(["(", indent(concat([softline, join(SEPARATOR, args.map((arg) => arg.doc))])), ifBreak(","), softline, ")"]));
  const printed = concat([callee, typeArguments(typeArgs), argumentList]);
  if (!callee.includes(".")) return expr(printed);
  // A member chain with one call: prettier's printMemberChain prints it as one group; with no or one short
  // (≤ printWidth/4) name as argument and a plain type argument, the assignment layout breaks after the operator.
  const poor =
    (args.length === 0 || (args.length === 1 && /^[A-Za-z_$][\w$]*$/.test(args[0]!.doc as string) && (args[0]!.doc as string).length <= 30)) &&
    typeArgs.length <= 1;
  return expr(group(printed), poor ? "chain" : "other");
}

/** `left as T` / `left satisfies T`. */
export function typed(left: ExprDoc, keyword: "as" | "satisfies", type: TypeDoc | "const"): ExprDoc {
  return expr(concat([left.doc, ` ${keyword} `, type === "const" ? "const" : type.doc]));
}

// ── statements ─────────────────────────────────────────────────────────────

/**
 * prettier's printAssignment for `left operator right` (a variable, a type
 * alias, an object property): "break-after-operator" for a string or a poorly
 * breakable call chain, "never-break-after-operator" after a short property
 * key, else "fluid" (break after the operator only when the right side does
 * not fit up to its first possible line break).
 */
function assignment(left: Doc, operator: string, right: ExprDoc, shortKey = false): Doc {
  if (shortKey) return group(concat([left, operator, " ", right.doc]));
  if (right.kind === "string" || right.kind === "chain") return group(concat([group(left), operator, group(indent(concat([line, right.doc])))]));
  const id = Symbol("assignment");
  return group(concat([left, operator, group(indent(line), { id }), indentIfBreak(right.doc, { groupId: id })]));
}

/** A doc comment on its own line (never measured: a hard line follows it, and nothing is laid out before it). */
function docs(text: string | undefined): Doc[] {
  return text === undefined ? [] : [`/** ${text} */`, hardline];
}

const exported = (isExported: boolean | undefined) => (isExported ? "export " : "");

export function typeAlias(name: string, type: TypeDoc, options: { isExported?: boolean; doc?: string; blankBefore?: boolean } = {}): Statement {
  return {
    doc: concat([...docs(options.doc), assignment(`${exported(options.isExported)}type ${name}`, " =", expr(type.doc)), ";"]),
    ...(options.blankBefore ? { blankBefore: true } : {}),
  };
}

export function constDeclaration(name: string, value: ExprDoc, options: { isExported?: boolean; doc?: string } = {}): Statement {
  return { doc: concat([...docs(options.doc), assignment(`${exported(options.isExported)}const ${name}`, " =", value), ";"]) };
}

export interface Parameter {
  readonly name: string;
  readonly type: TypeDoc;
  readonly optional?: boolean;
}

/** prettier's printFunctionParameters (not hugged: no parameter here is a lone object pattern or object type). */
function parameterList(parameters: readonly Parameter[]): Doc {
  if (parameters.length === 0) return "()";
  const printed = parameters.map(({ name, type, optional }) => concat([name, optional ? "?: " : ": ", type.doc]));
  if (parameters.length === 1 && parameters[0]!.type.object) {
    // shouldHugTheOnlyFunctionParameter: a lone parameter typed by an object type.
    return concat(["(", printed[0]!, ")"]);
  }
  return concat(["(", indent(concat([softline, join(SEPARATOR, printed)])), ifBreak(","), softline, ")"]);
}

function typeParameterList(names: readonly string[]): Doc {
  if (names.length === 0) return "";
  return group(concat(["<", indent(concat([softline, join(SEPARATOR, names)])), ifBreak(","), softline, ">"]));
}

export function functionDeclaration(options: {
  name: string;
  isExported?: boolean;
  doc?: string;
  typeParameters?: readonly string[];
  parameters: readonly Parameter[];
  returnType: TypeDoc;
  body: readonly Doc[];
}): Statement {
  return {
    doc: concat([
      ...docs(options.doc),
      `${exported(options.isExported)}function ${options.name}`,
      typeParameterList(options.typeParameters ?? []),
      group(concat([parameterList(options.parameters), ": ", options.returnType.doc])),
      " {",
      indent(concat([hardline, join(hardline, options.body)])),
      hardline,
      "}",
    ]),
    block: true,
  };
}

/** `return value;` */
export function returnStatement(value: ExprDoc): Doc {
  return concat(["return ", value.doc, ";"]);
}

/** `return left === right;` (prettier's binary expression in a return: parenthesized when broken). */
export function returnEquals(left: string, right: ExprDoc): Doc {
  const comparison = group(concat([left, " ", group(concat(["===", line, right.doc]))]));
  return concat(["return ", group(concat([ifBreak("("), indent(concat([softline, comparison])), softline, ifBreak(")")])), ";"]);
}

/** `export class Name extends Base<T> {}` (an empty body; prettier keeps the heritage clause on the line). */
export function emptyClass(name: string, base: Doc, options: { isExported?: boolean; doc?: string } = {}): Statement {
  return { doc: concat([...docs(options.doc), `${exported(options.isExported)}class ${name} extends `, base, " {}"]), block: true };
}

/** A member of an interface or an expanded object type: its doc comment, then the member (printed without its `;`). */
export interface Member {
  readonly doc?: string;
  readonly member: Doc;
}

/** `name(a: A, b?: B): R` (prettier's TSMethodSignature). */
export function methodSignature(name: string, parameters: readonly Parameter[], returns: TypeDoc): Doc {
  return group(concat([name, parameterList(parameters), group(concat([": ", returns.doc]))]));
}

/** `name: T`. */
export function propertySignature(name: string, type: TypeDoc): Doc {
  return concat([name, ": ", type.doc]);
}

/** `{` members, one per line, each ending with `;` `}` (an object type written expanded). */
export function expandedObjectType(members: readonly Member[]): TypeDoc {
  if (members.length === 0) return { doc: "{}", hug: true, object: true };
  return { doc: concat(["{", indent(concat([hardline, join(hardline, members.map(memberDoc))])), hardline, "}"]), hug: true, object: true };
}

function memberDoc({ doc, member }: Member): Doc {
  return concat([...docs(doc), member, ";"]);
}

export function interfaceDeclaration(name: string, members: readonly Member[], options: { isExported?: boolean; doc?: string } = {}): Statement {
  return { doc: concat([...docs(options.doc), `${exported(options.isExported)}interface ${name} `, expandedObjectType(members).doc]), block: true };
}

/** `import { a, type B } from "x";` (prettier breaks the braces of two or more specifiers that do not fit). */
export function importDeclaration(specifiers: readonly string[], from: string, typeOnly = false): Statement {
  const head = `import ${typeOnly ? "type " : ""}`;
  const tail = ` from ${JSON.stringify(from)};`;
  if (specifiers.length === 1) return { doc: `${head}{ ${specifiers[0]!} }${tail}` };
  return { doc: concat([head, group(concat(["{", indent(concat([line, join(SEPARATOR, specifiers)])), ifBreak(","), line, "}"])), tail]) };
}

/** A statement written as is (one line, already in prettier's layout). */
export function verbatim(text: string): Statement {
  return { doc: text };
}
