// Fault injection for exit-code tests (loaded with NODE_OPTIONS=--import=<this file>):
// reading a file named head.json throws from a callback, outside any promise a
// script awaits, the way a bug in an event handler does.
import fs from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const readFile = fs.readFile;
  fs.readFile = function (path, ...rest) {
    if (String(path).endsWith("head.json")) setImmediate(() => { throw new TypeError("injected fault outside main"); });
    return readFile.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
}
