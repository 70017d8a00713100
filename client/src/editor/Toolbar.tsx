import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from './LinkDialog';

interface Tool {
  label: string;
  run: () => void;
  /** Whether the format applies at the caret (`aria-pressed`); undefined for an action. */
  pressed?: boolean;
  disabled?: boolean;
  shortcut?: string;
  className?: string;
}

/**
 * The formatting toolbar: one tab stop (ARIA toolbar pattern), arrow keys move between the
 * buttons, Home and End go to the ends. Each format button says whether its format applies to
 * the text at the caret (`aria-pressed`). A button that does not apply here (removing a row
 * outside a table) stays focusable, marked `aria-disabled`, so the toolbar keeps its shape.
 */
export function Toolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor }) => ({
      h2: editor.isActive('heading', { level: 2 }),
      h3: editor.isActive('heading', { level: 3 }),
      bold: editor.isActive('bold'),
      italic: editor.isActive('italic'),
      bulletList: editor.isActive('bulletList'),
      orderedList: editor.isActive('orderedList'),
      blockquote: editor.isActive('blockquote'),
      link: editor.isActive('link'),
      inTable: editor.isActive('table'),
      canInsertTable: editor.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }),
      canDeleteRow: editor.can().deleteRow(),
      canDeleteColumn: editor.can().deleteColumn(),
    }),
  });
  const chain = () => editor.chain().focus();

  const groups: Tool[][] = [
    [
      {
        label: t('editor.heading2'),
        pressed: state.h2,
        shortcut: 'Control+Alt+2 Meta+Alt+2',
        run: () => chain().toggleHeading({ level: 2 }).run(),
      },
      {
        label: t('editor.heading3'),
        pressed: state.h3,
        shortcut: 'Control+Alt+3 Meta+Alt+3',
        run: () => chain().toggleHeading({ level: 3 }).run(),
      },
    ],
    [
      {
        label: t('editor.bold'),
        pressed: state.bold,
        shortcut: 'Control+B Meta+B',
        className: 'toolbar-button--bold',
        run: () => chain().toggleBold().run(),
      },
      {
        label: t('editor.italic'),
        pressed: state.italic,
        shortcut: 'Control+I Meta+I',
        className: 'toolbar-button--italic',
        run: () => chain().toggleItalic().run(),
      },
      { label: t('editor.link'), pressed: state.link, run: () => setLinkOpen(true) },
    ],
    [
      {
        label: t('editor.bulletList'),
        pressed: state.bulletList,
        shortcut: 'Control+Shift+8 Meta+Shift+8',
        run: () => chain().toggleBulletList().run(),
      },
      {
        label: t('editor.orderedList'),
        pressed: state.orderedList,
        shortcut: 'Control+Shift+7 Meta+Shift+7',
        run: () => chain().toggleOrderedList().run(),
      },
      {
        label: t('editor.blockquote'),
        pressed: state.blockquote,
        shortcut: 'Control+Shift+B Meta+Shift+B',
        run: () => chain().toggleBlockquote().run(),
      },
    ],
    [
      {
        label: t('editor.table'),
        disabled: !state.canInsertTable,
        run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      },
      {
        label: t('editor.addRow'),
        disabled: !state.inTable,
        run: () => chain().addRowAfter().run(),
      },
      {
        label: t('editor.deleteRow'),
        disabled: !state.canDeleteRow,
        run: () => chain().deleteRow().run(),
      },
      {
        label: t('editor.addColumn'),
        disabled: !state.inTable,
        run: () => chain().addColumnAfter().run(),
      },
      {
        label: t('editor.deleteColumn'),
        disabled: !state.canDeleteColumn,
        run: () => chain().deleteColumn().run(),
      },
      {
        label: t('editor.deleteTable'),
        disabled: !state.inTable,
        run: () => chain().deleteTable().run(),
      },
    ],
  ];
  const count = groups.flat().length;

  const focusTool = (index: number) => {
    setCurrent(index);
    ref.current?.querySelectorAll<HTMLButtonElement>('button')[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: (current + 1) % count,
      ArrowLeft: (current - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusTool(target);
  };

  let index = 0;
  return (
    <>
      <div
        ref={ref}
        className="editor-toolbar"
        role="toolbar"
        aria-label={t('editor.toolbar')}
        aria-controls={controls}
        onKeyDown={onKeyDown}
      >
        {groups.map((group) => (
          <div className="editor-toolbar__group" key={group[0]!.label}>
            {group.map((tool) => {
              const position = index++;
              return (
                <button
                  key={tool.label}
                  type="button"
                  className={['toolbar-button', tool.className ?? ''].join(' ').trim()}
                  aria-pressed={tool.pressed}
                  aria-disabled={tool.disabled || undefined}
                  aria-keyshortcuts={tool.shortcut}
                  tabIndex={position === current ? 0 : -1}
                  // A click keeps the text's selection: the format applies where the caret was.
                  onMouseDown={(event) => event.preventDefault()}
                  onFocus={() => setCurrent(position)}
                  onClick={() => {
                    if (!tool.disabled) tool.run();
                  }}
                >
                  {tool.label}
                </button>
              );
            })}
          </div>
        ))}
      </div>
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />
    </>
  );
}
