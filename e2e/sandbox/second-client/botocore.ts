// Debian's python3-botocore as a second client of the sandbox, and its IAM/STS service models (the
// JSON every botocore-based client is generated from). Both are references this project did not
// write: botocore signs and parses on its own, and the models say what real IAM and STS answer.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AwsCredentialIdentity } from '@smithy/types';
import { awsCliEnv } from '../sandbox-test-kit';

const DEBIAN_PYTHON = '/usr/bin/python3';
const DEBIAN_BOTOCORE = '/usr/lib/python3/dist-packages/botocore';
const MODEL_PATHS = {
  iam: `${DEBIAN_BOTOCORE}/data/iam/2010-05-08/service-2.json`,
  sts: `${DEBIAN_BOTOCORE}/data/sts/2011-06-15/service-2.json`,
} as const;
const DRIVER = fileURLToPath(new URL('./botocore_client.py', import.meta.url));

/** Debian's python with python3-botocore (`pyenv`'s python3 earlier on PATH usually lacks it). */
export function hasDebianBotocore(): boolean {
  return existsSync(DEBIAN_PYTHON) && existsSync(`${DEBIAN_BOTOCORE}/__init__.py`);
}

// ---- service models ----

export interface ModelMember {
  shape: string;
  locationName?: string;
}

export interface ModelShape {
  type: string;
  members?: Record<string, ModelMember>;
  required?: string[];
  member?: ModelMember;
  flattened?: boolean;
  enum?: string[];
  min?: number;
  max?: number;
  error?: { code: string; httpStatusCode: number; senderFault?: boolean };
}

export interface ServiceModel {
  metadata: { xmlNamespace: string; protocol: string };
  operations: Record<string, { output?: { shape: string; resultWrapper?: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, ModelShape>;
}

export function hasServiceModels(): boolean {
  return Object.values(MODEL_PATHS).every((path) => existsSync(path));
}

export function serviceModel(service: keyof typeof MODEL_PATHS): ServiceModel {
  return JSON.parse(readFileSync(MODEL_PATHS[service], 'utf8')) as ServiceModel;
}

export interface ModeledError {
  shape: string;
  code: string;
  status: number;
  type: 'Sender' | 'Receiver';
}

/** The errors the model lists for an operation, with the status and fault side it gives each. */
export function modeledErrors(model: ServiceModel, operation: string): ModeledError[] {
  return (model.operations[operation]?.errors ?? []).flatMap(({ shape }) => {
    const error = model.shapes[shape]?.error;
    if (!error) return [];
    return [{ shape, code: error.code, status: error.httpStatusCode, type: error.senderFault ? 'Sender' : 'Receiver' }];
  });
}

/** The service's error shape for a wire code, whichever operations list it (botocore matches by code). */
export function errorShapeForCode(model: ServiceModel, code: string): ModeledError | undefined {
  for (const [shape, def] of Object.entries(model.shapes)) {
    if (def.error?.code === code) {
      return { shape, code, status: def.error.httpStatusCode, type: def.error.senderFault ? 'Sender' : 'Receiver' };
    }
  }
  return undefined;
}

// ---- the client ----

export interface BotocoreRequest {
  service: 'iam' | 'sts';
  operation: string;
  params?: Record<string, unknown>;
  credentials: AwsCredentialIdentity;
}

export interface BotocoreOk {
  kind: 'ok';
  status: number;
  requestId: string;
  reply: Record<string, unknown>;
}

export interface BotocoreClientError {
  kind: 'ClientError';
  error: { Code?: string; Message?: string; Type?: string };
  status: number;
  requestId: string;
  raisedAs: string;
}

/** Anything botocore raised itself: ResponseParserError when a reply did not parse, connection errors. */
export interface BotocoreFailure {
  kind: string;
  message: string;
}

export type BotocoreResult = BotocoreOk | BotocoreClientError | BotocoreFailure;

/** The parsed reply of a call that must have succeeded. */
export function okReply(result: BotocoreResult): Record<string, unknown> {
  if (result.kind !== 'ok' || !('reply' in result)) throw new Error(`botocore call failed: ${JSON.stringify(result)}`);
  return result.reply;
}

/** The AWS error botocore parsed from a reply; throws if botocore saw anything else. */
export function clientError(result: BotocoreResult): BotocoreClientError {
  if (result.kind !== 'ClientError' || !('error' in result)) {
    throw new Error(`botocore did not see an AWS error: ${JSON.stringify(result)}`);
  }
  return result;
}

export interface Botocore {
  call(request: BotocoreRequest): Promise<BotocoreResult>;
  close(): void;
}

/** One python process for the whole test file; calls go one at a time, in order. */
export function startBotocore(endpoint: string): Botocore {
  const child: ChildProcessWithoutNullStreams = spawn(DEBIAN_PYTHON, [DRIVER], {
    // Only the request's own credentials: nothing from the machine's AWS config.
    env: awsCliEnv({ accessKeyId: 'unused', secretAccessKey: 'unused' }),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let queue = Promise.resolve();
  return {
    call(request) {
      const answer = queue.then(async () => {
        child.stdin.write(`${JSON.stringify({ ...request, endpoint })}\n`);
        const line = await lines.next();
        if (line.done) throw new Error(`botocore driver exited: ${stderr}`);
        return JSON.parse(line.value as string) as BotocoreResult;
      });
      queue = answer.then(
        () => undefined,
        () => undefined,
      );
      return answer;
    },
    close() {
      child.stdin.end();
    },
  };
}
