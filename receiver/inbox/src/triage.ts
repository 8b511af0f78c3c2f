// Triage: what the owner does to an answer (read, status, tags, note). Each change shows on the page at
// once and is sent to PATCH /api/answers/{id}; a refusal puts the answer back and says so.
import { api, ApiError, type AnswerStatus, type StoredAnswer } from './api.js';
import { t } from '../i18n/index.js';
import type { InboxApp, Toast } from './app.js';

export async function setRead(app: InboxApp, answer: StoredAnswer, read: boolean): Promise<void> {
  app.put({ ...answer, read });
  try {
    app.put(await api.update(answer.id, { read }));
  } catch {
    app.put(answer);
  }
}

/** Handled, spam or back to new; at once on the page, with Undo offered in the toast. */
export async function setStatus(app: InboxApp, answer: StoredAnswer, status: AnswerStatus): Promise<void> {
  const index = app.indexOf(answer.id);
  if (index < 0) return;
  // In a list of one status, an answer given another leaves it; the next one takes its place.
  const leaves = app.filters.status !== 'all' && app.filters.status !== status;
  if (leaves) {
    app.answers = app.answers.filter((each) => each.id !== answer.id);
    if (app.openId === answer.id) app.openId = app.composeId = null;
    app.selected = Math.min(index, app.answers.length - 1);
    app.focusNext = app.answers.length ? 'card' : 'heading';
  } else {
    app.put({ ...answer, status });
  }
  const key = status === 'handled' ? 'markedHandled' : status === 'spam' ? 'markedSpam' : 'markedNew';
  const request = api.update(answer.id, { status });
  // Undo is offered at once, not when the server has answered: a quick `u` must not be lost.
  const toast: Toast = { message: t(key), undo: () => void undoStatus(app, answer, index, leaves, request) };
  app.toast = toast;
  try {
    const updated = await request;
    if (!leaves && app.answers.find((each) => each.id === answer.id)?.status === status) app.put(updated);
  } catch {
    if (app.toast !== toast) return;
    restore(app, answer, index, leaves);
    app.toast = { message: t('actionFailed'), error: true };
  }
}

function restore(app: InboxApp, answer: StoredAnswer, index: number, wasRemoved: boolean): void {
  if (wasRemoved) {
    const answers = [...app.answers];
    answers.splice(Math.min(index, answers.length), 0, answer);
    app.answers = answers;
  } else {
    app.put(answer);
  }
  app.selected = app.indexOf(answer.id);
  app.focusNext = 'card';
}

async function undoStatus(app: InboxApp, before: StoredAnswer, index: number, wasRemoved: boolean, pending: Promise<unknown>): Promise<void> {
  app.toast = null;
  restore(app, before, index, wasRemoved);
  try {
    // After the change it undoes, so the two cannot reach the server in the wrong order.
    await pending.catch(() => undefined);
    app.put(await api.update(before.id, { status: before.status }));
    app.toast = { message: t('undone') };
  } catch {
    app.toast = { message: t('actionFailed'), error: true };
  }
}

async function setTags(app: InboxApp, answer: StoredAnswer, tags: string[], message: string): Promise<void> {
  app.put({ ...answer, tags });
  try {
    app.put(await api.update(answer.id, { tags }));
    app.toast = { message };
  } catch (error) {
    app.put(answer);
    app.toast = { message: error instanceof ApiError && error.status === 400 ? error.message : t('actionFailed'), error: true };
  }
}

export function addTag(app: InboxApp, answer: StoredAnswer, raw: string): void {
  const tag = raw.trim().replace(/\s+/g, ' ');
  if (!tag || answer.tags.includes(tag)) return;
  void setTags(app, answer, [...answer.tags, tag], t('tagAdded', { tag }));
}

export function removeTag(app: InboxApp, answer: StoredAnswer, tag: string): void {
  void setTags(app, answer, answer.tags.filter((each) => each !== tag), t('tagRemoved', { tag }));
}

export async function saveNote(app: InboxApp, answer: StoredAnswer, note: string): Promise<void> {
  if (note === answer.note) return;
  try {
    app.put(await api.update(answer.id, { note }));
    app.toast = { message: t('noteSaved') };
  } catch {
    app.toast = { message: t('actionFailed'), error: true };
  }
}
