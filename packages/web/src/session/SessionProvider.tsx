import { authApi } from "@tumbuh/core";
// Who is signed in. Loads /api/me at start (falling back to the copy saved on the device when
// offline), and turns a 401 from any later call into "session expired" so the app sends the user to
// /login and back.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, isApiError, type Me, onSessionExpired } from "../api";
import { cacheStore, clearCache, clearOtherUsers, ME_KEY } from "../offline/cache";
import { networkFirst } from "../offline/networkFirst";
import { forgetSyncedStore } from "../sync/session";

export type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; expired: boolean }
  /** savedAt: null when confirmed by the server in this visit, else when the offline copy was saved. */
  | { status: "authenticated"; me: Me; savedAt: number | null };

interface Session {
  state: SessionState;
  /** Throws ApiError on failure (wrong credentials, throttled, offline…). */
  login: (username: string, password: string) => Promise<void>;
  /** Throws ApiError with code "network" when the server cannot be reached. */
  logout: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function loadMe(): Promise<SessionState> {
  try {
    const { data, savedAt } = await networkFirst(
      cacheStore,
      ME_KEY,
      null,
      () => api.call(authApi.me, {}),
      (me) => me.id,
    );
    return { status: "authenticated", me: data, savedAt };
  } catch {
    return { status: "anonymous", expired: false };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    let live = true;
    void loadMe().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onSessionExpired(() =>
        setState((prev) => (prev.status === "authenticated" ? { status: "anonymous", expired: true } : prev)),
      ),
    [],
  );

  // Working from the offline copy: confirm the session with the server once the device is back online.
  const offlineCopy = state.status === "authenticated" && state.savedAt !== null;
  useEffect(() => {
    if (!offlineCopy) return;
    const recheck = () => void loadMe().then(setState);
    window.addEventListener("online", recheck);
    return () => window.removeEventListener("online", recheck);
  }, [offlineCopy]);

  const login = useCallback(async (username: string, password: string) => {
    const me = await api.call(authApi.login, { body: { username, password } }).then((r) => r.user);
    await clearOtherUsers(me.id);
    await cacheStore.put(ME_KEY, me.id, me).catch(() => undefined);
    setState({ status: "authenticated", me, savedAt: null });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.call(authApi.logout, {});
    } catch (e) {
      // Offline: the server still holds the session, so do not pretend to have signed out.
      if (isApiError(e) && e.code === "network") throw e;
    }
    await clearCache();
    if (state.status === "authenticated") await forgetSyncedStore(state.me.id).catch(() => false);
    setState({ status: "anonymous", expired: false });
  }, [state]);

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The signed-in user; only for pages rendered behind the sign-in guard. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "authenticated") throw new Error("useMe used without a signed-in user");
  return state.me;
}
