// Finds and reads Kubernetes manifests for check: `given` is one manifest (.yaml/.yml that is not a
// compose file) or a directory holding a kustomization.yaml or manifests and no Dockerfile. The
// kustomization's `images:` overrides apply to the manifests beside it.
import path from 'node:path';
import { KUSTOMIZATION_NAMES } from '../../rules/check-manifests.js';
import type { SetupFile } from '../../rules/check-files.js';
import type { CliDeps } from '../deps.js';
import { COMPOSE_NAMES, displayName, readOptional } from './setup-files.js';

export interface ManifestSet {
  manifests: SetupFile[];
  kustomization: SetupFile | undefined;
  /** Every file read, as shown in output. */
  checked: string[];
}

const YAML_FILE = /\.ya?ml$/;

/** The manifests at `given`, or undefined when it is not a manifest or a directory of them (`optional`: a missing directory too). */
export async function readManifests(deps: Pick<CliDeps, 'cwd' | 'files' | 'projectFs'>, given: string | undefined, optional = false): Promise<ManifestSet | undefined> {
  const target = path.resolve(deps.cwd, given ?? '.');
  const isDir = await deps.files.isDirectory(target);
  const dir = isDir ? target : path.dirname(target);
  const fs = deps.projectFs(dir);
  const name = (file: string) => displayName(deps.cwd, path.join(dir, file));
  const isKustomization = (file: string) => (KUSTOMIZATION_NAMES as readonly string[]).includes(file);
  let files: string[];
  if (isDir) {
    const entries = (await fs.list('.')).sort();
    if (entries.includes('Dockerfile')) return undefined;
    files = entries.filter((f) => YAML_FILE.test(f) && !(COMPOSE_NAMES as readonly string[]).includes(f));
    if (files.length === 0 && !entries.some(isKustomization)) return undefined;
  } else {
    const file = path.basename(target);
    if (!YAML_FILE.test(file) || (COMPOSE_NAMES as readonly string[]).includes(file)) return undefined;
    if (optional && !(await fs.exists(file))) return undefined;
    files = [file];
  }
  let kustomization: SetupFile | undefined;
  for (const candidate of KUSTOMIZATION_NAMES) {
    const text = await readOptional(fs, dir, candidate);
    if (text !== undefined) {
      kustomization = { name: name(candidate), text };
      break;
    }
  }
  const manifests: SetupFile[] = [];
  for (const file of files.filter((f) => !isKustomization(f))) {
    const text = await readOptional(fs, dir, file);
    if (text !== undefined) manifests.push({ name: name(file), text });
  }
  const checked = [...manifests.map((m) => m.name), ...(kustomization ? [kustomization.name] : [])];
  return { manifests, kustomization, checked };
}
