import type { DeviceView } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';
import { shortSerial } from '../../src/shared/serial-kind';

interface Props {
  devices: DeviceView[];
  selected: string | undefined;
  onSelect: (serialNumber: string) => void;
  /** The list shown is this session's earlier one while IAM is asked again (aria-busy). */
  refreshing: boolean;
}

/** The user's MFA devices; FIDO keys are shown but cannot be picked, because IAM cannot resync them. */
export function DevicePicker({ devices, selected, onSelect, refreshing }: Props) {
  if (devices.length === 0)
    return (
      <p class="notice" data-testid="no-devices" aria-busy={refreshing}>
        {t('no_devices')}
      </p>
    );
  return (
    <fieldset class="devices" data-testid="devices" aria-busy={refreshing}>
      <legend>{t('device_legend')}</legend>
      {devices.map((device) => {
        const resyncable = device.kind !== 'fido';
        const id = `device-${device.serialNumber}`;
        return (
          <div class={`device${resyncable ? '' : ' disabled'}`} key={device.serialNumber}>
            <input
              type="radio"
              name="device"
              id={id}
              value={device.serialNumber}
              disabled={!resyncable}
              checked={selected === device.serialNumber}
              onChange={() => onSelect(device.serialNumber)}
              aria-describedby={resyncable ? undefined : `${id}-why`}
            />
            <label for={id}>
              <span class="serial">{shortSerial(device.serialNumber)}</span>
              <span class={`badge badge-${device.kind}`}>{t(`device_kind_${device.kind}`)}</span>
            </label>
            {!resyncable && (
              <p class="hint" id={`${id}-why`}>
                {t('device_fido_why')}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
