import { codeKey, t } from '../src/shared/i18n';
import type { Partition } from '../src/shared/partitions';
import type { EndpointTarget } from './endpoint-choice';

export const ENDPOINT_OFFER_ID = 'endpoint-offer';

/** What the chosen partition offers, and where requests go now (or why nothing is sent). */
export function EndpointSummary({ partition, target }: { partition: Partition; target: EndpointTarget }) {
  return (
    <div class="row" data-testid="endpoint-summary">
      <p class="hint" id={ENDPOINT_OFFER_ID} data-testid="endpoint-offer">
        {t(codeKey('options_endpoints_offer', partition))}
      </p>
      {target.kind === 'refused' ? (
        <p class="problem" role="alert" data-testid="endpoint-refused" data-refusal={target.refusal}>
          {t(codeKey('options_endpoint_refused', target.refusal))}
        </p>
      ) : (
        <p class="hint" data-testid="endpoint-target">
          {target.kind === 'aws'
            ? t('options_endpoints_target', [target.iamHost, target.stsHost])
            : t('options_endpoints_target_override', target.url)}
        </p>
      )}
    </div>
  );
}
