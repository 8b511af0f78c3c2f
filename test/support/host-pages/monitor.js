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
  // How an element is drawn, for the tests to check it is really visible and usable; shared here
  // because the tests' own functions travel to the page as source text and cannot share code.
  window.describeBox = (node) => {
    if (!node) return null;
    const b = node.getBoundingClientRect();
    const s = getComputedStyle(node);
    const hit = node.getRootNode().elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return {
      width: b.width,
      height: b.height,
      right: b.right,
      bottom: b.bottom,
      display: s.display,
      visibility: s.visibility,
      opacity: s.opacity,
      position: s.position,
      background: s.backgroundColor,
      color: s.color,
      fontSize: s.fontSize,
      hit: !!hit && node.contains(hit),
    };
  };
})();
