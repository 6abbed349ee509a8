// Catches a page chunk that fails to load (e.g. offline before the service worker cached it, or an
// old tab after a new deployment) and offers a reload instead of a blank screen.
import { Component, type ReactNode } from "react";
import { useI18n } from "./i18n/I18nProvider";

/** A failed dynamic import: "Failed to fetch dynamically imported module", "Importing a module script failed". */
function isChunkError(error: unknown): boolean {
  return (
    error instanceof Error && /dynamically imported module|module script|Loading chunk/i.test(error.message)
  );
}

function ReloadPanel({ chunk }: { chunk: boolean }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <p className="alert alert--error" role="alert">
        {t(chunk ? "error.network" : "error.unknown")}
      </p>
      <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
        {t("common.retry")}
      </button>
    </div>
  );
}

export class LazyBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failed: boolean; chunk: boolean }
> {
  override state = { failed: false, chunk: false };

  static getDerivedStateFromError(error: unknown) {
    return { failed: true, chunk: isChunkError(error) };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <ReloadPanel chunk={this.state.chunk} /> : this.props.children;
  }
}
