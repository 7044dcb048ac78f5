import { lazyView } from './lazy-view';

// The popup's views that are not on the way to the code fields, fetched the first time one of them
// shows (bench/budgets.ts, "popup at start"). Import them from here, not from their component
// file, or the view is back in the start chunk. Views shown above the code fields on every open
// (session bar, whose device, the paste box and its help) stay in the start chunk: loaded later
// they would appear a frame late and push the fields down.

const load = () => import('./on-demand-views');

export const ErrorNotice = lazyView(load, 'ErrorNotice');
export const OutcomeView = lazyView(load, 'OutcomeView');
export const SecondDeviceForm = lazyView(load, 'SecondDeviceForm');
export const RootGuidance = lazyView(load, 'RootGuidance');
export const CopyAsCli = lazyView(load, 'CopyAsCli');
export const PrefillNotice = lazyView(load, 'PrefillNotice');
export const SkewBanner = lazyView(load, 'SkewBanner');
