import { type ComponentProps, lazy, Suspense } from 'react';
import { Loading } from '../ui/Status';

/*
 * The editor (Tiptap, ProseMirror, Yjs) is loaded with the pages that show a document, not with
 * the rest of the application.
 */
const Editor = lazy(() =>
  import('./CollaborativeEditor').then((module) => ({ default: module.CollaborativeEditor })),
);
const Versions = lazy(() =>
  import('./VersionsPanel').then((module) => ({ default: module.VersionsPanel })),
);

export function CollaborativeEditor(props: ComponentProps<typeof Editor>) {
  return (
    <Suspense fallback={<Loading />}>
      <Editor {...props} />
    </Suspense>
  );
}

export function VersionsPanel(props: ComponentProps<typeof Versions>) {
  return (
    <Suspense fallback={<Loading />}>
      <Versions {...props} />
    </Suspense>
  );
}
