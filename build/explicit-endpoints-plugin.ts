import type { Plugin } from 'vite';

// The extension always gives the SDK an explicit endpoint (src/shared/partitions.ts picks the host
// per partition, FIPS and dual-stack, or the override). The clients' rule-set resolvers, with AWS's
// partition table, only ever take their "custom endpoint" branch here, so they are replaced by that
// branch alone: ~11 KB minified of rules that could never apply. Without an endpoint it refuses
// loudly rather than guessing a host.
const RESOLVER = /[\\/]@aws-sdk[\\/]client-(iam|sts)[\\/]dist-es[\\/]endpoint[\\/]endpointResolver\.js$/;

const EXPLICIT_ONLY = `
export const defaultEndpointResolver = (endpointParams) => {
  if (typeof endpointParams.Endpoint !== "string") {
    throw new Error("MFA Resync Assistant passes an explicit IAM/STS endpoint for every call");
  }
  return { url: new URL(endpointParams.Endpoint) };
};
`;

export function explicitEndpointsOnly(): Plugin {
  return {
    name: 'explicit-endpoints-only',
    enforce: 'pre',
    load(id) {
      return RESOLVER.test(id) ? EXPLICIT_ONLY : null;
    },
  };
}
