// Where a compose file builds from: each service's build context and Dockerfile (`build: <dir>` or
// `build: {context: <dir>}`), as written, when it is a local directory. `check` reads the
// .dockerignore there, since that is the one the build uses (a workspace package's compose file
// builds from the workspace root). Remote contexts (URLs, git) and absolute paths are left out;
// a file that does not parse gives none (checkComposeText reports the syntax error).
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';

/** One service's local build: its context as written and its `dockerfile` (relative to the context, or absolute) when given. */
export interface ComposeBuild {
  context: string;
  dockerfile?: string;
}

export function composeBuilds(text: string): ComposeBuild[] {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const services = document.contents.get('services', true);
  if (!isMap(services)) return [];
  return (services as YAMLMap).items.flatMap((pair): ComposeBuild[] => {
    const build = isMap(pair.value) ? (pair.value as YAMLMap).get('build', true) : undefined;
    const scalar = (key: string) => (isMap(build) ? ((build as YAMLMap).get(key, true) as { value?: unknown } | undefined)?.value : undefined);
    const context = isScalar(build) ? build.value : scalar('context');
    if (typeof context !== 'string' || !isLocalDirectory(context)) return [];
    const dockerfile = scalar('dockerfile');
    return [typeof dockerfile === 'string' && dockerfile !== '' ? { context, dockerfile } : { context }];
  });
}

function isLocalDirectory(context: string): boolean {
  return context !== '' && !context.includes('://') && !/^git@|^[/\\]|^[A-Za-z]:/.test(context) && !/[\0\r\n]/.test(context);
}
