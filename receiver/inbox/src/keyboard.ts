// What each single-key shortcut does (shortcuts.ts says which key is which and when keys count).
import { writeLocation } from './filters.js';
import { setStatus } from './triage.js';
import type { ShortcutAction } from './shortcuts.js';
import type { InboxApp } from './app.js';

/** Runs a shortcut; false when it does not apply here (the key then keeps its usual meaning). */
export function runShortcut(app: InboxApp, action: ShortcutAction): boolean {
  if (action === 'help') {
    app.showHelp();
    return true;
  }
  if (action === 'search') {
    if (app.view !== 'list') app.navigate(writeLocation('list', app.filters));
    void app.updateComplete.then(() => app.querySelector<HTMLInputElement>('#search')?.focus());
    return true;
  }
  if (app.view !== 'list') return false;
  if (action === 'next') app.select(app.selected + 1);
  else if (action === 'previous') app.select(app.selected - 1);
  else if (action === 'undo') app.undo();
  else {
    const answer = app.current;
    if (!answer) return false;
    if (action === 'open') app.toggleOpen(answer);
    if (action === 'handled') void setStatus(app, answer, answer.status === 'handled' ? 'new' : 'handled');
    if (action === 'spam') void setStatus(app, answer, answer.status === 'spam' ? 'new' : 'spam');
    if (action === 'reply') app.openComposer(answer);
    if (action === 'tag' || action === 'note') {
      if (app.openId !== answer.id) app.toggleOpen(answer);
      app.focusNext = action;
    }
  }
  return true;
}
