// The prompt on the sign-in page: plain DOM in a CLOSED shadow root, so the page's CSS cannot
// restyle it, ours cannot leak out, and the page's scripts cannot reach into it. The host is the
// first child of <body>, in the normal flow: it pushes the page down instead of floating over the
// sign-in form's controls.

export type PromptLevel = 'hint' | 'prompt';
export type PromptAction = 'resync' | 'ask-admin' | 'dismiss' | 'suppress' | 'troubleshoot';

export interface PromptView {
  /** hint: one quiet line after a first rejection; prompt: the clear question (alertdialog). */
  level: PromptLevel;
  /** Root user: no Resync of ours, point to the page's own troubleshooting flow instead. */
  root: boolean;
  /** "Don't ask on this account" needs a known account. */
  canSuppress: boolean;
  /** The page has a troubleshoot link to point at. */
  canShowTroubleshoot: boolean;
  /** "Ask an admin": the background said the user has no credentials here and policy allows it. */
  askAdmin?: boolean;
}

export interface Prompt {
  show(view: PromptView): void;
  close(): void;
  isOpen(): boolean;
}

export const PROMPT_HOST_TAG = 'mfa-resync-prompt';

// Inline on the host, with !important: beats any page rule that targets the host element, and
// `all:initial` stops the page's inherited fonts and colours from reaching inside.
const HOST_STYLE = 'all:initial!important;display:block!important';

// No dark variant: the sign-in pages are light, and the box brings its own background.
const CSS =
  '.box{box-sizing:border-box;max-width:40rem;margin:8px auto;padding:10px 14px;font:14px/1.45 system-ui,sans-serif;color:#16191f;background:#f2f8fd;border:1px solid #0972d3;border-radius:8px}' +
  '.prompt{background:#fff;border-width:2px}' +
  '.hint{display:flex;flex-wrap:wrap;align-items:center;gap:6px 10px}.hint p{flex:1 1 14rem}' +
  'h2{margin:0 0 4px;font-size:16px}p{margin:0}.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:10px}' +
  'button{font:inherit;padding:4px 14px;border:1px solid #0972d3;border-radius:16px;background:#fff;color:#0972d3;cursor:pointer}' +
  '.primary{background:#0972d3;color:#fff}.close{border:0;font-size:18px;color:#414d5c;background:none}' +
  'button:focus-visible{outline:3px solid #ec7211;outline-offset:2px}';

type Translate = (key: string) => string;

export function createPrompt(doc: Document, t: Translate, onAction: (action: PromptAction) => void): Prompt {
  let host: HTMLElement | undefined;
  let root: ShadowRoot | undefined;
  let focusBefore: Element | null = null;

  function element<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    text?: string,
    attributes: Record<string, string> = {},
  ) {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  function button(action: PromptAction, text: string, attributes: Record<string, string> = {}): HTMLButtonElement {
    const node = element('button', text, { type: 'button', ...attributes });
    node.addEventListener('click', () => onAction(action));
    return node;
  }

  function ensureRoot(): ShadowRoot {
    if (!host || !root) {
      host = doc.createElement(PROMPT_HOST_TAG);
      host.setAttribute('style', HOST_STYLE);
      root = host.attachShadow({ mode: 'closed' });
      // Escape anywhere inside closes, like "Not now"; events from inside stay inside.
      root.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Escape') onAction('dismiss');
      });
    }
    if (!host.isConnected) doc.body.prepend(host);
    return root;
  }

  function actionsFor(view: PromptView): HTMLButtonElement[] {
    const main = view.root
      ? view.canShowTroubleshoot
        ? [button('troubleshoot', t('prompt_root_show'), { class: 'primary' })]
        : []
      : [
          button('resync', t('prompt_resync'), { class: 'primary' }),
          // Only on the clear prompt: the quiet hint stays one line.
          ...(view.askAdmin && view.level === 'prompt' ? [button('ask-admin', t('prompt_ask_admin'))] : []),
        ];
    if (view.level === 'hint')
      return [...main, button('dismiss', '×', { class: 'close', 'aria-label': t('prompt_close') })];
    return [
      ...main,
      button('dismiss', t('prompt_not_now')),
      ...(view.canSuppress ? [button('suppress', t('prompt_dont_ask'))] : []),
    ];
  }

  function render(view: PromptView): HTMLElement {
    const buttons = actionsFor(view);
    if (view.level === 'hint') {
      const box = element('div', undefined, { class: 'box hint', role: 'status' });
      box.append(element('p', t(view.root ? 'prompt_root_hint' : 'prompt_hint')), ...buttons);
      return box;
    }
    const box = element('section', undefined, {
      class: 'box prompt',
      role: 'alertdialog',
      'aria-labelledby': 'mfa-resync-title',
      'aria-describedby': 'mfa-resync-body',
    });
    const actions = element('div', undefined, { class: 'actions' });
    actions.append(...buttons);
    box.append(
      element('h2', t(view.root ? 'prompt_root_title' : 'prompt_title'), { id: 'mfa-resync-title' }),
      element('p', t(view.root ? 'prompt_root_body' : 'prompt_body'), { id: 'mfa-resync-body' }),
      actions,
    );
    return box;
  }

  return {
    show(view) {
      const shadow = ensureRoot();
      const style = element('style', CSS);
      const box = render(view);
      shadow.replaceChildren(style, box);
      if (view.level === 'prompt') {
        // An alertdialog takes focus, so keyboard and screen-reader users meet it at once; the
        // element focused before (the code field) gets it back on close.
        if (doc.activeElement !== host) focusBefore = doc.activeElement;
        box.querySelector('button')?.focus();
      }
    },
    close() {
      if (!host?.isConnected) return;
      const hadFocus = doc.activeElement === host;
      host.remove();
      root?.replaceChildren();
      if (hadFocus && focusBefore?.isConnected && 'focus' in focusBefore) (focusBefore as HTMLElement).focus();
      focusBefore = null;
    },
    isOpen: () => host?.isConnected ?? false,
  };
}
