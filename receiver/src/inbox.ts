// The inbox page: the built folder dist/inbox served at /inbox/ under a strict Content-Security-Policy
// (set for every response by helmet in app.ts). Until the page is built, /inbox says so plainly.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** dist/inbox next to this compiled file (dist/inbox.js). */
export const INBOX_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'inbox');

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Inbox not built</title>' +
  '<h1>The inbox is not built</h1><p>Run <code>npm run build</code> in the receiver, then reload.</p>';

export async function inboxRoutes(app: FastifyInstance, options: { folder?: string } = {}): Promise<void> {
  const folder = options.folder ?? INBOX_FOLDER;
  app.get('/inbox', async (_request, reply) => reply.redirect('/inbox/', 301));
  if (!existsSync(join(folder, 'index.html'))) {
    const notBuilt = async (_request: unknown, reply: import('fastify').FastifyReply) =>
      reply.code(503).header('content-type', 'text/html; charset=utf-8').header('retry-after', '60').send(NOT_BUILT);
    app.get('/inbox/', notBuilt);
    app.get('/inbox/*', notBuilt);
    return;
  }
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/inbox/',
    index: 'index.html',
    // The page and its assets change with a new version; hashed asset names are the INBOX build's job.
    cacheControl: true,
    maxAge: 0,
  });
}
