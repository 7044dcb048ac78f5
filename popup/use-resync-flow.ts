import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { ext } from '../src/shared/browser';
import type { DeviceList, ErrorView, ResyncOutcome, StatusView } from '../src/shared/messages';
import { codesStillUsable } from './code-pair';
import { sendRequest } from './send-request';

const POLL_PENDING_MS = 1000;
/** How soon to ask again while the policy has not answered (background/settings-store.ts). */
const POLL_POLICY_MS = 400;

export function isRootArn(arn: string): boolean {
  return arn.endsWith(':root');
}

/** Holds the popup's view of the flow; the state of record lives in the background. */
export function useResyncFlow() {
  const [status, setStatus] = useState<StatusView | undefined>();
  const [devices, setDevices] = useState<DeviceList | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<ResyncOutcome | undefined>();
  const [error, setError] = useState<ErrorView | undefined>();
  const [busy, setBusy] = useState(false);
  /** A devices/list request is in flight. */
  const [listing, setListing] = useState(false);
  /** Codes IAM never checked (e.g. ExpiredToken): kept for the next attempt, even across a re-unlock. */
  const [usableCodes, setUsableCodes] = useState<[string, string] | undefined>();
  /** The pair the last success used, held in this popup only: the check refuses them up front. */
  const [usedCodes, setUsedCodes] = useState<[string, string] | undefined>();

  const fail = (failure: ErrorView) => {
    setError(failure);
    // The vault locked itself (idle, expiry) while the popup was open: back to the paste box.
    if (failure.code === 'Locked') setStatus((s) => (s ? { ...s, session: undefined } : s));
  };

  /** Shows a list, keeping the user's pick while it is listed, else the preferred or first resyncable device. */
  const showDevices = (list: DeviceList, preferredSerial: string | undefined) => {
    setDevices(list);
    const resyncable = list.devices.filter((d) => d.kind !== 'fido');
    const listed = (serial: string | undefined) => resyncable.find((d) => d.serialNumber === serial)?.serialNumber;
    setSelected((current) => listed(current) ?? listed(preferredSerial) ?? resyncable[0]?.serialNumber);
  };

  const loadDevices = async (userName?: string, preferredSerial = status?.prefill?.hints.serialNumber) => {
    setListing(true);
    const reply = await sendRequest({ type: 'devices/list', ...(userName ? { userName } : {}) });
    setListing(false);
    if (!reply.ok) return fail(reply.error);
    setError(undefined);
    showDevices(reply.value, preferredSerial);
    // Listing pushed the idle lock back; show the new countdown.
    void refreshStatus();
  };

  const refreshStatus = async () => {
    const reply = await sendRequest({ type: 'vault/status' });
    if (!reply.ok) {
      setError(reply.error);
      return undefined;
    }
    setStatus(reply.value);
    return reply.value;
  };

  // A layout effect, not useEffect: Preact runs plain effects only after the next frame, and the
  // popup can show nothing useful before the background's answer; asking at once saves that frame.
  useLayoutEffect(() => {
    // The open port tells the background a popup is showing, so it skips the notification.
    const port = ext.runtime.connect({ name: 'popup' });
    void (async () => {
      const current = await refreshStatus();
      // An outcome the background finished while the popup was closed.
      if (current?.lastOutcome) setOutcome(current.lastOutcome);
      // A record kept only for the check after a success cannot list devices.
      if (!current?.session || current.session.checkOnly || isRootArn(current.session.arn)) return;
      const { userName, serialNumber } = current.prefill?.hints ?? {};
      // This session's earlier list of the same user's devices: devices and code fields at once,
      // while IAM is asked again behind them.
      const earlier = current.devices;
      if (earlier && earlier.userName === (userName ?? current.session.userName)) showDevices(earlier, serialNumber);
      await loadDevices(userName, serialNumber);
    })();
    return () => port.disconnect();
  }, []);

  // The policy had not answered yet (just after a browser start): ask again until it has, so the
  // helpdesk and "Copy as AWS CLI" follow it; the popup itself is usable meanwhile.
  useEffect(() => {
    if (!status?.policyPending) return;
    const timer = setTimeout(() => void refreshStatus(), POLL_POLICY_MS);
    return () => clearTimeout(timer);
  }, [status]);

  // A resync still in flight (the popup was reopened meanwhile): follow it until it settles.
  useEffect(() => {
    if (outcome?.status !== 'pending') return;
    const timer = setInterval(async () => {
      const current = await refreshStatus();
      if (current?.lastOutcome?.attemptId === outcome.attemptId) setOutcome(current.lastOutcome);
    }, POLL_PENDING_MS);
    return () => clearInterval(timer);
  }, [outcome?.status, outcome?.attemptId]);

  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await work();
    } finally {
      setBusy(false);
    }
  };

  const unlock = (paste: string, profile?: string) =>
    run(async () => {
      const reply = await sendRequest({ type: 'vault/unlock', paste, ...(profile ? { profile } : {}) });
      if (!reply.ok) {
        setError(reply.error);
        return false;
      }
      setError(undefined);
      setOutcome(undefined);
      setStatus((s) => ({ ...s, session: reply.value }));
      // The unlock waited for the policy, so the background knows it now: no need to wait for the poll.
      if (status?.policyPending) void refreshStatus();
      // The root user has no IAM user name and its MFA cannot be resynced via the API.
      if (!isRootArn(reply.value.arn)) await loadDevices(status?.prefill?.hints.userName);
      return true;
    });

  const elevate = (serialNumber: string, tokenCode: string) =>
    run(async () => {
      const reply = await sendRequest({ type: 'vault/elevate', serialNumber, tokenCode });
      if (!reply.ok) {
        fail(reply.error);
        return false;
      }
      setError(undefined);
      setStatus((s) => ({ ...s, session: reply.value }));
      return true;
    });

  const lock = async () => {
    const reply = await sendRequest({ type: 'vault/lock' });
    setDevices(undefined);
    setSelected(undefined);
    if (reply.ok) setStatus(reply.value);
  };

  const resync = (code1: string, code2: string, keepSession: boolean) =>
    run(async (): Promise<ResyncOutcome | undefined> => {
      const device = devices?.devices.find((d) => d.serialNumber === selected);
      if (!device) return undefined;
      const reply = await sendRequest({
        type: 'resync/start',
        attemptId: crypto.randomUUID(),
        userName: device.userName,
        serialNumber: device.serialNumber,
        code1,
        code2,
        keepSession,
      });
      if (!reply.ok) {
        fail(reply.error);
        return undefined;
      }
      setError(undefined);
      setOutcome(reply.value);
      setUsableCodes(codesStillUsable(reply.value) ? [code1, code2] : undefined);
      setUsedCodes(reply.value.status === 'succeeded' ? [code1, code2] : undefined);
      if (reply.value.error?.code === 'Locked') fail(reply.value.error);
      const after = await refreshStatus();
      if (!after?.session) setDevices(undefined);
      return reply.value;
    });

  return {
    status,
    devices,
    usableCodes,
    usedCodes,
    selected,
    outcome,
    error,
    busy,
    listing,
    setSelected,
    refreshStatus,
    loadDevices,
    unlock,
    elevate,
    lock,
    resync,
    setOutcome,
  };
}
