// Text imports: templates are bundled into dist/ as strings (esbuild plugin in scripts/build.mjs,
// Vite's own `?raw` support under vitest).
declare module '*?raw' {
  const text: string;
  export default text;
}
