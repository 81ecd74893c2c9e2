// The rig's API in one place, for bench/image.mjs (which bundles this file with esbuild, as plain
// Node cannot import TypeScript). The test suite imports the modules directly.
export { installSteps, parseBuildSteps } from './build-log.js';
export { httpGet, runContainer, stopDuringSlowRequest, type Container } from './container.js';
export { sleep, waitFor } from './exec.js';
export { fixtureWorkspace } from './fixture-workspace.js';
export { generate } from './generate.js';
export { installedTool, unpackedPackage } from './npm-package.js';
export { missingPrerequisites, startRig, type Rig } from './rig.js';
export { CURRENT_LTS, standInForTag } from './stand-in-images.js';
export { freePort } from '../../support/registry.js';
export { switchNextToStandalone } from './next-standalone.js';
export { publishDhiStandIn } from './dhi-stand-in.js';
export { publishDistrolessStandIn, tagTrixieSlim } from './distroless-stand-in.js';
