#!/usr/bin/env python3
"""Independent reference totals for an Online Retail file (python3 standard library only).

Usage: python3 retail_reference.py INPUT(.csv or .csv.gz) OUTPUT.csv
Per InvoiceDate calendar date (local UK time, as written): rows, sum(Quantity), sum(Quantity*UnitPrice),
distinct non-empty CustomerID, rows per distinct StockCode count.
"""
import collections, csv, gzip, sys

src, out = sys.argv[1], sys.argv[2]
opener = gzip.open if src.endswith('.gz') else open
rows = collections.Counter(); qty = collections.Counter(); rev = collections.defaultdict(float)
cust = collections.defaultdict(set); codes = collections.defaultdict(set)
with opener(src, 'rt', newline='') as f:
    for r in csv.DictReader(f):
        d = r['InvoiceDate'][:10]
        rows[d] += 1
        q = int(r['Quantity']); p = float(r['UnitPrice'])
        qty[d] += q
        rev[d] += q * p
        if r['CustomerID']:
            cust[d].add(r['CustomerID'])
        codes[d].add(r['StockCode'])
with open(out, 'w') as f:
    f.write('date,rows,quantity,revenue,customers,stockcodes\n')
    for d in sorted(rows):
        f.write('%s,%d,%d,%r,%d,%d\n' % (d, rows[d], qty[d], rev[d], len(cust[d]), len(codes[d])))
