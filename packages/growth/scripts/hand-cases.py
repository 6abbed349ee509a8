#!/usr/bin/env python3
"""Hand-worked reference cases for src/hand-cases.test.ts.

An independent, deliberately plain re-statement of WHO anthro 1.1.0.9000 /
anthroplus 1.0.0.9000 (see data/who-growth/README.md) in Python, with
Python floats (IEEE doubles, `**` = C pow) and a line-by-line port of R's
`round(x, 2)` (src/nmath/fround.c, R >= 4.0.0). It shares no code with the
TypeScript engine. Run:

    python3 packages/growth/scripts/hand-cases.py [csvDir]

and paste the printed cases into src/hand-cases.test.ts.
"""
import csv
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CSV_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(os.path.join(HERE, "../../../data/who-growth"))


def load(name, key, scale=1):
    out = {}
    with open(os.path.join(CSV_DIR, name)) as f:
        for r in csv.DictReader(f):
            k = round(float(r[key]) * scale)
            out[(int(r["sex"]), k)] = (float(r["l"]), float(r["m"]), float(r["s"]))
    return out


LHFA = load("who2006_lhfa_by_day.csv", "age_days")
WFA = load("who2006_wfa_by_day.csv", "age_days")
BFA = load("who2006_bfa_by_day.csv", "age_days")
HCFA = load("who2006_hcfa_by_day.csv", "age_days")
ACFA = load("who2006_acfa_by_day.csv", "age_days")
WFL = load("who2006_wfl_by_length.csv", "length_cm", 10)
WFH = load("who2006_wfh_by_height.csv", "height_cm", 10)
HFA7 = load("who2007_hfa_by_month.csv", "age_months")
BFA7 = load("who2007_bfa_by_month.csv", "age_months")
WFA7 = load("who2007_wfa_by_month.csv", "age_months")


def fround2(x):
    """R 4.x fround(x, 2), step by step."""
    if math.isnan(x) or math.isinf(x) or x == 0.0:
        return x
    sgn = 1.0
    if x < 0:
        sgn, x = -1.0, -x
    if math.log10(2) * (0.5 + math.frexp(x)[1] - 1) + 2 > 15:
        return sgn * x
    x10 = x * 100.0
    i10 = math.floor(x10)
    xd = i10 / 100.0
    xu = math.ceil(x10) / 100.0
    du = xu - x
    dd = x - xd
    return sgn * (xu if (du < dd or (math.fmod(i10, 2.0) == 1 and du == dd)) else xd)


def round_up(x):
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f


def rpow(x, y):
    # C pow / R_pow: 0 to a negative power is +Inf (Python raises instead).
    if x == 0.0 and y < 0:
        return math.inf
    return x ** y


def z_plain(y, l, m, s):
    return (rpow(y / m, l) - 1) / (s * l)


def z_adj(y, l, m, s):
    z = z_plain(y, l, m, s)
    sd = lambda k: m * rpow(1 + l * s * k, 1 / l)
    if z > 3:
        return 3 + (y - sd(3)) / (sd(3) - sd(2))
    if z < -3:
        return -3 + (y - sd(-3)) / (sd(-2) - sd(-3))
    return z


NA = None


def by_day(tab, sex, day, months, y, adjusted, lo=0):
    if sex not in (1, 2) or day is NA or y is NA or y <= 0:
        return NA
    if (sex, day) not in tab or not (lo <= day <= 1856) or not months < 60:
        return NA
    l, m, s = tab[(sex, day)]
    return (z_adj if adjusted else z_plain)(y, l, m, s)


def wfl(sex, day, months, meas, clen, w, oedema):
    if sex not in (1, 2) or clen is NA or w is NA or oedema:
        return NA
    if day is not NA:
        use_l = day < 731
    elif meas is not NA:
        use_l = meas == "l"
    else:
        use_l = clen < 87
    tab, lo, hi = (WFL, 45, 110) if use_l else (WFH, 65, 120)
    if not (lo <= clen <= hi):
        return NA
    if day is not NA and (day > 1856 or not months < 60):
        return NA
    low = math.trunc(clen * 10) / 10
    upp = math.trunc(clen * 10 + 1) / 10
    diff = (clen - low) / 0.1
    kl, ku = round(low * 10), round(upp * 10)
    l, m, s = tab[(sex, kl)]
    if diff > 0:
        l2, m2, s2 = tab[(sex, ku)]
        m = m + diff * (m2 - m)
        l = l + diff * (l2 - l)
        s = s + diff * (s2 - s)
    return z_adj(w, l, m, s)


