import { useState } from 'preact/hooks';
import type { DeviceView } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';
import { shortSerial } from '../../src/shared/serial-kind';

interface Props {
  devices: DeviceView[];
  busy: boolean;
  onElevate: (serialNumber: string, tokenCode: string) => Promise<boolean>;
}

/**
 * For users whose policy requires MFA for IAM calls: a code from a device that still works buys an
 * MFA session (GetSessionToken), which then resyncs the drifted device.
 */
export function SecondDeviceForm({ devices, busy, onElevate }: Props) {
  const usable = devices.filter((d) => d.kind !== 'fido');
  const [open, setOpen] = useState(false);
  const [serial, setSerial] = useState(usable[0]?.serialNumber ?? '');
  const [code, setCode] = useState('');
  if (usable.length < 2) return null;
  if (!open) {
    return (
      <button type="button" class="link" data-testid="use-second-device" onClick={() => setOpen(true)}>
        {t('second_device_open')}
      </button>
    );
  }
  return (
    <form
      class="card second-device"
      onSubmit={async (event) => {
        event.preventDefault();
        if (await onElevate(serial, code)) setOpen(false);
        setCode('');
      }}
    >
      <p class="hint">{t('second_device_hint')}</p>
      <label for="elevate-device">{t('second_device_label')}</label>
      <select
        id="elevate-device"
        data-testid="elevate-device"
        value={serial}
        onChange={(e) => setSerial(e.currentTarget.value)}
      >
        {usable.map((d) => (
          <option key={d.serialNumber} value={d.serialNumber}>
            {shortSerial(d.serialNumber)}
          </option>
        ))}
      </select>
      <label for="elevate-code">{t('second_device_code')}</label>
      <input
        id="elevate-code"
        data-testid="elevate-code"
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={7}
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <button type="submit" class="primary" data-testid="elevate" disabled={busy}>
        {t('second_device_submit')}
      </button>
    </form>
  );
}
