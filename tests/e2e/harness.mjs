// Shared set-up for the end-to-end tests: one static server over the release
// build (under its sub-path), one Chromium, and pages that record every
// console error, page error and request that leaves the origin.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
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

export async function setup({ extraArgs = [] } = {}) {
  const server = await startServer({ root: DIST, base: BASE });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ARGS.concat(extraArgs),
  });
  return { server, browser, url: server.url, origin: new URL(server.url).origin };
}

export async function teardown({ server, browser }) {
  await browser?.close();
  await server?.close();
}

/** A page whose problems are collected in `page.problems` for the test to assert on. */
export async function guardedPage(env, options = {}) {
  const context = await env.browser.newContext(options);
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

/** The dataset the build ships: expected figures are derived from it, not written as constants. */
export function shippedData() {
  return JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
}

/** A guarded desktop-sized page at `q` (relative to the app), once the summary shows. */
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