def by_month(tab, sex, age, y, adjusted, hi):
    if sex not in (1, 2) or age is NA or y is NA or not (60 <= age <= hi):
        return NA
    low = math.trunc(age)
    upp = math.trunc(age + 1)
    diff = age - low
    l, m, s = tab[(sex, low)]
    if diff > 0:
        l2, m2, s2 = tab[(sex, upp)]
        m = m + diff * (m2 - m)
        l = l + diff * (l2 - l)
        s = s + diff * (s2 - s)
    return (z_adj if adjusted else z_plain)(y, l, m, s)


def flag(z, lo, hi):
    if z is NA:
        return NA
    r = fround2(z)
    return 1 if (r < lo or r > hi) else 0


def compute(sex, age_days=NA, age_months=NA, weight=NA, lenhei=NA, measure=NA, oedema=False, headc=NA, muac=NA):
    if age_days is not NA:
        day, months = round_up(age_days), age_days / 30.4375
    elif age_months is not NA:
        day, months = round_up(age_months * 30.4375), age_months
    else:
        day, months = NA, NA
    c9 = 0
    if measure == "h" and months is not NA and months < 9:
        measure, c9 = NA, 1
    res = {"c9mo": c9}
    keys = ["zlen", "zwei", "zwfl", "zbmi", "zhc", "zac", "zhfa", "zwfa", "zbfa"]
    for k in keys:
        res[k] = NA
    if months is not NA and months >= 60:
        clen = lenhei
        bmi = NA if (weight is NA or clen is NA) else weight / ((clen / 100) * (clen / 100))
        res["zhfa"] = by_month(HFA7, sex, months, clen, False, 228)
        if not oedema:
            res["zwfa"] = by_month(WFA7, sex, months, weight, True, 120)
            res["zbfa"] = by_month(BFA7, sex, months, bmi, True, 228)
    else:
        clen = lenhei
        if lenhei is not NA and day is not NA:
            if day < 731 and measure == "h":
                clen = lenhei + 0.7
            elif day >= 731 and measure == "l":
                clen = lenhei - 0.7
        bmi = NA if (weight is NA or clen is NA) else weight / ((clen / 100) * (clen / 100))
        res["zlen"] = by_day(LHFA, sex, day, months, clen, False)
        res["zhc"] = by_day(HCFA, sex, day, months, headc, False)
        res["zac"] = by_day(ACFA, sex, day, months, muac, True, 91)
        res["zwfl"] = wfl(sex, day, months, measure, clen, weight, oedema)
        if not oedema:
            res["zwei"] = by_day(WFA, sex, day, months, weight, True)
            res["zbmi"] = by_day(BFA, sex, day, months, bmi, True)
    res["clenhei"] = clen
    res["cbmi"] = bmi
    limits = {"zlen": (-6, 6), "zwei": (-6, 5), "zwfl": (-5, 5), "zbmi": (-5, 5), "zhc": (-5, 5), "zac": (-5, 5),
              "zhfa": (-6, 6), "zwfa": (-6, 5), "zbfa": (-5, 5)}
    for k in keys:
        res["r" + k[1:]] = NA if res[k] is NA else fround2(res[k])
        res["f" + k[1:]] = flag(res[k], *limits[k])
    return res


