// The rule checker every generated Dockerfile must pass: the rules `check` runs (src/rules/), all
// severities, plus the generator's own constraint that the Dockerfile builds on Docker Engine
// 20.10's built-in frontend (no COPY --link, secret env mounts, # syntax or heredocs), which is
// not a fault in a user's Dockerfile and so is not a `check` rule.
import { RULE_IDS, toFinding, type RuleId } from '../../src/rules/catalog.js';
import { checkDockerfileText } from '../../src/rules/dockerfile.js';
import { flagNames, mountsOf, every } from '../../src/rules/dockerfile-helpers.js';
import { modelDockerfile, type DockerfileModel } from '../../src/rules/dockerfile-model.js';

export interface Violation {
  rule: string;
  line: number;
  message: string;
}

/** The day the checks judge Node.js end-of-life dates by, fixed so snapshots do not age into failures. */
export const CHECK_DATE = new Date('2026-12-01T00:00:00Z');

const ENGINE_RULES: { name: string; check(model: DockerfileModel): { line: number; message?: string }[] }[] = [
  { name: 'no-copy-link', check: (m) => every(m, 'COPY', (i) => (flagNames(i).includes('link') ? 'COPY --link is unknown to the Docker Engine 20.10 built-in frontend' : null)) },
  { name: 'no-secret-env-mount', check: (m) => every(m, 'RUN', (i) => (mountsOf(i).some((o) => o.get('type') === 'secret' && o.has('env')) ? '--mount=type=secret,env= is unknown to the Docker Engine 20.10 built-in frontend' : null)) },
  { name: 'no-syntax-directive', check: ({ dockerfile }) => dockerfile.getDirectives().filter((d) => d.getName().toLowerCase() === 'syntax').map((d) => ({ line: d.getRange().start.line + 1, message: '# syntax= makes the build pull a frontend image; the Dockerfile must build on the built-in frontend' })) },
  { name: 'no-heredoc', check: (m) => every(m, ['RUN', 'COPY'], (i) => ((i.getArgumentsContent() ?? '').trimStart().startsWith('<<') ? 'heredocs need a newer Dockerfile frontend than Docker Engine 20.10 has built in' : null)) },
];

const DOCKERFILE_RULE_IDS: RuleId[] = RULE_IDS.filter((id) => !id.startsWith('dockerignore-') && !id.startsWith('compose-') && !id.startsWith('k8s-'));

export const RULES: { name: string }[] = [...DOCKERFILE_RULE_IDS.map((name) => ({ name })), ...ENGINE_RULES];

export function checkDockerfile(text: string, context: { now?: Date; composeInit?: boolean } = {}): Violation[] {
  const model = modelDockerfile(text);
  return [
    ...checkDockerfileText(text, { now: context.now ?? CHECK_DATE, composeInit: context.composeInit })
      .map((hit) => toFinding(hit, 'Dockerfile'))
      .map(({ rule, line, message }) => ({ rule, line, message })),
    ...ENGINE_RULES.flatMap((rule) => rule.check(model).map((hit) => ({ rule: rule.name, line: hit.line, message: hit.message ?? '' }))),
  ];
}
