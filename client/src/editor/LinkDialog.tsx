import type { Editor } from '@tiptap/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { TextField } from '../ui/Field';
import { isWebAddress } from './extensions';

interface LinkDialogProps {
  editor: Editor;
  open: boolean;
  onClose: () => void;
}

/** Asks for the address of a link (http or https only), or removes the link at the caret. */
export function LinkDialog({ editor, open, onClose }: LinkDialogProps) {
  const { t } = useTranslation();
  const existing = open ? (editor.getAttributes('link').href as string | undefined) : undefined;
  return (
    <Dialog
      open={open}
      title={existing ? t('editor.linkEditTitle') : t('editor.linkTitle')}
      onClose={onClose}
    >
      {open && <LinkForm editor={editor} existing={existing} onClose={onClose} />}
    </Dialog>
  );
}

function LinkForm({
  editor,
  existing,
  onClose,
}: {
  editor: Editor;
  existing: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(existing ?? 'https://');
  const [error, setError] = useState<string | undefined>();

  // Back in the text once the dialog has given focus back to the toolbar.
  const done = () => {
    onClose();
    requestAnimationFrame(() => editor.commands.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = url.trim();
    if (!isWebAddress(href)) {
      setError(t('editor.linkInvalid'));
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // No text chosen: the address itself becomes the link's text.
      editor
        .chain()
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      editor.chain().extendMarkRange('link').setLink({ href }).run();
    }
    done();
  };

  return (
    <form className="form dialog__body" onSubmit={submit} noValidate>
      <TextField
        label={t('editor.linkUrl')}
        hint={t('editor.linkHint')}
        type="url"
        value={url}
        onChange={(value) => {
          setUrl(value);
          setError(undefined);
        }}
        error={error}
        autoComplete="url"
      />
      <div className="dialog__actions">
        {existing && (
          <Button
            variant="secondary"
            onClick={() => {
              editor.chain().extendMarkRange('link').unsetLink().run();
              done();
            }}
          >
            {t('editor.linkRemove')}
          </Button>
        )}
        <Button type="submit">{t('editor.linkApply')}</Button>
      </div>
    </form>
  );
}
