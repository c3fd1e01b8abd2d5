// Fault injection for exit-code tests (loaded with NODE_OPTIONS=--import=<this file>):
// whatever code lists the keys or entries of an object carrying "x-fault-range-error"
// (a marker put in a spec) throws the RangeError a stack overflow throws.
const FAULT = "x-fault-range-error";

for (const name of ["keys", "entries", "values"]) {
  const original = Object[name];
  Object[name] = function (object) {
    if (object !== null && typeof object === "object" && Object.hasOwn(object, FAULT)) throw new RangeError("Maximum call stack size exceeded");
    return original(object);
  };
}
