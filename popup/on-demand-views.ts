// Every view the popup loads on demand, in one chunk (popup/lazy-views.ts): a chunk per view would
// cost more in gzip headers, import lists and a dictionary gzip cannot share between files than
// the smaller views weigh (one chunk instead of three: 0.9 KB less gzip, npm run bench).
export { AdminImport } from './components/AdminImport';
export { AskAdmin } from './components/AskAdmin';
export { CopyAsCli } from './components/CopyAsCli';
export { PrefillNotice } from './components/PrefillNotice';
export { RootGuidance } from './components/RootGuidance';
export { SecondDeviceForm } from './components/SecondDeviceForm';
export { SkewBanner } from './components/SkewBanner';
export { SuccessView } from './components/SuccessView';
