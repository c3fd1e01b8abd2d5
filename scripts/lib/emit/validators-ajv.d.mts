import type { Options } from "ajv";

export declare const DRIFT_AJV_OPTIONS: Readonly<Options>;
export declare function skipFunctionParsing(): string;
