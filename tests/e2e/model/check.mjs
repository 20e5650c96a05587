// What the page shows, compared in the browser with what the oracle says it must
// show. `differences` runs inside the page (Playwright serialises it), so it must
// not use anything from this module's scope.

/**
 * Every difference between the page and the expectation, as { what, got, want }.
 * `exp` is the oracle's page answer; `model` the UI state the oracle cannot know
 * (notice dismissed, zoom, table state, the search box's own text, embed mode).
 * With `wait`, it answers only whether there is none.
 */
export function differences({ exp, model, keyboard, wait }) {
  const out = [];
  // Key order does not matter (the oracle's objects come sorted by key).
  const canon = (v) =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v;
  const same = (a, b) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
  // Long lists are reported from their first difference on.
  const eq = (what, got, want) => {
    if (same(got, want)) return;
    if (Array.isArray(got) && Array.isArray(want)) {
      let i = 0;
      while (i < got.length && i < want.length && same(got[i], want[i])) i++;
      out.push({ what, got: { from: i, items: got.slice(i, i + 3), length: got.length }, want: { from: i, items: want.slice(i, i + 3), length: want.length } });
    } else {
      out.push({ what, got, want });
    }
  };
  // Markup from the core, parsed and serialised by this browser, as the views' innerHTML is.
  window.__norm ??= new Map();
  const norm = (html) => {
    let v = window.__norm.get(html);
    if (v === undefined) {
      const t = document.createElement('template');
      t.innerHTML = html;
      v = t.innerHTML;
      if (window.__norm.size > 64) window.__norm.clear();
      window.__norm.set(html, v);
    }
    return v;
  };
  // Leptos leaves empty comments as anchors; they are not content.
  const inner = (els) => els.map((e) => e.innerHTML).join('').replaceAll('<!---->', '');
  const markup = (what, el, html) => {
    if (!el) return out.push({ what, got: 'missing', want: 'present' });
    if (inner([el]) !== norm(html)) {
      const [a, b] = [inner([el]), norm(html)];
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      out.push({ what, got: a.slice(Math.max(0, i - 40), i + 80), want: b.slice(Math.max(0, i - 40), i + 80) });
    }
  };
  const $ = (s, root = document) => root.querySelector(s);
  const $$ = (s, root = document) => [...root.querySelectorAll(s)];
  const text = (s) => $(s)?.textContent ?? null;

  eq('address', location.search, exp.canonical ? `?${exp.canonical}` : '');
  eq('page title', document.title, exp.title);
  eq('summary', text('[data-testid=summary]'), exp.summary);
  // Its items, then the lines folded behind "and N more" (a notice lists ten at most).
  const folded = text('[data-testid=url-notice] pre')?.split('\n') ?? [];
  eq('ignored-parameters notice', $$('[data-testid=url-notice] li').map((li) => li.textContent).concat(folded), model.issues);
  // The old-link notice: what changed since the link's data version, as the core lists it
  // (whether its list is unfolded is the person's doing, not the data's).
  const since = $('[data-testid=since]');
  eq('data-changed notice', !!$('[data-testid=data-changed]'), !!exp.since && !model.dataDismissed);
  if (since && exp.since) markup('data-changed list', { innerHTML: since.innerHTML.replaceAll(' open=""', '') }, exp.since);
  eq('embed layout', !$('.filterbar'), model.embed);
  // "Cite": open or closed as the person left it, and then the citation of this view.
  eq('cite panel', !!$('[data-testid=cite]'), !!model.citeOpen && !model.embed);
  if (model.citeOpen && !model.embed && exp.cite) {
    eq('citation', text('[data-testid=cite-text]'), exp.cite.text);
    eq('citation (BibTeX)', text('[data-testid=cite-bibtex]'), exp.cite.bibtex);
  }

  if (!model.embed) {
    const L = exp.labels;
    eq('counts', text('[data-testid=counts]'), `${exp.counts}${L.version}`);
    eq('current tab', text(`nav[aria-label="${L.views}"] [aria-current=page]`), exp.viewLabel);
    const c = exp.controls;
    const chips = $$(`[role=group][aria-label="${L.providers}"] .chip`).map((b) => ({
      class: b.getAttribute('class'),
      pressed: b.getAttribute('aria-pressed'),
      count: b.querySelector('.count').textContent,
    }));
    eq(
      'provider chips',
      chips,
      exp.chips.map(({ id, class: cls, pressed }) => ({ class: cls, pressed: String(pressed), count: String(exp.facets.provider[id] ?? 0) })),
    );
    for (const [facet, chosen] of [['area', c.areas], ['country', c.countries], ['kind', c.kinds], ['status', c.statuses]]) {
      const boxes = $$(`details[data-facet=${facet}] label`).map((l) => ({
        id: l.querySelector('input').value,
        checked: l.querySelector('input').checked,
        count: l.querySelector('.count').textContent,
      }));
      eq(
        `${facet} menu`,
        boxes,
        boxes.map(({ id }) => ({ id, checked: chosen.includes(id), count: String(exp.facets[facet][id] ?? 0) })),
      );
    }
    eq('from year box', $(`input[aria-label="${L.fromYear}"]`)?.value, c.from);
    eq('to year box', $(`input[aria-label="${L.toYear}"]`)?.value, c.to);
    eq('search box', $('input[type=search]')?.value, model.box ?? c.q);
    const reset = $$('.filters__actions button').find((b) => b.textContent === L.reset);
    eq('Reset disabled', reset?.disabled, c.active === 0);
    eq('reference switch', $('[data-testid=ref-switch]')?.getAttribute('aria-pressed'), String(c.reference));
  }

  const view = exp.view;
  if (view === 'map') {
    eq('zoom preset', text(`[aria-label="${exp.labels.zoomTo}"] [aria-pressed=true]`), model.zoom);
    eq('country shading', $$('svg.map__shapes g > path').map((p) => p.getAttribute('class')), exp.map.shades);
    eq(
      'markers',
      $$('.map__markers .marker').map((m) => ({
        id: m.dataset.selId,
        class: m.getAttribute('class'),
        label: m.getAttribute('aria-label'),
        pressed: m.getAttribute('aria-pressed') === 'true',
      })),
      exp.map.markers,
    );
    // The reference layer: its marks and list when on (or why its file could not be had).
    const r = exp.reference;
    const marks = $('[data-testid=ref-marks] path')?.getAttribute('d') ?? null;
    if (r.map) {
      eq('reference marks', marks === null ? null : (marks.match(/M/g) ?? []).length / 2, r.map.marks);
      eq('reference list', [text('[data-testid=ref-list] summary'), $$('[data-testid=ref-list] tbody tr').length], [r.map.title, r.map.rows]);
    } else {
      eq('reference marks', marks, null);
      eq('reference failed', !!$('[data-testid=ref-failed]'), !!(r.wanted && !r.available && model.url.includes('ref=1')));
    }
  } else if (view === 'table') {
    const t = model.table;
    const tid = t.events ? 'event-table' : 'region-table';
    eq('table tabs', $$('.table-switch button').map((b) => [b.textContent, b.getAttribute('aria-pressed')]), [
      [exp.table.tabs[0], String(!t.events)],
      [exp.table.tabs[1], String(t.events)],
    ]);
    eq('table row ids', $$(`[data-testid=${tid}] tbody tr`).map((r) => r.dataset.id), exp.table.ids);
    const tbodies = $$(`[data-testid=${tid}] tbody`);
    if (inner(tbodies) !== norm(exp.table.rows)) out.push({ what: 'table rows markup', got: 'differs', want: 'the core rows' });
    const [label, dir] = t.events ? t.event : t.region;
    const sorted = $$(`[data-testid=${tid}] th[aria-sort]`).filter((th) => th.getAttribute('aria-sort') !== 'none');
    const L = exp.labels;
    eq('sorted column', sorted.map((th) => [th.querySelector('button').firstChild.textContent, th.getAttribute('aria-sort')]), [
      [(t.events ? L.eventColumns : L.regionColumns)[label], dir === 'asc' ? 'ascending' : 'descending'],
    ]);
    const total = exp.table.total;
    const drawn = Math.min(t.events ? t.eventShown : t.regionShown, total);
    const fill = (s, args) => args.reduce((acc, a, i) => acc.replaceAll(`{${i}}`, String(a)), s);
    eq(
      'more rows',
      text('[data-testid=more-rows]'),
      drawn < total ? fill(t.events ? L.showingEvents : L.showingRegions, [drawn, total]) + fill(L.showMore, [Math.min(250, total - drawn)]) : null,
    );
  } else if (view === 'timeline') {
    markup('timeline chart', $('[data-testid=timeline-chart]'), exp.timeline.chart);
    markup('growth section', $('[data-testid=growth]'), exp.timeline.growth);
    eq('binned note', !!$('[data-testid=binned-note]'), exp.timeline.binned);
  } else if (view === 'compare') {
    markup('head to head', $('.compare-view'), exp.compare);
    if (exp.compareRef) markup('head to head, reference', $('.compare-view--ref'), exp.compareRef);
    else eq('head to head, reference', $('.compare-view--ref')?.textContent ?? null, null);
  } else if (view === 'coverage') {
    const c = exp.coverage;
    eq('coverage summary', text('[data-testid=coverage-summary]'), c.summary);
    eq('coverage against the hyperscalers', text('[data-testid=coverage-versus]'), c.versus);
    markup('coverage switch', $('[data-testid=coverage-switch]'), c.switch);
    markup('coverage key', $('[data-testid=coverage-legend]'), c.legend);
    eq('coverage map name', $('.coverage__map svg')?.getAttribute('aria-label'), c.mapName);
    eq('coverage shading', $$('.coverage__map svg g > path').map((p) => p.getAttribute('class')), c.shades);
    markup('coverage table', $('[data-testid=coverage-table]'), c.table);
  } else if (view === 'promises') {
    const c = exp.promises;
    eq('promises lines', $$('[data-testid=promises-lead] li').map((li) => li.textContent), c.lead);
    // SVG content parses as SVG only inside an <svg>.
    const svgInner = norm(`<svg>${c.chart}</svg>`).replace(/^<svg>|<\/svg>$/g, '');
    const live = ($('[data-testid=promises-chart]')?.innerHTML ?? '').replaceAll('<!---->', '');
    if (live !== svgInner) {
      let i = 0;
      while (i < live.length && live[i] === svgInner[i]) i++;
      out.push({ what: 'promises chart', got: live.slice(Math.max(0, i - 40), i + 80), want: svgInner.slice(Math.max(0, i - 40), i + 80) });
    }
    markup('promises table', $('[data-testid=promises-table]'), c.table);
  } else if (view === 'changes') {
    const c = exp.changes;
    eq('changes range', text('[data-testid=changes-range]'), c.range);
    eq('changes sentence', text('[data-testid=changes-lead]'), c.lead);
    markup('changes table', $('[data-testid=changes-table]'), c.table);
    markup('changes list', $('[data-testid=changes-list]'), c.list);
    eq('changes maps', $$('.changes__panel').map((p) => [p.querySelector('svg').getAttribute('aria-label'), p.querySelector('g.ch-marks')?.innerHTML ?? null]), c.maps.map(([name, marks]) => [name, marks === '' ? '' : norm(`<svg>${marks}</svg>`).replace(/^<svg>|<\/svg>$/g, '')]));
  }

  const panel = $('[data-testid=detail]');
  if (exp.detail) {
    eq('detail title', text('#detail-title'), exp.detail.title);
    markup('detail body', $('[data-testid=detail-body]'), exp.detail.body);
  } else {
    eq('detail panel', !!panel, false);
  }

  if (keyboard) {
    const a = document.activeElement;
    const visible = a && a !== document.body && a.getClientRects().length > 0 && a.closest('[hidden], [aria-hidden=true]') === null;
    if (!visible) out.push({ what: 'keyboard focus', got: a === document.body ? '<body>' : a?.outerHTML?.slice(0, 100) ?? null, want: 'a visible element' });
  }
  // As a wait condition: true once the page matches (an empty list would be truthy too).
  return wait ? out.length === 0 : out;
}
