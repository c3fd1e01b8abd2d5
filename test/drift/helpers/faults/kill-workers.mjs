// Fault injection for exit-code tests (loaded with NODE_OPTIONS=--import=<this file>):
// every worker thread dies as it starts, as a crashed openapi-typescript or Ajv worker would.
import { isMainThread } from "node:worker_threads";

if (!isMainThread) process.exit(70);
