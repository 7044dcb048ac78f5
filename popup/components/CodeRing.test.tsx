// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodeRing } from './CodeRing';

vi.mock('../../src/shared/browser', () => ({
  ext: { i18n: { getMessage: (key: string, subs?: string) => `${key}|${subs ?? ''}` } },
}));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('CodeRing', () => {
  it('ticks down once a second and wraps at the 30-second boundary', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1, 0, 0, 28));
    render(<CodeRing skewMs={0} />);
    const ring = screen.getByTestId('code-ring');
    expect(ring.dataset.secondsLeft).toBe('2');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(ring.dataset.secondsLeft).toBe('1');
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(ring.dataset.secondsLeft).toBe('30');
    expect(screen.getByText('ring_next_code_in|30')).toBeTruthy();
  });

  it('uses the measured skew: a computer 10 s behind AWS sees the phone 10 s later in the step', () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1, 0, 0, 5));
    render(<CodeRing skewMs={10_000} />);
    expect(screen.getByTestId('code-ring').dataset.secondsLeft).toBe('15');
  });
});
