/**
 * The map as a picture for a briefing: the current view (basemap, data layers, BLO markers) under a
 * title and the filter summary, with a legend, the data date, whether synthetic data is shown, and
 * the link back to this exact view. Drawn on a canvas in the browser from what is on screen.
 */
export interface PngLegendItem {
  label: string;
  color: string;
  shape: 'dot' | 'ring' | 'dashed-ring' | 'bar';
}

export interface PngContent {
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: PngLegendItem[];
  footer: string[];
}

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

/** Renders the map container's canvases and markers with the given text into a PNG blob. */
export async function renderMapPng(mapElement: HTMLElement, content: PngContent): Promise<Blob> {
  const box = mapElement.getBoundingClientRect();
  const width = Math.round(box.width);
  const mapHeight = Math.round(box.height);
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `12px ${FONT}`;
  const footerLines = content.footer.flatMap((f) => wrap(measure, f, width - 24));
  const header = 62;
  const footer = 14 + footerLines.length * 16;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = (header + mapHeight + footer) * SCALE;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, header + mapHeight + footer);

  ctx.fillStyle = '#1d2733';
  ctx.font = `bold 20px ${FONT}`;
  ctx.fillText(content.title, 12, 26);
  ctx.font = `13px ${FONT}`;
  ctx.fillStyle = '#3b4652';
  wrap(ctx, content.subtitle, width - 24).slice(0, 2).forEach((l, i) => ctx.fillText(l, 12, 44 + i * 15));

  // The map: every canvas in the container (basemap, then deck.gl), at its on-screen size.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, header, width, mapHeight);
  ctx.clip();
  for (const c of mapElement.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    ctx.drawImage(c, r.left - box.left, header + r.top - box.top, r.width, r.height);
  }
  // BLO markers are HTML over the map: draw each where it is.
  for (const marker of mapElement.querySelectorAll<HTMLElement>('[data-testid="blo-marker"]')) {
    const r = marker.getBoundingClientRect();
    const [x, y] = [r.left - box.left + r.width / 2, header + r.top - box.top + r.height / 2];
    if (x < 0 || x > width || y < header || y > header + mapHeight) continue;
    const unconfirmed = marker.dataset.status === 'unconfirmed';
    ctx.beginPath();
    ctx.arc(x, y, r.width / 2, 0, 2 * Math.PI);
    ctx.fillStyle = unconfirmed ? '#ffffff' : '#0b5cad';
    ctx.fill();
    ctx.setLineDash(unconfirmed ? [3, 2] : []);
    ctx.lineWidth = 2;
    ctx.strokeStyle = unconfirmed ? '#b07d00' : '#ffffff';
    ctx.stroke();
    ctx.setLineDash([]);
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
  ctx.restore();

  // Legend, bottom left of the map.
  ctx.font = `12px ${FONT}`;
  const legendWidth = Math.min(280, Math.max(...content.legend.map((l) => ctx.measureText(l.label).width + 34), ctx.measureText(content.legendTitle).width + 20));
  const legendHeight = 24 + content.legend.length * 17;
  const lx = 10;
  const ly = header + mapHeight - legendHeight - 10;
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.strokeStyle = '#c9d1da';
  ctx.lineWidth = 1;
  ctx.fillRect(lx, ly, legendWidth, legendHeight);
  ctx.strokeRect(lx, ly, legendWidth, legendHeight);
  ctx.fillStyle = '#1d2733';
  ctx.font = `bold 12px ${FONT}`;
  ctx.fillText(content.legendTitle, lx + 8, ly + 16);
  ctx.font = `12px ${FONT}`;
  content.legend.forEach((item, i) => {
    const y = ly + 32 + i * 17;
    ctx.beginPath();
    if (item.shape === 'bar') ctx.rect(lx + 8, y - 7, 14, 6);
    else ctx.arc(lx + 15, y - 4, 5, 0, 2 * Math.PI);
    if (item.shape === 'dot' || item.shape === 'bar') {
      ctx.fillStyle = item.color;
      ctx.fill();
    } else {
      ctx.setLineDash(item.shape === 'dashed-ring' ? [2, 2] : []);
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#1d2733';
    ctx.fillText(item.label, lx + 28, y);
  });

  ctx.fillStyle = '#3b4652';
  ctx.font = `12px ${FONT}`;
  footerLines.forEach((l, i) => ctx.fillText(l, 12, header + mapHeight + 16 + i * 16));

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the picture could not be made'))), 'image/png'));
}
