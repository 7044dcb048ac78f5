/// <reference types="chrome" />
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { browserExecutable } from '../e2e/harness/paths';

// Headless Chromium for the bench, with or without the extension. Own launcher rather than the
// e2e driver: the bench needs raw CDP (Performance metrics, the worker's heap) and a browser
// without the extension under the very same flags, which the driver interface does not expose.

export interface BenchBrowser {
  context: BrowserContext;
  /** chrome-extension://ID when an extension is loaded */
  extensionBaseUrl?: string;
  worker?: Worker;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  hostResolverRules?: string;
  ignoreHttpsErrors?: boolean;
}

export async function launchBench(options: LaunchOptions = {}): Promise<BenchBrowser> {
  const dir = options.extensionDir;
  const context = await chromium.launchPersistentContext('', {
    executablePath: browserExecutable('chromium'),
    headless: true,
    viewport: { width: 360, height: 640 },
    ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false,
    args: [
      ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : []),
      ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : []),
      '--no-first-run',
      // Only loopback traffic: Chromium's own update/metrics requests would also add noise.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  if (!dir) return { context, close: () => context.close() };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // URL.origin is "null" for chrome-extension: URLs, so build the base from the host.
  const extensionBaseUrl = `chrome-extension://${new URL(worker.url()).host}`;
  return { context, worker, extensionBaseUrl, close: () => context.close() };
}

interface TargetMessage {
  sessionId?: string;
  message: string;
}

interface InspectorReply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * A CDP session on the extension's service worker. Playwright only opens CDP sessions on pages,
 * so this attaches from a page's session in non-flattened mode and tunnels the worker's
 * protocol messages through Target.sendMessageToTarget.
 */
export class WorkerInspector {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: InspectorReply) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: TargetMessage) => {
      if (event.sessionId !== this.sessionId) return;
      const reply = JSON.parse(event.message) as InspectorReply;
      if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }

  static async attach(page: Page, extensionBaseUrl: string): Promise<WorkerInspector> {
    const cdp = await page.context().newCDPSession(page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extensionBaseUrl));
    if (!target) throw new Error('the extension has no running service worker');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    return new WorkerInspector(cdp, sessionId);
  }

  async call(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const reply = new Promise<InspectorReply>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`${method}: no answer from the worker`)), 10_000);
      this.waiting.set(id, (r) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        done(r);
      });
    });
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const answer = await reply;
    if (answer.error) throw new Error(`${method}: ${answer.error.message}`);
    return answer.result ?? {};
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Opens an extension page in a tab and waits until its scripts ran. */
export async function openExtensionPage(browser: BenchBrowser, path: string): Promise<Page> {
  if (!browser.extensionBaseUrl) throw new Error('no extension loaded');
  const page = await browser.context.newPage();
  await page.goto(`${browser.extensionBaseUrl}/${path}`);
  return page;
}
