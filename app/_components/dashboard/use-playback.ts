'use client';
/**
 * Playback: while playing, the map's last shown day moves a month per tick (900 ms at 1×). The
 * position lives in the URL and replaces the current entry, so Back leaves the playback.
 */
import { useEffect, useState } from 'react';
import type { DateRange } from '@/lib/time/dates';
import { nextPlaybackStep } from '@/lib/time/periods';
import type { Playback, ViewState } from '@/lib/url/view-state';
import type { HistoryMode } from './use-view-state';

/** Milliseconds between two steps at 1×. */
const STEP_MS = 900;

export function usePlayback(
  period: DateRange | null,
  playback: Playback,
  update: (patch: Partial<ViewState>, history: HistoryMode) => void,
) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);

  useEffect(() => {
    if (!playing || !period) return;
    const timer = setTimeout(() => {
      const at = nextPlaybackStep(period, playback.at, playback);
      if (at === null) setPlaying(false);
      else update({ playback: { ...playback, at } }, 'replace');
    }, STEP_MS / speed);
    return () => clearTimeout(timer);
  }, [playing, speed, period, playback, update]);

  return { playing, setPlaying, speed, setSpeed };
}
