import * as Y from 'yjs';
import { CONTENT_FIELD, documentText } from '../realtime/document-text.js';
import { html, raw, type SafeHtml } from './html.js';

/**
 * A collaborative document (the editor's Tiptap/ProseMirror content in Yjs) as reading HTML for
 * the public portal. Only the editor's schema is rendered — paragraphs, headings, lists, quotes,
 * tables, bold, italic, web links — from a fixed list of tags; any other node shows its text only,
 * and every piece of text is escaped.
 */

/** The document as stored: its snapshot, then the log entries after it, oldest first. */
export function storedDocument(stored: { snapshot: Uint8Array | null; log: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  const updates = stored.snapshot ? [stored.snapshot, ...stored.log] : stored.log;
  if (updates.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(updates));
  return doc;
}

const TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

function isWebAddress(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** y-prosemirror names a mark that may repeat `name--hash`; the name is what matters here. */
function markNames(attributes: Record<string, unknown> | undefined): Map<string, unknown> {
  const marks = new Map<string, unknown>();
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value !== null && value !== undefined) marks.set(key.split('--')[0]!, value);
  }
  return marks;
}

function renderText(node: Y.XmlText): SafeHtml {
  const parts = node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return html`${parts.map((part) => {
    if (typeof part.insert !== 'string') return '';
    const marks = markNames(part.attributes);
    let out = html`${part.insert}`;
    if (marks.has('italic')) out = html`<em>${out}</em>`;
    if (marks.has('bold')) out = html`<strong>${out}</strong>`;
    const href = (marks.get('link') as { href?: unknown } | undefined)?.href;
    if (isWebAddress(href))
      out = html`<a href="${href}" rel="noopener noreferrer nofollow">${out}</a>`;
    return out;
  })}`;
}

function positiveInteger(value: unknown): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function renderNode(node: Y.XmlElement | Y.XmlText | Y.XmlHook, headingOffset: number): SafeHtml {
  if (node instanceof Y.XmlText) return renderText(node);
  if (!(node instanceof Y.XmlElement)) return html``;
  const children = node.toArray().map((child) => renderNode(child, headingOffset));
  const attrs = node.getAttributes() as Record<string, unknown>;
  switch (node.nodeName) {
    case 'heading': {
      const level = Math.min(6, (positiveInteger(attrs.level) ?? 2) + headingOffset);
      return html`${raw(`<h${level}>`)}${children}${raw(`</h${level}>`)}`;
    }
    case 'hardBreak':
      return html`<br>`;
    case 'table':
      // Scrolls sideways on a phone: focusable so that a keyboard can scroll it too.
      return html`<div class="table-scroll" tabindex="0"><table>${children}</table></div>`;
    case 'orderedList': {
      const start = positiveInteger(attrs.start);
      return start && start > 1
        ? html`<ol start="${start}">${children}</ol>`
        : html`<ol>${children}</ol>`;
    }
    case 'tableHeader':
    case 'tableCell': {
      const tag = TAGS[node.nodeName]!;
      const colspan = positiveInteger(attrs.colspan);
      const rowspan = positiveInteger(attrs.rowspan);
      const spans = html`${colspan && colspan > 1 && html` colspan="${colspan}"`}${
        rowspan && rowspan > 1 && html` rowspan="${rowspan}"`
      }`;
      return html`${raw(`<${tag}`)}${spans}>${children}${raw(`</${tag}>`)}`;
    }
    default: {
      const tag = TAGS[node.nodeName];
      return tag ? html`${raw(`<${tag}>`)}${children}${raw(`</${tag}>`)}` : html`${children}`;
    }
  }
}

/**
 * The document's content as HTML, its headings moved down by `headingOffset` levels (the editor's
 * level 2 is the first level under the page's title); null when the document has no text.
 */
export function documentHtml(doc: Y.Doc, headingOffset = 0): SafeHtml | null {
  if (documentText(doc).trim() === '') return null;
  const blocks = doc.getXmlFragment(CONTENT_FIELD).toArray();
  return html`${blocks.map((block) => renderNode(block, headingOffset))}`;
}
