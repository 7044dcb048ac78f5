import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads on first use (a dynamic import, its own chunk), so views that are
 * not needed to type the codes stay off the popup's start path. Renders nothing until loaded.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let Loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () => (loading ??= load().then((component) => (Loaded = component)));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!Loaded) void preload().then(() => setReady(true));
    }, []);
    return Loaded ? <Loaded {...props} /> : null;
  }
  return Object.assign(Lazy, { preload });
}
