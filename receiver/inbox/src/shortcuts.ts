// Single-key shortcuts for triage. WCAG 2.1.4: they can be turned off, and never fire while typing.
import type { Key } from '../i18n/index.js';

export type ShortcutAction = 'next' | 'previous' | 'open' | 'handled' | 'spam' | 'undo' | 'reply' | 'tag' | 'note' | 'search' | 'help';

export const SHORTCUTS: { key: string; action: ShortcutAction; label: Key }[] = [
  { key: 'j', action: 'next', label: 'shortcutNext' },
  { key: 'k', action: 'previous', label: 'shortcutPrevious' },
  { key: 'o', action: 'open', label: 'shortcutOpen' },
  { key: 'e', action: 'handled', label: 'shortcutHandled' },
  { key: '!', action: 'spam', label: 'shortcutSpam' },
  { key: 'u', action: 'undo', label: 'shortcutUndo' },
  { key: 'r', action: 'reply', label: 'shortcutReply' },
  { key: 't', action: 'tag', label: 'shortcutTag' },
  { key: 'n', action: 'note', label: 'shortcutNote' },
  { key: '/', action: 'search', label: 'shortcutSearch' },
  { key: '?', action: 'help', label: 'shortcutHelp' },
];

const STORAGE_KEY = 'feedback-inbox.shortcuts';

export const shortcutsEnabled = (): boolean => {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
};

export const setShortcutsEnabled = (on: boolean): void => {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Private mode: the choice lasts for this page only.
  }
};

// Fields that take letters; a checkbox or button with the focus does not, so j still moves from there.
const TYPING =
  'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select, [contenteditable=""], [contenteditable="true"]';

/** The action a key press asks for, or undefined when it is typing, a modified key or turned off. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  const target = event.target as Element | null;
  if (target?.closest?.(TYPING)) return undefined;
  // Only an open dialog keeps its keys: focus can linger on a button of one that has just closed.
  if (target?.closest?.('dialog[open]')) return undefined;
  if (!shortcutsEnabled()) return undefined;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.action;
}
