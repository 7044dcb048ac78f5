import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium-driver';
import { bashExportPaste, seedUser, virtualDeviceOf } from '../e2e/harness/demo-users';
import { ARTIFACTS, CHROME_SANDBOX_BUILD } from '../e2e/harness/paths';
import { phoneCodes, signInWouldAccept } from '../e2e/harness/sandbox-client';
import { startSandbox } from '../e2e/sandbox/server';

// `npm start`: build, start the embedded IAM/STS sandbox, open Chromium with the extension and
// print the demo device's codes like a phone. Without a display it walks through the resync
// headless and saves a screenshot of each step under artifacts/.

const PORT = Number(process.env.SANDBOX_PORT ?? 4566);
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

if (spawnSync('npm', ['run', '--silent', 'build:sandbox'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const sandbox = await startSandbox({ port: PORT }).catch(() => startSandbox({ port: 0 }));
const alice = seedUser('alice');
const serial = virtualDeviceOf(alice);
console.log(`\nIAM/STS sandbox: ${sandbox.url}`);
console.log(`Demo user alice: MFA device ${serial} has drifted; sign-in rejects its codes.`);
console.log('Paste this into the extension popup:\n');
console.log(bashExportPaste(alice));

const driver = await launchChromium(CHROME_SANDBOX_BUILD, { headless: !headed });
await driver.writeStorage('local', { settings: { endpointOverride: sandbox.url } });
const popup = await driver.openPage('popup/index.html');

if (headed) {
  console.log('\nChromium is open with the extension. The phone shows (Ctrl+C to stop):');
  const showCodes = async () => {
    const { codes, secondsLeft } = await phoneCodes(sandbox.url, serial);
    const ok = await signInWouldAccept(sandbox.url, serial);
    console.log(`  ${codes[0]}  (next ${codes[1]} in ${secondsLeft} s)  sign-in would ${ok ? 'ACCEPT' : 'reject'} it`);
  };
  await showCodes();
  setInterval(() => void showCodes(), 10_000);
  const stop = async () => {
    await driver.close();
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
} else {
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = (name: string) => popup.screenshot(resolve(ARTIFACTS, `demo-${name}.png`));
  console.log('\nNo display: walking through the resync headless.');
  await shot('1-locked');
  await popup.fill('paste', bashExportPaste(alice));
  await popup.click('unlock');
  await popup.textOf('devices');
  await popup.clickLabel('mfa/alice-phone');
  await shot('2-devices');
  const { codes } = await phoneCodes(sandbox.url, serial);
  console.log(
    `phone shows ${codes[0]}, then ${codes[1]}; sign-in accepts it: ${await signInWouldAccept(sandbox.url, serial)}`,
  );
  await popup.fill('code1', codes[0]);
  await popup.fill('code2', codes[1]);
  await shot('3-codes');
  await popup.click('resync');
  await popup.textOf('outcome-success');
  await shot('4-success');
  console.log(`resynced; sign-in accepts the phone's next code: ${await signInWouldAccept(sandbox.url, serial)}`);
  console.log(`screenshots: ${ARTIFACTS}/demo-*.png`);
  await driver.close();
  await sandbox.close();
}
