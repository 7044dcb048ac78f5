import { IAMClient, ListMFADevicesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import {
  endpointRefusal,
  homeRegion,
  PARTITIONS,
  resolveEndpoints,
  UnsupportedEndpointError,
  type EndpointRefusal,
  type Partition,
} from './partitions';

// partitions.ts against the SDK's own, unmodified endpoint resolvers (the node build of
// @aws-sdk/client-iam and client-sts from node_modules; build/explicit-endpoints-plugin.ts, which
// replaces them in the browser build, is not involved). The resolver is what a client built
// without an endpoint uses: `config.endpointProvider`, fed the parameters the rule sets read
// (Region, UseFIPS, UseDualStack; STS also UseGlobalEndpoint, false: the extension calls the
// regional STS). When an SDK update moves, adds or drops a host, a test here fails.

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

interface Combo {
  partition: Partition;
  fips: boolean;
  dualStack: boolean;
}
const COMBOS: Combo[] = PARTITIONS.flatMap((partition) =>
  [false, true].flatMap((fips) => [false, true].map((dualStack) => ({ partition, fips, dualStack }))),
);
const label = (c: Combo) => `${c.partition}${c.fips ? ' FIPS' : ''}${c.dualStack ? ' dual-stack' : ''}`;

interface SdkAnswer {
  url: string;
  /** From the rule set's sigv4 auth scheme; absent means "the client's region" (all of STS). */
  signingRegion: string | undefined;
}

function sdkEndpoint(service: 'iam' | 'sts', c: Combo): SdkAnswer {
  const params = { Region: homeRegion(c.partition), UseFIPS: c.fips, UseDualStack: c.dualStack };
  const endpoint =
    service === 'iam'
      ? new IAMClient({ region: params.Region }).config.endpointProvider(params)
      : new STSClient({ region: params.Region }).config.endpointProvider({ ...params, UseGlobalEndpoint: false });
  const schemes = endpoint.properties?.['authSchemes'] as Array<{ signingRegion?: string }> | undefined;
  return { url: endpoint.url.href.replace(/\/$/, ''), signingRegion: schemes?.[0]?.signingRegion };
}

/**
 * What we refuse, and what the SDK says for it at the same time. The SDK's answer is pinned too: if
 * it starts to reject these (or moves them), the decision in partitions.ts must be looked at again.
 */
const REFUSED: ReadonlyArray<{ combo: Combo; refusal: EndpointRefusal; sdkIam: string; sdkSts: string }> = [
  {
    // The STS host is the SDK's generic FIPS dual-stack template; AWS lists only the regular
    // dual-stack STS endpoint for GovCloud.
    combo: { partition: 'aws-us-gov', fips: true, dualStack: true },
    refusal: 'no-fips-dual-stack',
    sdkIam: 'https://iam.us-gov.api.aws',
    sdkSts: 'https://sts-fips.us-gov-west-1.api.aws',
  },
  {
    // AWS documents FIPS endpoints only for US and Canada Regions; the SDK still names one.
    combo: { partition: 'aws-cn', fips: true, dualStack: false },
    refusal: 'no-fips',
    sdkIam: 'https://iam-fips.amazonaws.com.cn',
    sdkSts: 'https://sts-fips.cn-north-1.amazonaws.com.cn',
  },
  {
    combo: { partition: 'aws-cn', fips: true, dualStack: true },
    refusal: 'no-fips',
    sdkIam: 'https://iam-fips.api.amazonwebservices.com.cn',
    sdkSts: 'https://sts-fips.cn-north-1.api.amazonwebservices.com.cn',
  },
];
const refusedEntry = (c: Combo) =>
  REFUSED.find(
    (r) => r.combo.partition === c.partition && r.combo.fips === c.fips && r.combo.dualStack === c.dualStack,
  );

describe('endpoints match the SDK resolvers', () => {
  it('covers all 12 combinations, 3 of them refused', () => {
    expect(COMBOS).toHaveLength(12);
    expect(COMBOS.filter((c) => endpointRefusal(c) !== undefined).map(label)).toEqual(
      REFUSED.map((r) => label(r.combo)),
    );
  });

  it.each(COMBOS.filter((c) => !refusedEntry(c)).map((c) => [label(c), c] as const))(
    '%s: the same IAM and STS URLs and signing region as the SDK',
    (_name, combo) => {
      const ours = resolveEndpoints(combo);
      const iam = sdkEndpoint('iam', combo);
      const sts = sdkEndpoint('sts', combo);
      expect(ours.iam).toBe(iam.url);
      expect(ours.sts).toBe(sts.url);
      // IAM's global endpoint names its signing region; STS signs with the region it was asked for.
      expect(ours.region).toBe(iam.signingRegion);
      expect(sts.signingRegion ?? homeRegion(combo.partition)).toBe(ours.region);
    },
  );

  it.each(REFUSED.map((r) => [label(r.combo), r] as const))('%s: refused by us, and what the SDK says', (_name, r) => {
    expect(endpointRefusal(r.combo)).toBe(r.refusal);
    expect(() => resolveEndpoints(r.combo)).toThrow(UnsupportedEndpointError);
    try {
      resolveEndpoints(r.combo);
    } catch (error) {
      expect(error).toMatchObject({
        name: 'UnsupportedEndpointError',
        partition: r.combo.partition,
        refusal: r.refusal,
      });
    }
    expect(sdkEndpoint('iam', r.combo).url).toBe(r.sdkIam);
    expect(sdkEndpoint('sts', r.combo).url).toBe(r.sdkSts);
  });

  it('an override is never refused and signs as the partition home region', () => {
    for (const combo of COMBOS) {
      expect(resolveEndpoints({ ...combo, override: 'https://gw.example.com/' })).toEqual({
        iam: 'https://gw.example.com',
        sts: 'https://gw.example.com',
        region: homeRegion(combo.partition),
      });
    }
  });
});

// ---- SigV4 credential scope from a real signed request ----

const SENTINEL = 'stopped before the network';
/** A transport that fails the test if anything reaches it. */
const NO_NETWORK = {
  handle: async () => {
    throw new Error('a request reached the transport');
  },
};

type Signable = Pick<IAMClient, 'middlewareStack'>;

/** Captures the signed request's credential scope right after signing, then stops the call. */
async function credentialScope(
  client: Signable,
  send: () => Promise<unknown>,
): Promise<{ host: string; scope: string }> {
  let captured: { host: string; scope: string } | undefined;
  client.middlewareStack.addRelativeTo(
    () => async (args: { request: unknown }) => {
      const request = args.request as { hostname: string; headers: Record<string, string> };
      const scope = /Credential=[^/]+\/([^,]+),/.exec(request.headers['authorization'] ?? '')?.[1] ?? '';
      captured = { host: request.hostname, scope };
      throw new Error(SENTINEL);
    },
    { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'captureSignedRequest' },
  );
  await expect(send()).rejects.toThrow(SENTINEL);
  if (!captured) throw new Error('nothing was signed');
  return captured;
}

const scopeOf = (region: string, service: string) => new RegExp(`^\\d{8}/${region}/${service}/aws4_request$`);

describe('SigV4 signing region, from requests signed by real clients (nothing sent)', () => {
  it.each(COMBOS.filter((c) => !refusedEntry(c)).map((c) => [label(c), c] as const))(
    '%s: the SDK signs IAM and STS as our region, on our hosts',
    async (_name, combo) => {
      const ours = resolveEndpoints(combo);
      const config = {
        region: homeRegion(combo.partition),
        useFipsEndpoint: combo.fips,
        useDualstackEndpoint: combo.dualStack,
        credentials: CREDENTIALS,
        maxAttempts: 1,
        requestHandler: NO_NETWORK,
      };
      const iam = new IAMClient(config);
      const sts = new STSClient(config);
      const iamSigned = await credentialScope(iam, () => iam.send(new ListMFADevicesCommand({})));
      const stsSigned = await credentialScope(sts, () => sts.send(new GetCallerIdentityCommand({})));
      expect(`https://${iamSigned.host}`).toBe(ours.iam);
      expect(`https://${stsSigned.host}`).toBe(ours.sts);
      expect(iamSigned.scope).toMatch(scopeOf(ours.region, 'iam'));
      expect(stsSigned.scope).toMatch(scopeOf(ours.region, 'sts'));
    },
  );

  it("the extension's own way (explicit endpoint + region) signs with the same scope", async () => {
    for (const combo of COMBOS.filter((c) => !refusedEntry(c))) {
      const ours = resolveEndpoints(combo);
      const config = { region: ours.region, credentials: CREDENTIALS, maxAttempts: 1, requestHandler: NO_NETWORK };
      const iam = new IAMClient({ ...config, endpoint: ours.iam });
      const sts = new STSClient({ ...config, endpoint: ours.sts });
      expect((await credentialScope(iam, () => iam.send(new ListMFADevicesCommand({})))).scope).toMatch(
        scopeOf(ours.region, 'iam'),
      );
      expect((await credentialScope(sts, () => sts.send(new GetCallerIdentityCommand({})))).scope).toMatch(
        scopeOf(ours.region, 'sts'),
      );
    }
  });
});
