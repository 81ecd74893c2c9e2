// Options + image -> the files to write, as data. Pure: no file system, no network, no clock.
import type { ResolvedImage } from '../image/types.js';
import type { Options } from '../options/options.js';
import { renderDockerignore } from '../files/dockerignore.js';
import { shutdownModuleSource, shutdownWiring } from '../shutdown/module.js';
import { shutdownPlacement } from './shutdown-placement.js';
import { templates } from './templates.js';
import { buildView } from './view.js';

export interface GeneratedFile {
  path: string;
  content: string;
  /** merge-dockerignore: an existing .dockerignore keeps the user's lines; missing entries are added. */
  mode: 'replace' | 'merge-dockerignore';
}

export interface RenderResult {
  files: GeneratedFile[];
  /** The two lines that wire the graceful-shutdown module into the entry. */
  wiring: string[];
  shutdownModulePath: string;
  warnings: string[];
}

export interface RenderInput {
  options: Options;
  image: ResolvedImage;
  generatorVersion: string;
  projectName: string;
}

export function renderFiles(input: RenderInput): RenderResult {
  const { options } = input;
  const shutdown = shutdownPlacement(options.sourceEntry, options.moduleSystem);
  const wiring = shutdownWiring(options.framework, shutdown.flavor, shutdown.importSpecifier);
  const view = buildView({ ...input, shutdown, wiring });
  const warnings = [...view.warnings];
  if (options.port !== undefined && options.port < 1024) {
    warnings.push(
      `port ${options.port} is below 1024: prefer a high port (e.g. 3000 or 8080) for a non-root app and map it, or put a proxy in front`,
    );
  }
  if (options.packageManager.yarnBerry && options.registry) {
    warnings.push(
      'yarn 2+ ignores .npmrc: the generated secret mount does not reach it. Pass the token to the install steps as YARN_NPM_AUTH_TOKEN read from a secret mount, and never write npmAuthToken into .yarnrc.yml (it is in the build context)',
    );
  }
  return {
    files: [
      { path: 'Dockerfile', content: templates.dockerfile(view), mode: 'replace' },
      { path: '.dockerignore', content: renderDockerignore({ keep: options.packageManager.yarnBerry ? ['.yarnrc.yml'] : [] }), mode: 'merge-dockerignore' },
      { path: 'compose.yaml', content: templates.compose(view), mode: 'replace' },
      { path: 'README.Docker.md', content: templates.readme(view), mode: 'replace' },
      { path: shutdown.path, content: shutdownModuleSource(shutdown.flavor), mode: 'replace' },
    ],
    wiring,
    shutdownModulePath: shutdown.path,
    warnings,
  };
}
