import { can, type Role } from '@trame/shared';
import { and, count, eq, sum } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { contributions, documentActivity, yjsUpdates } from '../../server/src/db/schema.js';
import { currentPhaseOf } from '../../server/src/participation/service.js';
import { loadDocument } from '../../server/src/realtime/persistence.js';
import { startApp, type TestApp } from '../support/app.js';
import {
  BOCAGE,
  BOCAGE_ANIMATEUR,
  contratPath,
  DEMO,
  expectError,
  THOUARSAIS,
} from '../support/fixtures/trame.js';
import { ApiClient, signedIn } from '../support/http.js';
import {
  connectY,
  dependentUpdates,
  rawUpdateSender,
  synced,
  until,
  type YClient,
} from '../support/yjs.js';

let app: TestApp;
const clients: YClient[] = [];
const people = new Map<string, ApiClient>();
let thouarsaisId: string;
let projet: string;

beforeAll(async () => {
  app = await startApp({
    env: { YJS_COMPACT_AFTER: '25', YJS_MAX_DROPPED_UPDATES: '10', YJS_MAX_PENDING_UPDATES: '20' },
  });
  for (const [role, email] of Object.entries(DEMO))
    people.set(role, await signedIn(app.url, email));
  people.set('bocage', await signedIn(app.url, BOCAGE_ANIMATEUR));
  thouarsaisId = (await people.get('animateur')!.get(contratPath(THOUARSAIS))).body.id;
  projet = `contrat:${thouarsaisId}:projet`;
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await app?.close();
});

function join(name: string, who?: string, options: { reconnect?: boolean } = {}): YClient {
  const cookie = who ? people.get(who)!.sessionCookie : undefined;
  const client = connectY(app.url, name, { cookie, ...options });
  clients.push(client);
  return client;
}

async function storedText(name: string): Promise<string> {
  const doc = new Y.Doc();
  const { snapshot, log } = await loadDocument(app.ctx.db, name);
  for (const update of [...(snapshot ? [snapshot] : []), ...log]) Y.applyUpdate(doc, update);
  return doc.getText('texte').toString();
}

async function loggedUpdates(name: string): Promise<number> {
  const [row] = await app.ctx.db
    .select({ n: count() })
    .from(yjsUpdates)
    .where(eq(yjsUpdates.name, name));
  return row?.n ?? 0;
}

