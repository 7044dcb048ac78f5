import { findMfaStep, shownError, type ShownError } from './mfa-step';

// A rejection reported by a new page: the sign-in answered a code with a full page load or a
// redirect, and the new document already shows the MFA step with an error. Whether that error
// answers a code from this tab only the background knows (background/signin-tab-state.ts), so
// this only looks: DOM reads at DOMContentLoaded, at load and a little after (an app that renders
// on the client), no extension API, and at most one report per document.

/** After load, one more look for pages that render the error on the client. */
const LATE_LOOK_MS = 1_000;

export function watchErrorAtLoad(doc: Document, onError: (error: ShownError) => void): () => void {
  const win = doc.defaultView;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    const step = done ? undefined : findMfaStep(doc);
    const error = step && shownError(step);
    if (!error) return;
    stop();
    onError(error);
  };
  const onLoad = () => {
    look();
    if (!done) timer = setTimeout(() => (look(), stop()), LATE_LOOK_MS);
  };
  function stop(): void {
    done = true;
    doc.removeEventListener('DOMContentLoaded', look);
    win?.removeEventListener('load', onLoad);
    clearTimeout(timer);
  }
  if (doc.readyState === 'complete') onLoad();
  else {
    doc.addEventListener('DOMContentLoaded', look);
    win?.addEventListener('load', onLoad);
  }
  return stop;
}
