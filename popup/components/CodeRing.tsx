import { secondsUntilNextCode, TOTP_PERIOD_S } from '../code-pair';
import { t } from '../../src/shared/i18n';
import { useNow } from '../use-now';

const RADIUS = 15;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * A 30-second ring showing when the authenticator's next code appears. Fixed size and tabular
 * digits so nothing around it moves while it ticks; not a live region, so screen readers are not
 * interrupted every second.
 */
export function CodeRing({ skewMs }: { skewMs: number | undefined }) {
  const now = useNow();
  const left = secondsUntilNextCode(now, skewMs ?? 0);
  return (
    <div class="ring" data-testid="code-ring" data-seconds-left={left}>
      <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
        <circle class="ring-track" cx="20" cy="20" r={RADIUS} />
        <circle
          class="ring-progress"
          cx="20"
          cy="20"
          r={RADIUS}
          stroke-dasharray={CIRCUMFERENCE}
          stroke-dashoffset={CIRCUMFERENCE * (1 - left / TOTP_PERIOD_S)}
        />
      </svg>
      <span class="ring-label">{t('ring_next_code_in', String(left))}</span>
    </div>
  );
}
