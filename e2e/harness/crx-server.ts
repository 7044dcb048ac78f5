import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { packCrx, type PackedCrx } from '../../build/crx-package';

// A self-hosted update server on 127.0.0.1, as an admin would run one on the intranet: it serves
// the updates.xml and the CRX that `npm run package:crx` produces, packed from a test build.

export interface CrxServer {
  packed: PackedCrx;
  updatesUrl: string;
  /** Paths requested so far, to tell "never fetched" from "fetched but refused". */
  requests: string[];
  close(): Promise<void>;
}

export async function serveCrx(sourceDir: string, keyPath: string, outDir: string): Promise<CrxServer> {
  const requests: string[] = [];
  let packed: PackedCrx | undefined;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file =
      path === '/updates.xml'
        ? packed?.updatesXmlPath
        : path === new URL(packed?.crxUrl ?? 'http://x/').pathname
          ? packed?.crxPath
          : undefined;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': path.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  // Packed once the port is known: updates.xml names the CRX's full URL.
  packed = await packCrx({ sourceDir, keyPath, outDir, codebase: base });
  return {
    packed,
    updatesUrl: `${base}updates.xml`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
