// Before a new child is registered on the phone: is it someone the phone already holds? The same rule as
// the server's duplicate proposals (core name-key.ts; features/duplicates): the same NIK, or a sound-alike
// name with the same birth date and the same mother, in the same desa.
import { desaCodeOf, nameKey } from "@tumbuh/core";
import type { LocalChild } from "./day";

export interface DuplicateMatch {
  child: LocalChild;
  reason: "nik" | "name";
}

export function possibleDuplicates(
  people: readonly LocalChild[],
  input: {
    regionCode: string;
    name: string;
    birthDate: string;
    nik: string | null;
    parentName: string | null;
  },
): DuplicateMatch[] {
  const desa = desaCodeOf(input.regionCode);
  const key = nameKey(input.name);
  const mother = input.parentName ? nameKey(input.parentName) : null;
  const matches: DuplicateMatch[] = [];
  for (const p of people) {
    // The phone holds only a NIK's last four digits (UU 27/2022): the same tail is shown as a possible match.
    if (input.nik && p.nikMasked && p.nikMasked.slice(-4) === input.nik.slice(-4)) {
      matches.push({ child: p, reason: "nik" });
      continue;
    }
    if (desaCodeOf(p.regionCode) !== desa || p.birthDate !== input.birthDate || nameKey(p.name) !== key)
      continue;
    const theirs = p.motherName ?? p.parentName;
    const sameMother = mother === null || theirs == null || nameKey(theirs) === mother;
    if (sameMother) matches.push({ child: p, reason: "name" });
  }
  return matches;
}
