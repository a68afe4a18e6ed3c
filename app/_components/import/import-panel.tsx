'use client';
/**
 * Upload a seizure file: progress while it uploads and while its rows are checked, then the report
 * (accepted, rejected, duplicates, the commonest reasons, the first rejected rows by line) with the
 * rejected rows to download, plain or for Excel — a batch's from the server, a dry run's made here
 * from its summary. Reasons, and the problems of an upload refused before its file is read, are
 * shown in the page's language from their codes.
 */
import '@/app/_components/browser-zod';
import { Fragment, useId, useState } from 'react';
import type { ImportSummary } from '@/lib/api/api-types';
import { formatCount, t } from '@/lib/i18n/i18n';
import { importReasonText, type ImportReason } from '@/lib/import/import-reasons';
import { decodeUploadProblem, uploadProblemText } from '@/lib/import/import-upload';
import {
  dryRunRejectionsCsv,
  dryRunRejectionsFileName,
  rejectionReasons,
  rejectionsDialect,
  rejectionsPath,
  REJECTIONS_SHOWN,
} from '@/lib/import/rejections-csv';
import type { Language } from '@/lib/url/view-state';
import { pageHref } from '@/app/_components/page-links';
import { coverageText, parseCoverage, parseReportingPeriods } from '@/lib/import/coverage';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number; rows: number }
  | { kind: 'writing'; rows: number }
  | { kind: 'done'; summary: ImportSummary; at: string }
  | { kind: 'failed'; message: string };

const MB = 1024 * 1024;

