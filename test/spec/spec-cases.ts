/**
 * A small valid OpenAPI document and the broken variants issue 11 names
 * (items 15-17), shared by the unit tests of the spec checks and the CLI tests.
 */
type Json = Record<string, any>;

export function validSpec(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Things", version: "1.0.0" },
    paths: {
      "/things/{id}": {
        get: {
          operationId: "things.get",
          tags: ["Things"],
          parameters: [{ $ref: "#/components/parameters/Id" }],
          responses: {
            "200": {
              description: "OK",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
            },
          },
        },
      },
    },
    components: {
      parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
      schemas: {
        Thing: {
          type: "object",
          properties: { id: { type: "string" }, parent: { $ref: "#/components/schemas/Thing" } },
        },
      },
    },
  };
}

const SCHEMA_POINTER = "/paths/~1things~1{id}/get/responses/200/content/application~1json/schema";
const OPERATION_POINTER = "/paths/~1things~1{id}/get";

export interface BrokenCase {
  readonly name: string;
  readonly spec: Json;
  /** The expected message after "<file>#", as a fixed string. */
  readonly message: string;
}

export function brokenCases(): BrokenCase[] {
  const cycle = validSpec();
  cycle.components.schemas.Thing = { $ref: "#/components/schemas/A" };
  cycle.components.schemas.A = { $ref: "#/components/schemas/B" };
  cycle.components.schemas.B = { $ref: "#/components/schemas/A" };

  const schemaAtParameter = validSpec();
  schemaAtParameter.paths["/things/{id}"].get.responses["200"].content["application/json"].schema = {
    $ref: "#/components/parameters/Id",
  };

  const parameterAtSchema = validSpec();
  parameterAtSchema.paths["/things/{id}"].get.parameters = [{ $ref: "#/components/schemas/Thing" }];

  const undeclared = validSpec();
  undeclared.paths["/things/{id}"].get.parameters = [];

  const notInTemplate = validSpec();
  notInTemplate.paths = { "/things": notInTemplate.paths["/things/{id}"] };

  return [
    {
      name: "a $ref chain looping without reaching a schema (A → B → A)",
      spec: cycle,
      message:
        `${SCHEMA_POINTER} (operation things.get): $ref chain loops without reaching a schema: ` +
        "#/components/schemas/Thing → #/components/schemas/A → #/components/schemas/B → #/components/schemas/A",
    },
    {
      name: "a response schema $ref pointing at a parameter",
      spec: schemaAtParameter,
      message: `${SCHEMA_POINTER} (operation things.get): $ref "#/components/parameters/Id" points at a parameter, where a schema is expected`,
    },
    {
      name: "a parameter $ref pointing at a schema",
      spec: parameterAtSchema,
      message: `${OPERATION_POINTER}/parameters/0 (operation things.get): $ref "#/components/schemas/Thing" points at a schema, where a parameter is expected`,
    },
    {
      name: "a path template parameter no parameter declares",
      spec: undeclared,
      message: `${OPERATION_POINTER} (operation things.get): the path /things/{id} has {id}, but no parameter declares it: add a path parameter named "id"`,
    },
    {
      name: "a declared path parameter missing from the template",
      spec: notInTemplate,
      message:
        '/paths/~1things/get/parameters/0 (operation things.get): path parameter "id" does not appear in the path /things: ' +
        "add {id} to the path or remove the parameter",
    },
  ];
}
