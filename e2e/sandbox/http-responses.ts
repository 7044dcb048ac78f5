// Response writing shared by the AWS endpoint and the control API. The Date header comes from the
// sandbox clock (not node's), because clients compare it with their own clock to detect skew.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Not needed by the extension (host permissions bypass CORS) but lets a page or devtools call us. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Date, x-amzn-RequestId',
};

export function answerPreflight(req: IncomingMessage, res: ServerResponse, nowMs: number): void {
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(204, {
    ...CORS_HEADERS,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    // "*" does not cover Authorization, so echo what the browser asked for.
    'Access-Control-Allow-Headers': requested ?? '*',
    'Access-Control-Max-Age': '600',
    Date: httpDate(nowMs),
  });
  res.end();
}

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

export function sendXml(res: ServerResponse, status: number, xml: string, requestId: string, dateMs: number): void {
  const body = Buffer.from(xml, 'utf8');
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'text/xml',
    'Content-Length': String(body.length),
    'x-amzn-RequestId': requestId,
    Date: httpDate(dateMs),
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, dateMs: number): void {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': String(body.length),
    Date: httpDate(dateMs),
  });
  res.end(body);
}
