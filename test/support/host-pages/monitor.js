// Loaded first (a plain external script, so it runs under any CSP): records what a shop's own
// error monitoring would see, from the very start of the page, for the tests to read.
(() => {
  const log = { errors: [], violations: [], consoleErrors: [], consoleWarnings: [] };
  window.hostLog = log;
  const text = (args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
  addEventListener('error', (e) => log.errors.push(`${e.message} (${e.filename}:${e.lineno})`), true);
  addEventListener('unhandledrejection', (e) => log.errors.push(`unhandled rejection: ${text([e.reason])}`));
  // Fired at the element or document that broke the policy; composed, so it reaches the document.
  document.addEventListener(
    'securitypolicyviolation',
    (e) => log.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''}`.trim()),
    true,
  );
  const { error, warn } = console;
  console.error = (...args) => (log.consoleErrors.push(text(args)), error.apply(console, args));
  console.warn = (...args) => (log.consoleWarnings.push(text(args)), warn.apply(console, args));
})();
