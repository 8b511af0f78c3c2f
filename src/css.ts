import { unsafeCSS, type CSSResult } from 'lit';

/**
 * A `css` tag for a sheet with no values in it: the text as it is, so Lit's css() and its checks of
 * interpolated values (with their long error text) stay out of the bundles. Kept in a file of its own:
 * the build minifies templates tagged `css` as CSS (rollup-plugin-html-literals), except in a file
 * that mentions unsafeCSS.
 */
export const css = (text: TemplateStringsArray): CSSResult => unsafeCSS(text[0]);
