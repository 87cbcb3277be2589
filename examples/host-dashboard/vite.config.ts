import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Nothing special: the library is an ordinary dependency, resolved through its package exports.
export default defineConfig({
  plugins: [react()],
  server: { port: 5174 },
});
