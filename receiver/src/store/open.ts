// Chooses the store: PostgreSQL when a database URL is given, otherwise the SQLite file
// `<data>/answers.sqlite` (data defaults to ./feedback-data). Runs the migrations before handing
// the store out, so every caller (server, add-owner, add-token) sees the current schema.
import path from 'node:path';
import type { StoreOptions } from './options.js';
import type { Store } from './store.js';

export type { StoreOptions } from './options.js';

export interface OpenStoreOptions extends StoreOptions {
  /** folder of the SQLite file; default ./feedback-data */
  data?: string;
  /** postgres://… : use PostgreSQL instead of SQLite */
  databaseUrl?: string | null;
  /** false: leave the schema alone (the caller runs migrate() itself) */
  migrate?: boolean;
}

export const DEFAULT_DATA_DIR = './feedback-data';

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    const { PostgresStore } = await import('./postgres.js');
    store = new PostgresStore(options.databaseUrl, options);
  } else {
    const { SqliteStore, SQLITE_FILE } = await import('./sqlite.js');
    store = new SqliteStore(path.resolve(options.data ?? DEFAULT_DATA_DIR, SQLITE_FILE), options);
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  }
  return store;
}
