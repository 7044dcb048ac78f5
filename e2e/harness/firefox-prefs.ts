// Preferences for the throw-away Firefox profile of the e2e harness. puppeteer-core already writes
// a long list of test defaults (no safe browsing, no default-browser check, blank start page, dummy
// remote-settings / Normandy URLs, ...); these come on top of them. The machine has no internet,
// so every background service that would try to phone home only adds DNS timeouts and stderr noise.

export type FirefoxPrefs = Record<string, string | number | boolean>;

const OFFLINE_QUIET: FirefoxPrefs = {
  // Updates: Debian's package manager updates Firefox ESR; never let the app or add-ons try.
  'app.update.auto': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'media.gmp-manager.updateEnabled': false,
  // Telemetry, studies, experiments, data reporting.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'toolkit.coverage.opt-out': true,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.normandy.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  // First-run and onboarding pages would open extra tabs next to the ones a scenario drives.
  'browser.aboutwelcome.enabled': false,
  'browser.startup.firstrunSkipsHomepage': true,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.firstRunURL': '',
  'trailhead.firstrun.didSeeAboutWelcome': true,
  'browser.discovery.enabled': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'extensions.getAddons.showPane': false,
  // Network probes: captive portal, connectivity, DNS-over-HTTPS, OCSP, geo/region lookups, prefetch.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'captivedetect.canonicalURL': '',
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  // Direct connections only: a proxy from the environment must never see sandbox traffic.
  'network.proxy.type': 0,
};

/**
 * All prefs for one run. `devtools.console.stdout.content` is what makes console capture possible:
 * Firefox then prints every console call of non-privileged code — extension pages, the background
 * script, content scripts (and web pages) — to stdout as `console.<level>: <args>`.
 */
export function firefoxPrefs(geckoId: string, uuid: string, overrides: FirefoxPrefs = {}): FirefoxPrefs {
  return {
    ...OFFLINE_QUIET,
    // Fixes the moz-extension://<uuid> origin, which Firefox otherwise picks at random per profile.
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    'devtools.console.stdout.content': true,
    // Firefox's own privileged code must not mix its console into the extension's lines.
    'devtools.console.stdout.chrome': false,
    ...overrides,
  };
}
