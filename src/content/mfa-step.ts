import { ERROR_REGION, INVALID_FIELD, MFA_CODE_FIELD, STABLE_CONTAINER, UNRELATED_ALERT_CONTAINER } from './selectors';

/** The MFA code step as it is on screen now. */
export interface MfaStep {
  codeField: HTMLInputElement;
  /** The form area one MutationObserver watches: stable across the page's own re-renders. */
  scope: Element;
}

/** A sign-in error as shown now; `element` tells a re-rendered error from the old one. */
export interface ShownError {
  element: Element;
  text: string;
}

/**
 * Rendered, judged without layout: no `hidden`/`inert`/aria-hidden ancestor and no ancestor styled
 * away. The legacy page keeps its MFA field in the DOM during the password step, hidden.
 */
export function isShown(element: Element): boolean {
  if (!element.isConnected || element.closest('[hidden],[inert],[aria-hidden="true"]')) return false;
  const view = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

function isCodeInput(element: Element): element is HTMLInputElement {
  // Types only: a password field can never be taken for the code field, whatever its name.
  return element.tagName === 'INPUT' && !['password', 'hidden'].includes((element as HTMLInputElement).type);
}

/** The outermost stable container around the field, else <body>: SPAs replace inner nodes. */
function scopeOf(field: Element): Element {
  let scope: Element | null = field.closest(STABLE_CONTAINER);
  for (let outer = scope?.parentElement?.closest(STABLE_CONTAINER); outer;) {
    scope = outer;
    outer = outer.parentElement?.closest(STABLE_CONTAINER);
  }
  return scope ?? field.ownerDocument.body;
}

/** The MFA step if a code field is on screen; undefined on every other step. */
export function findMfaStep(doc: Document): MfaStep | undefined {
  for (const element of doc.querySelectorAll(MFA_CODE_FIELD)) {
    if (isCodeInput(element) && isShown(element)) return { codeField: element, scope: scopeOf(element) };
  }
  return undefined;
}

const MAX_ERROR_TEXT = 500;

/** The error the step shows now: a visible error region with text, else a field marked invalid. */
export function shownError(step: MfaStep): ShownError | undefined {
  for (const region of step.scope.querySelectorAll(ERROR_REGION)) {
    const text = region.textContent?.trim() ?? '';
    // Alerts in a dialog or the cookie banner are never the code's answer.
    if (text && isShown(region) && !region.closest(UNRELATED_ALERT_CONTAINER))
      return { element: region, text: text.slice(0, MAX_ERROR_TEXT) };
  }
  const invalid = step.scope.querySelector(INVALID_FIELD);
  return invalid && isShown(invalid) ? { element: invalid, text: '' } : undefined;
}

// nodeType rather than instanceof: DOM nodes reach a content script through another realm's wrappers.
export function asElement(node: Node): Element | undefined {
  return node.nodeType === 1 ? (node as Element) : undefined;
}

/** Whether a mutation changed what an error region says, or added an error to the page. */
export function touchesError(record: MutationRecord): boolean {
  const target = asElement(record.target) ?? record.target.parentElement;
  if (target?.closest(ERROR_REGION)) return true;
  if (record.type === 'attributes') return target?.matches(INVALID_FIELD) ?? false;
  const evidence = `${ERROR_REGION},${INVALID_FIELD}`;
  return [...record.addedNodes].some(
    (node) => asElement(node)?.matches(evidence) || asElement(node)?.querySelector(evidence),
  );
}
