import { levelOfCode, regionsApi } from "@tumbuh/core";
import { api } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { placeTitle } from "./format";
import { useLoad } from "./useLoad";

/**
 * A place chosen by name, one level at a time below `root` (kecamatan, then desa, then posyandu) — never
 * a typed region code (issue 17: users read names). `value` is the deepest place chosen, or `root` for
 * "all of it". `deepest` stops the steps (the audit log filters down to a desa).
 */
export function PlacePicker({
  root,
  value,
  onChange,
  label,
  allLabel,
  deepest = "desa",
}: {
  root: string;
  value: string;
  onChange: (code: string) => void;
  label: string;
  allLabel: string;
  deepest?: "kecamatan" | "desa" | "posyandu";
}) {
  // The chain of places from the root to the value: each one's children are the next step's choices.
  const parts = value.split(".");
  const rootDepth = root === "" ? 0 : root.split(".").length;
  const chain = [root];
  for (let n = rootDepth + 1; n <= parts.length && value.startsWith(root); n++)
    chain.push(parts.slice(0, n).join("."));
  const stopDepth = { kecamatan: 3, desa: 4, posyandu: 5 }[deepest];
  return (
    <fieldset className="field place-picker">
      <legend className="field__label">{label}</legend>
      {chain
        .filter((code) => (code === "" ? 0 : code.split(".").length) < stopDepth)
        .map((code, i) => (
          <Step
            key={code || "root"}
            code={code}
            chosen={chain[i + 1] ?? ""}
            allLabel={allLabel}
            onChange={(child) => onChange(child || code)}
          />
        ))}
    </fieldset>
  );
}

function Step({
  code,
  chosen,
  allLabel,
  onChange,
}: {
  code: string;
  chosen: string;
  allLabel: string;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  const loaded = useLoad(`place-step|${code}`, (signal) =>
    api.call(regionsApi.view, { params: { code } }, { signal }),
  );
  if (loaded.state.status !== "ready") return null;
  const view = loaded.state.data;
  // Dusun are not places a record is filed under for these filters; posyandu and desa are.
  const children = view.children.filter((c) => levelOfCode(c.code) !== "dusun");
  if (children.length === 0) return null;
  const name = placeTitle(t(`kind.${view.region.kind}` as "kind.desa"), view.region.name);
  return (
    <select aria-label={name} value={chosen} onChange={(e) => onChange(e.target.value)}>
      <option value="">
        {allLabel} — {name}
      </option>
      {children.map((c) => (
        <option key={c.code} value={c.code}>
          {placeTitle(t(`kind.${c.kind}` as "kind.desa"), c.name)}
        </option>
      ))}
    </select>
  );
}
