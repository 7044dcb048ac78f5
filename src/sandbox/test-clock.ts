// The sandbox build's test clock: the e2e harness can shift or stop the time the extension sees,
// so a test of "after 30 s" need not wait 30 s and a README screenshot shows the same countdowns
// every run. Only the sandbox build runs this module (build/sandbox-clock-plugin.ts imports it
// first in each extension context); the release build never contains it.
//
// The setting lives in storage.session under SANDBOX_CLOCK_KEY, written by the harness and read by
// every context: in memory only, gone when the browser quits, and never set outside a test.

export const SANDBOX_CLOCK_KEY = 'sandboxClock';

/** What the harness writes: fake time = real time + offsetMs, or frozenAt if set (time stands still). */
export interface SandboxClockSetting {
  offsetMs: number;
  frozenAt?: number;
}

interface StorageChange {
  newValue?: unknown;
}
interface AlarmInfo {
  when?: number;
  delayInMinutes?: number;
  periodInMinutes?: number;
}
/** The part of the WebExtension namespace this module touches (absent outside the extension). */
interface ClockHost {
  storage?: {
    session: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: { addListener(fn: (changes: Record<string, StorageChange>, area: string) => void): void };
  };
  alarms?: {
    create(name: string, info: AlarmInfo): Promise<void> | void;
    clear(name: string): Promise<boolean>;
  };
}

function isSetting(value: unknown): value is SandboxClockSetting {
  const v = value as SandboxClockSetting | undefined;
  return typeof v?.offsetMs === 'number' && (v.frozenAt === undefined || typeof v.frozenAt === 'number');
}

/** The time a setting means when the real clock reads `realNow` (the harness's sandbox uses it too). */
export const timeUnder = (setting: SandboxClockSetting, realNow: number): number =>
  setting.frozenAt ?? realNow + setting.offsetMs;

const RealDate = Date;
let setting: SandboxClockSetting = { offsetMs: 0 };
const fakeNow = (): number => timeUnder(setting, RealDate.now());

/** Date with the fake "now"; every other use (parsing, a given time, UTC) is the real Date's. */
class SandboxDate extends RealDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(fakeNow());
    else super(...(args as ConstructorParameters<DateConstructor>));
  }
  static override now(): number {
    return fakeNow();
  }
}

/**
 * alarms.create({ when }) takes a real time: converted from fake time here, and re-armed when the
 * clock changes, so an alarm set for "fake now + 30 s" fires when the fake clock gets there (at once
 * after the harness jumps ahead), not 30 real seconds later. While the clock is frozen an alarm for
 * "fake now + 15 min" is 15 real minutes away: the idle lock cannot fire mid-screenshot.
 */
function fakeTimeAlarms(alarms: NonNullable<ClockHost['alarms']>): () => void {
  const create = alarms.create.bind(alarms);
  const clear = alarms.clear.bind(alarms);
  const pending = new Map<string, AlarmInfo>();
  const arm = (name: string, info: AlarmInfo) => {
    if (info.when === undefined) return create(name, info);
    const real = info.when - (fakeNow() - RealDate.now());
    return create(name, { ...info, when: Math.max(real, RealDate.now() + 1) });
  };
  alarms.create = (name, info) => {
    if (info.when !== undefined && info.periodInMinutes === undefined) pending.set(name, info);
    else pending.delete(name);
    return arm(name, info);
  };
  alarms.clear = (name) => {
    pending.delete(name);
    return clear(name);
  };
  return () => {
    // An alarm that fired is gone, and firing deletes nothing here: re-arming it again would fire
    // it twice. Re-arm only what the browser still holds.
    for (const [name, info] of pending) {
      void (async () => {
        if ((await clear(name)) && pending.get(name) === info) await arm(name, info);
      })();
    }
  };
}

/** Installs the fake Date in this context and follows the harness's setting; resolves once read. */
export function installSandboxClock(host: ClockHost): Promise<void> {
  (globalThis as { Date: DateConstructor }).Date = SandboxDate as DateConstructor;
  const storage = host.storage;
  if (!storage) return Promise.resolve();
  const rearm = host.alarms ? fakeTimeAlarms(host.alarms) : () => undefined;
  const apply = (value: unknown) => {
    setting = isSetting(value) ? value : { offsetMs: 0 };
    rearm();
  };
  storage.onChanged.addListener((changes, area) => {
    const change = changes[SANDBOX_CLOCK_KEY];
    if (area === 'session' && change) apply(change.newValue);
  });
  return storage.session.get(SANDBOX_CLOCK_KEY).then(
    (stored) => apply(stored[SANDBOX_CLOCK_KEY]),
    // Content scripts and other contexts without storage.session access keep the real clock.
    () => undefined,
  );
}
