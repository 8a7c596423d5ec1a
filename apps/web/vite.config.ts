import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** Libraries every page needs go in two long-cached vendor chunks; recharts stays in its lazy chunk. */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
  { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
  { name: 'data', test: /node_modules[\\/]@(trpc|tanstack)[\\/]/, priority: 2 },
];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // Keep the browser's Host so the server's same-origin check for cookie writes passes.
    proxy: {
      '/trpc': { target: apiUrl },
      '/api': { target: apiUrl },
    },
  },
  preview: { port: 4173, proxy: { '/trpc': { target: apiUrl }, '/api': { target: apiUrl } } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
