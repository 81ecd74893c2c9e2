// Runs every rule over the files of one setup: a Dockerfile, its .dockerignore and a compose
// file, each given as text (or undefined when absent). Pure: the command reads the files.
import { toFinding, type Finding } from './catalog.js';
import { checkComposeText } from './compose.js';
import { checkDockerfileText } from './dockerfile.js';
import { checkDockerignoreText } from './dockerignore.js';
import { finalInstructions, lastOf } from './dockerfile-helpers.js';
import { modelDockerfile } from './dockerfile-model.js';

export interface SetupFile {
  /** As shown in findings, e.g. "Dockerfile" or "services/api/compose.yaml". */
  name: string;
  text: string;
}

export interface Setup {
  dockerfile: SetupFile;
  /** name is where it was looked for; text undefined when it does not exist. */
  dockerignore: { name: string; text: string | undefined };
  compose?: SetupFile;
}

export { ComposeSyntaxError } from './compose.js';

export function checkSetup(setup: Setup, now: Date): Finding[] {
  const imageNonRoot = finalUserIsNonRoot(setup.dockerfile.text);
  const compose = setup.compose ? checkComposeText(setup.compose.text, { imageNonRoot }) : undefined;
  const findings = [
    ...checkDockerfileText(setup.dockerfile.text, { now, composeInit: compose?.allInit }).map((hit) => toFinding(hit, setup.dockerfile.name)),
    ...checkDockerignoreText(setup.dockerignore.text).map((hit) => toFinding(hit, setup.dockerignore.name)),
    ...(compose && setup.compose ? compose.hits.map((hit) => toFinding(hit, setup.compose!.name)) : []),
  ];
  const order = [setup.dockerfile.name, setup.dockerignore.name, setup.compose?.name];
  return findings.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

function finalUserIsNonRoot(text: string): boolean {
  const user = lastOf(finalInstructions(modelDockerfile(text)), 'USER')?.getArgumentsContent() ?? '';
  return user !== '' && !/^(root|0)(:|$)|:(root|0)$/.test(user);
}
