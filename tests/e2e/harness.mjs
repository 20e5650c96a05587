// Shared set-up for the end-to-end tests: one static server over the release
// build (under its sub-path), one browser, and pages that record every
// console error, page error and request that leaves the origin.
//
// The browser is the one adapter between the test files and the engines:
// E2E_BROWSER=chromium (default) drives Debian's Chromium over CDP, and
// E2E_BROWSER=firefox drives Debian's Firefox ESR over WebDriver BiDi through
// playwright-core's `moz-firefox` channel, so both run the same test files
// with the same API. Tests that need an engine-only feature ask `env.engine`.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, firefox } from 'playwright-core';
import { startServer } from './static-server.mjs';

export const DIST = process.env.E2E_DIST || 'dist-e2e';
export const BASE = process.env.E2E_BASE || '/cloud-atlas/e2e/';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const ENGINE = process.env.E2E_BROWSER || 'chromium';
if (!['chromium', 'firefox'].includes(ENGINE)) throw new Error(`E2E_BROWSER=${ENGINE}: expected chromium or firefox`);

/** Firefox preferences for a quiet, deterministic headless run (no updates, telemetry or network probes). */
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'toolkit.telemetry.enabled': false,
  // A light page unless a test asks for dark (below), whatever the machine's theme.
  'layout.css.prefers-color-scheme.content-override': 1,
};

/**
 * Context options Playwright's BiDi Firefox does not apply per context (its media
 * emulation is a no-op there), as Firefox preferences; a test asking for one gets a
 * second Firefox launched with them, once per test file.
 */
const FIREFOX_OPTION_PREFS = {
  colorScheme: (v) => ({ 'layout.css.prefers-color-scheme.content-override': v === 'dark' ? 0 : 1 }),
  reducedMotion: (v) => ({ 'ui.prefersReducedMotion': v === 'reduce' ? 1 : 0 }),
  javaScriptEnabled: (v) => ({ 'javascript.enabled': v !== false }),
};

async function launch(engine, { chromiumArgs = [], firefoxPrefs = {}, downloads }) {
  if (engine === 'firefox') {
    return firefox.launch({
      channel: 'moz-firefox',
      executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
      firefoxUserPrefs: { ...FIREFOX_PREFS, ...firefoxPrefs },
      downloadsPath: downloads,
    });
  }
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ARGS.concat(chromiumArgs),
  });
}

/**
 * `chromiumArgs` are extra Chromium switches, `firefoxPrefs` extra Firefox
 * preferences: each engine ignores the other's. `handle` lets a test's own server
 * answer some paths itself (see `startServer`).
 */
export async function setup({ chromiumArgs = [], firefoxPrefs = {}, handle } = {}) {
  const server = await startServer({ root: DIST, base: BASE, handle });
  // Firefox writes downloads here (see `download`); Chromium hands them over through Playwright.
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-downloads-'));
  const browser = await launch(ENGINE, { chromiumArgs, firefoxPrefs, downloads });
  const variants = new Map();
  return {
    server,
    browser,
    engine: ENGINE,
    downloads,
    url: server.url,
    origin: new URL(server.url).origin,
    /** The browser to open `options` in: the main one, or (Firefox) one launched with the preferences they need. */
    async browserFor(options) {
      if (ENGINE !== 'firefox') return browser;
      const base = { ...FIREFOX_PREFS, ...firefoxPrefs };
      // Only the preferences the main browser does not already have call for another one.
      const prefs = Object.fromEntries(
        Object.entries(FIREFOX_OPTION_PREFS)
          .filter(([k]) => options[k] !== undefined)
          .flatMap(([k, f]) => Object.entries(f(options[k])))
          .filter(([name, value]) => base[name] !== value),
      );
      const key = JSON.stringify(Object.entries(prefs).sort());
      if (key === '[]') return browser;
      if (!variants.has(key)) variants.set(key, launch(ENGINE, { firefoxPrefs: { ...firefoxPrefs, ...prefs }, downloads }));
      return variants.get(key);
    },
    variants,
  };
}

export async function teardown(env) {
  for (const b of env?.variants?.values() ?? []) await (await b).close();
  await env?.browser?.close();
  await env?.server?.close();
  if (env?.downloads) fs.rmSync(env.downloads, { recursive: true, force: true });
}

/**
 * Firefox's BiDi can fail to create a tab while another is being created ("TabManager
 * .getTabBrowser(...) is undefined"), so in Firefox contexts and pages are made one at a time.
 */
let creating = Promise.resolve();
function oneAtATime(make) {
  const made = creating.then(make, make);
  creating = made.catch(() => {});
  return made;
}

/** A new browser context for `options`, in whichever browser applies them (see `browserFor`). */
export async function newContext(env, options = {}) {
  const browser = await env.browserFor(options);
  if (env.engine !== 'firefox') return browser.newContext(options);
  const context = await oneAtATime(() => browser.newContext(options));
  const newPage = context.newPage.bind(context);
  context.newPage = () => oneAtATime(newPage);
  return context;
}

/** A page whose problems are collected in `page.problems` for the test to assert on. */
export async function guardedPage(env, options = {}) {
  const context = await newContext(env, options);
  const page = await context.newPage();
  page.problems = { console: [], errors: [], offOrigin: [] };
  page.on('console', (m) => m.type() === 'error' && page.problems.console.push(m.text()));
  page.on('pageerror', (e) => page.problems.errors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(env.origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) {
      page.problems.offOrigin.push(u);
    }
  });
  // Every Content-Security-Policy violation is recorded for the test to read.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.cspViolations = () => page.evaluate(() => window.__csp);
  // A test that leaves the origin must fail, and must not actually reach out.
  await context.route((u) => !u.href.startsWith(env.origin + '/'), (route) => route.abort());
  return page;
}

