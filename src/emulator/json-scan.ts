/**
 * A single lexical pass over a JSON body before JSON.parse: it refuses what
 * would be costly or dangerous to parse, store or validate (nesting deeper
 * than `maxDepth`, objects with more than `maxMembers` members, arrays with
 * more than `maxElements` elements, keys in FORBIDDEN_KEYS, escaped or not)
 * and names where with a JSON pointer. It stops at the first problem, so a
 * million-level body costs no more than 32 levels of it. Syntax errors are
 * left to JSON.parse: on text that is not JSON this pass may find nothing.
 */
import type { Issue } from "./errors";
import { FORBIDDEN_KEYS, forbiddenKeyMessage, type RequestLimits } from "./limits";
import { escapeToken } from "../core/json-pointer";

interface Frame {
  readonly kind: "object" | "array";
  /** Members (objects) or elements (arrays) seen so far. */
  count: number;
  /** The current member's key (objects). */
  key: string;
  /** Objects: the next string is a key. */
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

type Limits = Pick<RequestLimits, "maxDepth" | "maxMembers" | "maxElements">;

export function scanJson(text: string, limits: Limits, prefix = "/body"): Issue | undefined {
  const frames: Frame[] = [];
  const at = (message: string, withCurrent = true): Issue => ({ path: prefix + pointerOf(frames, withCurrent), message });

  /** Counts a value starting in the innermost container; an issue when an array grows too long. */
  const valueStarts = (): Issue | undefined => {
    const top = frames[frames.length - 1];
    if (top?.kind !== "array") return undefined;
    top.count++;
    return top.count > limits.maxElements ? at(`has more than ${limits.maxElements} elements`, false) : undefined;
  };

  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = frames[frames.length - 1];
      if (top?.kind === "object" && top.expectKey) {
        top.expectKey = false;
        top.count++;
        top.key = decodeKey(text.slice(i, end));
        if (FORBIDDEN_KEYS.has(top.key)) return at(forbiddenKeyMessage(top.key));
        if (top.count > limits.maxMembers) return at(`has more than ${limits.maxMembers} members`, false);
      } else {
        const problem = valueStarts();
        if (problem) return problem;
      }
      i = end;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      const problem = valueStarts();
      if (problem) return problem;
      if (frames.length >= limits.maxDepth) return at(`nests deeper than ${limits.maxDepth} levels`);
      frames.push({ kind: c === OPEN_OBJECT ? "object" : "array", count: 0, key: "", expectKey: c === OPEN_OBJECT });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      frames.pop();
    } else if (c === COMMA) {
      const top = frames[frames.length - 1];
      if (top?.kind === "object") top.expectKey = true;
    } else if (c !== COLON && !isWhitespace(c)) {
      const problem = valueStarts();
      if (problem) return problem;
      i = scalarEnd(text, i);
      continue;
    }
    i++;
  }
  return undefined;
}

/** The pointer of the innermost value: every container's current key or index (the innermost's own only `withCurrent`). */
function pointerOf(frames: readonly Frame[], withCurrent: boolean): string {
  const upTo = withCurrent ? frames.length : frames.length - 1;
  let pointer = "";
  for (let index = 0; index < upTo; index++) {
    const frame = frames[index]!;
    pointer += `/${frame.kind === "object" ? escapeToken(frame.key) : frame.count - 1}`;
  }
  return pointer;
}

/** The index just past the string that starts at `start` (its opening quote), or the text's end. */
function stringEnd(text: string, start: number): number {
  let quote = start;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
}

/** A key as JSON.parse will see it (`"\u005f_proto__"` is `__proto__`). */
function decodeKey(literal: string): string {
  if (!literal.includes("\\")) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

function scalarEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || c === QUOTE || c === OPEN_OBJECT || c === OPEN_ARRAY || isWhitespace(c)) break;
    i++;
  }
  return i;
}

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
