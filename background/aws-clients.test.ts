import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('what every client adds to the SDK defaults', () => {
  let server: Server;
  let url = '';
  let requests = 0;
  beforeAll(async () => {
    // Any quick answer will do: the handler resolves its settings on the first request.
    server = createServer((_, response) => {
      requests += 1;
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('gives every request 15 s before it counts as timed out (the SDK default waits forever)', async () => {
    const client = stsClient(secret, { partition: 'aws', override: url }, { retries: false });
    await expect(client.send(new GetCallerIdentityCommand({}))).rejects.toThrow();
    expect(requests).toBe(1);
    const handler = client.config.requestHandler as unknown as { httpHandlerConfigs(): { requestTimeout?: number } };
    expect(handler.httpHandlerConfigs().requestTimeout).toBe(15_000);
  });

  // Inside the deserialize step, where the raw HTTP response (and its Date header) is still there.
  it('reads the clock skew in the deserialize step, inside the deserializer', () => {
    for (const client of [
      iamClient(secret, { partition: 'aws' }, { retries: true }),
      stsClient(secret, { partition: 'aws' }, { retries: true }),
    ]) {
      const stack = client.middlewareStack.identify();
      expect(stack).toContain('measureClockSkew - deserialize');
      expect(stack.indexOf('measureClockSkew - deserialize')).toBeGreaterThan(
        stack.indexOf('deserializerMiddleware - deserialize'),
      );
    }
  });
});
