import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentHtml, storedDocument } from './document-html.js';

type Inline = string | [string, Record<string, unknown>];

/** Builds content the way the editor stores it: elements in the `default` fragment. */
function element(
  parent: Y.XmlFragment | Y.XmlElement,
  name: string,
  attrs: Record<string, unknown> = {},
  text?: Inline[],
): Y.XmlElement {
  const node = new Y.XmlElement(name);
  parent.insert(parent.length, [node]);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  if (text) {
    const content = new Y.XmlText();
    node.insert(0, [content]);
    for (const part of text) {
      if (typeof part === 'string') content.insert(content.length, part, {});
      else content.insert(content.length, part[0], part[1]);
    }
  }
  return node;
}

function newDoc(): { doc: Y.Doc; root: Y.XmlFragment } {
  const doc = new Y.Doc();
  return { doc, root: doc.getXmlFragment('default') };
}

describe('a collaborative document as portal HTML', () => {
  it('renders headings one level down, paragraphs, marks and lists', () => {
    const { doc, root } = newDoc();
    element(root, 'heading', { level: 2 }, ['Diagnostic']);
    element(root, 'paragraph', {}, [
      'Un ',
      ['territoire', { bold: {} }],
      ' à ',
      ['énergie', { italic: {} }],
    ]);
    const list = element(root, 'bulletList');
    element(element(list, 'listItem'), 'paragraph', {}, ['Sobriété']);
    const ordered = element(root, 'orderedList', { start: 3 });
    element(element(ordered, 'listItem'), 'paragraph', {}, ['Troisième']);
    expect(documentHtml(doc, 1)?.toString()).toBe(
      '<h3>Diagnostic</h3>' +
        '<p>Un <strong>territoire</strong> à <em>énergie</em></p>' +
        '<ul><li><p>Sobriété</p></li></ul>' +
        '<ol start="3"><li><p>Troisième</p></li></ol>',
    );
  });

  it('escapes every piece of text and attribute, and drops links that are not web addresses', () => {
    const { doc, root } = newDoc();
    element(root, 'paragraph', {}, [
      '<script>alert(1)</script>',
      ['ici', { link: { href: 'javascript:alert(1)' } }],
      ' et ',
      ['là', { link: { href: 'https://example.org/?a="b"&c=<d>' } }],
    ]);
    expect(documentHtml(doc)?.toString()).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;ici et ' +
        '<a href="https://example.org/?a=&quot;b&quot;&amp;c=&lt;d&gt;" rel="noopener noreferrer nofollow">là</a></p>',
    );
  });

  it('renders tables with their spans and unknown nodes as their text only', () => {
    const { doc, root } = newDoc();
    const row = element(element(root, 'table'), 'tableRow');
    element(element(row, 'tableHeader', { colspan: 2 }), 'paragraph', {}, ['Année']);
    element(element(row, 'tableCell', { colspan: 1 }), 'paragraph', {}, ['2025']);
    element(root, 'iframe', { src: 'https://evil.example' }, ['texte <b>']);
    const heading = element(root, 'heading', { level: '"><script>' }, ['Titre']);
    heading.insert(1, [new Y.XmlElement('hardBreak')]);
    expect(documentHtml(doc, 1)?.toString()).toBe(
      '<div class="table-scroll" tabindex="0"><table><tr><th colspan="2"><p>Année</p></th><td><p>2025</p></td></tr></table></div>' +
        'texte &lt;b&gt;' +
        '<h3>Titre<br></h3>',
    );
  });

  it('is null for a document without text', () => {
    const { doc, root } = newDoc();
    expect(documentHtml(doc)).toBeNull();
    element(root, 'paragraph', {}, ['  ']);
    expect(documentHtml(doc)).toBeNull();
  });

  it('reads a stored document: snapshot, then the log after it', () => {
    const { doc, root } = newDoc();
    element(root, 'paragraph', {}, ['Avant']);
    const snapshot = Y.encodeStateAsUpdate(doc);
    const vector = Y.encodeStateVector(doc);
    element(root, 'paragraph', {}, ['Après']);
    const log = [Y.encodeStateAsUpdate(doc, vector)];
    expect(documentHtml(storedDocument({ snapshot, log }))?.toString()).toBe(
      '<p>Avant</p><p>Après</p>',
    );
    expect(documentHtml(storedDocument({ snapshot: null, log: [] }))).toBeNull();
  });
});
