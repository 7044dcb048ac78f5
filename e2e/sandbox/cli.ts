// Demo entry point: `npx tsx e2e/sandbox/cli.ts [--port 4566] [--host 127.0.0.1]` starts the sandbox
// and prints what a person needs to try it: the URL, every seeded key, and what each phone shows.
import { parseArgs } from 'node:util';
import { startSandbox } from './server';
import { SANDBOX_SEED } from './seed';
import { createSandboxState } from './sandbox-state';
import { phoneView } from './totp-devices';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port ${values.port}`);
  process.exit(2);
}

const sandbox = await startSandbox({ port, host: values.host });
const url = sandbox.url;
const lines: string[] = [`MFA resync sandbox (fake IAM + STS, account ${SANDBOX_SEED.accountId}) at ${url}`, ''];

lines.push('Users (long-term keys):');
for (const u of SANDBOX_SEED.users) {
  lines.push(`  ${u.userName.padEnd(12)} ${u.admin ? 'admin' : 'self-service'}`);
  lines.push(`    AWS_ACCESS_KEY_ID=${u.accessKeyId} AWS_SECRET_ACCESS_KEY='${u.secretAccessKey}'`);
}
lines.push('', 'Temporary credentials:');
for (const c of SANDBOX_SEED.temporaryCredentials) {
  lines.push(`  ${c.label}`);
  lines.push(`    AWS_ACCESS_KEY_ID=${c.accessKeyId} AWS_SECRET_ACCESS_KEY='${c.secretAccessKey}'`);
  lines.push(`    AWS_SESSION_TOKEN='${c.sessionToken}'`);
}

// A throwaway state with the same seed and clock tells us what the phones show right now.
const nowMs = Date.now();
const preview = createSandboxState(nowMs);
lines.push('', 'MFA devices (drift = how far the device clock is off, in 30 s steps):');
for (const device of preview.devices.values()) {
  const view = phoneView(device, nowMs);
  const shows = view
    ? `shows ${view.codes[0]}, next ${view.codes[1]} (${view.secondsLeft}s left)`
    : 'FIDO key, no codes';
  lines.push(`  ${device.userName.padEnd(12)} ${device.serial}`);
  lines.push(`    drift ${String(device.drift).padStart(3)}  ${shows}`);
}

const alice = SANDBOX_SEED.users[0];
const enc = encodeURIComponent;
lines.push(
  '',
  'Try it:',
  `  AWS_ACCESS_KEY_ID=${alice?.accessKeyId} AWS_SECRET_ACCESS_KEY='${alice?.secretAccessKey}' AWS_DEFAULT_REGION=us-east-1 \\`,
  `    aws iam list-mfa-devices --endpoint-url ${url}`,
  `  curl '${url}/__sandbox/phone?serial=${enc('arn:aws:iam::123456789012:mfa/alice-phone')}'   # current + next code`,
  `  curl '${url}/__sandbox/signin-check?serial=${enc('arn:aws:iam::123456789012:mfa/alice-phone')}'`,
  `  curl ${url}/__sandbox/state`,
  `  curl ${url}/__sandbox/calls`,
  `  curl -X POST ${url}/__sandbox/reset`,
  '',
  'Ctrl-C to stop.',
);
console.log(lines.join('\n'));

const stop = () => {
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
