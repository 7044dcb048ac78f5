// IAM is a global service per partition; STS is called on the partition's home region.
// Hosts here must match manifest.json host_permissions, or the worker's fetch is blocked.
//
// The release build replaces the SDK's endpoint rule sets (build/explicit-endpoints-plugin.ts), so
// this table alone decides where a request goes. partitions.sdk.test.ts compares every entry with
// the unmodified SDK resolvers of @aws-sdk/client-iam and client-sts, refusals included: when the
// SDK moves or adds a host, that test fails.
export const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type Partition = (typeof PARTITIONS)[number];

export interface EndpointChoice {
  partition: Partition;
  fips?: boolean;
  dualStack?: boolean;
  /** One base URL that serves both IAM and STS (sandbox, tests, a private gateway). */
  override?: string;
}

export interface ResolvedEndpoints {
  iam: string;
  sts: string;
  /** The region SigV4 signs with; IAM's global endpoint signs as the partition's home region. */
  region: string;
}

export const ENDPOINT_VARIANTS = ['standard', 'fips', 'dualStack', 'fipsDualStack'] as const;
export type EndpointVariant = (typeof ENDPOINT_VARIANTS)[number];

/**
 * Why a variant is not offered, named for what the partition lacks. Each names an i18n message
 * `options_endpoint_refused_<refusal>` (dashes become underscores).
 */
export type EndpointRefusal = 'no-fips' | 'no-fips-dual-stack';

interface Hosts {
  iam: string;
  sts: string;
}

type VariantTable = Readonly<Record<EndpointVariant, Hosts | EndpointRefusal>>;

// Sources, per entry (AWS documentation; read 2026-12):
// - IAM endpoints and quotas (docs.aws.amazon.com/general/latest/gr/iam-service.html): iam.amazonaws.com
//   and iam-fips.amazonaws.com in aws.
// - STS endpoints and quotas (docs.aws.amazon.com/general/latest/gr/sts.html): sts[-fips].us-east-1.
// - IAM User Guide, "Dual-stack endpoint support" (…/IAM/latest/UserGuide/reference_dual-stack_endpoint_support.html,
//   and its docs.amazonaws.cn twin): IAM dual-stack iam.global.api.aws (aws) and
//   iam.global.api.amazonwebservices.com.cn (aws-cn); STS dual-stack sts.<region>.api.aws and, in
//   commercial regions only, sts-fips.<region>.api.aws; GovCloud lists only the regular dual-stack
//   STS endpoint; China sts.<region>.api.amazonwebservices.com.cn; "FIPS endpoints are only
//   available in US and Canada Regions".
// - GovCloud: the SDK's FIPS variant of IAM and STS is the standard host itself (GovCloud's
//   standard endpoints are its FIPS endpoints; botocore's endpoints.json says the same).
// - Named only by the SDK's own IAM rule set (explicit entries, not a template), and not
//   contradicted by the documentation: iam-fips.amazonaws.com, iam.us-gov.api.aws.
// Refused, although the SDK builds a host: aws-cn FIPS (iam-fips.amazonaws.com.cn,
// sts-fips.cn-north-1.amazonaws.com.cn: no FIPS in China) and GovCloud FIPS + dual-stack
// (sts-fips.us-gov-west-1.api.aws comes from the SDK's generic template; AWS documents no FIPS
// dual-stack endpoint in GovCloud).
const PARTITION_ENDPOINTS: Readonly<Record<Partition, { region: string; variants: VariantTable }>> = {
  aws: {
    region: 'us-east-1',
    variants: {
      standard: { iam: 'iam.amazonaws.com', sts: 'sts.us-east-1.amazonaws.com' },
      fips: { iam: 'iam-fips.amazonaws.com', sts: 'sts-fips.us-east-1.amazonaws.com' },
      dualStack: { iam: 'iam.global.api.aws', sts: 'sts.us-east-1.api.aws' },
      fipsDualStack: { iam: 'iam-fips.global.api.aws', sts: 'sts-fips.us-east-1.api.aws' },
    },
  },
  'aws-us-gov': {
    region: 'us-gov-west-1',
    variants: {
      standard: { iam: 'iam.us-gov.amazonaws.com', sts: 'sts.us-gov-west-1.amazonaws.com' },
      fips: { iam: 'iam.us-gov.amazonaws.com', sts: 'sts.us-gov-west-1.amazonaws.com' },
      dualStack: { iam: 'iam.us-gov.api.aws', sts: 'sts.us-gov-west-1.api.aws' },
      fipsDualStack: 'no-fips-dual-stack',
    },
  },
  'aws-cn': {
    region: 'cn-north-1',
    variants: {
      standard: { iam: 'iam.cn-north-1.amazonaws.com.cn', sts: 'sts.cn-north-1.amazonaws.com.cn' },
      fips: 'no-fips',
      dualStack: { iam: 'iam.global.api.amazonwebservices.com.cn', sts: 'sts.cn-north-1.api.amazonwebservices.com.cn' },
      fipsDualStack: 'no-fips',
    },
  },
};

/** Thrown instead of sending a request to a host other than the one asked for. */
export class UnsupportedEndpointError extends Error {
  override readonly name = 'UnsupportedEndpointError';
  constructor(
    readonly partition: Partition,
    readonly refusal: EndpointRefusal,
  ) {
    super(`${partition} has no ${refusal === 'no-fips' ? 'FIPS' : 'FIPS dual-stack'} IAM/STS endpoints`);
  }
}

export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

export function homeRegion(partition: Partition): string {
  return PARTITION_ENDPOINTS[partition].region;
}

export function variantOf(choice: Pick<EndpointChoice, 'fips' | 'dualStack'>): EndpointVariant {
  if (choice.fips) return choice.dualStack ? 'fipsDualStack' : 'fips';
  return choice.dualStack ? 'dualStack' : 'standard';
}

/**
 * Why this choice cannot be served, or undefined when it can. An override is one URL chosen by
 * the user or the admin: FIPS and dual-stack do not apply to it, so it is never refused here.
 */
export function endpointRefusal(choice: EndpointChoice): EndpointRefusal | undefined {
  if (choice.override) return undefined;
  const hosts = PARTITION_ENDPOINTS[choice.partition].variants[variantOf(choice)];
  return typeof hosts === 'string' ? hosts : undefined;
}

/** Where each request goes; throws UnsupportedEndpointError for a variant the partition lacks. */
export function resolveEndpoints(choice: EndpointChoice): ResolvedEndpoints {
  const { region, variants } = PARTITION_ENDPOINTS[choice.partition];
  if (choice.override) {
    const base = choice.override.replace(/\/+$/, '');
    return { iam: base, sts: base, region };
  }
  const hosts = variants[variantOf(choice)];
  if (typeof hosts === 'string') throw new UnsupportedEndpointError(choice.partition, hosts);
  return { iam: `https://${hosts.iam}`, sts: `https://${hosts.sts}`, region };
}

/** Every AWS host some choice sends to (for the manifest check). */
export function allEndpointHosts(): string[] {
  const hosts = PARTITIONS.flatMap((partition) =>
    Object.values(PARTITION_ENDPOINTS[partition].variants).flatMap((entry) =>
      typeof entry === 'string' ? [] : [entry.iam, entry.sts],
    ),
  );
  return [...new Set(hosts)];
}