CASES = [
    ("boy 365 d, all 0-5 y indicators", dict(sex=1, age_days=365, weight=9.5, lenhei=75.0, measure="l", headc=46.0, muac=14.5)),
    ("girl 730 d standing: +0.7 cm, WFL table", dict(sex=2, age_days=730, weight=10.2, lenhei=81.3, measure="h")),
    ("girl 731 d lying: -0.7 cm, WFH table", dict(sex=2, age_days=731, weight=10.2, lenhei=82.0, measure="l")),
    ("24 months = 730.5 d -> 731 (height-based)", dict(sex=1, age_months=24, weight=12.0, lenhei=86.0, measure="l")),
    ("fractional days 730.4 -> 730", dict(sex=1, age_days=730.4, weight=12.0, lenhei=86.0, measure="h")),
    ("1826 d: last valid WHO 2006 day", dict(sex=1, age_days=1826, weight=18.0, lenhei=109.0, measure="h", headc=50.5, muac=16.0)),
    ("1826.25 d = 60.0 months: WHO 2007 at f = 0", dict(sex=1, age_days=1826.25, weight=18.0, lenhei=109.0, measure="h")),
    ("1827 d: WHO 2007 interpolated", dict(sex=2, age_days=1827, weight=17.5, lenhei=108.0, measure="h")),
    ("standing at 8 months: c9mo, no +0.7", dict(sex=1, age_days=240, weight=8.0, lenhei=69.0, measure="h")),
    ("oedema: weight-based z missing", dict(sex=2, age_days=400, weight=7.0, lenhei=72.0, measure="l", oedema=True)),
    ("README float case: 80.1 - 0.7 = 79.39999999999999", dict(sex=1, age_days=800, weight=10.0, lenhei=80.1, measure="l")),
    ("WFL lower edge 45.0 cm", dict(sex=1, age_days=2, weight=2.4, lenhei=45.0, measure="l")),
    ("WFL below 45 cm -> missing", dict(sex=1, age_days=2, weight=2.4, lenhei=44.9, measure="l")),
    ("WFL upper edge 110.0 cm", dict(sex=2, age_days=700, weight=19.0, lenhei=110.0, measure="l")),
    ("WFL above 110 cm -> missing", dict(sex=2, age_days=700, weight=19.0, lenhei=110.1, measure="l")),
    ("WFH lower edge 65.0 cm", dict(sex=1, age_days=800, weight=7.0, lenhei=65.0, measure="h")),
    ("WFH upper edge 120.0 cm", dict(sex=2, age_days=1800, weight=22.0, lenhei=120.0, measure="h")),
    ("WFH above 120 cm -> missing", dict(sex=2, age_days=1800, weight=22.0, lenhei=120.1, measure="h")),
    ("age unknown, measure unknown, 86.9 cm -> WFL", dict(sex=1, weight=11.5, lenhei=86.9)),
    ("age unknown, measure unknown, 87.0 cm -> WFH", dict(sex=1, weight=11.5, lenhei=87.0)),
    ("age unknown, measure h, 80 cm -> WFH", dict(sex=2, weight=10.0, lenhei=80.0, measure="h")),
    ("very heavy: restricted z > 3, flags", dict(sex=1, age_days=500, weight=17.0, lenhei=80.0, measure="l", muac=20.0)),
    ("very light: restricted z < -3", dict(sex=2, age_days=500, weight=5.5, lenhei=76.0, measure="l", muac=9.0)),
    ("very short: zlen < -6 flagged", dict(sex=1, age_days=1000, weight=9.0, lenhei=65.0, measure="h")),
    ("MUAC at 90 d -> missing (table starts at 91)", dict(sex=1, age_days=90, weight=5.5, lenhei=59.0, measure="l", muac=13.0)),
    ("MUAC at 91 d", dict(sex=1, age_days=91, weight=5.5, lenhei=59.0, measure="l", muac=13.0)),
    ("weight 0 in WFL: finite z (anthro quirk)", dict(sex=1, age_days=100, weight=0.0, lenhei=60.0, measure="l")),
    ("girl 100.5 months (WHO 2007)", dict(sex=2, age_months=100.5, weight=25.0, lenhei=128.0)),
    ("120 months: last WFA 2007 month", dict(sex=1, age_months=120, weight=31.0, lenhei=138.0)),
    ("120.01 months: no WFA 2007", dict(sex=1, age_months=120.01, weight=31.0, lenhei=138.0)),
    ("228 months: last valid", dict(sex=2, age_months=228, weight=55.0, lenhei=162.0)),
    ("228.5 months: beyond WHO 2007", dict(sex=2, age_months=228.5, weight=55.0, lenhei=162.0)),
    ("obese adolescent: restricted zbfa > 3", dict(sex=1, age_months=150, weight=95.0, lenhei=150.0)),
    ("sex unknown: nothing", dict(sex=0, age_days=365, weight=9.5, lenhei=75.0, measure="l")),
]


def lit(x):
    return "null" if x is NA else repr(float(x))


print("// Generated by packages/growth/scripts/hand-cases.py (Python %s); do not edit by hand." % sys.version.split()[0])
for name, kw in CASES:
    r = compute(**kw)
    inp = {
        "sex": kw["sex"],
        "ageDays": kw.get("age_days"),
        "ageMonths": kw.get("age_months"),
        "weightKg": kw.get("weight"),
        "lenheiCm": kw.get("lenhei"),
        "measure": kw.get("measure"),
        "oedema": kw.get("oedema", False),
        "headcCm": kw.get("headc"),
        "muacCm": kw.get("muac"),
    }
    ins = ", ".join(
        f"{k}: {('true' if v else 'false') if isinstance(v, bool) else (repr(v) if isinstance(v, str) else (lit(v) if isinstance(v, float) else v))}"
        for k, v in inp.items()
        if v is not None
    ).replace("'", '"')
    parts = [f"clenhei: {lit(r['clenhei'])}", f"cbmi: {lit(r['cbmi'])}", f"c9mo: {r['c9mo']}"]
    for k in ["len", "wei", "wfl", "bmi", "hc", "ac", "hfa", "wfa", "bfa"]:
        parts.append(f"z{k}: {lit(r['z' + k])}, r{k}: {lit(r['r' + k])}, f{k}: {'null' if r['f' + k] is NA else r['f' + k]}")
    print(f'  {{ name: "{name}", input: {{ {ins} }},\n    expected: {{ ' + ",\n      ".join(parts) + " } },")
