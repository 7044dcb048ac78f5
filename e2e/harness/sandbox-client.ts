// Test-side helpers for the sandbox's control API (/__sandbox/…): what the "phone" shows, whether
// sign-in would accept it, and which AWS calls the sandbox saw.

export interface SandboxCall {
  action: string;
  status: number;
  code?: string;
  params?: Record<string, string>;
}

async function getJson<T>(baseUrl: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}/__sandbox/${path}`);
  if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function phoneCodes(baseUrl: string, serial: string) {
  return getJson<{ codes: [string, string]; secondsLeft: number }>(
    baseUrl,
    `phone?serial=${encodeURIComponent(serial)}`,
  );
}

export async function signInWouldAccept(baseUrl: string, serial: string): Promise<boolean> {
  return (await getJson<{ accepted: boolean }>(baseUrl, `signin-check?serial=${encodeURIComponent(serial)}`)).accepted;
}

export async function sandboxCalls(baseUrl: string): Promise<SandboxCall[]> {
  const body = await getJson<SandboxCall[] | { calls: SandboxCall[] }>(baseUrl, 'calls');
  return Array.isArray(body) ? body : body.calls;
}
