// Container files the project already has, which the generator must merge or refuse to overwrite.
import type { ProjectFs } from '../core/project-fs.js';
import type { ProjectFacts } from './facts.js';

/** The compose file this tool writes: the first name `docker compose` looks for. */
export const COMPOSE_FILE = 'compose.yaml';
/** The names `docker compose` looks for, in its own order of preference. */
export const COMPOSE_FILES = [COMPOSE_FILE, 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export type ExistingFiles = ProjectFacts['existing'];

export async function detectExisting(fs: ProjectFs): Promise<ExistingFiles> {
  let composeFile: string | undefined;
  for (const file of COMPOSE_FILES) {
    if (await fs.exists(file)) {
      composeFile = file;
      break;
    }
  }
  const existing: ExistingFiles = {
    dockerfile: await fs.exists('Dockerfile'),
    dockerignore: await fs.exists('.dockerignore'),
    compose: composeFile !== undefined,
  };
  if (composeFile !== undefined) existing.composeFile = composeFile;
  return existing;
}