/** The HTTP status a websocket upgrade is refused with, or 101 when it is accepted. */
function upgradeStatus(name: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${app.url.replace('http', 'ws')}/yjs/${name}`, {
      headers: { origin: app.url, ...headers },
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', (err) => {
      if (!String(err).includes('Unexpected server response')) reject(err);
    });
  });
}

describe('live co-editing over the y-websocket protocol', () => {
  it('lets two editors type at once and converge to the same text', async () => {
    const a = join(projet, 'animateur');
    const b = join(projet, 'copil');
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, 'Diagnostic du territoire. ');
    b.text.insert(0, 'Enjeux de cohésion. ');
    await until(
      () =>
        a.text.toString() === b.text.toString() &&
        a.text.toString().includes('Diagnostic') &&
        a.text.toString().includes('Enjeux'),
      'convergence',
    );
    await until(async () => (await storedText(projet)) === a.text.toString(), 'storage');
  });

  it('shows who is here: awareness reaches the other editors', async () => {
    const a = join(projet, 'animateur');
    const b = join(projet, 'cotech');
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', { name: 'Claire Morel', color: '#000091' });
    await until(
      () =>
        [...b.provider.awareness.getStates().values()].some(
          (state) => state.user?.name === 'Claire Morel',
        ),
      'awareness',
    );
  });

  it('shows presence to members only: an anonymous reader gets the text, not the names', async () => {
    const editor = join(projet, 'animateur');
    const member = join(projet, 'habitant');
    const visitor = join(projet);
    await Promise.all([synced(editor), synced(member), synced(visitor)]);
    editor.provider.awareness.setLocalStateField('user', { name: 'Claire Moreau' });
    const named = (client: YClient) =>
      [...client.provider.awareness.getStates().values()].some(
        (state) => state.user?.name === 'Claire Moreau',
      );
    await until(() => named(member), 'presence for a member');
    editor.text.insert(editor.text.length, ' Présence.');
    await until(() => visitor.text.toString().endsWith('Présence.'), 'text for the visitor');
    expect(named(visitor)).toBe(false);
  });

  it('gives a read-only reader the text, but its edits reach neither the others nor the database', async () => {
    const editor = join(projet, 'animateur');
    const reader = join(projet, undefined, { reconnect: false });
    await Promise.all([synced(editor), synced(reader)]);
    await until(() => reader.text.toString() === editor.text.toString(), 'reader sync');
    const before = editor.text.toString();
    for (let i = 0; i < 12; i++) reader.text.insert(0, `vandalisme ${i} `);
    await until(() => reader.closes.includes(4429), 'read-only connection closed');
    editor.text.insert(editor.text.length, 'Fin.');
    await until(async () => (await storedText(projet)).endsWith('Fin.'), 'editor stored');
    expect(editor.text.toString()).toBe(`${before}Fin.`);
    expect(await storedText(projet)).not.toContain('vandalisme');
  });

  it('refuses anonymous, foreign-contract, unknown and cross-site upgrades', async () => {
    const bocageId = (await people.get('bocage')!.get(contratPath(BOCAGE))).body.id;
    const fiches = (
      await people.get('animateur')!.get(contratPath(THOUARSAIS, '/fiches?limit=200'))
    ).body.items;
    const hidden = fiches.find((f: any) => !f.public);
    const cookieOf = (who: string) => ({ cookie: people.get(who)!.sessionCookie! });
    expect(await upgradeStatus(`contrat:${bocageId}:projet`)).toBe(401);
    expect(await upgradeStatus(`contrat:${bocageId}:projet`, cookieOf('habitant'))).toBe(403);
    expect(await upgradeStatus(`fiche:${hidden.id}`, cookieOf('bocage'))).toBe(403);
    expect(await upgradeStatus(`fiche:${hidden.id}`, cookieOf('cotech'))).toBe(101);
    expect(
      await upgradeStatus('fiche:00000000-0000-4000-8000-000000000000', cookieOf('cotech')),
    ).toBe(404);
    expect(await upgradeStatus('document-quelconque', cookieOf('cotech'))).toBe(404);
    expect(
      await upgradeStatus(projet, { ...cookieOf('animateur'), origin: 'https://evil.example' }),
    ).toBe(403);
    expect(await upgradeStatus(projet, { cookie: 'trame.sid=s%3Afaux.signature' })).toBe(101);
  });

  it('stores every edit in order and compacts the log without changing the text', async () => {
    const name = `fiche:${
      (await people.get('animateur')!.get(contratPath(THOUARSAIS, '/fiches?limit=1'))).body.items[0]
        .id
    }`;
    const a = join(name, 'animateur');
    const b = join(name, 'cotech');
    const watcher = join(name, 'copil');
    await Promise.all([synced(a), synced(b), synced(watcher)]);
    // Two editors typing at once, in bursts far beyond the server's queue bound (20 here), with
    // whole passages deleted: batches mix both editors and the server pauses their sockets.
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 60; i++) {
        a.text.insert(a.text.length, `a${round}.${i} `);
        b.text.insert(0, `b${round}.${i} `);
      }
      const doomed = `Passage supprimé ${round}. `.repeat(40);
      a.text.insert(a.text.length, doomed);
      await new Promise((resolve) => setTimeout(resolve, 5));
      a.text.delete(a.text.toString().indexOf(doomed), doomed.length);
    }
    await until(
      () =>
        b.text.toString() === a.text.toString() && watcher.text.toString() === a.text.toString(),
      'every editor converges',
    );
    expect(a.text.toString()).not.toContain('Passage supprimé');
    await until(async () => (await storedText(name)) === a.text.toString(), 'stored');
    const logged = async () => loggedUpdates(name);
    await until(async () => (await logged()) < 25, 'compaction');
    expect(await storedText(name)).toBe(a.text.toString());
    // The snapshot is the document's state, not the sum of its history: deleted passages are not
    // kept in it, so it is about the size of what an editor holds.
    const { snapshot } = await loadDocument(app.ctx.db, name);
    expect(snapshot!.byteLength).toBeLessThan(Y.encodeStateAsUpdate(a.doc).byteLength * 1.2);
    const [activity] = await app.ctx.db
      .select({ edits: sum(documentActivity.edits) })
      .from(documentActivity)
      .where(eq(documentActivity.name, name));
    expect(Number(activity?.edits)).toBeGreaterThan(0);
  });

  it('relays an edit held for a missing dependency to everyone once the dependency arrives, its sender included', async () => {
    const name = `fiche:${
      (await people.get('animateur')!.get(contratPath(THOUARSAIS, '/fiches?limit=5'))).body.items[3]
        .id
    }`;
    const editor = join(name, 'animateur');
    const watcher = join(name, 'copil');
    await Promise.all([synced(editor), synced(watcher)]);
    const { first, second } = dependentUpdates(editor.doc, 'Avant. ', 'Après.');
    const early = await rawUpdateSender(app.url, name, {
      cookie: people.get('cotech')!.sessionCookie,
    });
    try {
      const before = await loggedUpdates(name);
      early.send(second);
      await until(async () => (await loggedUpdates(name)) > before, 'the early edit stored');
      // The editor now types the dependency: the server integrates both in that one batch.
      Y.applyUpdate(editor.doc, first);
      for (const client of [editor, watcher]) {
        await until(
          () => client.text.toString().endsWith('Avant. Après.'),
          'both edits everywhere',
        );
      }
      await until(async () => (await storedText(name)) === editor.text.toString(), 'stored');
    } finally {
      early.close();
    }
  });

  it('survives thousands of malformed messages: only the sender is closed, the text is intact', async () => {
    const editor = join(projet, 'animateur');
    await synced(editor);
    editor.text.insert(editor.text.length, ' Texte de référence.');
    await until(async () => (await storedText(projet)) === editor.text.toString(), 'stored');
    const reference = editor.text.toString();

    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    const valid = (() => {
      const doc = new Y.Doc();
      doc.getText('texte').insert(0, 'injection');
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
      return encoding.toUint8Array(encoder);
    })();
    const messages: Uint8Array[] = [];
    for (let i = 0; i < 2000; i++) {
      const kind = i % 4;
      if (kind === 0) messages.push(bytes(1 + Math.floor(random() * 64)));
      else if (kind === 1)
        messages.push(valid.slice(0, 1 + Math.floor(random() * (valid.length - 2))));
      else if (kind === 2)
        messages.push(Uint8Array.from([0, 2, ...bytes(Math.floor(random() * 40))]));
      else messages.push(Uint8Array.from([Math.floor(random() * 6), ...bytes(8)]));
    }

    const cookie = people.get('animateur')!.sessionCookie!;
    /** Sends one message on a fresh connection; true if the server then closed it. */
    const sendAlone = (message: Uint8Array) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`${app.url.replace('http', 'ws')}/yjs/${projet}`, {
          headers: { origin: app.url, cookie },
        });
        let timer: NodeJS.Timeout | undefined;
        ws.once('open', () => {
          ws.send(message);
          // A well-formed message gets an answer or nothing, never a close: stop waiting then.
          timer = setTimeout(() => {
            ws.terminate();
            resolve(false);
          }, 250);
        });
        ws.once('close', (code) => {
          clearTimeout(timer);
          resolve(code === 4400 || code === 1009);
        });
        ws.once('error', () => {});
      });
    let closedByServer = 0;
    for (let start = 0; start < messages.length; start += 50) {
      const results = await Promise.all(messages.slice(start, start + 50).map(sendAlone));
      closedByServer += results.filter(Boolean).length;
    }
    // Nearly all are refused; the few left open were well-formed (an awareness query, say).
    expect(closedByServer).toBeGreaterThan(1_000);
    expect((await new ApiClient(app.url).get('/healthz')).status).toBe(200);
    expect(editor.closes).toEqual([]);
    editor.text.insert(editor.text.length, ' Après.');
    await until(async () => (await storedText(projet)).endsWith('Après.'), 'still editing');
    expect(editor.text.toString()).toBe(`${reference} Après.`);
    expect(await storedText(projet)).toBe(`${reference} Après.`);
  }, 90_000);
});

describe('who may do what with the projet de territoire, from the permission matrix', () => {
  const audiences: [string, Role | null][] = [
    ['animateur', 'animateur'],
    ['copil', 'copil'],
    ['cotech', 'cotech'],
    ['partenaire', 'partenaire'],
    ['habitant', 'habitant'],
    ['bocage', null],
  ];
  it.each(audiences)('%s', async (who, role) => {
    const context = { role, publie: true };
    const editor = join(projet, 'animateur');
    const client = join(projet, who, { reconnect: false });
    await Promise.all([synced(editor), synced(client)]);
    const mark = `écrit par ${who}`;
    client.text.insert(0, mark);
    if (can('projet.modifier', context)) {
      await until(async () => (await storedText(projet)).includes(mark), `${who}'s edit stored`);
      await until(() => editor.text.toString().includes(mark), `${who}'s edit shared`);
      return;
    }
    // Whatever the client typed before, the editor's later mark is stored and reaches it...
    const repere = ` repère ${who}`;
    editor.text.insert(editor.text.length, repere);
    await until(async () => (await storedText(projet)).includes(repere), 'editor stored');
    await until(() => client.text.toString().includes(repere), 'client received');
    // ...while the client's own text reached neither the database nor the editor.
    expect(await storedText(projet)).not.toContain(mark);
    expect(editor.text.toString()).not.toContain(mark);
    expect(can('contrat.lire', context)).toBe(true);
  });
});

