// The model-based interaction test's engine: a model of what a person has done
// (the UI state the URL does not hold, the history stack), a seeded generator of
// the next step from that model, the steps as real interactions in the browser, and
// after every step a comparison of the page with the oracle's answer for the
// model's URL. Steps are plain JSON, so a failing sequence prints, shrinks and replays.

import { differences } from './check.mjs';
import { newContext, retype } from '../harness.mjs';

const STEP = 250; // rows per "Show more" (ROWS_STEP in src/core/table.rs)
const MAX_Q_UNITS = 200; // the search box's maxlength
const REGION_COLS = ['Region', 'Provider', 'Country', 'Opened', 'Status', 'Zones', 'Confidence', 'Evidence'];
const EVENT_COLS = ['Date', 'Provider', 'Kind', 'Event', 'Country', 'Amount', 'Confidence'];
const VIEWS = ['map', 'timeline', 'compare', 'table', 'coverage', 'changes', 'promises'];
const KINDS = ['region_launch', 'datacenter_launch', 'announcement', 'investment', 'partnership', 'closure', 'market_figure'];
const STATUSES = ['live', 'listed', 'announced', 'retired'];
const WAIT_MS = 10_000;

const freshTable = () => ({ events: false, region: ['Provider', 'asc'], event: ['Date', 'asc'], regionShown: STEP, eventShown: STEP });
// The coverage table's order (Col::DEFAULT in src/core/coverage.rs): the view's own state, like the table's.
const freshCoverage = () => ['people', 'desc'];

/** Text a person might put in the search box: names from the data, diacritics, CJK, spaces, long and hostile text. */
function searchTexts(data) {
  const cities = [...new Set(data.regions.map((r) => r.city).filter(Boolean))];
  const countries = [...new Set(data.regions.map((r) => r.country))];
  return {
    words: [...cities, ...countries, 'sao ', 'paulo', 'São Paulo', 'Querétaro', 'queretaro', 'riyadh', 'frankfurt', 'tencent', 'alibaba', 'ZONE', '  ', ' ', 'x', 'é', '<b>', '"\'&', '%41', '+'],
    cjk: ['新加坡', '東京', '利雅得', '阿里云', '腾讯云', 'ソウル', '서울'],
    long: ['lorem ipsum dolor sit amet '.repeat(12), 'a'.repeat(240), 'riyadh '.repeat(40)],
  };
}

/** URLs a person might type or paste by hand: real filters, junk, broken escapes, unknown keys. */
export function handTypedQuery(r, data) {
  const ids = data.regions.map((x) => x.id).concat(data.events.map((x) => x.id));
  const parts = [];
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    parts.push(
      r.weighted([
        [3, () => `view=${r.pick([...VIEWS, 'TABLE', 'globe', ''])}`],
        [3, () => `provider=${r.pick(['alibaba', 'tencent', 'market', 'Tencent', 'aws', 'alibaba,tencent', 'alibaba%2Ctencent'])}`],
        [2, () => `area=${r.pick(data.areas.map((a) => a.id).concat(['mars', 'ME']))}`],
        [2, () => `country=${r.pick(['SA', 'mx', 'DE,JP', 'XX', 'Mexico', 'sa%2cae'])}`],
        [2, () => `${r.pick(['from', 'to'])}=${r.pick(['2015', '2019', '2024', '1800', 'abc', '2030', ''])}`],
        [2, () => `kind=${r.pick([...KINDS, 'merger'])}`],
        [2, () => `status=${r.pick([...STATUSES, 'open'])}`],
        [2, () => `q=${r.pick(['riyadh', 'S%C3%A3o+Paulo', '%E6%96%B0%E5%8A%A0%E5%9D%A1', '%zz', '%E6%96', 'a%', '%%', '+++', '%3Cscript%3E'])}`],
        [2, () => `sel=${encodeURIComponent(r.pick([...ids, 'nope:1']))}`],
        [3, () => `d=${r.pick([data.version, ...(data.changes ?? []).map((e) => e.version), '2020-01-01', '2099-12-31', 'bad version!'])}`],
        [1, () => `embed=${r.pick(['1', '0', 'yes'])}`],
        [2, () => `lang=${r.pick(['zh', 'zh', 'ZH', 'en', 'fr', ''])}`],
        [1, () => `shade=${r.pick([...data.providers.map((p) => p.id), 'Tencent', 'market', 'aws', '%20', 'a,b', 'ref', 'REF'])}`],
        [2, () => `ref=${r.pick(['1', '1', '0', 'yes', ''])}`],
        [1, () => r.pick(['zzz=1', 'utm_source=x', '=', '&&', 'view', '%', '%G1=2', 'Q=upper'])],
      ])(),
    );
  }
  return '?' + parts.join('&');
}

