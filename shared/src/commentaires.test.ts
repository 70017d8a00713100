import { describe, expect, it } from 'vitest';
import {
  commentaireVisible,
  corpsEnTexte,
  corpsSegments,
  destinataires,
  envoiDu,
  envoiPrevu,
  etatAtteignable,
  mentionToken,
  nommerMentions,
  parisInstant,
  parseMentions,
  peutChangerEtat,
  peutMasquerCommentaire,
  peutModifier,
  peutPublierCommentaire,
  peutSignaler,
  peutSupprimer,
  publicationApresModification,
  publicationInitialeCommentaire,
} from './commentaires.js';
import { ROLES } from './roles.js';
import { createCommentaireSchema } from './schemas/commentaires.js';

const A = '0b6f3d5e-8c1a-4a7e-9b1f-2d3c4e5f6a7b';
const B = '1c7a4e6f-9d2b-4b8f-8c2a-3e4d5f6a7b8c';

describe('publication of comments', () => {
  it('holds only residents’ comments, and only when the contract moderates before publication', () => {
    for (const role of ROLES) {
      expect(publicationInitialeCommentaire('a_posteriori', role)).toBe('publie');
      expect(publicationInitialeCommentaire('a_priori', role)).toBe(
        role === 'habitant' ? 'en_attente' : 'publie',
      );
    }
  });

  it('sends a resident’s edited comment back to the moderators before publication', () => {
    expect(publicationApresModification('a_priori', 'habitant', 'publie')).toBe('en_attente');
    expect(publicationApresModification('a_posteriori', 'habitant', 'publie')).toBe('publie');
    expect(publicationApresModification('a_priori', 'cotech', 'publie')).toBe('publie');
  });

  it('shows waiting and hidden comments only to their author and the moderators', () => {
    for (const publication of ['en_attente', 'masque'] as const) {
      const c = { publication, auteurId: A };
      expect(commentaireVisible(c, { userId: A, moderateur: false })).toBe(true);
      expect(commentaireVisible(c, { userId: B, moderateur: false })).toBe(false);
      expect(commentaireVisible(c, { userId: null, moderateur: false })).toBe(false);
      expect(commentaireVisible(c, { userId: B, moderateur: true })).toBe(true);
    }
    expect(
      commentaireVisible(
        { publication: 'publie', auteurId: A },
        { userId: null, moderateur: false },
      ),
    ).toBe(true);
  });

  it('publishes what waits, was hidden, or is reported; hides anything not hidden yet', () => {
    expect(peutPublierCommentaire('en_attente', 0)).toBe(true);
    expect(peutPublierCommentaire('masque', 0)).toBe(true);
    expect(peutPublierCommentaire('publie', 0)).toBe(false);
    expect(peutPublierCommentaire('publie', 2)).toBe(true);
    expect(peutMasquerCommentaire('publie')).toBe(true);
    expect(peutMasquerCommentaire('en_attente')).toBe(true);
    expect(peutMasquerCommentaire('masque')).toBe(false);
  });
});

