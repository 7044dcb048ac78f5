// Every view the popup loads on demand, in one chunk (popup/lazy-views.ts): one small file per view
// would cost more in gzip headers and import lists than the views themselves.
export { CopyAsCli } from './components/CopyAsCli';
export { PrefillNotice } from './components/PrefillNotice';
export { RootGuidance } from './components/RootGuidance';
export { SecondDeviceForm } from './components/SecondDeviceForm';
export { SkewBanner } from './components/SkewBanner';
