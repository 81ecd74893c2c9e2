// Where things are, computed once from the --dockerfile choice and the workspace: the build
// context, the package inside it, the Dockerfile's path as the build sees it, and the app's
// directory in the image. Render, the report and --verify read these; none recomputes them.
import type { WorkspaceOptions } from './workspace.js';

export interface Layout {
  /** From [dir] to the build context, posix: "." for a single package, the workspace root ("../..") for a workspace package. */
  context: string;
  /** [dir] inside the context: "" for a single package, "apps/web" in a workspace. */
  packageDir: string;
  /** The Dockerfile's path inside the context ("Dockerfile", "apps/web/Dockerfile"). */
  dockerfile: string;
  /** The package's directory in the image: /app, or /app/<packageDir>. */
  appDir: string;
}

export function layoutOf(dockerfile: string, workspace: Pick<WorkspaceOptions, 'root' | 'packageDir'> | undefined): Layout {
  const packageDir = workspace?.packageDir ?? '';
  return {
    context: workspace?.root ?? '.',
    packageDir,
    dockerfile: inPackage({ packageDir }, dockerfile),
    appDir: packageDir === '' ? '/app' : `/app/${packageDir}`,
  };
}

/** A path relative to the package, as a path inside the build context. */
export function inPackage(layout: Pick<Layout, 'packageDir'>, file: string): string {
  return layout.packageDir === '' ? file : `${layout.packageDir}/${file}`;
}
