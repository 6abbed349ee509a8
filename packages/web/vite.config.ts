import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const api = { "/api": { target: "http://127.0.0.1:3000", changeOrigin: false } };

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: "generateSW",
      registerType: "autoUpdate",
      // main.tsx registers the worker through virtual:pwa-register
      injectRegister: false,
      // the icons are already in workbox.globPatterns; the plugin adds the manifest itself
      includeManifestIcons: false,
      manifest: {
        name: "Tumbuh",
        short_name: "Tumbuh",
        description:
          "Sistem informasi percepatan penurunan stunting terintegrasi untuk kabupaten, kecamatan, dan desa.",
        lang: "id",
        dir: "ltr",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0f766e",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png}"],
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // API responses are cached by the app itself in IndexedDB (src/offline/cache.ts), never by the worker.
      },
    }),
  ],
  server: { proxy: api },
  preview: { proxy: api },
  build: { sourcemap: false },
});
