/**
 * Hand-written sync descriptions and body types, shaped exactly like what the
 * generator emits for clients.sync and addresses.sync (writable fields from
 * openapi/sources/clients.json and addresses.json, sorted; documents require
 * `id`, so they are not creatable; linkedClients items have no id and are not
 * a sync array).
 */
import type {
  OperationDescriptor,
  SyncPlannerDescription,
} from "../../src/internal";

export const clientsSyncOperation = {
  operationId: "clients.sync",
  method: "post",
  path: "/clients/sync",
  args: ["body"],
  pathParams: [],
  queryParams: [],
  headerParams: [],
  idempotent: false,
} as const satisfies OperationDescriptor;

export const addressesSyncOperation = {
  operationId: "addresses.sync",
  method: "post",
  path: "/clients/{clientId}/addresses/sync",
  args: ["params", "body"],
  pathParams: ["clientId"],
  queryParams: [],
  headerParams: [],
  idempotent: false,
} as const satisfies OperationDescriptor;

export const addressFields = [
  "city",
  "clientId",
  "country",
  "externalId",
  "isPrimary",
  "metadata",
  "postalCode",
  "scope",
  "scopeData",
  "state",
  "street",
  "type",
] as const;
export const contactMethodFields = [
  "clientId",
  "externalId",
  "isPrimary",
  "label",
  "metadata",
  "type",
  "value",
] as const;
export const bankAccountFields = [
  "accountNumber",
  "bankCode",
  "bankName",
  "clabe",
  "clientId",
  "codigoBanco",
  "codigoPlaza",
  "country",
  "currency",
  "externalId",
  "isActive",
  "isPrimary",
  "label",
  "metadata",
  "type",
] as const;
export const documentFields = [
  "expiresAt",
  "externalId",
  "fields",
  "metadata",
] as const;
export const clientFields = [
  "birthDate",
  "externalId",
  "lastName",
  "metadata",
  "middleName",
  "name",
  "nationalities",
  "scopeData",
  "scopes",
  "type",
] as const;

export const clientsSyncPlanner = {
  operation: clientsSyncOperation,
  arrays: [
    {
      name: "addresses",
      maxItems: 250,
      idField: "id",
      deleteField: "_delete",
      writableFields: addressFields,
      creatable: true,
    },
    {
      name: "contactMethods",
      maxItems: 250,
      idField: "id",
      deleteField: "_delete",
      writableFields: contactMethodFields,
      creatable: true,
    },
    {
      name: "bankAccounts",
      maxItems: 250,
      idField: "id",
      deleteField: "_delete",
      writableFields: bankAccountFields,
      creatable: true,
    },
    {
      name: "documents",
      maxItems: 250,
      idField: "id",
      deleteField: "_delete",
      writableFields: documentFields,
      creatable: false,
    },
  ],
  objects: [{ name: "client", writableFields: clientFields }],
  replaceModeField: "replaceMode",
  context: [{ name: "clientId", in: "body" }],
} as const satisfies SyncPlannerDescription;

export const addressesSyncPlanner = {
  operation: addressesSyncOperation,
  arrays: [
    {
      name: "items",
      maxItems: 250,
      idField: "id",
      deleteField: "_delete",
      writableFields: addressFields.filter((f) => f !== "clientId"),
      creatable: true,
    },
  ],
  objects: [],
  replaceModeField: "replaceMode",
  context: [{ name: "clientId", in: "path" }],
} as const satisfies SyncPlannerDescription;

/** The same description with another maxItems, to exercise chunking on small inputs. */
export function withMaxItems<D extends SyncPlannerDescription>(
  description: D,
  maxItems: number,
): D {
  return {
    ...description,
    arrays: description.arrays.map((array) => ({ ...array, maxItems })),
  };
}

type AddressType = "home" | "business" | "mailing" | "legal" | "other";
export interface AddressSyncItem {
  id?: string;
  street?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  type?: AddressType;
  isPrimary?: boolean;
  scope?: string;
  externalId?: string;
  metadata?: Record<string, unknown>;
  scopeData?: Record<string, unknown>;
  clientId?: string;
  _delete?: boolean;
}
export interface ContactMethodSyncItem {
  id?: string;
  type?: "email" | "phone" | "mobile" | "fax" | "other";
  isPrimary?: boolean;
  value?: string;
  label?: string;
  externalId?: string;
  metadata?: Record<string, unknown>;
  clientId?: string;
  _delete?: boolean;
}
export interface DocumentSyncItem {
  id: string;
  expiresAt?: string;
  externalId?: string;
  metadata?: Record<string, unknown>;
  fields?: Record<string, unknown>;
  _delete?: boolean;
}
export interface ClientUpdateInput {
  type?: "individual" | "company";
  name?: string;
  scopes?: string[];
  nationalities?: string | string[];
  externalId?: string;
  metadata?: Record<string, unknown>;
  birthDate?: string;
  middleName?: string;
  lastName?: string;
  scopeData?: Record<string, unknown>;
}
export interface ClientsSyncBody {
  clientId?: string;
  client?: ClientUpdateInput;
  addresses?: AddressSyncItem[];
  contactMethods?: ContactMethodSyncItem[];
  bankAccounts?: (Record<string, unknown> & {
    id?: string;
    _delete?: boolean;
  })[];
  documents?: DocumentSyncItem[];
  linkedClients?: { clientId?: string; metadata?: Record<string, unknown> }[];
  replaceMode?: boolean;
}
export type ClientsSyncParams = {};
export interface AddressesSyncBody {
  items: Omit<AddressSyncItem, "clientId">[];
  replaceMode?: boolean;
}
export interface AddressesSyncParams {
  clientId: string;
}
