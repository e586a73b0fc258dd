import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    // The output sits outside `root`, so Vite only empties it when told to.
    emptyOutDir: true,
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start`: the API stays on :4400.
    proxy: { "/api": "http://localhost:4400", "/f": "http://localhost:4400" },
  },
});
