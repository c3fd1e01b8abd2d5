/** JSON pointers for the build scripts: the runtime's own implementation, one for the whole project. */
export * from "../../../src/core/json-pointer";
