#!/usr/bin/env python3
"""Independent check of roi's first-order Markov removal effects.

Run by hand: python3 markov_check.py FILE.csv
Pure Python with exact fractions: builds the transition counts of the
absorbing chain (consecutive repeats collapsed), solves h = Q h + r by
Gauss-Jordan elimination over Fractions, once per removed channel, and
prints P, each removal effect and each channel's share of conversions.
It shares no code with the Go implementation.
"""
import sys
from fractions import Fraction

def main(fn):
    counts, out, conv = {}, {}, {}
    channels = set()
    total_conv = 0
    with open(fn, encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            line = line.strip()
            if not line:
                continue
            path, c, v, n = line.split(";")
            c, n = int(c), int(n)
            total_conv += c
            chans = [x.strip() for x in path.split(">")]
            channels.update(chans)
            col = [chans[0]] + [b for a, b in zip(chans, chans[1:]) if a != b]
            w = c + n
            prev = "(start)"
            for ch in col:
                counts[(prev, ch)] = counts.get((prev, ch), 0) + w
                out[prev] = out.get(prev, 0) + w
                prev = ch
            out[prev] = out.get(prev, 0) + w
            conv[prev] = conv.get(prev, 0) + c

    def prob(removed):
        states = sorted(s for s in channels if s != removed)
        ix = {s: i for i, s in enumerate(states)}
        m = len(states)
        a = [[Fraction(0)] * (m + 1) for _ in range(m)]
        for s in states:
            i = ix[s]
            a[i][i] += out.get(s, 0) or 1
            a[i][m] = Fraction(conv.get(s, 0))
        for (fr, to), k in counts.items():
            if fr in ix and to in ix:
                a[ix[fr]][ix[to]] -= k
        for col in range(m):
            piv = next(r for r in range(col, m) if a[r][col] != 0)
            a[col], a[piv] = a[piv], a[col]
            pv = a[col][col]
            a[col] = [x / pv for x in a[col]]
            for r in range(m):
                if r != col and a[r][col] != 0:
                    f = a[r][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        h = {s: a[ix[s]][m] for s in states}
        return sum(Fraction(k) * h[to] for (fr, to), k in counts.items() if fr == "(start)" and to in h) / out["(start)"]

    p = prob(None)
    re = {c: 1 - prob(c) / p for c in sorted(channels)}
    s = sum(re.values())
    print("P", float(p))
    for c in sorted(channels):
        print(c, "%.15f" % float(re[c]), "%.10f" % float(re[c] / s * total_conv))

main(sys.argv[1])
