import { lazyComponent } from './lazy-component';

// The popup's views that are not on the way to the code fields, fetched the first time one of them
// shows (bench/budgets.ts, "popup at start"), all in one chunk (popup/on-demand-views.ts). Import
// them from here, not from their component file, or the view is back in the start chunk. Views
// shown above the code fields on every open (session bar, whose device, the paste box and its help)
// stay in the start chunk: loaded later they would appear a frame late and push the fields down. So
// do the error notice and the last outcome: a popup can open showing them, and a notice that
// arrives after the rest is one the user (and the e2e harness, which tells a new notice from an old
// one) would take for an answer to what they do next.

const views = () => import('./on-demand-views');

export const SecondDeviceForm = lazyComponent(() => views().then((m) => m.SecondDeviceForm));
export const RootGuidance = lazyComponent(() => views().then((m) => m.RootGuidance));
export const CopyAsCli = lazyComponent(() => views().then((m) => m.CopyAsCli));
export const PrefillNotice = lazyComponent(() => views().then((m) => m.PrefillNotice));
export const SkewBanner = lazyComponent(() => views().then((m) => m.SkewBanner));
export const SuccessView = lazyComponent(() => views().then((m) => m.SuccessView));
export const AskAdmin = lazyComponent(() => views().then((m) => m.AskAdmin));
export const AdminImport = lazyComponent(() => views().then((m) => m.AdminImport));
