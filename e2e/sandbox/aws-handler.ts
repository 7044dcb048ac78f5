// The AWS endpoint: read the request, authenticate it, apply any injected fault, run the IAM or STS
// action, answer in Query-protocol XML, and log the call for tests.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionHandler } from './action-types';
import { authenticate, type Principal } from './authenticate';
import { injectedError } from './faults';
import { sendXml } from './http-responses';
import { IAM_ACTIONS } from './iam-actions';
import { AwsError, requestErrors } from './query-protocol/aws-error';
import { BodyTooLargeError, parseActionParams, readBody, splitTarget } from './query-protocol/request-params';
import { errorDocument, SERVICE_VERSIONS, successDocument, type AwsService } from './query-protocol/xml';
import { recordCall, type SandboxRuntime } from './sandbox-runtime';
import { STS_ACTIONS } from './sts-actions';

const ACTIONS: Record<AwsService, Readonly<Record<string, ActionHandler>>> = { iam: IAM_ACTIONS, sts: STS_ACTIONS };

/** Before authentication the service is only a guess, used for the error namespace. */
function guessService(action: string | undefined, version: string | undefined): AwsService {
  if (version === SERVICE_VERSIONS.sts || (action !== undefined && Object.hasOwn(STS_ACTIONS, action))) return 'sts';
  return 'iam';
}

function findHandler(service: AwsService, action: string | undefined, version: string | undefined): ActionHandler {
  if (action === undefined || action === '') throw requestErrors.missingAction();
  const handler = Object.hasOwn(ACTIONS[service], action) ? ACTIONS[service][action] : undefined;
  if (!handler || version !== SERVICE_VERSIONS[service]) throw requestErrors.invalidAction(action, version);
  return handler;
}

export async function handleAwsRequest(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: SandboxRuntime,
): Promise<void> {
  const requestId = randomUUID();
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const tooLarge = new AwsError('RequestEntityTooLarge', 413, 'Request body is too large.');
    sendXml(res, 413, errorDocument('iam', tooLarge, requestId), requestId, runtime.now());
    return;
  }
  const params = parseActionParams(rawQuery, body, req.headers['content-type']);
  const action = params.get('Action');
  const version = params.get('Version');
  const loggedParams = Object.fromEntries([...params].filter(([k]) => k !== 'Action' && k !== 'Version'));
  const base = { requestId, action: action ?? null, params: loggedParams };

  const auth = authenticate(
    { method: req.method ?? 'GET', rawPath, rawQuery, rawHeaders: req.rawHeaders, body },
    runtime.state,
    runtime.now(),
    guessService(action, version),
  );
  if (!auth.ok) {
    const service = auth.service ?? guessService(action, version);
    sendXml(res, auth.error.status, errorDocument(service, auth.error, requestId), requestId, runtime.now());
    recordCall(runtime, {
      ...base,
      service,
      caller: null,
      accessKeyId: auth.accessKeyId,
      status: auth.error.status,
      code: auth.error.code,
      ...(auth.canonicalRequest === undefined ? {} : { canonicalRequest: auth.canonicalRequest }),
    });
    return;
  }

  const { service, principal } = auth;
  const logged = { ...base, service, caller: principal.user.arn, accessKeyId: principal.accessKeyId };
  const fault = runtime.faults.take(action ?? null);
  if (fault && fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault?.resetConnection) {
    req.socket.destroy();
    recordCall(runtime, { ...logged, status: 0, code: 'ConnectionReset' });
    return;
  }
  const dateMs = () => runtime.now() + (fault?.dateSkewSeconds ?? 0) * 1000;

  const outcome = runAction(service, action, version, principal, params, runtime, fault ? injectedError(fault) : null);
  const xml =
    outcome instanceof AwsError
      ? errorDocument(service, outcome, requestId)
      : successDocument(service, action ?? '', outcome, requestId);
  const status = outcome instanceof AwsError ? outcome.status : 200;
  sendXml(res, status, xml, requestId, dateMs());
  recordCall(runtime, { ...logged, status, code: outcome instanceof AwsError ? outcome.code : null });
}

/** The action's result XML, or the AWS error it (or an injected fault) produced. */
function runAction(
  service: AwsService,
  action: string | undefined,
  version: string | undefined,
  principal: Principal,
  params: ReadonlyMap<string, string>,
  runtime: SandboxRuntime,
  injected: AwsError | null,
): string | null | AwsError {
  try {
    const handler = findHandler(service, action, version);
    if (injected) return injected;
    return handler({ state: runtime.state, principal, params, nowMs: runtime.now() });
  } catch (error) {
    if (error instanceof AwsError) return error;
    // A bug in the sandbox should look like what AWS sends for its own bugs, and stay visible.
    console.error('[sandbox] action failed', error);
    return new AwsError('ServiceFailure', 500, 'An unknown error occurred while processing the request.');
  }
}
