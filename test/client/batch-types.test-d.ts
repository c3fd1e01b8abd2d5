/**
 * The combined result of a chunked batch call declares its per-item errors:
 * every batch operation's generated Result type carries an optional
 * `errors: BatchItemError[]` (described by the snapshot), so reading
 * `result.errors?.[0]?.index` compiles without casts.
 */
import { describe, expectTypeOf, test } from "vitest";
import type {
  AddressesCreateManyResult,
  AddressesUpdateManyResult,
  AddressesUpsertManyByExternalIdResult,
  AlertsCreateManyResult,
  AlertsUpdateManyResult,
  AlertsUpsertManyByExternalIdResult,
  ArtuClient,
  BankAccountsCreateManyResult,
  ClientsCreateManyResult,
  ContactMethodsUpsertManyByExternalIdResult,
  EvidenceCreateManyResult,
  EvidenceUpsertManyByExternalIdResult,
  TransactionsCreateManyResult,
  TransactionsUpsertManyByExternalIdResult,
  components,
} from "../../src/index";

type BatchItemError = components["schemas"]["BatchItemError"];
type ItemErrors = BatchItemError[] | undefined;

describe("batch results declare their item errors", () => {
  test("BatchItemError is { index, code, message }", () => {
    expectTypeOf<BatchItemError>().toEqualTypeOf<{ code: string; index: number; message: string }>();
  });

  // The 13 batch operations with an atomic flag (alerts.addItems has none: it never reports per-item failures).
  test("every batch operation's Result has errors?: BatchItemError[]", () => {
    expectTypeOf<AddressesCreateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<AddressesUpdateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<AddressesUpsertManyByExternalIdResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<AlertsCreateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<AlertsUpdateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<AlertsUpsertManyByExternalIdResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<BankAccountsCreateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<ClientsCreateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<ContactMethodsUpsertManyByExternalIdResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<EvidenceCreateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<EvidenceUpsertManyByExternalIdResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<TransactionsCreateManyResult["errors"]>().toEqualTypeOf<ItemErrors>();
    expectTypeOf<TransactionsUpsertManyByExternalIdResult["errors"]>().toEqualTypeOf<ItemErrors>();
  });

  test("the generated method returns that Result, so a chunked call's errors are typed", () => {
    type CreateMany = ArtuClient["clients"]["createMany"];
    expectTypeOf<Awaited<ReturnType<CreateMany>>>().toEqualTypeOf<ClientsCreateManyResult>();
    expectTypeOf<NonNullable<Awaited<ReturnType<CreateMany>>["errors"]>[number]["index"]>().toEqualTypeOf<number>();
  });
});
