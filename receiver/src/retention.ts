// Answers older than the retention period are deleted at start and then once a day. The period is the
// owner's setting when they changed it in the inbox, else --retention-days (see settings.ts).

import type { FastifyBaseLogger } from 'fastify';
import type { SettingsService } from './settings.js';
import type { Store } from './store/store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes what is past the period now; returns how many answers went. */
export async function applyRetention(options: { store: Store; settings: SettingsService; now: () => Date }): Promise<number> {
  const { retentionDays } = await options.settings.get();
  if (retentionDays === null) return 0;
  const before = new Date(options.now().getTime() - retentionDays * DAY_MS).toISOString();
  return options.store.deleteReceivedBefore(before);
}

export function scheduleRetention(options: {
  store: Store;
  settings: SettingsService;
  now: () => Date;
  log: FastifyBaseLogger;
}): { stop(): void; done: Promise<void> } {
  const run = () =>
    applyRetention(options).then(
      (deleted) => {
        if (deleted > 0) options.log.info(`retention: deleted ${deleted} answer(s) past the retention period`);
      },
      (error) => options.log.error({ err: error }, 'retention: old answers could not be deleted'),
    );
  const done = run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), done };
}
