import { afterEach, describe, expect, it } from 'vitest';
import { installSandboxClock, SANDBOX_CLOCK_KEY, type SandboxClockSetting } from './test-clock';

// The sandbox build's clock against a fake WebExtension host: what Date answers, and where the
// alarms it converts end up on the real clock.

const RealDate = Date;
const T = Date.parse('2026-01-15T09:41:12.000Z');

function fakeHost(stored?: SandboxClockSetting) {
  const listeners: Array<(changes: Record<string, { newValue?: unknown }>, area: string) => void> = [];
  const alarms = new Map<string, number>();
  const host = {
    storage: {
      session: { get: async () => (stored ? { [SANDBOX_CLOCK_KEY]: stored } : {}) },
      onChanged: { addListener: (fn: (typeof listeners)[number]) => void listeners.push(fn) },
    },
    alarms: {
      create: (name: string, info: { when?: number }) => void alarms.set(name, info.when ?? -1),
      clear: async (name: string) => alarms.delete(name),
    },
  };
  const change = (setting: SandboxClockSetting, area = 'session') => {
    for (const fn of listeners) fn({ [SANDBOX_CLOCK_KEY]: { newValue: setting } }, area);
  };
  return { host, alarms, change };
}

afterEach(() => {
  globalThis.Date = RealDate;
});

describe('sandbox test clock', () => {
  it('stands still at frozenAt as soon as the stored setting is read: Date.now() and new Date()', async () => {
    await installSandboxClock(fakeHost({ offsetMs: 0, frozenAt: T }).host);
    expect(Date.now()).toBe(T);
    expect(new Date().toISOString()).toBe('2026-01-15T09:41:12.000Z');
    // A given time is still that time, and parsing is the real Date's.
    expect(new Date(0).getTime()).toBe(0);
    expect(Date.parse('2026-01-15T09:41:12.000Z')).toBe(T);
    expect(new Date() instanceof RealDate).toBe(true);
  });

  it('follows a change of the setting in storage.session, and only there', async () => {
    const { host, change } = fakeHost();
    await installSandboxClock(host);
    expect(Math.abs(Date.now() - RealDate.now())).toBeLessThan(1_000);
    change({ offsetMs: 0, frozenAt: T }, 'local');
    expect(Math.abs(Date.now() - RealDate.now())).toBeLessThan(1_000);
    change({ offsetMs: 60_000 });
    expect(Date.now() - RealDate.now()).toBeGreaterThan(59_000);
    change({ offsetMs: 0, frozenAt: T });
    expect(Date.now()).toBe(T);
  });

  it('arms an alarm for a fake time at the matching real time, and re-arms it when the clock jumps', async () => {
    const { host, alarms, change } = fakeHost({ offsetMs: 0, frozenAt: T });
    await installSandboxClock(host);
    // Frozen: "in 15 minutes" is 15 real minutes away, not in the past of the real clock.
    await host.alarms.create('idle', { when: T + 15 * 60_000 });
    expect((alarms.get('idle') ?? 0) - RealDate.now()).toBeGreaterThan(14 * 60_000);
    // Back to real time and 30 s ahead: an alarm due in 31 fake seconds is 1 real second away.
    change({ offsetMs: 0 });
    await host.alarms.create('sweep', { when: Date.now() + 31_000 });
    change({ offsetMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const left = (alarms.get('sweep') ?? 0) - RealDate.now();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(1_000);
    // A cleared alarm stays cleared.
    await host.alarms.clear('sweep');
    change({ offsetMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(alarms.has('sweep')).toBe(false);
  });
});
