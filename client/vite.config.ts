import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The editor's chunk (Tiptap, ProseMirror, Yjs: ~180 kB gzipped) is loaded only with a document.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // The collaborative editor, loaded only by the pages that show a document.
            {
              name: 'editor',
              test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|yjs|y-[a-z]+|lib0|linkifyjs|orderedmap|rope-sequence|w3c-keyname|fast-equals)[\\/]/,
              // What it shares with the rest of the app (React's store shim) stays in `vendor`.
              includeDependenciesRecursively: false,
            },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      // The collaborative documents' websocket.
      '/yjs': { target: api.replace('http', 'ws'), ws: true },
      '/socket.io': { target: api, ws: true },
    },
  },
});