/** Saves a dry run's rejected rows: the file is made here, as the server keeps nothing of a dry run. */
function downloadDryRunRejections(lang: Language, summary: ImportSummary, at: string, excel: boolean) {
  const blob = new Blob([dryRunRejectionsCsv(lang, summary, at, rejectionsDialect(excel))], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = dryRunRejectionsFileName(summary.fileName, excel);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Why the server refused the upload, in `lang`: the coded problem of one refused before its file is
 * read (lib/import/import-upload.ts), an ended session, else the server's message after "That did
 * not work" (a refusal of the account's role or anything else the server words only in English).
 */
function refusalText(lang: Language, status: number, body: string): string {
  let error: { message?: unknown; problem?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { error?: typeof error }).error;
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  const problem = decodeUploadProblem(error?.problem);
  if (problem) return t(lang, 'fileRefused', { reason: uploadProblemText(lang, problem) });
  if (status === 401) return t(lang, 'importSignedOut');
  return t(lang, 'requestFailed', { message: typeof error?.message === 'string' ? error.message : `HTTP ${status}` });
}

export function ImportPanel({ maxMb, lang }: { maxMb: number; lang: Language }) {
  const formId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  // The declaration of what the file covers (posts:months), typed or read from a reporting-periods file.
  const [covers, setCovers] = useState('');
  const [coversError, setCoversError] = useState<string | null>(null);
  const checkCovers = (text: string): boolean => {
    if (text.trim() === '') return (setCoversError(null), true);
    try {
      parseCoverage(text);
      setCoversError(null);
      return true;
    } catch (e) {
      setCoversError((e as Error).message);
      return false;
    }
  };
  const readPeriods = async (periods: File | undefined) => {
    if (!periods) return;
    try {
      const text = coverageText(parseReportingPeriods(await periods.text()));
      setCovers(text);
      checkCovers(text);
    } catch (e) {
      setCoversError(`${periods.name}: ${(e as Error).message}`);
    }
  };
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'uploading' || phase.kind === 'writing';

  const start = () => {
    if (!file || !checkCovers(covers)) return;
    if (file.size > maxMb * MB) {
      setPhase({ kind: 'failed', message: t(lang, 'tooLarge', { size: (file.size / MB).toFixed(1), mb: maxMb }) });
      return;
    }
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({
      name: file.name,
      ...(dryRun ? { dry: '1' } : {}),
      ...(covers.trim() ? { covers: covers.trim() } : {}),
    });
    xhr.open('POST', `/api/imports?${params}`);
    let seen = 0;
    let rows = 0;
    // The answer streams JSON lines; read each complete line as it arrives.
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as {
          type: string;
          rows?: number;
          bytes?: number;
          message?: string;
          reason?: ImportReason;
        } & ImportSummary;
        if (message.type === 'progress') {
          rows = message.rows ?? rows;
          setPhase(
            message.bytes !== undefined && message.bytes < file.size
              ? { kind: 'uploading', sent: message.bytes, total: file.size, rows }
              : { kind: 'writing', rows },
          );
        } else if (message.type === 'summary') setPhase({ kind: 'done', summary: message, at: new Date().toISOString() });
        else if (message.type === 'error')
          setPhase({
            kind: 'failed',
            // Without a reason the failure is the server's own: worded here, in the page's language.
            message: message.reason ? t(lang, 'fileRefused', { reason: importReasonText(lang, message.reason) }) : t(lang, 'importFailed'),
          });
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) =>
      setPhase((p) =>
        p.kind === 'done' || p.kind === 'failed' ? p : { kind: 'uploading', sent: e.loaded, total: e.total || file.size, rows },
      );
    xhr.upload.onload = () => setPhase((p) => (p.kind === 'uploading' ? { kind: 'writing', rows } : p));
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status >= 400) setPhase({ kind: 'failed', message: refusalText(lang, xhr.status, xhr.responseText) });
      else readLines();
    };
    xhr.onerror = () => setPhase({ kind: 'failed', message: t(lang, 'networkError') });
    setPhase({ kind: 'uploading', sent: 0, total: file.size, rows: 0 });
    xhr.send(file);
  };

  const percent =
    phase.kind === 'uploading' ? Math.round((100 * phase.sent) / Math.max(1, phase.total)) : phase.kind === 'writing' ? 100 : 0;

  return (
    <section className="import-panel">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        {/* The browser's own file button speaks the browser's language: this one speaks the page's. */}
        <div className="file-pick">
          <span id={`${formId}-file-label`}>{t(lang, 'importFile', { mb: maxMb })}</span>
          <span className="file-row">
            <input
              id={`${formId}-file`}
              type="file"
              name="file"
              className="file-input"
              accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
              data-testid="import-file"
              aria-labelledby={`${formId}-file-label ${formId}-file-button ${formId}-file-name`}
              disabled={busy}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <label id={`${formId}-file-button`} htmlFor={`${formId}-file`} className="button secondary" aria-disabled={busy}>
              {t(lang, 'chooseFile')}
            </label>
            <span id={`${formId}-file-name`} className="file-name" data-testid="import-file-name">
              {file?.name ?? t(lang, 'noFileChosen')}
            </span>
          </span>
        </div>
        <div className="covers-field">
          <label htmlFor={`${formId}-covers`}>{t(lang, 'coversLabel')}</label>
          <input
            id={`${formId}-covers`}
            type="text"
            data-testid="import-covers"
            value={covers}
            placeholder="oybek,dostuk:2024-01..2024-06"
            disabled={busy}
            aria-describedby={`${formId}-covers-help`}
            aria-invalid={coversError !== null}
            onChange={(e) => {
              setCovers(e.target.value);
              if (coversError) checkCovers(e.target.value);
            }}
            onBlur={(e) => checkCovers(e.target.value)}
          />
          <label className="button secondary periods-pick">
            {t(lang, 'periodsFile')}
            <input
              type="file"
              accept=".csv,text/csv"
              className="file-input"
              data-testid="import-periods"
              disabled={busy}
              onChange={(e) => void readPeriods(e.target.files?.[0])}
            />
          </label>
          <p id={`${formId}-covers-help`} className="note">
            {t(lang, 'coversHelp')}
          </p>
          {coversError && (
            <p className="error" role="alert" data-testid="import-covers-error">
              {coversError}
            </p>
          )}
        </div>
        <label>
          <input
            type="checkbox"
            data-testid="import-dry-run"
            checked={dryRun}
            disabled={busy}
            onChange={(e) => setDryRun(e.target.checked)}
          />{' '}
          {t(lang, 'dryRunLabel')}
        </label>
        <button type="submit" disabled={!file || busy} data-testid="import-start">
          {t(lang, dryRun ? 'checkStart' : 'importStart')}
        </button>
      </form>

      {busy && (
        <div className="import-progress" data-testid="import-progress">
          <progress max={100} value={phase.kind === 'writing' ? undefined : percent} aria-label="Import progress" />
          <p role="status">
            {phase.kind === 'uploading'
              ? t(lang, 'uploading', { pct: percent, rows: formatCount(lang, phase.rows) })
              : t(lang, 'writing', { rows: formatCount(lang, phase.rows) })}
          </p>
        </div>
      )}

      {phase.kind === 'failed' && (
        <p className="error" role="alert" data-testid="import-error">
          {phase.message}
        </p>
      )}

      {phase.kind === 'done' && (
        <div
          className="import-report"
          data-testid="import-report"
          data-rows={phase.summary.rows}
          data-accepted={phase.summary.accepted}
          data-rejected={phase.summary.rejected}
          data-duplicates={phase.summary.duplicates}
          data-covered={phase.summary.covered}
        >
          <h2>
            {t(lang, phase.summary.dryRun ? 'checked' : 'imported')}: {phase.summary.fileName}
          </h2>
          <dl className="mini-kpis">
            {(['rows', 'accepted', 'rejected', 'duplicates', ...(phase.summary.covered ? (['covered'] as const) : [])] as const).map(
              (k) => (
                <div key={k}>
                  <dt>{t(lang, k)}</dt>
                  <dd>{formatCount(lang, phase.summary[k])}</dd>
                </div>
              ),
            )}
          </dl>
          {phase.summary.reasons.length > 0 && (
            <table className="reasons">
              <caption>{t(lang, 'commonReasons')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'reason')}</th>
                  <th scope="col" className="num">
                    {t(lang, 'rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {phase.summary.reasons.map((r) => (
                  <tr key={JSON.stringify(r.reason)}>
                    <td>{importReasonText(lang, r.reason)}</td>
                    <td className="num">{formatCount(lang, r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {phase.summary.rejections.length > 0 && (
            <table className="reasons" data-testid="rejected-rows">
              <caption>{t(lang, 'rejectedRows')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t(lang, 'line')}
                  </th>
                  <th scope="col">{t(lang, 'reason')}</th>
                </tr>
              </thead>
              <tbody>
                {phase.summary.rejections.slice(0, REJECTIONS_SHOWN).map((r) => (
                  <tr key={r.line} data-line={r.line}>
                    <td className="num">{r.line}</td>
                    <td>{rejectionReasons(lang, r.reasons)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {phase.summary.rejections.length > 0 && phase.summary.rejected > Math.min(REJECTIONS_SHOWN, phase.summary.rejections.length) && (
            <p className="note" data-testid="rejected-rows-more">
              {t(lang, 'rejectedShown', {
                shown: formatCount(lang, Math.min(REJECTIONS_SHOWN, phase.summary.rejections.length)),
                count: formatCount(lang, phase.summary.rejected),
              })}
            </p>
          )}
          <p>
            {phase.summary.rejected > 0 &&
              ([false, true] as const).map((excel) => {
                const testId = excel ? 'rejections-link-excel' : 'rejections-link';
                const text = t(lang, excel ? 'downloadRejectedExcel' : 'downloadRejected');
                const title = excel ? t(lang, 'rejectedExcelTitle') : undefined;
                const { batch } = phase.summary;
                return (
                  <Fragment key={testId}>
                    {excel && <span aria-hidden="true"> · </span>}
                    {batch !== null ? (
                      <a href={rejectionsPath(batch, lang, excel)} data-testid={testId} title={title} download>
                        {text}
                      </a>
                    ) : (
                      <button
                        type="button"
                        className="linklike"
                        data-testid={testId}
                        title={title}
                        onClick={() => downloadDryRunRejections(lang, phase.summary, phase.at, excel)}
                      >
                        {text}
                      </button>
                    )}{' '}
                  </Fragment>
                );
              })}
            {!phase.summary.dryRun && <a href={pageHref('/', lang)}>{t(lang, 'openDashboard')}</a>}
          </p>
        </div>
      )}
    </section>
  );
}
