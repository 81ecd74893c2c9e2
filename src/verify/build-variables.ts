// The values of the build's --build-arg and --build-secret variables for the --verify build: taken
// from the environment the tool runs in (as `docker build --build-arg NAME` and
// `--secret id=NAME,env=NAME` would take them), checked before building, and turned into engine
// arguments. A secret goes through a private temp file (`--secret id=NAME,src=<file>`, which docker
// and Podman 4.3 both take; Podman has no env= source), removed after the build; its value reaches
// no argument and, redacted, no message.
import type { BuildVariables } from '../options/build-variables.js';
import type { SecretFiles } from './npmrc-source.js';

export type BuildVariableValues =
  | { kind: 'ok'; args: string[]; secretValues: string[]; remove(): Promise<void> }
  | { kind: 'missing'; message: string };

export async function buildVariableArgs(names: BuildVariables, files: SecretFiles): Promise<BuildVariableValues> {
  const unset = [...names.args, ...names.secrets].filter((n) => (files.env[n] ?? '') === '');
  if (unset.length > 0) {
    const [first] = unset as [string];
    const how = names.secrets.includes(first) ? 'a build secret (--build-secret: mounted for the build step only, never stored)' : 'a build arg (--build-arg: public values only)';
    return { kind: 'missing', message: `the build reads ${unset.join(', ')}, which ${unset.length > 1 ? 'are' : 'is'} not set (or empty) in this environment: export ${first}=<value> and run again (${first} is ${how})` };
  }
  const args = names.args.flatMap((n) => ['--build-arg', `${n}=${files.env[n]}`]);
  const temps: { remove(): Promise<void> }[] = [];
  const remove = async () => {
    for (const t of temps) await t.remove();
  };
  try {
    for (const id of names.secrets) {
      const temp = await files.writePrivateTemp(files.env[id] as string);
      temps.push(temp);
      args.push('--secret', `id=${id},src=${temp.path}`);
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { kind: 'ok', args, secretValues: names.secrets.map((n) => files.env[n] as string), remove };
}
