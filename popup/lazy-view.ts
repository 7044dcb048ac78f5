import { h, type ComponentType, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A view that is fetched the first time it renders instead of with the popup (the popup's start
 * budget counts only what the code fields need, bench/budgets.ts). It renders nothing until its
 * chunk is in, which inside an extension is one local file read, so no placeholder is worth its
 * bytes. preact/compat's lazy() would do the same with Suspense, at several times the size.
 */
export function lazyView<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends ComponentType<infer P> ? (props: P) => JSX.Element | null : never;
export function lazyView(load: () => Promise<Record<string, ComponentType>>, name: string) {
  let loaded: ComponentType | undefined;
  let pending: Promise<unknown> | undefined;
  return function LazyView(props: object) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      pending ??= load().then((module) => {
        loaded = module[name];
      });
      // A view unmounted meanwhile ignores the update: Preact drops renders of unmounted components.
      void pending.then(() => setReady(true));
    }, []);
    return loaded ? h(loaded, props) : null;
  };
}
