import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { resolveEndpoints, type EndpointChoice } from '../src/shared/partitions';
import { recordServerDate } from './clock-skew';
import type { AwsSecret } from './vault';

// Clients are built per call from the vault record: the worker can be stopped between calls, and a
// client holding credentials in a module variable would outlive a lock.

/** Every request gets this long before it counts as a timeout (the SDK default is unbounded). */
const REQUEST_TIMEOUT_MS = 15_000;

export interface ClientOptions {
  /** false for ResyncMFADevice: codes are single-use and a retried resync burns the pair. */
  retries: boolean;
}

interface HttpResponseLike {
  headers?: Record<string, string | undefined>;
}

function commonConfig(secret: AwsSecret, region: string, endpoint: string, options: ClientOptions) {
  return {
    region,
    endpoint,
    credentials: { ...secret },
    maxAttempts: options.retries ? 3 : 1,
    // The SDK's default, stated so the build can leave adaptive retry out (build/unreachable-sdk-fallbacks-plugin.ts).
    // Stryker disable next-line StringLiteral: equivalent — the SDK picks adaptive only for 'adaptive', so '' is standard too
    retryMode: 'standard',
    requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS },
  };
}

type MiddlewareClient = Pick<IAMClient, 'middlewareStack'> | Pick<STSClient, 'middlewareStack'>;

/**
 * Reads the HTTP Date header of every response (errors included) so the popup can warn about a
 * skewed computer clock. It sits inside the deserializer (step 'deserialize', low priority), where
 * the raw response is still visible.
 */
function measureClockSkew(client: MiddlewareClient): void {
  (client as Pick<STSClient, 'middlewareStack'>).middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      // Stryker disable next-line OptionalChaining: equivalent — the SDK's deserializer always hands on a response with headers
      const date = (result.response as HttpResponseLike | undefined)?.headers?.['date'];
      // Not awaited: the skew note is for the popup's banner, so it must neither hold up an answer
      // AWS has already given (one storage round trip) nor turn it into a failure if the write
      // fails. Storage takes this write before any read the worker sends after it.
      // Stryker disable next-line ConditionalExpression: equivalent — recordServerDate ignores what Date.parse cannot read
      if (date) recordServerDate(date).catch(() => undefined);
      return result;
    },
    {
      step: 'deserialize',
      // Stryker disable next-line StringLiteral: equivalent — added after the deserializer, it sits inside it at any priority
      priority: 'low',
      name: 'measureClockSkew',
    },
  );
}

export function stsClient(secret: AwsSecret, choice: EndpointChoice, options: ClientOptions): STSClient {
  const endpoints = resolveEndpoints(choice);
  const client = new STSClient(commonConfig(secret, endpoints.region, endpoints.sts, options));
  measureClockSkew(client);
  return client;
}

export function iamClient(secret: AwsSecret, choice: EndpointChoice, options: ClientOptions): IAMClient {
  const endpoints = resolveEndpoints(choice);
  const client = new IAMClient(commonConfig(secret, endpoints.region, endpoints.iam, options));
  measureClockSkew(client);
  return client;
}
