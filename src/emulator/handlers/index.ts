/**
 * Every operation the emulator models, by the snapshot's operationId. An
 * operation of the snapshot that is missing here answers 501 NOT_IMPLEMENTED.
 */
import { addressHandlers } from "./addresses";
import { bankAccountHandlers } from "./bank-accounts";
import { clientLinkHandlers } from "./client-links";
import { syncHandlers } from "./client-sync";
import { clientHandlers } from "./clients";
import { contactMethodHandlers } from "./contact-methods";
import type { HandlerTable } from "./context";
import { documentHandlers } from "./documents";
import { migrateHandlers } from "./migrate";
import { transactionHandlers } from "./transactions";

export const HANDLERS: HandlerTable = {
  ...clientHandlers,
  ...clientLinkHandlers,
  ...syncHandlers,
  ...migrateHandlers,
  ...addressHandlers,
  ...contactMethodHandlers,
  ...bankAccountHandlers,
  ...documentHandlers,
  ...transactionHandlers,
};

/** The operationIds the emulator implements, sorted. */
export const modelledOperations: readonly string[] = Object.freeze(Object.keys(HANDLERS).sort());
