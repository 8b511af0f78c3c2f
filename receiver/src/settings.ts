// The settings an owner changes in the inbox (notify address, digest, retention). The store merges
// them over the flags given at start (openStore's settingsDefaults), field by field, so a flag is the
// default until an owner changes that field, and a restart with other flags does not undo their choice.
// Read on the notifier's and retention's paths only, never on the ingest path; cached briefly.

import type { Settings, Store } from './store/store.js';

/** How stale another instance's change may be here. */
const CACHE_MS = 5000;

export class SettingsService {
  private cached: { value: Settings; at: number } | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  async get(): Promise<Settings> {
    if (this.cached && this.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const value = await this.store.getSettings();
    this.cached = { value, at: this.now() };
    return value;
  }

  async set(patch: Partial<Settings>): Promise<Settings> {
    const value = await this.store.setSettings(patch);
    this.cached = { value, at: this.now() };
    return value;
  }
}
