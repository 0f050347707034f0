#!/usr/bin/env python3
"""Independent reference counts for the Taobao slice (python3 standard library only, no forecast4j code).

Usage: python3 taobao_reference.py taobao_head5000.csv.gz
Writes taobao_head5000_daily.csv, taobao_head5000_hourly.csv, taobao_head5000_category_buys.csv.
Day and hour boundaries are China Standard Time (UTC+8, no daylight saving since 1991).
"""
import collections, csv, datetime, gzip, sys

src = sys.argv[1]
tz = datetime.timezone(datetime.timedelta(hours=8))
daily = collections.defaultdict(collections.Counter)
users = collections.defaultdict(set)
hourly = collections.Counter()
cat_buys = collections.Counter()
carted = collections.defaultdict(set)
bought = collections.defaultdict(set)
with gzip.open(src, 'rt') as f:
    for row in csv.reader(f):
        u, i, c, t, ts = row
        dt = datetime.datetime.fromtimestamp(int(ts), tz)
        d = dt.date().isoformat()
        daily[d][t] += 1
        users[d].add(u)
        hourly[dt.strftime('%Y-%m-%dT%H:00')] += 1
        if t == 'buy':
            cat_buys[(c, d)] += 1
            bought[d].add((u, i))
        if t == 'cart':
            carted[d].add((u, i))
with open('taobao_head5000_daily.csv', 'w') as f:
    f.write('date,pv,fav,cart,buy,users,abandonment\n')
    for d in sorted(daily):
        ab = '' if not carted[d] else repr(len(carted[d] - bought[d]) / len(carted[d]))
        f.write('%s,%d,%d,%d,%d,%d,%s\n' % (d, daily[d]['pv'], daily[d]['fav'], daily[d]['cart'], daily[d]['buy'],
                                         len(users[d]), ab))
with open('taobao_head5000_hourly.csv', 'w') as f:
    f.write('hour,events\n')
    for h in sorted(hourly):
        f.write('%s,%d\n' % (h, hourly[h]))
with open('taobao_head5000_category_buys.csv', 'w') as f:
    f.write('category,date,buys\n')
    for (c, d) in sorted(cat_buys, key=lambda k: (int(k[0]), k[1])):
        f.write('%s,%s,%d\n' % (c, d, cat_buys[(c, d)]))
