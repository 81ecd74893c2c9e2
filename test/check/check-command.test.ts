// `check` on real directories, in-process: the seed guide's naive Dockerfile and its token-in-ENV
// Dockerfile fail with the expected rule ids and lines, compose and .dockerignore faults are found,
// the SARIF output validates against the SARIF 2.1.0 schema, and the exit codes hold.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_CATALOG, RULE_IDS } from '../../src/rules/catalog.js';
import { runInProcess } from '../support/cli-harness.js';

// CommonJS package: its class is the default export's `default` under NodeNext resolution.
const Ajv = (AjvModule as unknown as { default: typeof AjvModule.default }).default;

const DIGEST = `sha256:${'a'.repeat(64)}`;
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function project(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'csnd-check-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

interface JsonFinding { rule: string; severity: string; file: string; line: number; message: string; fix: string }

async function checkJson(dir: string, ...flags: string[]) {
  const result = await runInProcess(['check', '--json', ...flags], { cwd: dir });
  return { ...result, findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
}

const at = (findings: JsonFinding[]) => findings.map((f) => `${f.file}:${f.line} ${f.rule}`);

// Snyk, "10 best practices to containerize Node.js web applications with Docker": the starting point.
const NAIVE = 'FROM node\nCOPY . .\nRUN npm install\nCMD "npm" "start"\n';
// The same guide's example of a token that ends up in the image.
const TOKEN_IN_ENV = `FROM node:22.21.1-alpine3.22@${DIGEST}
ENV NPM_TOKEN=1234
WORKDIR /usr/src/app
COPY --chown=node:node . .
RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && \\
    npm ci --only=production && \\
    rm -f .npmrc
USER node
CMD ["dumb-init", "node", "server.js"]
`;

describe('check', () => {
  it('fails the naive Dockerfile on every practice it breaks, at the right lines', async () => {
    const { code, findings } = await checkJson(await project({ Dockerfile: NAIVE }));
    expect(code).toBe(1);
    expect(at(findings)).toEqual([
      'Dockerfile:1 from-untagged',
      'Dockerfile:1 node-env-production',
      'Dockerfile:1 non-root-user',
      'Dockerfile:2 copy-all-before-install',
      'Dockerfile:3 final-install-production',
      'Dockerfile:3 npm-install-not-ci',
      'Dockerfile:4 cmd-exec-form',
      'Dockerfile:4 init-pid1',
      'Dockerfile:4 start-via-package-manager',
      '.dockerignore:1 dockerignore-missing',
    ]);
    for (const f of findings) {
      expect(f.severity).toBe(RULE_CATALOG[f.rule as keyof typeof RULE_CATALOG].severity);
      expect(f.fix).toBe(RULE_CATALOG[f.rule as keyof typeof RULE_CATALOG].fix);
    }
  });

  it('fails the token-in-ENV Dockerfile on the secret, the .npmrc written into a layer and the missing secret mount', async () => {
    const { code, findings } = await checkJson(await project({ Dockerfile: TOKEN_IN_ENV, '.dockerignore': 'node_modules\n.git\n.env*\n.npmrc\n' }));
    expect(code).toBe(1);
    expect(at(findings)).toEqual([
      'Dockerfile:1 node-env-production',
      'Dockerfile:2 no-secret-names',
      'Dockerfile:4 copy-all-before-install',
      'Dockerfile:5 no-copy-secrets',
      'Dockerfile:5 registry-secret-via-mount',
      'Dockerfile:8 numeric-user',
      'Dockerfile:9 init-pid1',
    ]);
    expect(findings.find((f) => f.rule === 'no-secret-names')?.message).toContain('ENV NPM_TOKEN');
    expect(findings.find((f) => f.rule === 'init-pid1')?.message).toContain('does not install it');
  });

  it('checks a Dockerfile given by path, with its own <name>.dockerignore', async () => {
    const dir = await project({ 'docker/api.Dockerfile': NAIVE, 'docker/api.Dockerfile.dockerignore': '.env\n!.env\n' });
    const { findings } = await checkJson(dir, 'docker/api.Dockerfile');
    const ignore = findings.filter((f) => f.file === 'docker/api.Dockerfile.dockerignore');
    expect(ignore.map((f) => [f.line, f.rule])).toContainEqual([2, 'dockerignore-lets-in']);
    expect(ignore.find((f) => f.line === 2)?.message).toBe('.dockerignore line "!.env" lets .env back into the build context');
  });

  it('finds compose services without the hardening, pointing at the service or the key', async () => {
    const compose = 'services:\n  api:\n    build: .\n    privileged: true\n    read_only: false\n  worker:\n    image: x\n    user: "0:0"\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n';
    const { findings } = await checkJson(await project({ Dockerfile: NAIVE, 'docker-compose.yml': compose }));
    expect(at(findings.filter((f) => f.file === 'docker-compose.yml'))).toEqual([
      'docker-compose.yml:2 compose-cap-drop',
      'docker-compose.yml:2 compose-no-new-privileges',
      'docker-compose.yml:2 compose-user',
      'docker-compose.yml:4 compose-privileged',
      'docker-compose.yml:5 compose-read-only',
      'docker-compose.yml:8 compose-user',
    ]);
  });

  it('takes init: true in every compose service as the init process', async () => {
    const dockerfile = `FROM node:24.11.1-alpine3.22@${DIGEST}\nENV NODE_ENV=production\nUSER 1000:1000\nCMD ["node", "server.js"]\n`;
    const compose = 'services:\n  api:\n    init: true\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n';
    const { code, findings, stderr } = await checkJson(await project({ Dockerfile: dockerfile, '.dockerignore': '.env*\n.npmrc\n.git\nnode_modules\n', 'compose.yaml': compose }), '--fail-on', 'info');
    expect(findings, stderr).toEqual([]);
    expect(code).toBe(0);
  });

  describe('a Dockerfile with no compose file beside it: the compose file above that builds it names the context', () => {
    const dockerfile = `FROM node:24.11.1-alpine3.22@${DIGEST}\nENV NODE_ENV=production\nUSER 1000:1000\nCMD ["node", "server.js"]\n`;
    const compose = (file: string) => `services:\n  api:\n    build:\n      context: ../..\n      dockerfile: ${file}\n    init: true\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n`;

    it('reads the workspace root .dockerignore that lets .env in, named at the root', async () => {
      const dir = await project({ 'apps/api/docker/Dockerfile': dockerfile, 'apps/api/compose.yaml': compose('apps/api/docker/Dockerfile'), '.dockerignore': 'node_modules\n.git\n' });
      const { findings, stderr } = await checkJson(path.join(dir, 'apps/api'), 'docker/Dockerfile', '--fail-on', 'info');
      expect(findings.map((f) => f.file), stderr).toContain(path.join(dir, '.dockerignore'));
      expect(findings.map((f) => f.rule)).not.toContain('dockerignore-missing');
    });

    it('of a compose file above with several services, reads only the context of the one that builds this Dockerfile', async () => {
      const services = `services:\n  web:\n    build: ../web\n${compose('apps/api/docker/Dockerfile').replace('services:\n', '')}`;
      const dir = await project({ 'apps/api/docker/Dockerfile': dockerfile, 'apps/api/compose.yaml': services, 'apps/web/.dockerignore': '.env*\n.npmrc\n.git\nnode_modules\n', '.dockerignore': 'node_modules\n.git\n' });
      const { findings, stderr } = await checkJson(path.join(dir, 'apps/api'), 'docker/Dockerfile', '--fail-on', 'info');
      expect(findings.map((f) => f.file), stderr).toContain(path.join(dir, '.dockerignore'));
    });

    it('leaves a compose file above that builds another Dockerfile alone', async () => {
      const dir = await project({ 'apps/api/docker/Dockerfile': dockerfile, 'apps/api/compose.yaml': compose('apps/web/Dockerfile'), '.dockerignore': '.env*\n.npmrc\n.git\nnode_modules\n' });
      const { findings, stderr } = await checkJson(path.join(dir, 'apps/api'), 'docker/Dockerfile', '--fail-on', 'info');
      expect(findings.map((f) => `${f.file} ${f.rule}`), stderr).toContain('docker/.dockerignore dockerignore-missing');
    });
  });

  it('--fail-on error: warnings alone exit 0 but are still reported', async () => {
    const dockerfile = `FROM node:24.11.1-alpine3.22@${DIGEST}\nENV NODE_ENV=production\nUSER 1000:1000\nCMD ["node", "server.js"]\n`;
    const dir = await project({ Dockerfile: dockerfile, '.dockerignore': '.env*\n.npmrc\n.git\nnode_modules\n' });
    const strict = await checkJson(dir);
    expect(at(strict.findings)).toEqual(['Dockerfile:4 init-pid1']);
    expect(strict.code).toBe(1);
    const lenient = await checkJson(dir, '--fail-on', 'error');
    expect(lenient.findings.length).toBe(1);
    expect(lenient.code).toBe(0);
  });

  it('human output: file:line  id  message, then the fix, on stderr', async () => {
    const result = await runInProcess(['check'], { cwd: await project({ Dockerfile: NAIVE }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Dockerfile:4  start-via-package-manager  the app is started through npm, which does not forward SIGTERM to Node; run node directly\n    fix: ${RULE_CATALOG['start-via-package-manager'].fix}\n`);
    expect(result.stderr).toMatch(/10 findings \(2 error, 7 warning, 1 info\) in Dockerfile\./);
  });

  it('a hostile value from the file cannot drive the terminal: control characters are shown escaped', async () => {
    const result = await runInProcess(['check'], { cwd: await project({ Dockerfile: 'FROM node:22\u001b[2J\nUSER root\u0007\n' }) });
    expect(result.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- asserting no control character got through
    expect(result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(result.stderr).toContain('FROM node:22\\u001b[2J');
  });

  it('SARIF output is valid SARIF 2.1.0 with rule metadata and one result per finding', async () => {
    const dir = await project({ Dockerfile: NAIVE });
    const json = await checkJson(dir);
    const result = await runInProcess(['check', '--format', 'sarif'], { cwd: dir });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; properties: Record<string, string> }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    // The official schema (sarif-2.1.0-rtm.5), as shipped in @microsoft/jest-sarif. Its patterns are
    // not valid in unicode mode, and uri formats are not checked (ajv-formats is not installed).
    const schema = createRequire(import.meta.url)('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    // The validator does reject a log that is wrong: the wrong version, a line 0.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const lineZero = JSON.parse(result.stdout.replace('"startLine":1', '"startLine":0')) as object;
    expect(validate(lineZero)).toBe(false);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS);
    expect(run.tool.driver.rules.find((r) => r.id === 'non-root-user')?.properties).toMatchObject({ hadolint: 'DL3002', trivy: 'AVD-DS-0002', checkov: 'CKV_DOCKER_8' });
    expect(run.results.map((r) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine} ${r.ruleId}`)).toEqual(at(json.findings));
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(new Set(run.results.map((r) => r.level))).toEqual(new Set(['error', 'warning', 'note']));
  });

  it.each([
    [['check', '--format', 'xml'], /Invalid values:.*format.*"xml".*Choices: "human", "json", "sarif"/],
    [['check', '--fail-on', 'fatal'], /Invalid values:.*fail-on.*"fatal"/],
    [['check', '--bogus'], /Unknown argument: bogus/],
    [['check', 'nowhere'], /no nowhere in/],
    [['check', 'a', 'b'], /Unknown argument: b/],
  ])('usage errors exit 2 with one line: %j', async (argv, message) => {
    const result = await runInProcess(argv, { cwd: await project({ Dockerfile: NAIVE }) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unreadable Dockerfile or invalid compose YAML is exit 2, not a crash', async () => {
    const dir = await project({ 'Dockerfile/inner': 'x', 'other/Dockerfile': NAIVE, 'other/compose.yaml': 'services: [\n' });
    const unreadable = await runInProcess(['check', 'Dockerfile/'], { cwd: dir });
    expect(unreadable.code).toBe(2); // a directory without a Dockerfile of its own
    const yaml = await runInProcess(['check', 'other'], { cwd: dir });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/other\/compose.yaml is not valid YAML/);
  });
});
