import { registerSW } from "virtual:pwa-register";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// The route table installs itself in the router before any page can ask for a path.
import "./router/table";
import { App } from "./App";
import { I18nProvider } from "./i18n/I18nProvider";
import { SessionProvider } from "./session/SessionProvider";
import "./styles.css";

// Service worker: precaches the app shell so the app opens offline; updates itself in the background.
registerSW({ immediate: true });

const root = document.getElementById("root");
if (!root) throw new Error("#root missing from index.html");

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <App />
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
