/**
 * The map as a picture for a briefing: the current view (basemap, data layers, BLO markers) under a
 * title and the filter summary, with a legend, the data date, whether synthetic data is shown, and
 * the link back to this exact view (the words: lib/map/map-picture.ts). Drawn on a canvas in the
 * browser from what is on screen.
 */
import { isoDay } from '@/lib/time/dates';
import { BLO_COLORS, rgbCss, UNUSUAL_COLORS, UNUSUAL_MARK } from '@/lib/map/colors';
import type { LegendSwatch } from '@/lib/map/legend-model';
import type { MapPicture } from '@/lib/map/map-picture';
import { withPngText } from '@/lib/export/png-text';

const FONT = '"DejaVu Sans", Arial, sans-serif';
const SCALE = 2; // crisp on projectors and in documents

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=[ &,])/)) {
    if (ctx.measureText(line + word).width > width && line) {
      lines.push(line.trimEnd());
      line = '';
    }
    // A single "word" longer than the width (a URL): cut it.
    let rest = word;
    while (ctx.measureText(rest).width > width) {
      let cut = rest.length;
      while (cut > 1 && ctx.measureText(rest.slice(0, cut)).width > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line += rest;
  }
  if (line) lines.push(line.trimEnd());
  return lines;
}

/** A BLO marker at (x, y) of radius r: a filled dot (confirmed) or a hollow dashed ring (unconfirmed site). */
function drawBlo(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, unconfirmed: boolean) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = rgbCss(unconfirmed ? BLO_COLORS.halo : BLO_COLORS.confirmed);
  ctx.fill();
  ctx.setLineDash(unconfirmed ? [3, 2] : []);
  ctx.lineWidth = 2;
  ctx.strokeStyle = rgbCss(unconfirmed ? BLO_COLORS.unconfirmed : BLO_COLORS.halo);
  ctx.stroke();
  ctx.setLineDash([]);
}

/** The unusual-month badge, centred on x, its baseline at y. */
function drawUnusual(ctx: CanvasRenderingContext2D, x: number, y: number, flag: 'high' | 'low') {
  ctx.save();
  ctx.font = 'bold 11px "DejaVu Sans", sans-serif';
  ctx.textAlign = 'center';
  ctx.fillStyle = rgbCss(UNUSUAL_COLORS[flag]);
  ctx.fillText(UNUSUAL_MARK[flag], x, y);
  ctx.restore();
}

/** A legend symbol whose text baseline is at (x + 20, y). */
function drawSwatch(ctx: CanvasRenderingContext2D, swatch: LegendSwatch, x: number, y: number) {
  switch (swatch.shape) {
    case 'blo':
      return drawBlo(ctx, x + 7, y - 4, 6, swatch.status === 'unconfirmed');
    case 'dot':
      ctx.beginPath();
      ctx.arc(x + 7, y - 4, 5, 0, 2 * Math.PI);
      ctx.fillStyle = rgbCss(swatch.color);
      return ctx.fill();
    case 'ring':
      ctx.beginPath();
      ctx.arc(x + 7, y - 4, 5, 0, 2 * Math.PI);
      ctx.setLineDash([2, 2]);
      ctx.strokeStyle = rgbCss(swatch.color);
      ctx.lineWidth = 2;
      ctx.stroke();
      return ctx.setLineDash([]);
    case 'unusual':
      return drawUnusual(ctx, x + 7, y, swatch.flag);
    case 'bar': {
      const gradient = ctx.createLinearGradient(x, 0, x + 14, 0);
      swatch.colors.forEach((c, i) => gradient.addColorStop(swatch.colors.length === 1 ? 0 : i / (swatch.colors.length - 1), rgbCss(c)));
      ctx.fillStyle = gradient;
      return ctx.fillRect(x, y - 7, 14, 6);
    }
  }
}

/**
 * Who exported the picture and its audit entry, written faintly across the map on a slant, every
 * ~170 px: faint enough to read the map through, and on every part of it, so a crop keeps it.
 */
function drawWatermark(ctx: CanvasRenderingContext2D, text: string, width: number, top: number, height: number) {
  ctx.save();
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = 'rgba(29, 39, 51, 0.13)';
  ctx.translate(width / 2, top + height / 2);
  ctx.rotate(-Math.PI / 8);
  const step = ctx.measureText(text).width + 60;
  const reach = Math.hypot(width, height) / 2 + step;
  for (let y = -reach, row = 0; y <= reach; y += 85, row++) {
    for (let x = -reach + (row % 2) * (step / 2); x <= reach; x += step) ctx.fillText(text, x, y);
  }
  ctx.restore();
}

/** Legend rows laid out in columns under the map: where each row goes, and the band's height. */
function legendLayout(ctx: CanvasRenderingContext2D, content: MapPicture, width: number) {
  ctx.font = `12px ${FONT}`;
  const column = Math.min(width - 24, Math.max(...content.legend.map((l) => ctx.measureText(l.label).width + 34), 120));
  const columns = Math.max(1, Math.floor((width - 24) / (column + 12)));
  const rows = Math.ceil(content.legend.length / columns);
  return { column: column + 12, columns, height: 28 + rows * 17 };
}

/**
 * Renders the map container's canvases and markers with the given text into a PNG blob: the title
 * (wrapped, never cut) and the filters above the map, the legend in a band under it (never over the
 * posts), then the footer; the texts are also kept in the file (lib/export/png-text.ts).
 */
