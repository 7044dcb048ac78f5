// Every operation the sandbox serves, answered for real and held to botocore's service model (the
// JSON all botocore clients are built from): result wrapper, member names, list shapes, required
// members, scalar formats, ResponseMetadata/RequestId; and the error envelope. A dropped or renamed
// member fails here. Skipped without Debian's python3-botocore models, except in CI (fails).
import { describe, expect, it } from 'vitest';
import { IAM_ACTIONS } from './iam-actions';
import { SERVICE_VERSIONS } from './query-protocol/xml';
import { seededSessionOf } from './seed';
import { controlPost, form, keysOf, phone, SERIALS, secondClientAvailable, signAndSend } from './sandbox-test-kit';
import { hasServiceModels, serviceModel, type ServiceModel } from './second-client/botocore';
import { checkErrorReply, checkSuccessReply } from './second-client/reply-shape';
import { parseXmlTree, type XmlElement } from './second-client/xml-tree';
import { STS_ACTIONS } from './sts-actions';
import { useTestSandbox } from './use-test-sandbox';

const available = secondClientAvailable(
  hasServiceModels(),
  "botocore's IAM/STS service models (Debian python3-botocore)",
);
const sb = useTestSandbox({ resetEach: true });

/** Optional members the sandbox never sends, and why; anything else the model has must be there. */
const DELIBERATELY_OMITTED: Readonly<Record<string, string>> = {
  'GetUserResult.User.PasswordLastUsed': 'IAM omits it for users who never signed in with a password',
  'GetUserResult.User.PermissionsBoundary': 'no seeded user has a permissions boundary',
  'GetUserResult.User.Tags': 'no seeded user has tags',
  'ListMFADevicesResult.Marker': 'IAM sends it only with IsTruncated=true (the MaxItems=1 case requires it)',
};

/** What the extension (background/) and the CLI read from each reply; never allowed to be omitted. */
const READ_BY_CLIENTS = [
  'GetCallerIdentityResult.UserId',
  'GetCallerIdentityResult.Account',
  'GetCallerIdentityResult.Arn',
  'ListMFADevicesResult.MFADevices[].UserName',
  'ListMFADevicesResult.MFADevices[].SerialNumber',
  'ListMFADevicesResult.MFADevices[].EnableDate',
  'ListMFADevicesResult.IsTruncated',
  'GetSessionTokenResult.Credentials.AccessKeyId',
  'GetSessionTokenResult.Credentials.SecretAccessKey',
  'GetSessionTokenResult.Credentials.SessionToken',
  'GetSessionTokenResult.Credentials.Expiration',
];

interface Reply {
  status: number;
  root: XmlElement;
  requestId: string | null;
  model: ServiceModel;
}

async function send(
  service: 'iam' | 'sts',
  action: string,
  params: Record<string, string>,
  credentials = keysOf('alice'),
): Promise<Reply> {
  const body = form({ Action: action, Version: SERVICE_VERSIONS[service], ...params });
  const res = await signAndSend(sb.url, { method: 'POST', body, credentials, service });
  const xml = await res.text();
  return {
    status: res.status,
    root: parseXmlTree(xml),
    requestId: res.headers.get('x-amzn-requestid'),
    model: serviceModel(service),
  };
}

/** A real, successful call of each operation the sandbox serves. */
const TRIGGERS: Record<string, () => Promise<Reply>> = {
  GetUser: () => send('iam', 'GetUser', {}),
  ListMFADevices: () => send('iam', 'ListMFADevices', {}),
  ResyncMFADevice: async () => {
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    const [code1, code2] = codes;
    return send('iam', 'ResyncMFADevice', {
      UserName: 'alice',
      SerialNumber: SERIALS.alicePhone,
      AuthenticationCode1: code1,
      AuthenticationCode2: code2,
    });
  },
  GetCallerIdentity: () => send('sts', 'GetCallerIdentity', {}),
  GetSessionToken: async () => {
    const code = (await phone(sb.url, SERIALS.bobPhone)).codes[0];
    return send('sts', 'GetSessionToken', { SerialNumber: SERIALS.bobPhone, TokenCode: code }, keysOf('bob'));
  },
};

const omitted = new Set(Object.keys(DELIBERATELY_OMITTED));

