import type { Page } from 'playwright-core';
import { WorkerInspector } from './chromium';

// The background worker's JS heap, read over CDP on the worker itself (service workers have no
// performance.memory). Before and after a forced GC: "used" right after work includes garbage the
// worker would drop anyway; after GC is what it actually keeps alive.

export interface HeapReading {
  usedBytes: number;
  totalBytes: number;
  usedAfterGcBytes: number;
  totalAfterGcBytes: number;
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number.NaN);

export async function workerHeap(page: Page, extensionBaseUrl: string): Promise<HeapReading> {
  const inspector = await WorkerInspector.attach(page, extensionBaseUrl);
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
