export {
  fixFor,
  migrateClient,
  type MigrateClientOptions,
  type MigrateClientResult,
  type MigrationBlocker,
} from "./migrate-client";