describe('who may do what with a comment', () => {
  const mine = { auteurId: A, publication: 'publie' as const };

  it('lets only the author edit, and not once hidden', () => {
    expect(peutModifier(mine, A)).toBe(true);
    expect(peutModifier(mine, B)).toBe(false);
    expect(peutModifier(mine, null)).toBe(false);
    expect(peutModifier({ ...mine, publication: 'masque' }, A)).toBe(false);
    expect(peutModifier({ ...mine, publication: 'en_attente' }, A)).toBe(true);
    expect(peutModifier({ auteurId: null, publication: 'publie' }, A)).toBe(false);
  });

  it('lets the author delete until someone else replied', () => {
    expect(peutSupprimer(mine, A, 0)).toBe(true);
    expect(peutSupprimer(mine, A, 1)).toBe(false);
    expect(peutSupprimer(mine, B, 0)).toBe(false);
  });

  it('lets the thread’s author or a moderator resolve and reopen a thread, not a reply', () => {
    const fil = { ...mine, parentId: null };
    expect(peutChangerEtat(fil, { userId: A, moderateur: false })).toBe(true);
    expect(peutChangerEtat(fil, { userId: B, moderateur: false })).toBe(false);
    expect(peutChangerEtat(fil, { userId: B, moderateur: true })).toBe(true);
    expect(peutChangerEtat({ ...fil, parentId: B }, { userId: A, moderateur: true })).toBe(false);
    expect(
      peutChangerEtat({ ...fil, publication: 'masque' }, { userId: A, moderateur: true }),
    ).toBe(false);
    expect(etatAtteignable('ouvert', 'resolu')).toBe(true);
    expect(etatAtteignable('resolu', 'ouvert')).toBe(true);
    expect(etatAtteignable('resolu', 'resolu')).toBe(false);
  });

  it('lets anyone signed in report a published comment of someone else, once', () => {
    expect(peutSignaler(mine, B, false)).toBe(true);
    expect(peutSignaler(mine, B, true)).toBe(false);
    expect(peutSignaler(mine, A, false)).toBe(false);
    expect(peutSignaler(mine, null, false)).toBe(false);
    expect(peutSignaler({ ...mine, publication: 'en_attente' }, B, false)).toBe(false);
  });
});

describe('mentions', () => {
  it('reads the distinct member ids of `@[Name](id)` tokens, in order', () => {
    const corps = `Bonjour ${mentionToken(B, 'Paul')} et @[Claire](${A}), merci ${mentionToken(B, 'Paul')} ! @[x](pas-un-id) @Nom`;
    expect(parseMentions(corps)).toEqual([B, A]);
    expect(parseMentions('aucune mention')).toEqual([]);
  });

  it('cuts a body into text and mentions, and shows it as plain text', () => {
    const corps = `Voir @[Claire](${A}) : <b>ok</b>`;
    expect(corpsSegments(corps)).toEqual([
      { texte: 'Voir ' },
      { mention: { id: A, nom: 'Claire' } },
      { texte: ' : <b>ok</b>' },
    ]);
    expect(corpsEnTexte(corps)).toBe('Voir @Claire : <b>ok</b>');
  });

  it('rewrites each mention with the member’s own name; a name cannot break the token', () => {
    const corps = `@[Le préfet](${A}) et @[Paul](${B})`;
    const noms = new Map([[A, 'Claire Moreau']]);
    expect(nommerMentions(corps, noms)).toBe(`@[Claire Moreau](${A}) et @[Paul](${B})`);
    expect(mentionToken(A, 'a]b\nc')).toBe(`@[a b c](${A})`);
  });

  it('notifies mentioned members and the thread’s author, once each, never the author', () => {
    expect(destinataires({ auteurId: A, mentions: [A, B], auteurDuFil: B })).toEqual([
      { userId: B, type: 'mention' },
    ]);
    expect(destinataires({ auteurId: A, mentions: [], auteurDuFil: B })).toEqual([
      { userId: B, type: 'reponse' },
    ]);
    expect(destinataires({ auteurId: A, mentions: [], auteurDuFil: A })).toEqual([]);
  });
});

describe('comment input', () => {
  const base = { sujetType: 'fiche', sujetId: A, corps: 'Un avis' };

  it('accepts 1 to 5,000 characters, kept as typed (markup included)', () => {
    expect(createCommentaireSchema.parse({ ...base, corps: '  <script>x</script> ' }).corps).toBe(
      '<script>x</script>',
    );
    expect(createCommentaireSchema.safeParse({ ...base, corps: '   ' }).success).toBe(false);
    expect(createCommentaireSchema.safeParse({ ...base, corps: 'x'.repeat(5001) }).success).toBe(
      false,
    );
    expect(createCommentaireSchema.safeParse({ ...base, corps: 'x'.repeat(5000) }).success).toBe(
      true,
    );
  });

  it('anchors only a thread on a document, named as documents are', () => {
    const ancre = { debut: 'AAAA', fin: 'AAAA', extrait: 'un passage' };
    expect(createCommentaireSchema.safeParse({ ...base, ancre }).success).toBe(false);
    const doc = { ...base, sujetType: 'document', sujetId: `contrat:${A}:projet` };
    expect(createCommentaireSchema.safeParse({ ...doc, ancre }).success).toBe(true);
    expect(createCommentaireSchema.safeParse({ ...doc, ancre, parentId: B }).success).toBe(false);
    expect(createCommentaireSchema.safeParse({ ...doc, sujetId: 'projet' }).success).toBe(false);
    expect(createCommentaireSchema.safeParse({ ...base, sujetId: 'pas-un-id' }).success).toBe(
      false,
    );
  });
});

