import { describe, expect, it } from 'vitest';
import type { Revision, RevisionsAnswer } from '@/lib/api/api-types';
import { revisionText } from '@/lib/versions/revision-text';

const revision = (id: number, action: Revision['action'], count: number, kgEq: number): Revision => ({
  id,
  action,
  note: `version ${id}`,
  at: '2026-11-30T10:00:00.000Z',
  count,
  kgEq,
});

function answer(versions: Revision[], withheld = false): RevisionsAnswer {
  return {
    asOf: {
      id: 12,
      at: '2026-11-28T09:30:00.000Z',
      account: 'editor@example.org',
      action: 'import',
      batchId: 4,
      added: 50,
      removed: 0,
      note: '',
    },
    current: 14,
    changes: {
      versions,
      count: withheld ? null : versions.reduce((t, v) => t + v.count!, 0),
      kgEq: withheld ? null : versions.reduce((t, v) => t + v.kgEq!, 0),
    },
  };
}

describe('the pinned view banner', () => {
  it('names the pinned version and the imports since, with their net change, in English', () => {
    const text = revisionText('en', answer([revision(13, 'import', 20, 80), revision(14, 'import', 15, 40)]));
    expect(text.pinned).toBe('Figures as of 28 Nov 2026 (data version 12).');
    expect(text.since).toBe('Since then 2 imports changed this view: +35 seizures, +120 kg.');
  });

  it('in Russian, with the noun agreeing with each number', () => {
    expect(revisionText('ru', answer([revision(13, 'import', 20, 80), revision(14, 'import', 15, 40)])).since).toBe(
      'С тех пор 2 импорта изменили этот вид: +35 изъятий, +120 кг.',
    );
    expect(revisionText('ru', answer([revision(13, 'import', 1, 2.5)])).since).toBe(
      'С тех пор 1 импорт изменил этот вид: +1 изъятие, +2,5 кг.',
    );
    expect(revisionText('ru', answer([revision(13, 'import', 22, 30)]))).toEqual({
      pinned: expect.stringMatching(/^Данные на 28 нояб\. 2026 г\. \(версия данных 12\)\.$/),
      since: 'С тех пор 1 импорт изменил этот вид: +22 изъятия, +30 кг.',
    });
    expect(
      revisionText(
        'ru',
        answer([
          revision(13, 'import', 5, 10),
          revision(14, 'import', 6, 10),
          revision(15, 'import', 0, 0),
          revision(16, 'import', 0, 0),
          revision(17, 'import', 0, 0),
        ]),
      ).since,
    ).toBe('С тех пор 5 импортов изменили этот вид: +11 изъятий, +20 кг.');
  });

  it('calls an undo among them a change, and shows a removal with a minus sign', () => {
    expect(revisionText('en', answer([revision(13, 'undo', -40, -160)])).since).toBe(
      'Since then 1 change to the data changed this view: −40 seizures, −160 kg.',
    );
  });

  it('says so when nothing later touches the view, and leaves out withheld figures', () => {
    expect(revisionText('en', answer([])).since).toBe('No later change to the data affects this view.');
    expect(revisionText('en', answer([revision(13, 'import', 2, 1)], true)).since).toBe('Since then 1 import changed this view.');
  });
});
