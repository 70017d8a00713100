import type { Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

/** Only web addresses: no `javascript:`, `data:` or `mailto:` link can be written or rendered. */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The document's schema: headings (levels 2 and 3, under the page's own title), paragraphs,
 * bold, italic, lists, quotes, links and tables. The same for the live editor and for a version
 * shown read-only, so both read the same Yjs content.
 */
export function documentExtensions({ editable }: { editable: boolean }): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      // Yjs brings its own undo, which only undoes this person's changes.
      undoRedo: false,
      link: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      // Adding a paragraph after a final table is an edit: only someone who may edit does it
      // (a reader's copy would send it, and the server would count it as misuse).
      trailingNode: editable ? {} : false,
    }),
    Link.configure({
      // A reader follows a link as on any page; an editor places the caret in it.
      openOnClick: false,
      autolink: editable,
      linkOnPaste: editable,
      defaultProtocol: 'https',
      protocols: ['http', 'https'],
      isAllowedUri: (url) => isWebAddress(url),
      shouldAutoLink: (url) => isWebAddress(url) || isWebAddress(`https://${url}`),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    // Not resizable: column resizing writes widths as inline styles, which the CSP refuses.
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
  ];
}
