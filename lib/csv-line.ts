/** One RFC 4180 CSV line: fields with a comma, quote or line break are quoted; null is an empty field. */
export function toCsvLine(values: readonly (string | number | boolean | null)[]): string {
  return values
    .map((v) => {
      if (v === null) return '';
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
