// Test-runner commands the browser tests call through executeServerCommand:
// the endpoint's fault script and log (a real receiver behind it), and the browser's own tabs.
import { startFaultReceiver } from './fault-receiver.js';

export function commandsPlugin() {
  let receiver;
  // Real extra tabs, each a puppeteer page in the test browser's own context (same origin, same IndexedDB).
  const tabs = new Map();
  let nextTab = 1;
  const tab = (id) => {
    const page = tabs.get(id);
    if (!page) throw new Error(`no tab ${id}`);
    return page;
  };
  return {
    name: 'feedback-prompt-commands',
    async serverStart({ config }) {
      // The test pages' origin, however the runner names its host: the receiver allows exactly these.
      const allowedOrigins = [...new Set([config.hostname, 'localhost', '127.0.0.1'])].map((host) => `http://${host}:${config.port}`);
      receiver = await startFaultReceiver({ allowedOrigins });
    },
    async serverStop() {
      await receiver?.close();
    },
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'receiver-reset':
          await receiver.reset();
          return { endpoint: receiver.endpoint };
        case 'receiver-down':
          await receiver.down();
          return true;
        case 'receiver-up':
          await receiver.up();
          return true;
        case 'receiver-script':
          receiver.script(payload.faults);
          return true;
        case 'receiver-log':
          return receiver.log();
        case 'tab-open': {
          const origin = new URL(session.browser.getPage(session.id).url()).origin;
          const page = await session.browser.browserContext.newPage();
          const id = nextTab++;
          tabs.set(id, page);
          await page.goto(origin + payload.path);
          return { tab: id };
        }
        case 'tab-eval':
          // The test's own source, sent as text: a function of one JSON argument.
          // Wrapped: a bare undefined would read to the runner as "command not handled".
          return { value: await tab(payload.tab).evaluate(`(${payload.fn})(${JSON.stringify(payload.arg ?? null)})`) };
        case 'tab-reload':
          await tab(payload.tab).reload();
          return true;
        case 'tab-offline':
          try {
            await tab(payload.tab).setOfflineMode(!!payload.offline);
            return { supported: true };
          } catch (error) {
            return { supported: false, reason: String(error.message ?? error) };
          }
        case 'tab-close':
          // As a customer closes a tab: the page's pagehide and unload handlers run.
          await tab(payload.tab).close();
          tabs.delete(payload.tab);
          return true;
        case 'tab-close-all':
          await Promise.all([...tabs.values()].map((page) => page.close().catch(() => {})));
          tabs.clear();
          return true;
        default:
          return undefined;
      }
    },
  };
}
