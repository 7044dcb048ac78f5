// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The options page's endpoint rows against a fake storage: a toggle the partition cannot serve is
// disabled, a refused combination that is stored anyway is shown as an alert (and stays undoable),
// and the page names the hosts the background will call. i18n returns the key and substitutions.
const store: { local: Record<string, unknown>; managed: Record<string, unknown> } = { local: {}, managed: {} };
type Listener = (changes: Record<string, unknown>, area: string) => void;
const listeners = new Set<Listener>();
vi.mock('../src/shared/browser', () => ({
  ext: {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) =>
        [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join('|'),
    },
    storage: {
      local: {
        get: async (key: string) => ({ [key]: store.local[key] }),
        set: async (items: Record<string, unknown>) => {
          Object.assign(store.local, items);
          for (const listener of listeners) listener(items, 'local');
        },
      },
      managed: { get: async () => store.managed },
      onChanged: {
        addListener: (listener: Listener) => listeners.add(listener),
        removeListener: (listener: Listener) => listeners.delete(listener),
      },
    },
  },
}));
(globalThis as unknown as { __SANDBOX_BUILD__: boolean }).__SANDBOX_BUILD__ = false;

const { OptionsPage } = await import('./OptionsPage');

async function show(settings: Record<string, unknown>, managed: Record<string, unknown> = {}) {
  store.local = { settings };
  store.managed = managed;
  render(<OptionsPage />);
  return waitFor(() => screen.getByTestId('endpoint-summary'));
}
const box = (id: string) => screen.getByTestId(id) as HTMLInputElement;

beforeEach(() => {
  store.local = {};
  store.managed = {};
});
afterEach(cleanup);

describe('options page: endpoints', () => {
  it('aws: both toggles usable, and FIPS + dual-stack names the FIPS dual-stack hosts', async () => {
    await show({ partition: 'aws', fips: true, dualStack: true });
    expect(box('option-fips').disabled).toBe(false);
    expect(box('option-dualStack').disabled).toBe(false);
    expect(screen.getByTestId('endpoint-offer').textContent).toBe('options_endpoints_offer_aws');
    expect(screen.getByTestId('endpoint-target').textContent).toBe(
      'options_endpoints_target|iam-fips.global.api.aws|sts-fips.us-east-1.api.aws',
    );
  });

  it('aws-cn: FIPS cannot be turned on, and says what China offers', async () => {
    await show({ partition: 'aws-cn', dualStack: true });
    expect(box('option-fips').disabled).toBe(true);
    expect(box('option-fips').getAttribute('aria-describedby')).toBe('endpoint-offer');
    expect(box('option-dualStack').disabled).toBe(false);
    expect(screen.getByTestId('endpoint-offer').textContent).toBe('options_endpoints_offer_aws_cn');
    expect(screen.getByTestId('endpoint-target').textContent).toBe(
      'options_endpoints_target|iam.global.api.amazonwebservices.com.cn|sts.cn-north-1.api.amazonwebservices.com.cn',
    );
  });

  it('aws-us-gov: with dual-stack on, FIPS is not offered; with FIPS on, dual-stack is not', async () => {
    await show({ partition: 'aws-us-gov', dualStack: true });
    expect(box('option-fips').disabled).toBe(true);
    cleanup();
    await show({ partition: 'aws-us-gov', fips: true });
    expect(box('option-dualStack').disabled).toBe(true);
    expect(screen.getByTestId('endpoint-target').textContent).toBe(
      'options_endpoints_target|iam.us-gov.amazonaws.com|sts.us-gov-west-1.amazonaws.com',
    );
  });

  it('a stored refused combination is an alert, and the toggle stays on and can be turned off', async () => {
    await show({ partition: 'aws-cn', fips: true });
    const alert = screen.getByTestId('endpoint-refused');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe('options_endpoint_refused_no_fips');
    expect(screen.queryByTestId('endpoint-target')).toBeNull();
    expect(box('option-fips').checked).toBe(true);
    expect(box('option-fips').disabled).toBe(false);
    const advanced = box('option-fips').closest('details');
    expect(advanced?.open).toBe(true);
    fireEvent.change(box('option-fips'), { target: { checked: false } });
    await waitFor(() => expect(store.local['settings']).toMatchObject({ fips: false }));
    // The page reloads with the fix: no alert any more, and the section stays open around the toggles.
    await waitFor(() => expect(screen.queryByTestId('endpoint-refused')).toBeNull());
    expect(screen.getByTestId('endpoint-target').textContent).toBe(
      'options_endpoints_target|iam.cn-north-1.amazonaws.com.cn|sts.cn-north-1.amazonaws.com.cn',
    );
    expect(box('option-fips').closest('details')?.open).toBe(true);
  });

  it('a policy asking for one: managed, refused, and listed as a policy error', async () => {
    await show({}, { partition: 'aws-us-gov', endpoints: { fips: true, dualStack: true } });
    expect(screen.getByTestId('endpoint-refused').textContent).toBe('options_endpoint_refused_no_fips_dual_stack');
    const errors = screen.getAllByTestId('policy-error').map((li) => li.getAttribute('data-problem'));
    expect(errors).toEqual(['endpoint-not-offered']);
    expect(box('option-fips').disabled).toBe(true);
  });

  it('an override replaces the AWS hosts, whatever FIPS says', async () => {
    await show({ partition: 'aws-cn', fips: true, endpointOverride: 'https://gw.example.com' });
    expect(screen.queryByTestId('endpoint-refused')).toBeNull();
    expect(screen.getByTestId('endpoint-target').textContent).toBe(
      'options_endpoints_target_override|https://gw.example.com',
    );
  });
});