/** The elements at a member path like `ListMFADevicesResult.MFADevices[].SerialNumber`. */
function at(root: XmlElement, path: string): XmlElement[] {
  let nodes = [root];
  for (const step of path.split('.')) {
    const name = step.replace(/\[\]$/, '');
    nodes = nodes.flatMap((n) => n.children.filter((c) => c.name === name));
    if (step.endsWith('[]')) nodes = nodes.flatMap((n) => n.children.filter((c) => c.name === 'member'));
  }
  return nodes;
}

describe.skipIf(!available)("the sandbox's replies have the shapes botocore's models give them", () => {
  it('every operation the sandbox serves has a trigger here', () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual([...Object.keys(IAM_ACTIONS), ...Object.keys(STS_ACTIONS)].sort());
  });

  it('nothing a client reads is on the omitted list', () => {
    expect(READ_BY_CLIENTS.filter((path) => omitted.has(path))).toEqual([]);
  });

  it.each(Object.keys(TRIGGERS))('%s', async (operation) => {
    const reply = await (TRIGGERS[operation] as () => Promise<Reply>)();
    expect(reply.status).toBe(200);
    expect(checkSuccessReply(reply.model, operation, reply.root, reply.requestId, omitted)).toEqual([]);
    for (const path of READ_BY_CLIENTS.filter((p) => p.startsWith(`${operation}Result.`))) {
      expect(at(reply.root, path).length, path).toBeGreaterThan(0);
    }
  });

  it('ListMFADevices with MaxItems=1 says IsTruncated=true and sends the Marker', async () => {
    const reply = await send('iam', 'ListMFADevices', { MaxItems: '1' });
    const strict = new Set([...omitted].filter((p) => p !== 'ListMFADevicesResult.Marker'));
    expect(checkSuccessReply(reply.model, 'ListMFADevices', reply.root, reply.requestId, strict)).toEqual([]);
    expect(at(reply.root, 'ListMFADevicesResult.IsTruncated')[0]?.text).toBe('true');
    expect(at(reply.root, 'ListMFADevicesResult.MFADevices[]')).toHaveLength(1);
  });

  it('GetSessionToken without MFA has the same shape', async () => {
    const reply = await send('sts', 'GetSessionToken', {});
    expect(checkSuccessReply(reply.model, 'GetSessionToken', reply.root, reply.requestId, omitted)).toEqual([]);
  });
});

describe.skipIf(!available)('error replies have the Query-protocol error envelope', () => {
  const unknownKey = { ...keysOf('alice'), accessKeyId: 'AKIASANDBOXUNKNOWN99' };
  it.each<[string, () => Promise<Reply>, string, 'Sender' | 'Receiver']>([
    ['an unknown key at IAM', () => send('iam', 'ListMFADevices', {}, unknownKey), 'InvalidClientTokenId', 'Sender'],
    ['an unknown key at STS', () => send('sts', 'GetCallerIdentity', {}, unknownKey), 'InvalidClientTokenId', 'Sender'],
    [
      'an expired session',
      () => send('sts', 'GetCallerIdentity', {}, seededSessionOf('ASIASANDBOXEXPIRED06')),
      'ExpiredToken',
      'Sender',
    ],
    ['a bad parameter', () => send('iam', 'ListMFADevices', { MaxItems: '0' }), 'ValidationError', 'Sender'],
    [
      'an unknown user',
      () => send('iam', 'ListMFADevices', { UserName: 'nobody' }, keysOf('carol-admin')),
      'NoSuchEntity',
      'Sender',
    ],
    ['an unknown action', () => send('iam', 'DeleteUser', {}), 'InvalidAction', 'Sender'],
    [
      'an injected server fault',
      async () => {
        await controlPost(sb.url, 'inject', { action: 'ResyncMFADevice', code: 'ServiceFailure' });
        return send('iam', 'ResyncMFADevice', {
          UserName: 'alice',
          SerialNumber: SERIALS.alicePhone,
          AuthenticationCode1: '111111',
          AuthenticationCode2: '222222',
        });
      },
      'ServiceFailure',
      'Receiver',
    ],
  ])('%s', async (_what, trigger, code, type) => {
    const reply = await trigger();
    expect(checkErrorReply(reply.model, reply.root, reply.requestId)).toEqual([]);
    const error = reply.root.children.find((c) => c.name === 'Error');
    expect(error?.children.map((c) => [c.name, c.text]).slice(0, 2)).toEqual([
      ['Type', type],
      ['Code', code],
    ]);
  });
});
