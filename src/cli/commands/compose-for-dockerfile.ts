// The compose file that builds a Dockerfile, for check: the one beside the Dockerfile (whatever it
// names), else the nearest one up to MAX_LEVELS directories above it with a service whose build
// context and dockerfile resolve to this very Dockerfile. `generate --dockerfile docker/Dockerfile`
// writes compose.yaml one directory above the Dockerfile; in a workspace package it builds from
// the workspace root, whose .dockerignore is the one the build reads.
import path from 'node:path';
import type { ProjectFs } from '../../core/project-fs.js';
import { composeBuilds } from '../../rules/compose-build.js';
import { COMPOSE_NAMES, readOptional, type SetupPaths } from './setup-files.js';

/** How far above the Dockerfile's directory a compose file that names it is looked for. */
export const MAX_LEVELS = 3;

export interface FoundCompose {
  /** The directory the compose file is in. */
  dir: string;
  file: string;
  text: string;
  /** Absolute build contexts: every local one of a compose file beside the Dockerfile, else those that build this Dockerfile. */
  contexts: string[];
}

export async function composeForDockerfile(located: SetupPaths, projectFs: (dir: string) => ProjectFs): Promise<FoundCompose | undefined> {
  const beside = await firstCompose(located.dir, projectFs);
  if (beside) return { ...beside, contexts: [...new Set(composeBuilds(beside.text).map((b) => path.resolve(located.dir, b.context)))] };
  const dockerfile = path.resolve(located.dir, located.dockerfile);
  let dir = located.dir;
  for (let level = 0; level < MAX_LEVELS; level += 1) {
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
    const found = await firstCompose(dir, projectFs);
    const builds = found ? composeBuilds(found.text).filter((b) => path.resolve(dir, b.context, b.dockerfile ?? 'Dockerfile') === dockerfile) : [];
    if (found && builds.length > 0) return { ...found, contexts: [...new Set(builds.map((b) => path.resolve(dir, b.context)))] };
  }
  return undefined;
}

async function firstCompose(dir: string, projectFs: (dir: string) => ProjectFs): Promise<Omit<FoundCompose, 'contexts'> | undefined> {
  const fs = projectFs(dir);
  for (const file of COMPOSE_NAMES) {
    const text = await readOptional(fs, dir, file);
    if (text !== undefined) return { dir, file, text };
  }
  return undefined;
}
