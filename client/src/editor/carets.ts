import type { DecorationAttrs } from '@tiptap/pm/view';
import { colorClass } from './colors';

/** What each person announces to the others through Yjs awareness. */
export interface AwarenessUser {
  id: string;
  name: string;
  color: string;
}

/**
 * Another person's caret, with their name. Colours come from classes (`collab-color--<n>`), not
 * from inline styles, which the CSP refuses.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = `collab-caret ${colorClass(user.color)}`;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collab-caret__label';
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

/** Another person's selection, tinted in their colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  return { nodeName: 'span', class: `collab-selection ${colorClass(user.color)}` };
}
