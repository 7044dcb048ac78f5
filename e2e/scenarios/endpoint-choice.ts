import { describe, expect, it } from 'vitest';
import { bashExportPaste, seedUser } from '../harness/demo-users';
import type { DriverFactory, ExtensionPage } from '../harness/driver';
import { useExtensionSuite } from '../harness/extension-suite';
import { answerToPaste, sendStatus } from '../harness/policy-pages';
import { localeMessages } from '../harness/popup-flow';
import { markCalls, waitUntil } from '../harness/sandbox-control';

// FIPS / dual-stack a partition does not have (src/shared/partitions.ts), in the built extension:
// the options page says so and offers no such toggle, and the background refuses to call rather
// than send to the standard host. An override still wins over FIPS, and the popup's status tells
// "Copy as AWS CLI" where requests go.
export function describeEndpointChoice(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`endpoint choice in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir);
    const msg = localeMessages(extensionDir);
    const alice = seedUser('alice');
    const settings = async () => (await suite.driver.readStorage('local'))['settings'] as Record<string, unknown>;
    const disabled = async (page: ExtensionPage, testId: string) =>
      (await page.attributeOf(testId, 'disabled')) !== null;

    it('options: FIPS in AWS China is an alert and can be undone; then FIPS is not offered', async () => {
      await suite.driver.writeStorage('local', { settings: { partition: 'aws-cn', fips: true } });
      const page = await suite.driver.openPage('options/index.html');
      try {
        expect(await page.textOf('endpoint-refused')).toBe(msg('options_endpoint_refused_no_fips'));
        expect(await page.attributeOf('endpoint-refused', 'data-refusal')).toBe('no-fips');
        expect(await page.textOf('endpoint-offer')).toBe(msg('options_endpoints_offer_aws_cn'));
        expect(await disabled(page, 'option-fips')).toBe(false);
        await page.click('option-fips');
        await waitUntil('FIPS to be turned off', async () => (await settings())['fips'] === false);
        await page.click('option-dualStack');
        await waitUntil('dual-stack to be saved', async () => (await settings())['dualStack'] === true);
        const target = await page.textOf('endpoint-target');
        expect(target).toContain('iam.global.api.amazonwebservices.com.cn');
        expect(target).toContain('sts.cn-north-1.api.amazonwebservices.com.cn');
        expect(await disabled(page, 'option-fips')).toBe(true);
        expect(await page.attributeOf('option-fips', 'aria-describedby')).toBe('endpoint-offer');
      } finally {
        await page.close();
      }
    });

    it('unlock with FIPS in AWS China: Endpoint not available, nothing sent, nothing kept', async () => {
      await suite.driver.writeStorage('local', { settings: { partition: 'aws-cn', fips: true } });
      const since = await markCalls(suite.sandbox.url);
      expect(await answerToPaste(suite.driver, bashExportPaste(alice))).toEqual({ error: 'EndpointUnsupported' });
      expect(await since()).toEqual([]);
      expect((await suite.driver.readStorage('session'))['vault']).toBeUndefined();
    });

    it('an override wins over FIPS, and the status names it for Copy as AWS CLI', async () => {
      await suite.driver.writeStorage('local', {
        settings: { partition: 'aws', fips: true, endpointOverride: suite.sandbox.url },
      });
      const since = await markCalls(suite.sandbox.url);
      expect(await answerToPaste(suite.driver, bashExportPaste(alice))).toEqual({ session: true });
      expect((await since('GetCallerIdentity')).map((call) => call.status)).toEqual([200]);
      const page = await suite.driver.openPage('options/index.html');
      try {
        expect((await sendStatus(page)).endpoints).toEqual({
          fips: true,
          dualStack: false,
          override: suite.sandbox.url,
        });
      } finally {
        await page.close();
      }
    });
  });
}
