// Who is calling? Runs AWS's checks in AWS's order: signature syntax, credential scope, signing time,
// access key, session token, signature, then the IAM-only rule for sessions made without MFA.
import { authErrors, type AwsError } from './query-protocol/aws-error';
import type { AwsService } from './query-protocol/xml';
import type { SandboxState, SandboxUser } from './sandbox-state';
import { parseSignature, type HeaderLookup, type SignatureParts } from './sigv4-parse';
import { checkSignature, checkSigningTime } from './sigv4-verify';

export interface Principal {
  user: SandboxUser;
  accessKeyId: string;
  credentialKind: 'long-term' | 'session';
  mfaAuthenticated: boolean;
}

export interface RawAwsRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** node's rawHeaders: alternating name, value. */
  rawHeaders: readonly string[];
  body: Buffer;
}

export type AuthOutcome =
  | { ok: true; principal: Principal; service: AwsService; region: string }
  | { ok: false; error: AwsError; service: AwsService | null; accessKeyId: string | null; canonicalRequest?: string };

/** IAM is a global service signed for its partition's home region; STS has regional endpoints everywhere. */
const IAM_SIGNING_REGIONS = new Set(['us-east-1', 'us-gov-west-1', 'cn-north-1']);
const REGION_SHAPE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function headerLookup(rawHeaders: readonly string[]): HeaderLookup {
  return (wanted) => {
    const values: string[] = [];
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      if ((rawHeaders[i] ?? '').toLowerCase() === wanted) values.push(rawHeaders[i + 1] ?? '');
    }
    return values.length === 0 ? undefined : values.join(',');
  };
}

export function authenticate(
  request: RawAwsRequest,
  state: SandboxState,
  nowMs: number,
  serviceGuess: AwsService,
): AuthOutcome {
  const parsed = parseSignature(headerLookup(request.rawHeaders), new URLSearchParams(request.rawQuery));
  if (parsed.kind === 'missing') return fail(authErrors.missingAuthenticationToken(), null, null);
  if (parsed.kind === 'malformed') return fail(authErrors.incompleteSignature(parsed.message), null, null);
  const parts = parsed.parts;

  const scopeError = checkScope(parts, serviceGuess);
  if (scopeError) return fail(scopeError, null, parts.accessKeyId);
  const service = parts.service as AwsService;

  const timeError = checkSigningTime(parts, nowMs);
  if (timeError) return fail(timeError, service, parts.accessKeyId);

  const resolved = resolveCredential(parts, state, nowMs);
  if ('error' in resolved) return fail(resolved.error, service, parts.accessKeyId);

  const signature = checkSignature(request, parts, resolved.secretAccessKey);
  if (!signature.matches) {
    return {
      ok: false,
      error: authErrors.signatureDoesNotMatch(),
      service,
      accessKeyId: parts.accessKeyId,
      canonicalRequest: signature.canonicalRequest,
    };
  }

  // Real IAM refuses sessions from GetSessionToken without MFA with this very error, while STS
  // still serves them; that is why a locked-out user cannot reach IAM with such a session.
  if (service === 'iam' && resolved.principal.credentialKind === 'session' && !resolved.principal.mfaAuthenticated) {
    return fail(authErrors.invalidClientTokenId(), service, parts.accessKeyId);
  }
  return { ok: true, principal: resolved.principal, service, region: parts.region };
}

function fail(error: AwsError, service: AwsService | null, accessKeyId: string | null): AuthOutcome {
  return { ok: false, error, service, accessKeyId };
}

function checkScope(parts: SignatureParts, serviceGuess: AwsService): AwsError | null {
  if (!parts.signedHeaders.includes('host')) {
    return authErrors.signatureDoesNotMatch(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (parts.terminator !== 'aws4_request') {
    return authErrors.signatureDoesNotMatch(
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${parts.terminator}'.`,
    );
  }
  if (parts.service !== 'iam' && parts.service !== 'sts') {
    return authErrors.signatureDoesNotMatch(`Credential should be scoped to correct service: '${serviceGuess}'. `);
  }
  const regionOk = parts.service === 'iam' ? IAM_SIGNING_REGIONS.has(parts.region) : REGION_SHAPE.test(parts.region);
  if (!regionOk) {
    return authErrors.signatureDoesNotMatch(`Credential should be scoped to a valid region, not '${parts.region}'. `);
  }
  return null;
}

type Resolved = { principal: Principal; secretAccessKey: string } | { error: AwsError };

function resolveCredential(parts: SignatureParts, state: SandboxState, nowMs: number): Resolved {
  const longTerm = state.longTermKeys.get(parts.accessKeyId);
  if (longTerm) {
    const user = longTerm.root ? state.root : state.users.get(longTerm.userName);
    // A token sent with a long-term key does not belong to it.
    if (!user || parts.securityToken !== null) return { error: authErrors.invalidClientTokenId() };
    return {
      principal: { user, accessKeyId: longTerm.accessKeyId, credentialKind: 'long-term', mfaAuthenticated: false },
      secretAccessKey: longTerm.secretAccessKey,
    };
  }
  const session = state.sessions.get(parts.accessKeyId);
  const user = session ? state.users.get(session.userName) : undefined;
  if (!session || !user || parts.securityToken !== session.sessionToken) {
    return { error: authErrors.invalidClientTokenId() };
  }
  if (session.expiresAtMs <= nowMs) return { error: authErrors.expiredToken() };
  return {
    principal: {
      user,
      accessKeyId: session.accessKeyId,
      credentialKind: 'session',
      mfaAuthenticated: session.mfaAuthenticated,
    },
    secretAccessKey: session.secretAccessKey,
  };
}