describe('named versions', () => {
  const paragraph = (text: string) => {
    const element = new Y.XmlElement('paragraph');
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  const plain = (doc: Y.Doc) =>
    doc
      .getXmlFragment('default')
      .toArray()
      .map((block) => ((block as Y.XmlElement).get(0) as Y.XmlText).toString())
      .join('\n');

  it('saves, shows, compares and restores a version as a new edit everyone receives live', async () => {
    const animateur = people.get('animateur')!;
    const versionsPath = `/api/v1/documents/${encodeURIComponent(projet)}/versions`;
    const editor = join(projet, 'animateur');
    const other = join(projet, 'copil');
    await Promise.all([synced(editor), synced(other)]);
    const content = editor.doc.getXmlFragment('default');
    content.delete(0, content.length);
    content.insert(0, [paragraph('Une centrale solaire citoyenne')]);
    await until(() => plain(other.doc) === 'Une centrale solaire citoyenne', 'shared');

    const saved = await animateur.post(versionsPath, { nom: 'version signée' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ nom: 'version signée', auteur: { nom: 'Claire Moreau' } });
    const listed = await new ApiClient(app.url).get(versionsPath);
    expect(listed.body.items.map((v: any) => v.id)).toEqual([saved.body.id]);

    const stored = await animateur.get(`${versionsPath}/${saved.body.id}`);
    const frozen = new Y.Doc();
    Y.applyUpdate(frozen, Buffer.from(stored.body.state, 'base64'));
    expect(plain(frozen)).toBe('Une centrale solaire citoyenne');

    const text = (content.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.delete(13, 'solaire'.length);
    text.insert(13, 'éolienne');
    await until(() => plain(other.doc) === 'Une centrale éolienne citoyenne', 'edited');
    await until(async () => {
      const diff = await animateur.get(`${versionsPath}/${saved.body.id}/comparaison`);
      return diff.body.segments.some((s: any) => s.type === 'ajout' && s.texte === 'éolienne');
    }, 'comparison');
    const diff = (await animateur.get(`${versionsPath}/${saved.body.id}/comparaison`)).body;
    expect(diff.segments).toEqual([
      { type: 'egal', texte: 'Une centrale ' },
      { type: 'suppression', texte: 'solaire' },
      { type: 'ajout', texte: 'éolienne' },
      { type: 'egal', texte: ' citoyenne' },
    ]);

    const restored = await animateur.post(`${versionsPath}/${saved.body.id}/restaurer`);
    expect(restored.status).toBe(200);
    await until(() => plain(other.doc) === 'Une centrale solaire citoyenne', 'restored live');
    await until(() => plain(editor.doc) === 'Une centrale solaire citoyenne', 'restored for all');
    // The frozen version did not move.
    const again = await animateur.get(`${versionsPath}/${saved.body.id}`);
    expect(again.body.state).toBe(stored.body.state);
  });

  it('lets only editors save or restore, and hides the versions of documents one cannot read', async () => {
    const versionsPath = (name: string) => `/api/v1/documents/${encodeURIComponent(name)}/versions`;
    expectError(
      await people.get('habitant')!.post(versionsPath(projet), { nom: 'par un habitant' }),
      403,
      'forbidden',
    );
    expectError(
      await new ApiClient(app.url).post(versionsPath(projet), { nom: 'anonyme' }),
      401,
      'unauthenticated',
    );
    expectError(
      await people.get('animateur')!.post(versionsPath(projet), { nom: '' }),
      400,
      'validation_failed',
    );
    const bocageId = (await people.get('bocage')!.get(contratPath(BOCAGE))).body.id;
    const bocageProjet = `contrat:${bocageId}:projet`;
    expectError(await people.get('habitant')!.get(versionsPath(bocageProjet)), 404, 'not_found');
    expectError(
      await new ApiClient(app.url).get(versionsPath(bocageProjet)),
      401,
      'unauthenticated',
    );
    expect((await people.get('bocage')!.get(versionsPath(bocageProjet))).status).toBe(200);
    expectError(
      await people.get('animateur')!.get(versionsPath('pas-un-document')),
      404,
      'not_found',
    );
  });
});

describe('participation', () => {
  it('counts editing a document as one contribution per person and day, in the current phase', async () => {
    const fiche = (await people.get('animateur')!.get(contratPath(THOUARSAIS, '/fiches?limit=5')))
      .body.items[4];
    const name = `fiche:${fiche.id}`;
    const a = join(name, 'animateur');
    const b = join(name, 'cotech');
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 30; i++) {
      a.text.insert(a.text.length, `a${i} `);
      b.text.insert(0, `b${i} `);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await until(async () => (await storedText(name)) === a.text.toString(), 'stored');
    const counted = async () =>
      app.ctx.db
        .select({ userId: contributions.userId, phaseId: contributions.phaseId })
        .from(contributions)
        .where(and(eq(contributions.sujetType, 'document'), eq(contributions.sujetId, name)));
    await until(async () => (await counted()).length === 2, 'both editors counted');
    const ids = await Promise.all(
      ['animateur', 'cotech'].map(
        async (who) => (await people.get(who)!.get('/api/v1/me')).body.id,
      ),
    );
    const phase = await currentPhaseOf(app.ctx.db, thouarsaisId, new Date());
    expect(phase).not.toBeNull();
    expect((await counted()).sort((x, y) => x.userId!.localeCompare(y.userId!))).toEqual(
      ids.sort().map((userId) => ({ userId, phaseId: phase!.id })),
    );
  });
});

describe('membership changes reach open documents', () => {
  it('drops the edits of a member who lost the right to edit, and disconnects a removed member', async () => {
    const animateur = people.get('animateur')!;
    const copilId = (await people.get('copil')!.get('/api/v1/me')).body.id;
    const editor = join(projet, 'animateur');
    const demoted = join(projet, 'copil', { reconnect: false });
    await Promise.all([synced(editor), synced(demoted)]);
    expect(
      (await animateur.patch(contratPath(THOUARSAIS, `/membres/${copilId}`), { role: 'habitant' }))
        .status,
    ).toBe(200);
    // The downgrade is applied as soon as the API answered; what the copil types now is refused.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 12; i++) demoted.text.insert(0, `plus autorisé ${i} `);
    await until(() => demoted.closes.includes(4429), 'demoted editor closed');
    expect(await storedText(projet)).not.toContain('plus autorisé');

    // Unpublished, the contract is no longer readable by someone who leaves it.
    expect((await animateur.patch(contratPath(THOUARSAIS), { publie: false })).status).toBe(200);
    const partenaireId = (await people.get('partenaire')!.get('/api/v1/me')).body.id;
    const leaving = join(projet, 'partenaire', { reconnect: false });
    await synced(leaving);
    expect(
      (await animateur.delete(contratPath(THOUARSAIS, `/membres/${partenaireId}`))).status,
    ).toBe(204);
    await until(() => leaving.closes.includes(4403), 'removed member disconnected');
    expect(editor.closes).toEqual([]);
  });
});

// Reported as skipped, with this reason in its name, when PostgreSQL or Redis is missing.
describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)(
  'several instances through Redis (needs DATABASE_URL and REDIS_URL: one embedded database cannot serve two processes)',
  () => {
    it('lets clients on two instances edit one document live, with presence', async () => {
      const second = await app.sibling();
      const fiche = (await people.get('animateur')!.get(contratPath(THOUARSAIS, '/fiches?limit=3')))
        .body.items[2];
      const name = `fiche:${fiche.id}`;
      const onA = join(name, 'animateur');
      const onB = connectY(second.url, name, {
        cookie: people.get('cotech')!.sessionCookie,
        origin: second.url,
      });
      clients.push(onB);
      await Promise.all([synced(onA), synced(onB)]);
      onA.text.insert(0, 'Instance A. ');
      onB.text.insert(0, 'Instance B. ');
      await until(
        () =>
          onA.text.toString() === onB.text.toString() &&
          onA.text.toString().includes('Instance A') &&
          onA.text.toString().includes('Instance B'),
        'convergence across instances',
      );
      onB.provider.awareness.setLocalStateField('user', { name: 'Sophie Lambert' });
      await until(
        () =>
          [...onA.provider.awareness.getStates().values()].some(
            (s) => s.user?.name === 'Sophie Lambert',
          ),
        'awareness across instances',
      );
      // Each update is stored once, by the instance that received it.
      await until(async () => (await storedText(name)) === onA.text.toString(), 'stored once');
      const doc = new Y.Doc();
      const { snapshot, log } = await loadDocument(app.ctx.db, name);
      expect(snapshot).toBeNull();
      for (const update of log) Y.applyUpdate(doc, update);
      expect(doc.getText('texte').toString()).toBe(onA.text.toString());
      expect(new Set(log.map((u) => Buffer.from(u).toString('base64'))).size).toBe(log.length);
    });

    it('publishes an edit whose dependency comes later from the other instance', async () => {
      const second = await app.sibling();
      const fiche = (await people.get('animateur')!.get(contratPath(THOUARSAIS, '/fiches?limit=5')))
        .body.items[4];
      const name = `fiche:${fiche.id}`;
      const onA = join(name, 'animateur');
      const onB = connectY(second.url, name, {
        cookie: people.get('copil')!.sessionCookie,
        origin: second.url,
      });
      clients.push(onB);
      await Promise.all([synced(onA), synced(onB)]);
      const { first, second: dependent } = dependentUpdates(onA.doc, 'Ici. ', 'Là-bas.');
      // Instance B receives the dependent edit first (as after a client moved between instances)…
      const early = await rawUpdateSender(second.url, name, {
        cookie: people.get('cotech')!.sessionCookie,
        origin: second.url,
      });
      try {
        const before = await loggedUpdates(name);
        early.send(dependent);
        await until(async () => (await loggedUpdates(name)) > before, 'the early edit stored');
        // …and its dependency is typed on instance A: both must reach every client.
        Y.applyUpdate(onA.doc, first);
        for (const client of [onA, onB]) {
          await until(
            () => client.text.toString().endsWith('Ici. Là-bas.'),
            'both edits everywhere',
          );
        }
        await until(async () => (await storedText(name)) === onA.text.toString(), 'stored');
      } finally {
        early.close();
      }
    });
  },
);