export async function renderMapPng(mapElement: HTMLElement, content: MapPicture): Promise<Blob> {
  const box = mapElement.getBoundingClientRect();
  const width = Math.round(box.width);
  const mapHeight = Math.round(box.height);
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `12px ${FONT}`;
  const footerLines = content.footer.flatMap((f) => wrap(measure, f, width - 24));
  measure.font = `bold 20px ${FONT}`;
  const titleLines = wrap(measure, content.title, width - 24);
  measure.font = `13px ${FONT}`;
  const subtitleLines = wrap(measure, content.subtitle, width - 24);
  const header = 14 + titleLines.length * 24 + subtitleLines.length * 16 + 6;
  const legend = legendLayout(measure, content, width);
  const footer = 14 + footerLines.length * 16;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = (header + mapHeight + legend.height + footer) * SCALE;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, header + mapHeight + legend.height + footer);

  ctx.fillStyle = '#1d2733';
  ctx.font = `bold 20px ${FONT}`;
  titleLines.forEach((l, i) => ctx.fillText(l, 12, 30 + i * 24));
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = '#3b4652';
  subtitleLines.forEach((l, i) => ctx.fillText(l, 12, 14 + titleLines.length * 24 + 12 + i * 16));

  // The map: every canvas in the container (basemap, then deck.gl), at its on-screen size.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, header, width, mapHeight);
  ctx.clip();
  for (const c of mapElement.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    ctx.drawImage(c, r.left - box.left, header + r.top - box.top, r.width, r.height);
  }
  // The countries' names are HTML over the map: written where they are, as the page shows them (capitals, halo).
  for (const label of mapElement.querySelectorAll<HTMLElement>('[data-testid="country-label"]')) {
    const r = label.getBoundingClientRect();
    const [x, y] = [r.left - box.left + r.width / 2, header + r.top - box.top + r.height / 2];
    if (x < 0 || x > width || y < header || y > header + mapHeight) continue;
    const style = getComputedStyle(label);
    ctx.font = `600 13px ${FONT}`;
    ctx.letterSpacing = style.letterSpacing;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffffff';
    ctx.strokeText(label.innerText, x, y);
    ctx.fillStyle = style.color;
    ctx.fillText(label.innerText, x, y);
    ctx.letterSpacing = '0px';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
  }
  // BLO markers are HTML over the map: draw each where it is.
  for (const marker of mapElement.querySelectorAll<HTMLElement>('[data-testid="blo-marker"]')) {
    const r = marker.getBoundingClientRect();
    const [x, y] = [r.left - box.left + r.width / 2, header + r.top - box.top + r.height / 2];
    if (x < 0 || x > width || y < header || y > header + mapHeight) continue;
    drawBlo(ctx, x, y, r.width / 2, marker.dataset.status === 'unconfirmed');
    const flag = marker.dataset.unusual;
    if (flag === 'high' || flag === 'low') drawUnusual(ctx, x + r.width / 2 + 3, y - r.height / 2 + 2, flag);
    // The name where the page wrote it (its side chosen so names never overlap), or not at all.
    const label = marker.parentElement?.querySelector<HTMLElement>('.blo-label');
    if (label && getComputedStyle(label).visibility !== 'hidden') {
      // Anchored on the marker's side, so a name written left of its marker ends where it ends on the page.
      const l = label.getBoundingClientRect();
      const side = label.dataset.side;
      const align: CanvasTextAlign = side === 'left' ? 'right' : side === 'right' ? 'left' : 'center';
      const lx = (align === 'right' ? l.right : align === 'left' ? l.left : l.left + l.width / 2) - box.left;
      const ly = header + l.top - box.top + l.height / 2 + 4;
      ctx.font = `600 11px ${FONT}`;
      ctx.textAlign = align;
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.strokeText(label.textContent ?? '', lx, ly);
      ctx.fillStyle = '#1d2733';
      ctx.fillText(label.textContent ?? '', lx, ly);
      ctx.textAlign = 'left';
    }
  }
  drawWatermark(ctx, content.watermark, width, header, mapHeight);
  ctx.restore();

  // Legend, in its band under the map.
  const top = header + mapHeight;
  ctx.fillStyle = '#1d2733';
  ctx.font = `bold 12px ${FONT}`;
  ctx.fillText(content.legendTitle, 12, top + 18);
  ctx.font = `12px ${FONT}`;
  content.legend.forEach((item, i) => {
    const x = 12 + (i % legend.columns) * legend.column;
    const y = top + 36 + Math.floor(i / legend.columns) * 17;
    drawSwatch(ctx, item.swatch, x, y);
    ctx.fillStyle = '#1d2733';
    ctx.fillText(item.label, x + 20, y);
  });
  ctx.strokeStyle = '#c9d1da';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(12, top + legend.height - 4);
  ctx.lineTo(width - 12, top + legend.height - 4);
  ctx.stroke();

  ctx.fillStyle = '#3b4652';
  ctx.font = `12px ${FONT}`;
  footerLines.forEach((l, i) => ctx.fillText(l, 12, top + legend.height + 16 + i * 16));

  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be made'))), 'image/png'),
  );
  const texts = {
    Title: content.title,
    Description: [content.subtitle, ...content.legend.map((l) => l.label), ...content.footer].join('\n'),
    Source: content.link,
  };
  return new Blob([withPngText(new Uint8Array(await png.arrayBuffer()), texts) as Uint8Array<ArrayBuffer>], { type: 'image/png' });
}

/** Draws the map element with `content` and hands the picture to the browser as a download. */
export async function downloadMapPng(mapElement: HTMLElement, content: MapPicture, madeAt: Date): Promise<void> {
  const blob = await renderMapPng(mapElement, content);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `blo-atlas-map-${isoDay(madeAt)}.png`;
  a.click();
  // The download has started by then; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
