// `next start` loads next.config.ts at run time. Next 15 transpiles it with TypeScript's API
// (next/dist/build/next-config-ts/transpile-config.js: verifyTypeScriptSetup), and when `typescript` is
// not installed (a devDependency, absent from the production node_modules) it runs an install at start:
// in a read-only container as uid 1000 that crashes. Next 16 uses Node's type stripping when Node has it,
// else the same path. Next resolves CONFIG_FILES in order next.config.js, next.config.mjs,
// next.config.ts (next/dist/shared/lib/constants.js, 15.5 and 16.4), so a next.config.mjs next to the
// .ts wins. The build stage compiles the .ts to ESM with Next's own SWC binding (loadBindings() and the
// transform its transpileConfig uses, 15 and 16 alike; no TypeScript needed), imports the result once so a config that cannot load
// fails the build in one line, and the runtime ships next.config.mjs instead of the .ts.
export const COMPILED_CONFIG = 'next.config.mjs';

/** Whether `file` (the config Next would load) is TypeScript and must be compiled for the runtime. */
export function needsCompiledConfig(file: string | undefined): file is string {
  return file === 'next.config.ts' || file === 'next.config.mts';
}

/** The build-stage command: compile `file` to next.config.mjs and load it once, or fail with one line. */
export function compileConfigStep(file: string): string {
  const js = [
    "const fs=require('fs'),{pathToFileURL}=require('url')",
    `require('next/dist/build/swc').loadBindings().then(b=>b.transform(fs.readFileSync('${file}','utf8'),{jsc:{target:'es2022',parser:{syntax:'typescript'}},module:{type:'es6'}}))`,
    `.then(r=>{fs.writeFileSync('${COMPILED_CONFIG}',r.code);return import(pathToFileURL('${COMPILED_CONFIG}').href)})`,
    `.catch(e=>{console.error('${file} could not be compiled to ${COMPILED_CONFIG} for the runtime: '+/\\S.*/.exec(String(e&&e.message))[0]);process.exit(1)})`,
  ].join(';');
  return `node -e "${js.replace(/;\./g, '.')}"`;
}
