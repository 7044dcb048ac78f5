import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamClient, stsClient } from './aws-clients';

// build/unreachable-sdk-fallbacks-plugin.ts leaves the SDK's adaptive retry strategy out of the
// bundle on the grounds that every client is configured for standard retries; this holds the
// clients to that, with the real SDK resolving its config. The SDK's node build (which unit tests
// load) would take the mode from AWS_RETRY_MODE, so that asks for adaptive: the explicit setting wins.
const secret = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'not-a-real-secret' };

describe('IAM/STS clients', () => {
  beforeAll(() => {
    process.env.AWS_RETRY_MODE = 'adaptive';
  });
  afterAll(() => {
    delete process.env.AWS_RETRY_MODE;
  });

  for (const [label, make] of [
    ['IAM', iamClient],
    ['STS', stsClient],
  ] as const) {
    for (const retries of [true, false]) {
      it(`${label} with retries ${retries ? 'on' : 'off'} resolves the standard retry strategy`, async () => {
        const client = make(secret, { partition: 'aws' }, { retries });
        const strategy = (await client.config.retryStrategy()) as { mode?: string };
        expect(strategy.mode).toBe('standard');
        expect(await client.config.maxAttempts()).toBe(retries ? 3 : 1);
      });
    }
  }
});
