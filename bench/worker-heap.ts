import type { BrowserContext, CDPSession } from 'playwright-core';

// The background worker's JS heap, read over CDP on the worker itself (service workers have no
// performance.memory). Before and after a forced GC: "used" right after work includes garbage the
// worker would drop anyway; after GC is what it actually keeps alive.

export interface HeapReading {
  usedBytes: number;
  totalBytes: number;
  usedAfterGcBytes: number;
  totalAfterGcBytes: number;
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
class WorkerInspector {
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

  static async attach(context: BrowserContext, extensionBaseUrl: string): Promise<WorkerInspector> {
    // Any page can host the session; Target.getTargets then lists every worker.
    const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
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

const num = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);

export async function workerHeap(browser: { context: BrowserContext; extensionBaseUrl: string }): Promise<HeapReading> {
  const inspector = await WorkerInspector.attach(browser.context, browser.extensionBaseUrl);
  try {
    const before = await inspector.call('Runtime.getHeapUsage');
    await inspector.call('HeapProfiler.collectGarbage');
    const after = await inspector.call('Runtime.getHeapUsage');
    return {
      usedBytes: num(before['usedSize']),
      totalBytes: num(before['totalSize']),
      usedAfterGcBytes: num(after['usedSize']),
      totalAfterGcBytes: num(after['totalSize']),
    };
  } finally {
    await inspector.detach();
  }
}
