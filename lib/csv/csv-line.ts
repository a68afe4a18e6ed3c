/**
 * One RFC 4180 CSV line: fields with the delimiter, a quote or a line break are quoted; null is an
 * empty field.
 */
export function toCsvLine(values: readonly (string | number | boolean | null)[], delimiter: ',' | ';' = ','): string {
  const special = delimiter === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return values
    .map((v) => {
      if (v === null) return '';
      const s = String(v);
      return special.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(delimiter);
}

/**
 * Splits one CSV line (RFC 4180 quoting, `delimiter` between fields) into fields, or returns null
 * when its quoting is broken (a quote left open, or text after a closing quote). Records never span
 * lines in the import format, so a line is always a whole record.
 */
export function parseCsvLine(line: string, delimiter: ',' | ';'): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null; // never closed
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== delimiter) return null; // text after the closing quote
      i++;
    } else {
      const d = line.indexOf(delimiter, i);
      const value = d < 0 ? line.slice(i) : line.slice(i, d);
      if (value.includes('"')) return null; // a quote inside an unquoted field
      fields.push(value);
      if (d < 0) return fields;
      i = d + 1;
    }
  }
}

/** The delimiter of a header line: the one of `;` and `,` it uses more (outside quotes), `,` on a tie. */
export function detectDelimiter(header: string): ',' | ';' {
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
