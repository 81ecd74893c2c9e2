// What the Angular SSR recipe needs from angular.json, read as data (never evaluated) and treated as
// hostile: the project to serve, whether its build renders on the server, and where the build writes.
// Angular's application builder: `outputPath` is a string or `{ base, browser, server }`, default
// `dist/<project>`; the server bundle lands in `<base>/server` (server.mjs), the browser files in
// `<base>/browser`. `outputMode: "static"` (or no `ssr`/`server` option) prerenders a static site.
import { UsageError } from '../errors.js';
import { printable, projectPath } from '../core/validate.js';
import type { ProjectFs } from '../core/project-fs.js';

export interface AngularServerBuild {
  project: string;
  /** Build output base, relative to the project root ("dist/my-app"). */
  outputBase: string;
  /** Whether the build renders on the server (false: a static site). */
  serverRendering: boolean;
  /** The Express server source (`ssr.entry`, default src/server.ts), where the app's own routes live. */
  serverEntry: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The project's SSR build: the one named by a `serve:ssr:<project>` script, else the only application. */
export async function angularServerBuild(fs: ProjectFs, scripts: Record<string, string>): Promise<AngularServerBuild> {
  const text = await fs.read('angular.json');
  if (text === undefined) throw new UsageError('Angular SSR: angular.json is missing; run this tool in the Angular workspace root');
  let workspace: unknown;
  try {
    workspace = JSON.parse(text);
  } catch {
    throw new UsageError('Angular SSR: angular.json is not valid JSON');
  }
  const projects = isObject(workspace) && isObject(workspace.projects) ? workspace.projects : {};
  const applications = Object.keys(projects).filter((name) => isObject(projects[name]) && projects[name].projectType === 'application');
  const fromScripts = Object.keys(scripts).flatMap((s) => (s.startsWith('serve:ssr:') ? [s.slice('serve:ssr:'.length)] : [])).filter((p) => applications.includes(p));
  const candidates = fromScripts.length > 0 ? fromScripts : applications;
  if (candidates.length !== 1) {
    const found = candidates.length === 0 ? 'no application project' : `${candidates.length} application projects (${candidates.map(printable).join(', ')})`;
    throw new UsageError(`Angular SSR: angular.json has ${found}; keep one "serve:ssr:<project>" script for the project to serve`);
  }
  const project = candidates[0] ?? '';
  if (!/^[A-Za-z0-9._-]+$/.test(project)) throw new UsageError(`Angular SSR: project name "${printable(project)}" may contain only letters, digits and . _ -`);
  const build = (projects[project] as Json).architect;
  const options = isObject(build) && isObject(build.build) && isObject(build.build.options) ? build.build.options : {};
  const entry = isObject(options.ssr) && typeof options.ssr.entry === 'string' ? options.ssr.entry : 'src/server.ts';
  return { project, outputBase: outputBaseOf(options.outputPath, project), serverRendering: rendersOnServer(options), serverEntry: projectPath(entry, `${flagBase}.ssr.entry`) };
}

const flagBase = 'angular.json build.options';

function outputBaseOf(outputPath: unknown, project: string): string {
  const flag = `${flagBase}.outputPath`;
  if (outputPath === undefined) return `dist/${project}`;
  if (typeof outputPath === 'string') return projectPath(outputPath, flag);
  if (isObject(outputPath) && typeof outputPath.base === 'string') {
    if (outputPath.server !== undefined && outputPath.server !== 'server') {
      throw new UsageError(`Angular SSR: ${flag}.server is set; remove it (the server bundle must be in <base>/server, as serve:ssr expects)`);
    }
    return projectPath(outputPath.base, `${flag}.base`);
  }
  throw new UsageError(`Angular SSR: ${flag} must be a string or { "base": "<dir>" }`);
}

function rendersOnServer(options: Json): boolean {
  if (options.outputMode === 'static') return false;
  if (options.outputMode === 'server') return true;
  return options.ssr !== undefined && options.ssr !== false && options.server !== undefined;
}
