// IAM is a global service per partition; STS is called on the partition's home region.
// Hosts here must match manifest.json host_permissions, or the worker's fetch is blocked.
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

interface PartitionHosts {
  region: string;
  iam: string;
  sts: string;
  iamFips?: string;
  stsFips?: string;
  iamDualStack?: string;
  stsDualStack?: string;
}

const HOSTS: Readonly<Record<Partition, PartitionHosts>> = {
  aws: {
    region: 'us-east-1',
    iam: 'iam.amazonaws.com',
    sts: 'sts.us-east-1.amazonaws.com',
    iamFips: 'iam-fips.amazonaws.com',
    stsFips: 'sts-fips.us-east-1.amazonaws.com',
    iamDualStack: 'iam.global.api.aws',
    stsDualStack: 'sts.us-east-1.api.aws',
  },
  'aws-us-gov': {
    region: 'us-gov-west-1',
    iam: 'iam.us-gov.amazonaws.com',
    sts: 'sts.us-gov-west-1.amazonaws.com',
  },
  'aws-cn': {
    region: 'cn-north-1',
    iam: 'iam.cn-north-1.amazonaws.com.cn',
    sts: 'sts.cn-north-1.amazonaws.com.cn',
  },
};

export function isPartition(value: string): value is Partition {
  return (PARTITIONS as readonly string[]).includes(value);
}

export function resolveEndpoints(choice: EndpointChoice): ResolvedEndpoints {
  const hosts = HOSTS[choice.partition];
  if (choice.override) {
    const base = choice.override.replace(/\/+$/, '');
    return { iam: base, sts: base, region: hosts.region };
  }
  // FIPS wins over dual-stack where a partition has both; partitions without either variant fall
  // back to the standard hosts rather than inventing hostnames that do not exist.
  const iam = (choice.fips && hosts.iamFips) || (choice.dualStack && hosts.iamDualStack) || hosts.iam;
  const sts = (choice.fips && hosts.stsFips) || (choice.dualStack && hosts.stsDualStack) || hosts.sts;
  return { iam: `https://${iam}`, sts: `https://${sts}`, region: hosts.region };
}
