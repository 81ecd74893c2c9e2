// src/verify: prove the written setup on the user's own container engine (issue 10).
export { verify, unreachableMessage } from './verify.js';
export { verifyJson, verifyHuman, type VerifyJson } from './report.js';
export { Engine, probeEngine, PROBE_TIMEOUT_SECONDS, ENGINE_CLIS, type EngineCli } from './engine.js';
export type { RunCommand, CommandResult, RunCommandOptions } from './engine.js';
export type { SecretFiles } from './npmrc-source.js';
export { type VerifyDeps, type VerifyResult, type VerifySettings, type VerifyTarget, type RunEnvFile } from './types.js';
