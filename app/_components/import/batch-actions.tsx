'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { BatchChange, ImportBatch } from '@/lib/api/api-types';
import { t } from '@/lib/i18n/i18n';
import type { Language } from '@/lib/url/view-state';
import { postJson } from '@/app/_components/access/auth-fetch';

interface Props {
  lang: Language;
  batch: Pick<ImportBatch, 'id' | 'fileName' | 'current' | 'undoneIn'>;
}

/** Undo (after a confirm step) or bring back one import; the history reloads with the new data version. */
export function BatchActions({ lang, batch }: Props) {
  const router = useRouter();
  const [phase, setPhase] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const run = async (change: 'undo' | 'reimport') => {
    setPhase('busy');
    const result = await postJson<BatchChange>(`/api/imports/${batch.id}/${change}`, {});
    setPhase('idle');
    if (!result.ok) {
      setOutcome({ ok: false, text: result.message });
      return;
    }
    const r = result.data;
    setOutcome({
      ok: true,
      text:
        change === 'undo'
          ? t(lang, 'undone', { batch: batch.id, version: r.dataVersion, count: r.removed })
          : t(lang, 'reimported', { batch: batch.id, copy: r.batch, version: r.dataVersion, count: r.added }),
    });
    router.refresh();
  };

  const message = outcome ? (
    <p className={outcome.ok ? 'note' : 'error'} role={outcome.ok ? 'status' : 'alert'} data-testid={`batch-outcome-${batch.id}`}>
      {outcome.text}
    </p>
  ) : null;

  if (batch.undoneIn !== null) {
    return (
      <>
        <button
          type="button"
          className="secondary"
          data-testid={`reimport-${batch.id}`}
          disabled={phase === 'busy'}
          onClick={() => void run('reimport')}
        >
          {t(lang, 'reimport')}
        </button>
        {message}
      </>
    );
  }
  if (batch.current === 0) return message;
  if (phase === 'confirm' || phase === 'busy') {
    return (
      <div className="confirm" role="group" aria-label={t(lang, 'undoYes', { batch: batch.id })}>
        <p>{t(lang, 'undoConfirm', { batch: batch.id, file: batch.fileName ?? '—', count: batch.current })}</p>
        <button
          type="button"
          className="danger"
          data-testid={`undo-yes-${batch.id}`}
          disabled={phase === 'busy'}
          autoFocus
          onClick={() => void run('undo')}
        >
          {t(lang, 'undoYes', { batch: batch.id })}
        </button>{' '}
        <button type="button" className="secondary" disabled={phase === 'busy'} onClick={() => setPhase('idle')}>
          {t(lang, 'cancel')}
        </button>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="secondary" data-testid={`undo-${batch.id}`} onClick={() => setPhase('confirm')}>
        {t(lang, 'undo')}
      </button>
      {message}
    </>
  );
}
