// Where a compose file builds from: each service's build context (`build: <dir>` or
// `build: {context: <dir>}`), as written, when it is a local directory. `check` reads the
// .dockerignore there, since that is the one the build uses (a workspace package's compose file
// builds from the workspace root). Remote contexts (URLs, git) and absolute paths are left out;
// a file that does not parse gives none (checkComposeText reports the syntax error).
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';

export function composeBuildContexts(text: string): string[] {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const services = document.contents.get('services', true);
  if (!isMap(services)) return [];
  const contexts = (services as YAMLMap).items.flatMap((pair) => {
    const build = isMap(pair.value) ? (pair.value as YAMLMap).get('build', true) : undefined;
    const context = isScalar(build) ? build.value : isMap(build) ? ((build as YAMLMap).get('context', true) as { value?: unknown } | undefined)?.value : undefined;
    return typeof context === 'string' && isLocalDirectory(context) ? [context] : [];
  });
  return [...new Set(contexts)];
}

function isLocalDirectory(context: string): boolean {
  return context !== '' && !context.includes('://') && !/^git@|^[/\\]|^[A-Za-z]:/.test(context) && !/[\0\r\n]/.test(context);
}
