// The posyandu session (hari buka posyandu) a measurement belongs to: created on the first measurement
// of the day at that posyandu, or — when another cadre already opened it (409 conflict) — reused from
// the error body. Remembered per posyandu and day for this visit.
import { levelOfCode, measurementsApi, PosyanduSessionConflict } from "@tumbuh/core";
import { api, isApiError } from "../../../api";

const known = new Map<string, string>();

function existingSessionId(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const body = PosyanduSessionConflict.safeParse(error.body);
  return body.success ? body.data.session.id : null;
}

/**
 * The session id for a measurement of a child registered at `regionCode` on `heldOn`, or null when
 * the child is not registered at a posyandu (then the measurement is stored without a session).
 * Only a lost connection is an error; any other failure just leaves the session out.
 */
export async function sessionFor(regionCode: string, heldOn: string, cadre: string): Promise<string | null> {
  if (levelOfCode(regionCode) !== "posyandu") return null;
  const key = `${regionCode}|${heldOn}`;
  const cached = known.get(key);
  if (cached) return cached;
  try {
    const session = await api.call(measurementsApi.openSession, {
      body: { posyanduCode: regionCode, heldOn, cadres: [cadre] },
    });
    known.set(key, session.id);
    return session.id;
  } catch (error) {
    const id = existingSessionId(error);
    if (id) {
      known.set(key, id);
      return id;
    }
    if (isApiError(error) && error.code === "network") throw error;
    return null;
  }
}
