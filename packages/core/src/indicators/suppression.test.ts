import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CountNode, suppressCounts, suppressTable } from "./suppression";

/** A regency with kecamatan and desa; parents are the sums of their children. */
function tree(kecamatan: number[][]): CountNode[] {
  const nodes: CountNode[] = [];
  let regency = 0;
  kecamatan.forEach((desa, k) => {
    const kec = `64.01.${String(k + 1).padStart(2, "0")}`;
    const total = desa.reduce((s, c) => s + c, 0);
    regency += total;
    nodes.push({ code: kec, parent: "64.01", count: total });
    desa.forEach((c, d) => {
      nodes.push({ code: `${kec}.${2001 + d}`, parent: kec, count: c });
    });
  });
  nodes.unshift({ code: "64.01", parent: null, count: regency });
  return nodes;
}

/**
 * What someone reading the table can work out: whenever a group (a parent and its children) has exactly
 * one hidden figure, it follows from the others; repeat until nothing more follows.
 */
function attack(nodes: CountNode[], hidden: Set<string>): Map<string, number> {
  const known = new Map(nodes.filter((n) => !hidden.has(n.code)).map((n) => [n.code, n.count]));
  const groups = new Map<string, CountNode[]>();
  for (const n of nodes) if (n.parent) groups.set(n.parent, [...(groups.get(n.parent) ?? []), n]);
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [parent, kids] of groups) {
      const unknown = [parent, ...kids.map((k) => k.code)].filter((c) => !known.has(c));
      if (unknown.length !== 1) continue;
      const u = unknown[0] as string;
      known.set(u, byCode.get(u)?.count as number);
      changed = true;
    }
  }
  return known;
}

describe("suppressCounts", () => {
  it("hides 1–4, never 0 or 5 and more, when nothing else needs protecting", () => {
    const hidden = suppressCounts(
      tree([
        [0, 5, 12],
        [7, 9],
      ]),
    );
    expect(hidden.size).toBe(0);
  });
  it("hides a second desa so a hidden one cannot be had by subtracting from the kecamatan", () => {
    const nodes = tree([
      [3, 40, 12, 0],
      [20, 30],
    ]);
    const hidden = suppressCounts(nodes);
    expect(hidden.has("64.01.01.2001")).toBe(true);
    // 0 is the smallest sibling but 3 + 0 < 5: the 12 goes too.
    expect([...hidden].sort()).toEqual(["64.01.01.2001", "64.01.01.2003", "64.01.01.2004"]);
    expect(attack(nodes, hidden).has("64.01.01.2001")).toBe(false);
  });
  it("a kecamatan hidden to protect another hides enough of its own desa", () => {
    const nodes = tree([
      [2, 1],
      [20, 30],
      [50, 60],
    ]);
    const hidden = suppressCounts(nodes);
    expect(hidden.has("64.01.01")).toBe(true);
    expect(hidden.has("64.01.02")).toBe(true);
    expect(hidden.has("64.01.02.2001")).toBe(true);
    expect(hidden.has("64.01.02.2002")).toBe(true);
  });
  it("never lets a count of 1–4 be published or worked out from the published figures", () => {
    const counts = fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 80 })), {
        minLength: 1,
        maxLength: 8,
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(counts, (kec) => {
        const nodes = tree(kec);
        const hidden = suppressCounts(nodes);
        const known = attack(nodes, hidden);
        for (const [, v] of known) if (v > 0 && v < 5) return false;
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("suppressTable: differences of two published counts", () => {
  /** Desa rows of [registered, weighed] under kecamatan; parents are sums. */
  function table(kecamatan: [number, number][][]) {
    const reg = tree(kecamatan.map((k) => k.map(([r]) => r)));
    const wei = tree(kecamatan.map((k) => k.map(([, w]) => w)));
    const nodes = reg.map((n) => ({ code: n.code, parent: n.parent }));
    const value = new Map<string, { registered: number; weighed: number }>(
      reg.map((n, i) => [n.code, { registered: n.count, weighed: wei[i]?.count ?? 0 }]),
    );
    return { nodes, value };
  }

  it("hides the weighed count of a desa where registered − weighed is 1–4, and a complement beside it", () => {
    const { nodes, value } = table([
      [
        [40, 38],
        [50, 30],
        [60, 45],
      ],
    ]);
    const hidden = suppressTable(
      nodes,
      (code, col: "registered" | "weighed") => value.get(code)?.[col] ?? 0,
      ["registered", "weighed"],
      [["registered", "weighed"]],
    );
    expect(hidden.registered.size).toBe(0);
    expect(hidden.weighed.has("64.01.01.2001")).toBe(true);
    expect(hidden.weighed.size).toBeGreaterThanOrEqual(2);
  });

  it("never lets a count, or the difference of two, of 1–4 be worked out from the published figures (property)", () => {
    const desa = fc
      .tuple(
        fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 60 })),
        fc.integer({ min: 0, max: 8 }),
      )
      .map(([r, short]): [number, number] => [r, Math.max(0, r - short)]);
    const counts = fc.array(fc.array(desa, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(counts, (kec) => {
        const { nodes, value } = table(kec);
        const cols = ["registered", "weighed"] as const;
        const hidden = suppressTable(
          nodes,
          (code, col: (typeof cols)[number]) => value.get(code)?.[col] ?? 0,
          cols,
          [["registered", "weighed"]],
        );
        const of = (col: "registered" | "weighed" | "diff", code: string) => {
          const v = value.get(code) ?? { registered: 0, weighed: 0 };
          return col === "diff" ? v.registered - v.weighed : v[col];
        };
        // What a reader works out: each column by sums, the difference where both are known, and back.
        const known = {
          registered: new Set(nodes.filter((n) => !hidden.registered.has(n.code)).map((n) => n.code)),
          weighed: new Set(nodes.filter((n) => !hidden.weighed.has(n.code)).map((n) => n.code)),
          diff: new Set<string>(),
        };
        const groups = new Map<string, string[]>();
        for (const n of nodes) if (n.parent) groups.set(n.parent, [...(groups.get(n.parent) ?? []), n.code]);
        for (let changed = true; changed; ) {
          changed = false;
          const learn = (set: Set<string>, code: string) => {
            if (!set.has(code)) {
              set.add(code);
              changed = true;
            }
          };
          for (const n of nodes) {
            const [r, w, d] = [
              known.registered.has(n.code),
              known.weighed.has(n.code),
              known.diff.has(n.code),
            ];
            if (r && w) learn(known.diff, n.code);
            if (r && d) learn(known.weighed, n.code);
            if (w && d) learn(known.registered, n.code);
          }
          for (const set of Object.values(known)) {
            for (const [parent, kids] of groups) {
              const unknown = [parent, ...kids].filter((c) => !set.has(c));
              if (unknown.length === 1) learn(set, unknown[0] as string);
            }
          }
        }
        for (const col of ["registered", "weighed", "diff"] as const) {
          for (const code of known[col]) {
            const v = of(col, code);
            if (v > 0 && v < 5) return false;
          }
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
