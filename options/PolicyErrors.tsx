import type { PolicyError } from '../src/shared/policy';
import { t } from '../src/shared/i18n';

/**
 * What in the organization's policy could not be used. Shown rather than swallowed: an admin (or a
 * user on the phone with one) must be able to see that a setting they deployed is not in effect.
 */
export function PolicyErrors({ errors }: { errors: readonly PolicyError[] }) {
  if (errors.length === 0) return null;
  return (
    <section class="policy-errors" role="alert" data-testid="policy-errors">
      <h2>{t('policy_errors_title')}</h2>
      <p>{t('policy_errors_intro')}</p>
      <ul>
        {errors.map((error) => (
          <li
            key={`${error.key}:${error.problem}`}
            data-testid="policy-error"
            data-key={error.key}
            data-problem={error.problem}
          >
            <code>{error.key}</code> {t(`policy_problem_${error.problem.replaceAll('-', '_')}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
