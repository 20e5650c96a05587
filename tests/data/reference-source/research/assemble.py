#!/usr/bin/env python3
"""Merge the per-provider research into tests/data/reference-source/."""
import csv, sys, os
OUT = '/work/main/tests/data/reference-source'
ADMIN = {  # (city, iso2) -> GeoNames admin1 code where the name is ambiguous
    ('Ashburn','US'):'VA', ('Boardman','US'):'OR', ('Columbus','US'):'OH', ('Dallas','US'):'TX',
    ('Des Moines','US'):'IA', ('Las Vegas','US'):'NV', ('Phoenix','US'):'AZ', ('Quincy','US'):'WA',
    ('San Antonio','US'):'TX',
}
# cities the gazetteer spells differently: research spelling -> GeoNames name
SPELL = {('Changhua','TW'):'Chang-hua', ('Geneva','CH'):'Genève', ('Eemshaven','NL'):'Delfzijl'}
def rows(path):
    with open(path, encoding='utf-8') as f:
        lines = [l.rstrip('\n') for l in f if l.strip()]
    head = lines[0].split('\t')
    out = []
    for l in lines[1:]:
        cells = l.split('\t')
        cells += [''] * (len(head) - len(cells))
        out.append(dict(zip(head, [c.strip() for c in cells[:len(head)]])))
    return out
regions, evidence, sources = [], [], {}
for p in ['aws', 'azure', 'gcp']:
    d = f'/work/research/ref/{p}'
    for r in rows(f'{d}/regions.tsv'):
        city = r['city']
        place = SPELL.get((city, r['iso2']), '')
        note = r.get('note', '')
        if place == 'Delfzijl':
            note = (note + ' ' if note else '') + 'Eemshaven is not in the gazetteer: the mark is at Delfzijl, the nearest town it lists (about 15 km away).'
        regions.append([p, r['code'], r['name'], city, place, ADMIN.get((city, r['iso2']), ''), r['iso2'], r.get('city_zh', '') if city else '', note])
    ev = rows(f'{d}/evidence.tsv')
    # An undated copy of a provider's table is no older than the newest first listing
    # among the regions it names: its date is that listing's year, said in the detail.
    listed = {e['region']: e['date'] for e in ev if e['kind'] == 'listing'}
    bound = {}
    for e in ev:
        if e['kind'] == 'table' and not e['date']:
            d0 = listed.get(e['region'], '')
            if d0 > bound.get(e['source'], ('', ''))[0]:
                bound[e['source']] = (d0, e['region'])
    for e in ev:
        date, detail = e['date'], e['detail']
        if e['kind'] == 'table' and not date:
            d0, who = bound[e['source']]
            date = d0[:4]
            detail = f"{detail} Dated {date}: the copy names {who.split(':')[1]}, first listed on {d0}, so it is no older than that year."
        evidence.append([e['region'], e['kind'], date, e['says'], e['source'], detail])
    for s in rows(f'{d}/sources.tsv'):
        sources.setdefault(s['url'], [s['url'], s['id'], s['publisher'], s['title']])
codes = {f'{r[0]}:{r[1]}' for r in regions}
bad = [e for e in evidence if e[0] not in codes]
if bad:
    print('evidence for unknown regions:', sorted({e[0] for e in bad}), file=sys.stderr)
    evidence = [e for e in evidence if e[0] in codes]
used = {e[4] for e in evidence}
missing = used - set(sources)
if missing:
    print('sources missing:', missing, file=sys.stderr)
ids = {}
for s in sources.values():
    if s[1] in ids:
        print('duplicate source id', s[1], file=sys.stderr)
    ids[s[1]] = s
def write(name, head, data):
    with open(f'{OUT}/{name}', 'w', encoding='utf-8') as f:
        f.write('\t'.join(head) + '\n')
        for r in data:
            f.write('\t'.join(x.replace('\t', ' ') for x in r) + '\n')
write('regions.tsv', ['provider','code','name','city','place','admin','iso2','city_zh','note'], regions)
write('evidence.tsv', ['region','kind','date','says','source','detail'], evidence)
write('sources.tsv', ['url','id','publisher','title'], [s for u, s in sorted(sources.items(), key=lambda x: x[1][1]) if u in used])
print(len(regions), 'regions', len(evidence), 'evidence', len([u for u in sources if u in used]), 'sources')
