// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CodesForm } from './CodesForm';
import { CopyAsCli } from '../lazy-views';

// The popup's "Copy as AWS CLI" takes the endpoint settings from vault/status (CodesForm's
// `endpoints`) with the session's partition. i18n returns the key.
vi.mock('../../src/shared/browser', () => ({
  ext: { i18n: { getMessage: (key: string) => key } },
}));

const device = { userName: 'alice', serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone' };

async function renderCli(
  partition: 'aws' | 'aws-cn' | 'aws-us-gov',
  endpoints?: { fips: boolean; dualStack: boolean; override?: string },
): Promise<void> {
  render(
    <CodesForm
      busy={false}
      device={device}
      partition={partition}
      {...(endpoints ? { endpoints } : {})}
      showCli
      canKeepSession={false}
      initialCodes={undefined}
      skewMs={0}
      onResync={vi.fn(async () => undefined)}
    />,
  );
  // The CLI copy loads on demand (popup/lazy-views.ts), a moment after the form.
  await waitFor(() =>
    expect(document.querySelector('[data-testid="cli-command"], [data-testid="cli-endpoint-refused"]')).not.toBeNull(),
  );
}

// The on-demand chunk holds every lazy view; transforming it for the first time takes vitest longer
// than a test waits for an element, so it is loaded once up front (the built popup fetches one file).
beforeAll(async () => {
  await CopyAsCli.preload();
});
afterEach(cleanup);

describe('CopyAsCli in the codes form', () => {
  it('uses the effective FIPS + dual-stack host of the session partition', async () => {
    await renderCli('aws', { fips: true, dualStack: true });
    expect(screen.getByTestId('cli-command').textContent).toContain(
      '--endpoint-url https://iam-fips.global.api.aws \\\n  --region us-east-1',
    );
  });

  it('uses the override, as the extension does', async () => {
    await renderCli('aws-us-gov', { fips: false, dualStack: false, override: 'https://iam-gw.corp.example' });
    expect(screen.getByTestId('cli-command').textContent).toContain(
      '--endpoint-url https://iam-gw.corp.example \\\n  --region us-gov-west-1',
    );
  });

  it('without endpoint settings (policy not read yet) shows the standard call', async () => {
    await renderCli('aws');
    expect(screen.getByTestId('cli-command').textContent).not.toContain('--endpoint-url');
  });

  it('offers no command for a refused combination, and says why', async () => {
    await renderCli('aws-cn', { fips: true, dualStack: false });
    expect(screen.queryByTestId('cli-command')).toBeNull();
    expect(screen.getByTestId('cli-endpoint-refused').textContent).toBe('error_EndpointUnsupported_next');
  });
});
