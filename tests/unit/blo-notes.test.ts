/**
 * The posts' source notes as the reader sees them (data/blo-notes.json through lib/catalogue/blo-notes.ts).
 */
import { describe, expect, it } from 'vitest';
import blos from '@/data/blos.json';
import notes from '@/data/blo-notes.json';
import { bloSourceText } from '@/lib/catalogue/blo-notes';
import { COUNTRY_CODES } from '@/lib/catalogue/vocabulary';
import { LANGUAGES } from '@/lib/url/view-state';

/** Words of the notes as gathered that a reader should never meet. */
const DEVELOPER_WORDS =
  /\bnpm\b|Coord|nudged|snapped|cities500|cities-500|@osm_borders|maritime_10m|\bKAZ\b|\bKGZ\b|\bUZB\b|\bTKM\b|\bAFG\b|\bBCP\b|XAC/;
const CODE = new RegExp(`\\b(${COUNTRY_CODES.join('|')})\\b`);

describe('BLO source notes', () => {
  it('exist for every post, in both languages, and for no other', () => {
    expect(Object.keys(notes).sort()).toEqual(blos.map((b) => b.code).sort());
    for (const b of blos)
      for (const lang of LANGUAGES) expect(bloSourceText(lang, b.code)?.basis.length, `${b.code} ${lang}`).toBeGreaterThan(80);
  });

  it('are plain text: no tool names, no ISO codes, no arrows', () => {
    for (const b of blos) {
      for (const lang of LANGUAGES) {
        const text = Object.values(bloSourceText(lang, b.code)!).join(' ');
        expect(text, `${b.code} ${lang}`).not.toMatch(DEVELOPER_WORDS);
        expect(text, `${b.code} ${lang}`).not.toMatch(CODE);
        expect(text, `${b.code} ${lang}`).not.toContain('→');
      }
    }
  });

  it('keep the provenance: who names a confirmed post, that an unconfirmed one is not, and where each position comes from', () => {
    for (const b of blos) {
      const { en, ru } = notes[b.code as keyof typeof notes];
      if (b.status === 'confirmed') {
        expect(en, b.code).toMatch(/UNODC|UN |Ministry of Foreign Affairs/);
        expect(ru, b.code).toMatch(/УНП ООН|ООН|МИД/);
      } else {
        expect(en, b.code).toMatch(/^Not confirmed as a BLO/);
        expect(ru, b.code).toMatch(/^Как ППК не подтверждён/);
      }
      expect(en, b.code).toContain('Position:');
      expect(ru, b.code).toContain('Положение:');
    }
  });

  it('need no word about moving a post: every post is shown at its published position', () => {
    for (const b of blos) expect([b.code, b.lon, b.lat, b.positionNote]).toEqual([b.code, b.sourceLon, b.sourceLat, null]);
    expect(Object.keys(bloSourceText('ru', 'ak-zhol')!).sort()).toEqual(['basis', 'confidence']);
  });

  it('say how sure each position is', () => {
    expect(bloSourceText('ru', 'kyzyl-art')!.confidence).toBe('Положение — опубликованные координаты перехода.');
    expect(bloSourceText('en', 'bor-dobo')!.confidence).toBe('The position is not verified and may be several kilometres off.');
  });

  it('give nothing for a code that is not a post', () => {
    expect(bloSourceText('en', 'nowhere')).toBeNull();
  });
});
