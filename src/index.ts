import { define } from './define.js';

export * from './public-api.js';

// An app that imports the package may use the element in the very next line.
define();
