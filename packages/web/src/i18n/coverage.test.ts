// t() is typed over every key, but at run time a page only has the shell's words and the dictionaries its
// route loads. This reads the sources (imports and key literals, as the code is written here) and checks
// that each page finds every key it uses, so a key used from the wrong dictionary fails here, not on a phone.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { routeNamed } from "../router/routes";
import { allDictionaries, type Dictionaries } from "./testing";

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = new Map(sourceFiles(SRC).map((f) => [f, readFileSync(f, "utf8")]));

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find((c) =>
    files.has(c),
  );
}

/** Modules a file loads with it: static imports (not type-only, not dynamic). */
function staticImports(file: string): string[] {
  const text = files.get(file) ?? "";
  const specs = [
    ...text.matchAll(/^(?:import|export)(?! type )[^;]*?from\s+"(\.[^"]+)"/gms),
    ...text.matchAll(/^import\s+"(\.[^"]+)"/gm),
  ].map((m) => m[1] ?? "");
  return specs.flatMap((s) => resolveImport(file, s) ?? []);
}

function closure(start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...staticImports(f));
  }
  return seen;
}

/** Keys a file names: whole key literals, and every key under a `prefix.${…}` template. */
function keysUsed(file: string, allKeys: readonly string[]): Set<string> {
  const text = files.get(file) ?? "";
  const known = new Set(allKeys);
  const used = new Set<string>();
  for (const m of text.matchAll(/["'`]([A-Za-z][\w.]*)["'`]/g))
    if (known.has(m[1] ?? "")) used.add(m[1] ?? "");
  for (const m of text.matchAll(/`([A-Za-z][\w.]*\.)\$\{/g)) {
    for (const k of allKeys) if (k.startsWith(m[1] ?? "")) used.add(k);
  }
  return used;
}

function missingKeys(start: string, available: Set<string>, allKeys: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const f of closure(start)) {
    if (f.includes("/i18n/")) continue;
    for (const k of keysUsed(f, allKeys)) if (!available.has(k)) missing.add(`${k} (${relative(SRC, f)})`);
  }
  return [...missing].sort();
}

describe("every page finds the words it uses", () => {
  let dictionaries: Dictionaries[] = [];
  let allKeys: string[] = [];
  let shell = new Set<string>();
  beforeAll(async () => {
    dictionaries = await allDictionaries();
    allKeys = dictionaries.flatMap((d) => Object.keys(d.id));
    shell = new Set(Object.keys(dictionaries.find((d) => d.name === "shell")?.id ?? {}));
  });

  it("the app shell (the entry chunk) uses only the shell's dictionary", () => {
    expect(missingKeys(join(SRC, "main.tsx"), shell, allKeys)).toEqual([]);
  });

  it("each code-split page uses only the shell's words and the dictionaries its route loads", () => {
    const routeFiles = [...files.keys()].filter((f) => /\/pages\/[\w-]+\/routes\.ts$/.test(f));
    let pages = 0;
    let lazyPages = 0;
    for (const routesFile of routeFiles) {
      lazyPages += (files.get(routesFile) ?? "").split("import(").length - 1;
      // each route object names itself before its page: { name: "registry", …, page: lazyPage(() => import("./…")) }
      for (const m of (files.get(routesFile) ?? "").matchAll(
        /name: "(\w+)"((?!name: ")[\s\S])*?import\("(\.[^"]+)"\)/g,
      )) {
        const [, name = "", , spec = ""] = m;
        const page = resolveImport(routesFile, spec);
        expect(page, `${name}: ${spec}`).toBeDefined();
        const names = new Set((routeNamed(name)?.messages ?? []).map((d) => d.name));
        const available = new Set([
          ...shell,
          ...dictionaries.filter((d) => names.has(d.name)).flatMap((d) => Object.keys(d.id)),
        ]);
        expect(missingKeys(page ?? "", available, allKeys), name).toEqual([]);
        pages++;
      }
    }
    expect(pages).toBe(lazyPages);
    expect(pages).toBeGreaterThanOrEqual(27);
  });
});
