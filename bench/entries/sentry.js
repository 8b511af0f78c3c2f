// Variant (c2): the Sentry browser SDK with its feedback integration, as its docs show it.
// The DSN points at the bench server on loopback (it answers 200 to anything under /api/).
import * as Sentry from '@sentry/browser';

if (location.hostname !== '127.0.0.1') throw new Error('bench: the Sentry DSN must point at loopback');
Sentry.init({
  dsn: `http://public@127.0.0.1:${location.port}/1`,
  integrations: [Sentry.feedbackIntegration({ autoInject: true })],
});
