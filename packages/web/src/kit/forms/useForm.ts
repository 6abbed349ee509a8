import { useCallback, useState } from "react";
import type { FieldErrors } from "./fieldErrors";

/**
 * Form state plus its field messages. Editing a field clears that field's message, so a corrected
 * value does not keep showing "Isi angka" until the next submit.
 */
export function useForm<F extends object>(initial: F | (() => F)) {
  const [form, setForm] = useState<F>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = useCallback(
    <K extends keyof F & string>(key: K) =>
      (value: F[K]) => {
        setForm((f) => ({ ...f, [key]: value }));
        setErrors((e) => {
          if (!(key in e)) return e;
          const { [key]: _, ...rest } = e;
          return rest;
        });
      },
    [],
  );
  return { form, setForm, set, errors, setErrors };
}