let clipboardQueue = Promise.resolve();
/** Waits for the clipboard; resolves to the function that hands it on. */
function clipboardLock() {
  let release;
  const mine = new Promise((r) => (release = r));
  const turn = clipboardQueue.then(() => release);
  clipboardQueue = clipboardQueue.then(() => mine);
  return turn;
}

export class Driver {
  constructor({ env, oracle, data, dataset }) {
    Object.assign(this, { env, oracle, data, dataset });
    this.texts = searchTexts(data);
    this.providers = data.providers.map((p) => p.id).concat(['market']);
    this.countries = [...new Set(data.regions.map((x) => x.iso2).concat(data.events.map((e) => e.iso2).filter(Boolean)))];
  }

  /**
   * A new document at `start` in this driver's page; returns a fresh model. The page is
   * kept between sequences (its HTTP and code caches make a start cheap); the model never
   * goes back past its own first entry, so earlier sequences' history is out of reach.
   */
  async open(start) {
    if (!this.page) {
      const context = await newContext(this.env, { viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      page.problems = [];
      page.on('pageerror', (e) => page.problems.push(`page error: ${e}`));
      page.on('console', (m) => m.type() === 'error' && page.problems.push(`console error: ${m.text()}`));
      await context.route((u) => !u.href.startsWith(this.env.origin + '/'), (route) => {
        page.problems.push(`left the origin: ${route.request().url()}`);
        return route.abort();
      });
      // What the app reads is what the browser made of the typed address, before the app rewrites it.
      await context.addInitScript(() => {
        window.__initialSearch = location.search;
      });
      if (this.dataset) {
        const body = this.dataset.text;
        await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      }
      this.page = page;
    }
    this.page.problems.length = 0;
    // Each driver's page is a window of its own. Chromium emulates focus for every page;
    // Firefox gives it to one window only, and in the others focus moves without
    // `blur`/`change` (a typed year would never commit), as in a window behind another.
    await this.page.bringToFront();
    const m = { history: [], index: -1, version: this.data.version };
    await this.load(m, start, 'goto');
    return m;
  }

  async close() {
    await this.page?.context().close();
    this.page = null;
  }

  /** A new document: the app boots and reads the URL. */
  async load(m, raw, how) {
    const page = this.page;
    if (how === 'goto') await page.goto(this.env.url + raw);
    else if (how === 'reload') await page.reload();
    await page.waitForSelector('[data-testid=summary]', { timeout: WAIT_MS });
    const read = await page.evaluate(() => {
      window.__modelDoc = true;
      return window.__initialSearch;
    });
    // The access date a citation carries: the browser's own local date.
    this.today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    const exp = await this.oracle.page(read, 'World', freshTable(), freshCoverage());
    Object.assign(m, {
      coverage: freshCoverage(),
      url: exp.canonical,
      issues: exp.issues,
      dataDismissed: false,
      citeOpen: false,
      zoom: exp.initialZoom,
      table: freshTable(),
      box: null,
      embed: exp.embed,
    });
    if (how === 'goto') {
      m.history.splice(m.index + 1);
      m.history.push(exp.canonical);
      m.index++;
    }
  }

  /** Waits until the page shows what the oracle says for the model; returns the differences left. */
  /** The oracle's page for the model (the last answer is reused while the model is unchanged). */
  async expected(m) {
    const key = JSON.stringify([m.url, m.zoom, m.table, m.coverage]);
    const cite = { base: this.env.url, accessed: this.today };
    if (this.cached?.key !== key) this.cached = { key, exp: await this.oracle.page(m.url ? `?${m.url}` : '', m.zoom, m.table, m.coverage, cite) };
    return this.cached.exp;
  }

  /** After a change of the search text from elsewhere, the box keeps its text only if it still says the same. */
  async externalQ(m) {
    if (m.box !== null) {
      const q = new URLSearchParams(m.url).get('q') || '';
      if ((await this.oracle.normalize(m.box)) !== q) m.box = null;
    }
  }

  async check(m, keyboard = false) {
    const exp = await this.expected(m);
    const arg = { exp, model: m, keyboard };
    try {
      await this.page.waitForFunction(differences, { ...arg, wait: true }, { timeout: WAIT_MS, polling: 50 }).then((h) => h.dispose());
    } catch (e) {
      if (!/Timeout/.test(e.message)) throw e;
    }
    const diffs = await this.page.evaluate(differences, arg);
    const problems = this.page.problems.splice(0);
    return diffs.concat(problems.map((p) => ({ what: 'page problem', got: p, want: 'none' })));
  }

  /** An edit through the oracle: the URL it leads to and the history entry it makes. */
  async edited(m, edit) {
    const a = await this.oracle.edit(m.url, edit);
    if (a.entry === 'push') {
      m.history.splice(m.index + 1);
      m.history.push(a.query);
      m.index++;
    } else if (a.entry === 'replace') {
      m.history[m.index] = a.query;
    }
    m.url = a.query;
    return a;
  }

  view(m) {
    return new URLSearchParams(m.url).get('view') || 'map';
  }

  /** The next step for this model, from the seeded generator. */
  async next(m, r) {
    const exp = await this.expected(m);
    const view = exp.view;
    const choices = [];
    const add = (w, f) => choices.push([w, f]);
    if (!m.embed) {
      add(6, () => ({ t: 'chip', id: r.pick(this.providers) }));
      add(6, () => {
        const facet = r.pick(['area', 'country', 'kind', 'status']);
        const ids = { area: this.data.areas.map((a) => a.id), country: this.countries, kind: KINDS, status: STATUSES }[facet];
        return { t: 'menu', facet, id: r.pick(ids), close: r.pick(['escape', 'summary']) };
      });
      add(3, () => ({ t: 'year', which: r.pick(['from', 'to']), text: r.chance(0.15) ? '' : String(2005 + r.int(25)), commit: r.pick(['Enter', 'Tab']) }));
      add(6, () => {
        const mode = r.weighted([[4, 'keys'], [2, 'fill'], [1, 'insert'], [1, 'clear']]);
        const text = mode === 'clear' ? '' : r.weighted([[6, () => r.pick(this.texts.words)], [2, () => r.pick(this.texts.cjk)], [1, () => r.pick(this.texts.long)]])();
        return { t: 'type', mode, text };
      });
      add(6, () => ({ t: 'tab', view: r.pick(VIEWS.filter((v) => v !== view)) }));
      if (exp.controls.active > 0) add(2, () => ({ t: 'reset' }));
      add(1, () => ({ t: 'copy' }));
      // The reference layer's switch (AWS, Azure, Google Cloud).
      add(3, () => ({ t: 'ref' }));
      add(2, () => ({ t: 'cite', copy: r.pick(['text', 'bibtex', null]) }));
    }
    if (view === 'map') add(3, () => ({ t: 'zoom', label: r.pick(exp.zooms) }));
    if (view === 'table') {
      add(3, () => ({ t: 'sort', label: r.pick(m.table.events ? EVENT_COLS : REGION_COLS) }));
      add(2, () => ({ t: 'tableTab', events: !m.table.events }));
      const shown = m.table.events ? m.table.eventShown : m.table.regionShown;
      if (shown < exp.table.total) add(8, () => ({ t: 'more', how: r.pick(['click', 'keys']) }));
    }
    if (view === 'coverage') {
      add(3, () => ({ t: 'shade', id: r.pick([null, ...exp.coverage.shadeIds]) }));
      add(3, () => ({ t: 'coverageSort', id: r.pick(Object.keys(exp.coverage.columns)) }));
    }
    add(6, () => ({ t: 'open', k: r.int(1000), how: r.pick(['click', 'keys']) }));
    if (exp.detail) add(5, () => ({ t: 'close', how: r.pick(['button', 'escape']) }));
    if (m.index > 0) add(3, () => ({ t: 'back' }));
    if (m.index < m.history.length - 1) add(2, () => ({ t: 'forward' }));
    add(1, () => ({ t: 'reload' }));
    add(2, () => ({ t: 'goto', raw: handTypedQuery(r, this.data) }));
    if (m.issues.length) add(1, () => ({ t: 'dismiss' }));
    // A link made with another data version: what changed since, and what a person does with it.
    if (exp.since && !m.dataDismissed) {
      add(2, () => ({ t: 'stamp' }));
      add(2, () => ({ t: 'sinceOpen', k: r.int(1000) }));
      add(1, () => ({ t: 'dataDismiss' }));
    }
    return r.weighted(choices)();
  }

  /** Copy link: the clipboard must hold this page's address of the view, stamped with the data version. */
  async copyLink(m) {
    const page = this.page;
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('button', { name: (await this.expected(m)).labels.copyLink }).click();
    const want = `${this.env.url}?${(await this.expected(m)).copyLink}`;
    const got = await page.waitForFunction(async () => (await navigator.clipboard.readText()) || false, null, { timeout: WAIT_MS }).then((h) => h.jsonValue());
    if (got !== want) throw new Error(`Copy link copied ${got}, expected ${want}`);
  }

  /**
   * Performs one step on the page and updates the model; returns whether focus must
   * be checked, or 'skip' when the step does not apply (a shrunk sequence may hold such).
   */
  async run(m, s) {
    const page = this.page;
    const view = this.view(m);
    const filterBar = !m.embed;
    switch (s.t) {
      case 'chip': {
        if (!filterBar) return 'skip';
        const L = (await this.expected(m)).labels;
        const name = L.chips[s.id];
        await page.getByRole('group', { name: L.providers }).getByRole('button', { name: new RegExp(`^${name} `) }).click();
        await this.edited(m, { kind: 'toggle', facet: 'provider', id: s.id });
        return false;
      }
      case 'ref': {
        if (!filterBar) return 'skip';
        const on = (await this.expected(m)).controls.reference;
        await page.locator('[data-testid=ref-switch]').click();
        await this.edited(m, { kind: 'reference', on: !on });
        return false;
      }
      case 'menu': {
        if (!filterBar) return 'skip';
        const menu = page.locator(`details[data-facet=${s.facet}]`);
        await menu.locator('summary').click();
        await menu.locator(`input[value="${s.id}"]`).click();
        if (s.close === 'escape') await page.keyboard.press('Escape');
        else await menu.locator('summary').click();
        await this.edited(m, { kind: 'toggle', facet: s.facet, id: s.id });
        return s.close === 'escape';
      }
      case 'year': {
        if (!filterBar) return 'skip';
        const L = (await this.expected(m)).labels;
        const box = page.getByLabel(s.which === 'from' ? L.fromYear : L.toYear);
        await retype(box, s.text);
        await box.press(s.commit);
        await this.edited(m, { kind: s.which, text: s.text });
        return true;
      }
      case 'type': {
        if (!filterBar) return 'skip';
        const box = page.locator('input[type=search]');
        const before = await box.inputValue();
        if (s.mode === 'fill' || s.mode === 'clear') {
          await box.fill(s.text);
        } else {
          await box.click();
          await box.press('End');
          if (s.mode === 'keys') await page.keyboard.type(s.text);
          else await page.keyboard.insertText(s.text);
        }
        const typed = (s.mode === 'fill' || s.mode === 'clear' ? s.text : before + s.text).slice(0, MAX_Q_UNITS);
        m.box = typed;
        await this.edited(m, { kind: 'q', text: typed });
        return true;
      }
      case 'tab': {
        if (!filterBar || view === s.view) return 'skip';
        const L = (await this.expected(m)).labels;
        await page.getByRole('navigation', { name: L.views }).getByRole('link', { name: L.tabs[s.view], exact: true }).click();
        await this.edited(m, { kind: 'view', id: s.view });
        return false;
      }
      case 'reset': {
        const L = (await this.expected(m)).labels;
        if (!filterBar || !(await page.getByRole('button', { name: L.reset }).isEnabled())) return 'skip';
        await page.getByRole('button', { name: L.reset }).click();
        await this.edited(m, { kind: 'reset' });
        await this.externalQ(m);
        return false;
      }
      case 'copy': {
        if (!filterBar) return 'skip';
        // The clipboard is the browser's, shared by the parallel pages: one copy at a time.
        const release = await clipboardLock();
        try {
          await this.copyLink(m);
        } finally {
          release();
        }
        return false;
      }
      case 'cite': {
        if (!filterBar) return 'skip';
        const L = (await this.expected(m)).labels;
        await page.getByRole('button', { name: L.cite, exact: true }).click();
        m.citeOpen = !m.citeOpen;
        if (!m.citeOpen || !s.copy) return false;
        const release = await clipboardLock();
        try {
          await page.evaluate(() => navigator.clipboard.writeText(''));
          await page.getByRole('button', { name: s.copy === 'text' ? L.citeCopyText : L.citeCopyBibtex }).click();
          const want = (await this.expected(m)).cite[s.copy];
          const got = await page.waitForFunction(async () => (await navigator.clipboard.readText()) || false, null, { timeout: WAIT_MS }).then((h) => h.jsonValue());
          if (got !== want) throw new Error(`Cite copied ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
        } finally {
          release();
        }
        return false;
      }
      case 'zoom': {
        if (view !== 'map') return 'skip';
        const L = (await this.expected(m)).labels;
        if (!(await this.expected(m)).zooms.includes(s.label)) return 'skip';
        await page.getByRole('group', { name: L.zoomTo }).getByRole('button', { name: s.label, exact: true }).click();
        m.zoom = s.label;
        return false;
      }
      case 'sort': {
        if (view !== 'table') return 'skip';
        const tid = m.table.events ? 'event-table' : 'region-table';
        const L = (await this.expected(m)).labels;
        const shown = (m.table.events ? L.eventColumns : L.regionColumns)[s.label];
        if (!shown) return 'skip';
        await page.locator(`[data-testid=${tid}] thead button`, { hasText: new RegExp(`^${shown}`) }).click();
        const key = m.table.events ? 'event' : 'region';
        const [col, dir] = m.table[key];
        m.table[key] = col === s.label ? [col, dir === 'asc' ? 'desc' : 'asc'] : [s.label, 'asc'];
        return false;
      }
      case 'shade': {
        if (view !== 'coverage') return 'skip';
        const link = page.locator(`[data-testid=coverage-switch] a[data-shade="${s.id ?? '-'}"]`);
        if (!(await link.count())) return 'skip';
        await link.click();
        await this.edited(m, { kind: 'shade', id: s.id });
        return false;
      }
      case 'coverageSort': {
        if (view !== 'coverage') return 'skip';
        const button = page.locator(`[data-testid=coverage-table] button[data-sort="${s.id}"]`);
        if (!(await button.count())) return 'skip';
        const first = (await this.expected(m)).coverage.columns[s.id];
        await button.click();
        const [col, dir] = m.coverage;
        m.coverage = col === s.id ? [col, dir === 'asc' ? 'desc' : 'asc'] : [s.id, first];
        return false;
      }
      case 'tableTab': {
        if (view !== 'table') return 'skip';
        const L = (await this.expected(m)).labels;
        const prefix = (s.events ? L.eventsTab : L.regionsTab).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        await page.locator('.table-switch button', { hasText: new RegExp(`^${prefix}`) }).click();
        m.table.events = s.events;
        return false;
      }
      case 'more': {
        if (view !== 'table' || !(await page.locator('[data-testid=more-rows] button').count())) return 'skip';
        const button = page.locator('[data-testid=more-rows] button');
        if (s.how === 'keys') {
          await button.focus();
          await page.keyboard.press('Enter');
        } else {
          await button.click();
        }
        const key = m.table.events ? 'eventShown' : 'regionShown';
        m.table[key] = Math.min(m.table[key], (await this.expected(m)).table.total) + STEP;
        return s.how === 'keys';
      }
      case 'open': {
        const container = { map: '.map__markers', table: '.table-wrap', timeline: '[data-testid=timeline-chart]', compare: '.compare-view', coverage: '[data-testid=coverage-table]', changes: '[data-testid=changes-list]', promises: '[data-testid=promises-table]' }[view];
        const targets = page.locator(`${container} [data-sel-id]`);
        const n = await targets.count();
        if (!n) return 'skip';
        const target = targets.nth(s.k % n);
        let id = await target.getAttribute('data-sel-id');
        if (s.how === 'keys') {
          await target.focus();
          await page.keyboard.press('Enter');
        } else {
          // A click lands on whatever is on top where the pointer is (timeline marks can overlap).
          await target.scrollIntoViewIfNeeded();
          const b = await target.boundingBox();
          const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
          // A point a person cannot reach (still outside the viewport; Firefox refuses to move there).
          const vp = page.viewportSize();
          if (x < 0 || y < 0 || x >= vp.width || y >= vp.height) return 'skip';
          await page.mouse.move(x, y);
          id = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('[data-sel-id]')?.dataset.selId ?? null, [x, y]);
          if (id === null) return 'skip';
          await page.mouse.click(x, y);
        }
        await this.edited(m, { kind: 'select', id });
        return s.how === 'keys';
      }
      case 'close': {
        if (!(await page.locator('[data-testid=detail]').count())) return 'skip';
        if (s.how === 'button') {
          await page.getByRole('button', { name: (await this.expected(m)).labels.closeDetails }).click();
        } else {
          // Escape belongs to a text box that has focus (the search box clears itself), so close from the panel.
          await page.locator('#detail-title').focus();
          await page.keyboard.press('Escape');
        }
        await this.edited(m, { kind: 'close' });
        return s.how === 'escape';
      }
      case 'back':
      case 'forward': {
        const to = m.index + (s.t === 'back' ? -1 : 1);
        if (to < 0 || to >= m.history.length) return 'skip';
        if (s.t === 'back') await page.goBack();
        else await page.goForward();
        m.index = to;
        await page.waitForFunction((q) => location.search === q, m.history[to] ? `?${m.history[to]}` : '', { timeout: WAIT_MS });
        await page.waitForSelector('[data-testid=summary]', { timeout: WAIT_MS });
        // The same document hears popstate and keeps its own state; a new one boots afresh.
        const sameDocument = await page.evaluate(() => window.__modelDoc === true);
        m.url = m.history[to];
        if (sameDocument) {
          m.issues = [];
          await this.externalQ(m);
        } else {
          await this.load(m, null, 'traverse');
        }
        return false;
      }
      case 'reload': {
        await this.load(m, null, 'reload');
        return false;
      }
      case 'goto': {
        await this.load(m, s.raw, 'goto');
        return false;
      }
      case 'stamp': {
        const notice = page.locator('[data-testid=data-changed]');
        if (!(await notice.count())) return 'skip';
        await notice.getByRole('button', { name: (await this.expected(m)).labels.stamp }).click();
        await this.edited(m, { kind: 'stamp' });
        return false;
      }
      case 'sinceOpen': {
        const notice = page.locator('[data-testid=data-changed]');
        const details = notice.locator('details');
        if (!(await details.count())) return 'skip';
        if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
        const buttons = notice.locator('[data-sel-id]');
        const n = await buttons.count();
        if (!n) return 'skip';
        const button = buttons.nth(s.k % n);
        const id = await button.getAttribute('data-sel-id');
        await button.click();
        await this.edited(m, { kind: 'select', id });
        return false;
      }
      case 'dataDismiss': {
        const notice = page.locator('[data-testid=data-changed]');
        if (!(await notice.count())) return 'skip';
        await notice.getByRole('button', { name: (await this.expected(m)).labels.dismiss, exact: true }).click();
        m.dataDismissed = true;
        return false;
      }
      case 'dismiss': {
        const notice = page.locator('[data-testid=url-notice]');
        if (!(await notice.count())) return 'skip';
        await notice.getByRole('button', { name: (await this.expected(m)).labels.dismiss }).click();
        m.issues = [];
        return false;
      }
      default:
        throw new Error(`unknown step ${JSON.stringify(s)}`);
    }
  }
}
