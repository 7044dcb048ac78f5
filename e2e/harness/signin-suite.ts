import { afterAll, beforeAll } from 'vitest';
import type { ExtensionDriver } from './driver';
import { useExtensionSuite, type ExtensionSuite } from './extension-suite';
import { startSigninFixtureServer, type SigninFixtureServer } from './signin-fixture-server';

/** Launches a browser whose sign-in hostnames reach the fixture server (each browser has its own way). */
export type ContentPromptLauncher = (extensionDir: string, server: SigninFixtureServer) => Promise<ExtensionDriver>;

export interface SigninSuite extends ExtensionSuite {
  readonly server: SigninFixtureServer;
}

/**
 * The sign-in fixtures under the real AWS sign-in hostnames, plus useExtensionSuite's sandbox and
 * browser, for the enclosing `describe`. The fixture server starts first (the browser is launched
 * pointing at it) and closes last.
 */
export function useSigninSuite(launch: ContentPromptLauncher, extensionDir: string): SigninSuite {
  let server: SigninFixtureServer | undefined;
  const running = (): SigninFixtureServer => {
    if (!server) throw new Error('the fixture server starts in beforeAll');
    return server;
  };
  beforeAll(async () => {
    server = await startSigninFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const suite = useExtensionSuite((dir) => launch(dir, running()), extensionDir);
  return {
    get server() {
      return running();
    },
    get sandbox() {
      return suite.sandbox;
    },
    get driver() {
      return suite.driver;
    },
    clock: suite.clock,
  };
}
