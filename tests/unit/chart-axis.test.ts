import { describe, expect, it } from 'vitest';
import { niceMax } from '@/lib/chart/axis';

describe('the top of a value axis', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten, a round value kept', () => {
    expect([0, -3, 0.3, 1, 2.2, 3, 7, 120, 1000, 1001].map(niceMax)).toEqual([1, 1, 0.5, 1, 2.5, 5, 10, 200, 1000, 2000]);
  });
});
