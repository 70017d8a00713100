import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_FIELD, compareTexts, documentText, restoreUpdate } from './document-text.js';

function paragraph(text: string, tag = 'paragraph'): Y.XmlElement {
  const element = new Y.XmlElement(tag);
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function documentOf(...blocks: Y.XmlElement[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(CONTENT_FIELD).insert(0, blocks);
  return doc;
}

describe('the text of a document', () => {
  it('has one line per block, lists and quotes included, formatting left out', () => {
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Réseau de chaleur')]);
    const list = new Y.XmlElement('bulletList');
    list.insert(0, [item]);
    const doc = documentOf(
      paragraph('Projet de territoire', 'heading'),
      paragraph('Diagnostic '),
      list,
    );
    const second = doc.getXmlFragment(CONTENT_FIELD).get(1) as Y.XmlElement;
    (second.get(0) as Y.XmlText).insert(11, 'écologique', { bold: true });
    expect(documentText(doc)).toBe(
      'Projet de territoire\nDiagnostic écologique\nRéseau de chaleur',
    );
  });

  it('compares two versions word by word', () => {
    expect(
      compareTexts('Une centrale solaire citoyenne', 'Une centrale éolienne citoyenne'),
    ).toEqual([
      { type: 'egal', texte: 'Une centrale ' },
      { type: 'suppression', texte: 'solaire' },
      { type: 'ajout', texte: 'éolienne' },
      { type: 'egal', texte: ' citoyenne' },
    ]);
  });

  it('restores a version as a new edit that merges with what others typed meanwhile', () => {
    const version = documentOf(paragraph('Version signée'));
    const current = new Y.Doc();
    Y.applyUpdate(current, Y.encodeStateAsUpdate(version));
    current.getXmlFragment(CONTENT_FIELD).insert(1, [paragraph('Ajout après signature')]);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(current));

    const restore = restoreUpdate(current, version);
    // Someone else keeps typing while the restore travels.
    const before = Y.encodeStateVector(replica);
    replica.getXmlFragment(CONTENT_FIELD).insert(2, [paragraph('Écrit pendant ce temps')]);
    const concurrent = Y.encodeStateAsUpdate(replica, before);

    Y.applyUpdate(current, restore);
    Y.applyUpdate(current, concurrent);
    Y.applyUpdate(replica, restore);
    expect(documentText(current)).toBe('Version signée\nÉcrit pendant ce temps');
    expect(documentText(replica)).toBe(documentText(current));
  });
});