/**
 * The colour schemes a repeated axe sweep runs in. Contrast is computed from CSS
 * colours, which both engines resolve alike, so the second engine's repeat of a
 * sweep in dark (the slowest part of the Firefox run) checks the light scheme only,
 * `a11y.test.mjs` included. Chromium sweeps every view in both schemes; in Firefox the
 * dark scheme is still checked by axe on the old-link notice (history.test.mjs) and by
 * the contrast measurements of the map and coverage (reference.test.mjs).
 */
export function schemes() {
  return ENGINE === 'firefox' ? ['light'] : ['light', 'dark'];
}

/** The dataset the build ships: expected figures are derived from it, not written as constants. */
export function shippedData() {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
}

/** Resolves once the app has taken over from the pre-render (whose controls are inert HTML). */
export const revealed = (page) =>
  page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('[data-testid=summary]'));

/** A guarded desktop-sized page at `q` (relative to the app), once the summary shows. */
/**
 * The records a link without a provider key shows: those of the providers the dataset
 * compares by default and the market's events (everything, when every provider is one).
 */
export function byDefault(data) {
  const ids = new Set(data.providers.filter((p) => p.default !== false).map((p) => p.id));
  if (ids.size === data.providers.length) return { regions: data.regions, events: data.events };
  ids.add('market');
  return { regions: data.regions.filter((r) => ids.has(r.provider)), events: data.events.filter((e) => ids.has(e.provider)) };
}

/**
 * The query a click on provider chip `id` writes from a link without a provider key: the
 * chip toggles its provider in or out of the default comparison (`core::edit::apply`).
 */
export function chipQuery(data, id) {
  const defaults = data.providers.filter((p) => p.default !== false).map((p) => p.id);
  const start = defaults.length === data.providers.length ? [] : [...defaults, 'market'];
  const set = new Set(start);
  if (set.has(id)) set.delete(id);
  else set.add(id);
  const same = set.size === start.length && start.every((x) => set.has(x));
  return same || set.size === 0 ? '' : `?provider=${[...set].sort().join(',')}`;
}

export async function openAt(env, q = '', options = {}) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=summary]');
  return page;
}

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.0/2.1/2.2 A and AA violations on the page as it is, one line each. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Clicks what `trigger` clicks and returns the file the browser saved: its name and bytes.
 * Chromium reports the download through Playwright; Firefox ESR's BiDi download events
 * carry no id Playwright can use, so the file Firefox itself wrote to `env.downloads`
 * is read (a finished download has its own name; `.part` means still writing).
 */
export async function download(env, page, trigger) {
  if (env.engine !== 'firefox') {
    const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
    return { name: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
  }
  const before = new Set(fs.readdirSync(env.downloads));
  await trigger();
  const deadline = Date.now() + 30000;
  // Symptom seen in CI: a PNG download failed with ENOENT on a file named like
  // `IPheXFj8.png`. Firefox may write a download under a temporary name and then
  // rename it, so a file listed in one poll can be gone by the read. A file counts
  // as finished once two polls in a row see the same single name with the same size;
  // a file that vanished in between is simply polled again.
  let last = null;
  const sizeOf = (file) => {
    try {
      return fs.statSync(file).size;
    } catch (e) {
      if (e.code === 'ENOENT') return -1;
      throw e;
    }
  };
  for (;;) {
    const files = fs.readdirSync(env.downloads);
    const fresh = files.filter((f) => !before.has(f) && !f.endsWith('.part'));
    const writing = files.some((f) => f.endsWith('.part'));
    if (fresh.length === 1 && !writing) {
      const file = path.join(env.downloads, fresh[0]);
      const size = sizeOf(file);
      const seen = `${fresh[0]}:${size}`;
      if (size > 0 && seen === last) {
        let body = null;
        try {
          body = fs.readFileSync(file);
        } catch (e) {
          if (e.code !== 'ENOENT') throw e;
        }
        if (body) {
          fs.rmSync(file, { force: true });
          return { name: fresh[0], body };
        }
      }
      last = seen;
    } else {
      last = null;
    }
    if (fresh.length > 1) throw new Error(`one click saved ${fresh.length} files: ${fresh.join(', ')}`);
    if (Date.now() > deadline) throw new Error(`no download finished within 30 s (${files.join(', ') || 'nothing'} in ${env.downloads})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The page as printed: Chromium emulates the print medium (the app's `matchMedia`
 * listener then writes the source list); Firefox's BiDi cannot, so the stylesheet's
 * `@media print` rules are made to apply on screen through the CSSOM, and the source
 * list comes from the real `beforeprint` that `page.pdf()` fires.
 */
export async function emulatePrint(env, page) {
  if (env.engine !== 'firefox') return page.emulateMedia({ media: 'print' });
  await page.evaluate(() => {
    const walk = (rules) => {
      for (const rule of rules) {
        if (rule instanceof CSSMediaRule) {
          const m = rule.media.mediaText;
          if (/\bprint\b/.test(m)) rule.media.mediaText = m.replace(/\bprint\b/g, 'all');
          else if (/\bscreen\b/.test(m)) rule.media.mediaText = 'not all';
          walk(rule.cssRules);
        }
      }
    };
    for (const sheet of document.styleSheets) walk(sheet.cssRules);
  });
}

/**
 * Replaces a box's text the way a person does: select all, then type (or delete).
 * Playwright's `fill` sets the value from script, after which Firefox fires no
 * `change` on Enter, and in Firefox it appends to a number box instead of replacing.
 */
export async function retype(box, text) {
  await box.focus();
  await box.press('ControlOrMeta+a');
  if (text === '') await box.press('Backspace');
  else await box.pressSequentially(text);
}
