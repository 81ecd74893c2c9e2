import { switchNextToStandalone } from './rig/next-standalone.js';

/** One meta-framework fixture of the end-to-end proof (issue 9), generated with `--yes` only. */
export interface FrameworkCase {
  title: string;
  /** test/fixtures/<fixture> */
  fixture: string;
  /** Changes the temp copy before generation (Next standalone: one fixture serves both modes). */
  prepare?: (dir: string) => void;
  /** What the running node process's command line must end with (the plan's command, preload included). */
  command: RegExp;
  /** Paths under /app the plan makes writable: a tmpfs each in the hardened run, as in compose. */
  writable: string[];
  /**
   * 'production': npm's install of the dependencies; 'traced': only what Next traced into standalone,
   * not npm's full install; 'empty': every package is a devDependency (adapter-node bundles them), so
   * the production install is empty; 'none': no node_modules at all (Nuxt .output).
   */
  nodeModules: 'production' | 'traced' | 'empty' | 'none';
  /** A source file (not a manifest or lockfile) the rebuild-cache check edits. */
  sourceFile: string;
  /** Run-time settings an operator gives the container (Angular SSR's allowed hosts), besides PORT. */
  runEnv?: Record<string, string>;
  /**
   * devDependencies npm's `ci --omit=dev` still installs because a production dependency names them as
   * optional peers (lockfile "devOptional": @react-router/node and /express peer on typescript). A known
   * defect of the production install, not yet fixed; the test checks the lockfile says so.
   */
  devOptionalKept?: string[];
}

export const FRAMEWORK_CASES: readonly FrameworkCase[] = [
  { title: 'next-app: Next.js 16, next start', fixture: 'next-app', command: /node --require \.\/graceful-shutdown\.cjs node_modules\/next\/dist\/bin\/next start$/, writable: ['.next/cache'], nodeModules: 'production', sourceFile: 'app/page.tsx' },
  {
    title: 'next-app with output: "standalone" switched on in a temp copy: node server.js',
    fixture: 'next-app',
    prepare: switchNextToStandalone,
   
    command: /node --require \.\/graceful-shutdown\.cjs server\.js$/,
    writable: ['.next/cache'],
    nodeModules: 'traced',
    sourceFile: 'app/page.tsx',
  },
  { title: 'nuxt-app: Nuxt 4, .output only', fixture: 'nuxt-app', command: /node \.output\/server\/index\.mjs$/, writable: [], nodeModules: 'none', sourceFile: 'app/app.vue' },
  { title: 'sveltekit-app: SvelteKit adapter-node, node build', fixture: 'sveltekit-app', command: /node build$/, writable: [], nodeModules: 'empty', sourceFile: 'src/routes/+page.svelte' },
  { title: 'astro-app: Astro @astrojs/node standalone', fixture: 'astro-app', command: /node --require \.\/graceful-shutdown\.cjs dist\/server\/entry\.mjs$/, writable: [], nodeModules: 'production', sourceFile: 'src/pages/index.astro' },
  { title: 'react-router-app: React Router 7, react-router-serve', fixture: 'react-router-app', command: /node node_modules\/@react-router\/serve\/bin\.js \.\/build\/server\/index\.js$/, writable: [], nodeModules: 'production', sourceFile: 'app/routes/home.tsx' },
  { title: 'remix-app: Remix 2, remix-serve', fixture: 'remix-app', command: /node node_modules\/@remix-run\/serve\/dist\/cli\.js \.\/build\/server\/index\.js$/, writable: [], nodeModules: 'production', sourceFile: 'app/routes/_index.tsx' },
  { title: 'next15-app: Next.js 15, next start with next.config.ts', fixture: 'next15-app', command: /node --require \.\/graceful-shutdown\.cjs node_modules\/next\/dist\/bin\/next start$/, writable: ['.next/cache'], nodeModules: 'production', sourceFile: 'app/page.tsx' },
  { title: 'react-router-custom-server: React Router 7 node-custom-server template, node server.js', fixture: 'react-router-custom-server', command: /node --require \.\/graceful-shutdown\.cjs server\.js$/, writable: [], nodeModules: 'production', sourceFile: 'app/routes/home.tsx', devOptionalKept: ['typescript'] },
  {
    title: 'angular-ssr-app: Angular 22 SSR (ng new --ssr), dist/<project> only',
    fixture: 'angular-ssr-app',
    command: /node --require \.\/graceful-shutdown\.cjs dist\/ng-ssr-app\/server\/server\.mjs$/,
    writable: [],
    nodeModules: 'none',
    sourceFile: 'src/app/app.ts',
    runEnv: { NG_ALLOWED_HOSTS: '127.0.0.1' },
  },
];
