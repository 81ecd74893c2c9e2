// The three shapes the graceful-shutdown module is written in, picked from the entry's extension
// and package type (render/shutdown-placement.ts).
export type ShutdownFlavor = 'cjs' | 'esm' | 'ts';
