// The manifest lists the public API only: private reactive state (`_open`, …) and the event that
// `_emit` dispatches under a computed name are implementation details. The element's attributes come
// from the one table, src/settings/attributes.ts (its build: `npm run build` runs rollup before cem).
import { ABOUT, ATTRIBUTES, propertyOf } from './dist/npm/settings/attributes.js';

const TYPES = { boolean: 'boolean', number: 'number | string', object: 'object | string', texts: 'object | string' };

export default {
  globs: ['src/feedback-prompt.ts'],
  litelement: true,
  plugins: [
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            const isPublic = (item) => !item.name.startsWith('_') && item.privacy !== 'private';
            declaration.members = declaration.members?.filter(isPublic);
            declaration.attributes = declaration.attributes?.filter(isPublic);
            declaration.events = declaration.events?.filter((event) => event.name.startsWith('feedback-'));
          }
        }
      },
    },
    {
      name: 'attributes-from-the-table',
      packageLinkPhase({ customElementsManifest }) {
        const element = customElementsManifest.modules
          .flatMap((mod) => mod.declarations ?? [])
          .find((declaration) => declaration.tagName === 'feedback-prompt');
        if (!element) throw new Error('custom-elements.json: <feedback-prompt> not found');
        element.attributes = ATTRIBUTES.map((spec) => ({
          name: spec.name,
          fieldName: propertyOf(spec),
          type: { text: spec.allowed ? spec.allowed.map((v) => `'${v}'`).join(' | ') : (TYPES[spec.type] ?? 'string') },
          ...(spec.default !== undefined && { default: JSON.stringify(spec.default) }),
          description: ABOUT[spec.name].meaning,
        }));
      },
    },
  ],
};
