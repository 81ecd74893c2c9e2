// The shapes the graceful-shutdown module is written in: cjs/esm/ts picked from the entry's extension
// and package type (render/shutdown-placement.ts); preload for servers a framework creates
// (`node --require ./graceful-shutdown.cjs`, render/recipe-view.ts).
export type ShutdownFlavor = 'cjs' | 'esm' | 'ts' | 'preload';
