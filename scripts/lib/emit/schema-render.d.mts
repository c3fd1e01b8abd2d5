export declare const OPENAPI_TS_OPTIONS: Readonly<{ defaultNonNullable: false; emptyObjectsUnknown: true; silent: true }>;
export declare function loadOpenApiTypeScript(): typeof import("openapi-typescript") & { ts: typeof import("typescript") };
export declare function renderSchemaTypes(json: string): Promise<string>;
