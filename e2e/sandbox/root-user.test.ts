// The seeded root user: what the popup's root guidance is tested against.
import { ListMFADevicesCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { seededRootKeys } from './seed';
import { iamAs, sdkError, stsAs } from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const sb = useTestSandbox();

describe('root user', () => {
  it("GetCallerIdentity answers the account's root ARN, with the account id as UserId", async () => {
    const root = await stsAs(sb.url, seededRootKeys()).send(new GetCallerIdentityCommand({}));
    expect(root).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:root',
      UserId: '123456789012',
    });
  });

  it('has no IAM user name, so IAM calls defaulting to the caller find no user', async () => {
    const err = await sdkError(iamAs(sb.url, seededRootKeys()).send(new ListMFADevicesCommand({})));
    expect(err.name).toBe('NoSuchEntityException');
  });

  it('acts on named IAM users like an admin', async () => {
    const out = await iamAs(sb.url, seededRootKeys()).send(new ListMFADevicesCommand({ UserName: 'bob' }));
    expect(out.MFADevices?.map((d) => d.UserName)).toEqual(['bob', 'bob']);
  });
});
