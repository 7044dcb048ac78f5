import { describe, expect, it } from 'vitest';
import { quantile, summarize } from './stats';

describe('summarize', () => {
  it('reports median and quartiles, ignoring values that are not finite', () => {
    const s = summarize([5, 1, 3, Number.NaN, 2, 4]);
    expect(s).toEqual({ n: 5, median: 3, p25: 2, p75: 4, min: 1, max: 5 });
  });

  it('interpolates between ranks for an even count', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(summarize([]).median).toBeNaN();
  });
});
