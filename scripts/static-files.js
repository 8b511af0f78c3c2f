// Static files for the demo (`npm start`) and the bench (`npm run bench`), through kept libraries:
// @fastify/static (ETag, ranges, traversal refused, directory redirects) and @fastify/compress
// (brotli or gzip, as the browser asks). One place, so the demo and the bench serve alike.
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import zlib from 'node:zlib';

export const COMPRESSION = Object.freeze({
  encodings: ['br', 'gzip'],
  // Below this a compressed body saves less than its headers cost.
  threshold: 256,
  // Quality 5: most of brotli's gain at a fraction of its default (11) cost, paid on every request.
  brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
});

/** no-cache means "revalidate": with the ETag a reload is cheap, and an edit or a rebuild shows at once. */
function setHeaders(reply) {
  reply.header('Cache-Control', 'no-cache');
  reply.header('X-Content-Type-Options', 'nosniff');
}

/**
 * Serves each folder under its URL prefix, compressed, on `app` (a Fastify instance not yet listening).
 * @param {import('fastify').FastifyInstance} app
 * @param {Record<string, string>} folders  URL prefix ('/demo/') → folder on disk
 * @param {{ dotFiles?: boolean }} [options]  dotFiles: serve names starting with "." (the bench's .build/)
 */
export async function serveFolders(app, folders, { dotFiles = false } = {}) {
  await app.register(compress, COMPRESSION);
  let first = true;
  for (const [prefix, root] of Object.entries(folders)) {
    await app.register(fastifyStatic, {
      root,
      prefix,
      // Only the first registration adds reply.sendFile; the others would clash with it.
      decorateReply: first,
      cacheControl: false,
      setHeaders,
      redirect: true,
      // .git, .env and the demo's data are not a page's to fetch.
      dotfiles: dotFiles ? 'allow' : 'ignore',
      serveDotFiles: dotFiles,
    });
    first = false;
  }
}
