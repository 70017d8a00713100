import { useQueryClient } from '@tanstack/react-query';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Me } from '@trame/shared';
import { useEffect, useId, useMemo } from 'react';
import { ME_KEY, useMe } from '../features/auth/session';
import { Loading } from '../ui/Status';
import { ConnectionStatus } from './ConnectionStatus';
import { type AwarenessUser, renderCaret, renderSelection } from './carets';
import { colorFor } from './colors';
import { documentExtensions } from './extensions';
import { PresenceBar } from './PresenceBar';
import type { CollabSession } from './session';
import { Toolbar } from './Toolbar';
import { connectionStatus, useCollabSession, useConnection } from './useCollabSession';
import { useDistinctColor, usePresence } from './usePresence';

interface CollaborativeEditorProps {
  /** The Yjs document's name (`documentName()` from `@trame/shared`). */
  documentName: string;
  /** Whether this person may edit; the server decides as well, and drops a reader's changes. */
  editable: boolean;
  /** The text's accessible name ("Texte du projet de territoire"). */
  label: string;
}

/**
 * A text written by several people at once (Tiptap on Yjs): everyone's changes appear live, with
 * each person's named caret; a copy is kept in this browser (IndexedDB) so that what is written
 * offline is sent when the connection returns.
 */
export function CollaborativeEditor(props: CollaborativeEditorProps) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  const user = me.data ?? null;
  // A new person (sign-in, sign-out) gets a session of their own.
  return <EditorSession key={user?.id ?? 'visiteur'} {...props} user={user} />;
}

function EditorSession({
  documentName,
  editable,
  label,
  user,
}: CollaborativeEditorProps & { user: Me | null }) {
  const session = useCollabSession(documentName, user?.id ?? null);
  const status = connectionStatus(useConnection(session));
  const people = usePresence(session);
  useDistinctColor(session, user?.id ?? null);
  // The upgrade keeps failing while the network is up: perhaps the session has expired (the
  // server answers 401 before the socket opens, which the browser does not tell). Asking who is
  // signed in settles it: a visitor again gets this page as a visitor, and what was written
  // stays in the offline copy until they sign in again.
  const queryClient = useQueryClient();
  useEffect(() => {
    if (status === 'unreachable' && user) void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [status, user, queryClient]);
  // Once the server has closed the connection for good, nothing typed could be sent.
  const canEdit = editable && status !== 'accessChanged';
  const awarenessUser = useMemo<AwarenessUser | null>(
    () => (user ? { id: user.id, name: user.nom, color: colorFor(user.id) } : null),
    [user],
  );

  return (
    <div className="editor">
      <div className="editor__bar">
        <ConnectionStatus status={status} editable={canEdit} />
        {/* Members see who is here; the server does not tell anyone about visitors. */}
        {user && <PresenceBar people={people} />}
      </div>
      {session ? (
        <LiveEditor
          key={String(canEdit)}
          session={session}
          editable={canEdit}
          user={awarenessUser}
          label={label}
        />
      ) : (
        <Loading />
      )}
    </div>
  );
}

function LiveEditor({
  session,
  editable,
  user,
  label,
}: {
  session: CollabSession;
  editable: boolean;
  user: AwarenessUser | null;
  label: string;
}) {
  const id = useId();
  const editor = useEditor(
    {
      // The CSP refuses inline <style>: the editor's CSS is in styles/editor.css.
      injectCSS: false,
      editable,
      extensions: [
        ...documentExtensions({ editable }),
        // The server keeps the text in the XmlFragment named 'default', Collaboration's default.
        Collaboration.configure({ document: session.doc }),
        ...(user
          ? [
              CollaborationCaret.configure({
                provider: session.provider,
                user,
                render: renderCaret,
                selectionRender: renderSelection,
              }),
            ]
          : []),
      ],
      editorProps: {
        attributes: {
          id,
          class: 'editor__content document-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [session, editable, user],
  );
  return (
    <>
      {editable && <Toolbar editor={editor} controls={id} />}
      <EditorContent editor={editor} className="editor__frame" />
    </>
  );
}
