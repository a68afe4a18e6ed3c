'use client';

/** Opens the browser's print dialog (print, or save as PDF); not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" data-testid="brief-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}
