// Whether the signed-in user may write at a region: the pages show edit controls only then (the read-only
// viewer never sees one; core ROLE_POWERS.write, checked again by the server).
import { useMe } from "../../session/SessionProvider";
import { canWriteIn } from "../regionLinks";

export function useWriterAt(code: string): boolean {
  const me = useMe();
  return canWriteIn(me.assignments, code);
}
