import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import * as Y from 'yjs';
import { documentExtensions } from './extensions';

function decodeBase64(value: string): Uint8Array {
  return Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
}

/**
 * A saved version, read-only: its Yjs state applied to a fresh document of its own (no
 * provider, nothing sent anywhere) and shown by a non-editable editor with the live one's schema.
 */
export function VersionText({ state, label }: { state: string; label: string }) {
  const doc = useMemo(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, decodeBase64(state));
    return doc;
  }, [state]);
  useEffect(() => () => doc.destroy(), [doc]);
  const editor = useEditor(
    {
      injectCSS: false,
      editable: false,
      extensions: [
        ...documentExtensions({ editable: false }),
        Collaboration.configure({ document: doc }),
      ],
      editorProps: {
        attributes: {
          class: 'editor__content document-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-readonly': 'true',
          'aria-label': label,
        },
      },
    },
    [doc],
  );
  return <EditorContent editor={editor} className="editor__frame editor__frame--version" />;
}
