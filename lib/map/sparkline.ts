/**
 * A small SVG line of a cell's Gi* z-scores for the emerging hot spot tooltip (drawn light on its dark
 * box): the band of no significance at 90 % (|z| < 1.645) shaded, zero as a line, the series, and the
 * last step marked.
 * Without z-scores (aggregates-only accounts) a strip of the steps' significance instead.
 */
import { EMERGING_COLORS, rgbCss } from './colors';
import type { SignedLevel } from '@/lib/analysis/space-time-cube';

const W = 160;
const H = 40;
/** z beyond this is significant at 90 % before any correction: the shaded band's half-height. */
const Z90 = 1.645;

const fixed = (n: number) => String(Math.round(n * 10) / 10);

/** The SVG (as text) of `zs`, oldest first, titled `title`. */
export function zSparkline(zs: readonly number[], title: string): string {
  const top = Math.max(3, ...zs.map((z) => Math.abs(z)));
  const y = (z: number) => H / 2 - (z / top) * (H / 2 - 2);
  const x = (i: number) => (zs.length === 1 ? W / 2 : 2 + (i * (W - 4)) / (zs.length - 1));
  const line = zs.map((z, i) => `${fixed(x(i))},${fixed(y(z))}`).join(' ');
  const last = zs.length - 1;
  const lastColor = zs[last] > 0 ? EMERGING_COLORS['new-hot'] : EMERGING_COLORS['persistent-cold'];
  return (
    `<svg class="tt-spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">` +
    `<rect x="0" y="${fixed(y(Z90))}" width="${W}" height="${fixed(y(-Z90) - y(Z90))}" fill="rgba(255, 255, 255, 0.14)"/>` +
    `<line x1="0" x2="${W}" y1="${fixed(y(0))}" y2="${fixed(y(0))}" stroke="rgba(255, 255, 255, 0.45)" stroke-width="0.5"/>` +
    `<polyline points="${line}" fill="none" stroke="rgb(255, 255, 255)" stroke-width="1.2"/>` +
    `<circle cx="${fixed(x(last))}" cy="${fixed(y(zs[last]))}" r="3" fill="${rgbCss(lastColor)}" stroke="rgb(255, 255, 255)" stroke-width="0.8"/>` +
    `</svg>`
  );
}

/** The SVG (as text) of the steps' significance: a bar up for a hot bin, down for a cold one, taller the stricter. */
export function levelStrip(levels: readonly SignedLevel[], title: string): string {
  const step = (W - 4) / Math.max(1, levels.length);
  const bars = levels
    .map((l, i) => {
      if (l === 0) return '';
      const h = ((Math.abs(l) - 80) / 19) * (H / 2 - 2);
      const color = rgbCss(l > 0 ? EMERGING_COLORS['new-hot'] : EMERGING_COLORS['persistent-cold']);
      return `<rect x="${fixed(2 + i * step)}" y="${fixed(l > 0 ? H / 2 - h : H / 2)}" width="${fixed(Math.max(1, step - 0.5))}" height="${fixed(h)}" fill="${color}"/>`;
    })
    .join('');
  return (
    `<svg class="tt-spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">` +
    `<line x1="0" x2="${W}" y1="${H / 2}" y2="${H / 2}" stroke="rgba(255, 255, 255, 0.45)" stroke-width="0.5"/>${bars}</svg>`
  );
}