describe('notification e-mails', () => {
  const at = (iso: string) => new Date(iso);

  it('places Paris hours on their instant, summer and winter', () => {
    expect(parisInstant('2026-01-15', 7).toISOString()).toBe('2026-01-15T06:00:00.000Z');
    expect(parisInstant('2026-07-15', 7).toISOString()).toBe('2026-07-15T05:00:00.000Z');
    // The night clocks go forward (29 March 2026): 07:00 is already summer time.
    expect(parisInstant('2026-03-29', 7).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('sends nothing without a waiting notification, or to a person who wants none', () => {
    expect(
      envoiPrevu({ preference: 'immediat', dernierEmailLe: null, plusAncienne: null }),
    ).toBeNull();
    expect(
      envoiPrevu({
        preference: 'aucun',
        dernierEmailLe: null,
        plusAncienne: at('2026-01-15T10:00:00Z'),
      }),
    ).toBeNull();
  });

  it('sends at once to a person who asked, even minutes after the last e-mail', () => {
    const input = {
      preference: 'immediat' as const,
      dernierEmailLe: at('2026-01-15T10:00:00Z'),
      plusAncienne: at('2026-01-15T10:05:00Z'),
    };
    expect(envoiDu(input, at('2026-01-15T10:05:00Z'))).toBe(true);
  });

  it('sends the daily digest at 7:00 Paris time, never twice in a day', () => {
    // Written at 10:00 UTC (11:00 in Paris): the digest leaves the next morning.
    const first = {
      preference: 'quotidien' as const,
      dernierEmailLe: null,
      plusAncienne: at('2026-01-15T10:00:00Z'),
    };
    expect(envoiPrevu(first)?.toISOString()).toBe('2026-01-16T06:00:00.000Z');
    expect(envoiDu(first, at('2026-01-16T05:59:59Z'))).toBe(false);
    expect(envoiDu(first, at('2026-01-16T06:00:00Z'))).toBe(true);
    // Written at 5:00 in Paris: that same morning's digest.
    expect(envoiPrevu({ ...first, plusAncienne: at('2026-01-16T04:00:00Z') })?.toISOString()).toBe(
      '2026-01-16T06:00:00.000Z',
    );
    // A digest already left today (late, at 22:00): the next one tomorrow at 7:00.
    const after = {
      ...first,
      dernierEmailLe: at('2026-01-16T21:00:00Z'),
      plusAncienne: at('2026-01-16T21:30:00Z'),
    };
    expect(envoiPrevu(after)?.toISOString()).toBe('2026-01-17T06:00:00.000Z');
    // Left today at 7:00, something new at 8:00: not before tomorrow.
    const again = {
      ...first,
      dernierEmailLe: at('2026-01-16T06:00:00Z'),
      plusAncienne: at('2026-01-16T07:00:00Z'),
    };
    expect(envoiDu(again, at('2026-01-16T23:00:00Z'))).toBe(false);
    expect(envoiDu(again, at('2026-01-17T06:00:00Z'))).toBe(true);
  });

  it('never sends a digest within an hour of the previous e-mail', () => {
    for (const minutes of [0, 1, 59, 60, 600]) {
      const last = at('2026-01-16T06:00:00Z');
      const due = envoiPrevu({
        preference: 'quotidien',
        dernierEmailLe: last,
        plusAncienne: new Date(last.getTime() + minutes * 60_000),
      })!;
      expect(due.getTime() - last.getTime()).toBeGreaterThanOrEqual(3_600_000);
    }
  });
});
