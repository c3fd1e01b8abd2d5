// Ajv's standalone module (ajv/dist/standalone, multi-export ESM form) with
// the same output, assembled in linear time. Plain JavaScript: the validators
// worker (validators-worker.mjs) imports it.
//
// Why not `standaloneCode(ajv, refs)`: it accumulates the module in Ajv's
// `_Code` values, and every append (`_\`${code}…\``) copies the items of
// everything assembled so far. That is quadratic in the number of exports and
// of shared definitions: on Microsoft Graph (7,444 validators over ~9,100
// definitions, 22 MB of code) it spent ~35 s of CPU there and then overflowed
// the stack spreading an array of millions of items (`code.push(...items)`).
// Here every piece is a string pushed to one array, joined once.
//
// It reads what Ajv keeps for this purpose on each compiled function
// (`validate.source`: validateName, validateCode, scopeValues, evaluated) and
// on the scope's names (`name.value.code` / `.ref`), as ajv 8.20.0 (pinned)
// does; the test in test/drift-runtime/standalone-code.test.ts holds the
// output byte-identical to Ajv's own standaloneCode.

const STARTED = 0;
const COMPLETED = 1;

/**
 * The module text for `exports` (export name → schema ref, already compiled
 * by `ajv`), as `standaloneCode(ajv, exports)` returns it with `code.esm`.
 */
export function standaloneModule(ajv, exports) {
  if (!ajv.opts.code.source || !ajv.opts.code.esm) throw new Error("standaloneModule: the Ajv instance needs code.source and code.esm");
  const { _n } = ajv.scope.opts;
  const constKind = ajv.opts.code.es5 ? "var" : "const";
  /** prefix → Map(name → STARTED | COMPLETED): the names whose code is already out (Ajv's `usedValues`). */
  const used = {};
  const out = ['"use strict";'];

  const usedState = (name) => used[name.prefix]?.get(name);
  const setUsedState = (name, state) => (used[name.prefix] ??= new Map()).set(name, state);

  /** Ajv's `validateCode`: the function's scope (its dependencies first), then its body. False when already out. */
  const validateCode = (source) => {
    if (!source) throw new Error('standaloneModule: function does not have "source" property');
    if (usedState(source.validateName) === COMPLETED) return false;
    setUsedState(source.validateName, STARTED);
    scopeCode(source.scopeValues);
    out.push(_n, source.validateCode);
    if (source.evaluated) out.push(`${source.validateName}.evaluated = ${source.evaluated};${_n}`);
    return true;
  };

  /** Ajv's `ValueScope.scopeCode` with `refValidateCode` as getCode. */
  const scopeCode = (values) => {
    for (const prefix in values) {
      const names = values[prefix];
      if (!names) continue;
      const nameSet = (used[prefix] ??= new Map());
      for (const name of names) {
        if (nameSet.has(name)) continue;
        nameSet.set(name, STARTED);
        if (name.value === undefined) throw new Error(`CodeGen: name "${name}" has no value`);
        const code = name.value.code;
        if (code) out.push(`${constKind} ${name} = ${code};${_n}`);
        else if (refValidateCode(name)) out.push(_n);
        else throw new Error(`CodeGen: name "${name}" has no value`);
        nameSet.set(name, COMPLETED);
      }
    }
  };

  /** Ajv's `refValidateCode`: writes the code of a referenced function; false when the name is not one. */
  const refValidateCode = (name) => {
    const ref = name.value?.ref;
    if (name.prefix === "validate" && typeof ref == "function") {
      validateCode(ref.source);
      return true;
    }
    if ((name.prefix === "root" || name.prefix === "wrapper") && typeof ref == "object") {
      const { validate, validateName } = ref;
      if (!validateName) throw new Error("ajv internal error");
      out.push(`${constKind} ${name} = {validate: ${validateName}};`);
      if (usedState(validateName) === STARTED) return true;
      out.push(_n);
      validateCode(validate?.source);
      return true;
    }
    return false;
  };

  for (const exportName in exports) {
    if (!/^[a-z$_][a-z$_0-9]*$/i.test(exportName)) throw new Error(`CodeGen: invalid export name: ${exportName}, use explicit $id name mapping`);
    const validate = ajv.getSchema(exports[exportName]);
    if (!validate) throw new Error(`standaloneModule: no schema with id ${exports[exportName]}`);
    out.push(_n, `export const ${exportName} = ${validate.source?.validateName};`, _n);
    // Ajv marks a function "completed" only once a scope has used it, so two
    // exports of one function (operations with the same response schema)
    // would declare it twice, a SyntaxError in a module: declared once here.
    if (validate.source && usedState(validate.source.validateName) === undefined) validateCode(validate.source);
  }
  return out.join("");
}
