// Test-runner commands the browser tests call through executeServerCommand:
// the fault receiver's script and log, and the browser's own offline switch.
import { startFaultReceiver } from './fault-receiver.js';

export function commandsPlugin() {
  let receiver;
  return {
    name: 'feedback-prompt-commands',
    async serverStart() {
      receiver = await startFaultReceiver();
    },
    async serverStop() {
      await receiver?.close();
    },
    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'receiver-reset':
          receiver.reset();
          return { endpoint: receiver.endpoint };
        case 'receiver-script':
          receiver.script(payload.faults);
          return true;
        case 'receiver-log':
          return receiver.log();
        case 'set-offline': {
          const page = session.browser.getPage?.(session.id);
          if (!page) return { supported: false };
          try {
            await page.setOfflineMode(!!payload.offline);
            return { supported: true };
          } catch (error) {
            return { supported: false, reason: String(error.message ?? error) };
          }
        }
        default:
          return undefined;
      }
    },
  };
}
