import { t } from '../../src/shared/i18n';

/** Past this, virtual-MFA codes computed on this machine can look wrong to AWS. */
export const SKEW_WARN_MS = 30_000;

export function SkewBanner({ skewMs }: { skewMs: number | undefined }) {
  if (skewMs === undefined || Math.abs(skewMs) <= SKEW_WARN_MS) return null;
  const seconds = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(Math.abs(skewMs) / 1000);
  return (
    <div class="notice notice-warn" role="status" data-testid="clock-skew">
      <strong>{t(skewMs > 0 ? 'skew_behind' : 'skew_ahead', seconds)}</strong>
      <p>{t('skew_next')}</p>
    </div>
  );
}
