// The manifest lists the public API only: private reactive state (`_open`, …) and the event that
// `_emit` dispatches under a computed name are implementation details.
export default {
  globs: ['src/feedback-prompt.ts', 'src/feedback-prompt.settings.ts'],
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
  ],
};
