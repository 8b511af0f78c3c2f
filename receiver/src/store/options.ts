// What every store takes besides its location; all of it injectable for tests.
import type { Settings } from './store.js';

export interface StoreOptions {
  /** the clock (session expiry, the time a job was enqueued); default: the system clock */
  now?: () => Date;
  /** values the owner has not changed in the inbox yet: the flags given at start */
  settingsDefaults?: Partial<Settings>;
  /** told the number of answers in each group commit (observed by tests and the benchmark) */
  onCommit?: (size: number) => void;
  /** from how many answers with a tag or a search word on a list walks answers newest first rather
   * than sorting the matches (default 2000; tests lower it to reach both plans with little data) */
  manyMatches?: number;
}

export const MANY_MATCHES = 2000;

export const BUILT_IN_SETTINGS: Settings = { notifyEmail: null, digest: 'off', retentionDays: null };

export type SettingKey = keyof Settings;
export const SETTING_KEYS: SettingKey[] = ['notifyEmail', 'digest', 'retentionDays'];

/** Built-in < flags at start < what the owner stored (one key per row; a stored null is a choice). */
export function mergeSettings(defaults: Partial<Settings> | undefined, stored: Map<string, unknown>): Settings {
  const settings: Settings = { ...BUILT_IN_SETTINGS };
  for (const key of SETTING_KEYS) {
    const value = stored.has(key) ? stored.get(key) : defaults?.[key];
    if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
  }
  return settings;
}
