// The Ajv options the drift validators are compiled with (validators-worker.mjs;
// the tests compile with the same). Plain JavaScript: the worker imports it.
export const DRIFT_AJV_OPTIONS = Object.freeze({
  allErrors: true,
  strict: false,
  // Error messages are not used (the runtime builds its own), and every
  // referenced definition compiles to one shared function. No meta-schema
  // pass: a broken schema fails the compilation of the operations using
  // it, which are left out (and named) while the others compile.
  messages: false,
  inlineRefs: false,
  validateSchema: false,
  code: Object.freeze({
    source: true,
    esm: true,
    lines: true,
    // No optimizer pass: it only drops unused temporaries (`const _errs3 =
    // errors;`) and inlines single-use ones, i.e. the same checks and errors
    // in ~10% more code, and it was ~30% of Ajv's CPU time here (it recounts
    // every name of every function's syntax tree).
    optimize: false,
  }),
  // `required` with 2+ names: one loop over the list instead of one check
  // per name (allErrors): the same errors in the same order, with the same
  // params ({ missingProperty }), in less code.
  loopRequired: 2,
});

/**
 * `code.process` for a compilation whose functions are never called (the
 * worker only writes their code out, standalone-code.mjs): Ajv turns each
 * validator's code into a function with `new Function`; this hands V8 a stub
 * instead of megabytes of code to parse. The code Ajv keeps for standalone
 * output (`validate.source`) is taken before this runs and is unchanged.
 */
export const skipFunctionParsing = () => "return function generateTimeStub() {}";
