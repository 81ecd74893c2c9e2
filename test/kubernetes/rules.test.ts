// The manifest rules of `check`: each one catches its break in our own generated Deployment (and
// nothing else fires), the kustomization's images: decide the image rules, and the YAML writer
// round-trips the data it is given.
import { rm, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlText, type YamlValue } from '../../src/render/kubernetes/yaml-text.js';
import { checkManifestText, effectiveImage, kustomizationImages } from '../../src/rules/kubernetes.js';
import { runInProcess } from '../support/cli-harness.js';
import { generateK8s, schemaErrors, type GeneratedK8s, type Json } from './support.js';

let k8s: GeneratedK8s;
beforeAll(async () => {
  k8s = await generateK8s('express-cjs', ['--writable-dir', 'uploads']);
}, 60_000);
afterAll(() => k8s?.cleanup());

const PINNED = { images: new Map([['express-cjs', { digest: `sha256:${'b'.repeat(64)}`, line: 1 }]]) };
/** Our Deployment, changed by `edit`, checked with the image pinned; the rules that fire. */
function rulesAfter(edit: (pod: Json, container: Json) => void): string[] {
  const deployment = structuredClone(k8s.deployment);
  edit(deployment.spec.template.spec, deployment.spec.template.spec.containers[0]);
  return [...new Set(checkManifestText(yamlText(deployment as YamlValue), PINNED).map((h) => h.rule))].sort();
}

describe('manifest rules on the generated Deployment', () => {
  it('the generated Deployment with a pinned image: no findings', () => {
    expect(rulesAfter(() => {})).toEqual([]);
  });

  it.each([
    ['runAsNonRoot removed from pod and container', 'k8s-run-as-non-root', (p: Json, c: Json) => { delete p.securityContext.runAsNonRoot; delete c.securityContext.runAsNonRoot; }],
    ['runAsUser: 0 on the container', 'k8s-run-as-non-root', (_p: Json, c: Json) => { c.securityContext.runAsUser = 0; }],
    ['allowPrivilegeEscalation not set', 'k8s-privilege-escalation', (_p: Json, c: Json) => { delete c.securityContext.allowPrivilegeEscalation; }],
    ['capabilities not dropped', 'k8s-capabilities', (_p: Json, c: Json) => { delete c.securityContext.capabilities; }],
    ['SYS_ADMIN added', 'k8s-capabilities', (_p: Json, c: Json) => { c.securityContext.capabilities.add = ['SYS_ADMIN']; }],
    ['no seccomp profile', 'k8s-seccomp', (p: Json) => { delete p.securityContext.seccompProfile; }],
    ['privileged: true', 'k8s-privileged', (_p: Json, c: Json) => { c.securityContext.privileged = true; }],
    ['hostNetwork: true', 'k8s-host-namespaces', (p: Json) => { p.hostNetwork = true; }],
    ['a hostPath volume', 'k8s-volume-types', (p: Json) => { p.volumes[1] = { name: p.volumes[1].name, hostPath: { path: '/srv' } }; }],
    ['a writable root filesystem', 'k8s-read-only-root', (_p: Json, c: Json) => { delete c.securityContext.readOnlyRootFilesystem; }],
    ['no readiness probe', 'k8s-probes', (_p: Json, c: Json) => { delete c.readinessProbe; }],
    ['no liveness probe', 'k8s-probes', (_p: Json, c: Json) => { delete c.livenessProbe; }],
    ['a grace period of 10 s after a 5 s preStop (shutdown timeout 8 s)', 'k8s-grace-period', (p: Json) => { p.terminationGracePeriodSeconds = 10; }],
    ['no memory limit', 'k8s-resources', (_p: Json, c: Json) => { delete c.resources.limits; }],
    ['the service account token mounted', 'k8s-service-account-token', (p: Json) => { delete p.automountServiceAccountToken; }],
  ])('%s: %s', (_title, rule, edit) => {
    expect(rulesAfter(edit)).toEqual([rule]);
  });

  it('the grace period defaults to 30 s: without the field, 30 > 5 + 8 passes', () => {
    expect(rulesAfter((p) => { delete p.terminationGracePeriodSeconds; })).toEqual([]);
  });

  it('image rules read kustomization images: latest or untagged warns, a tag without digest is info, a digest passes', () => {
    const text = yamlText(k8s.deployment as YamlValue);
    const rules = (images?: string) => checkManifestText(text, images === undefined ? {} : { images: kustomizationImages(images) }).map((h) => h.rule);
    expect(rules()).toEqual(['k8s-image-tag']);
    expect(rules('images:\n- name: express-cjs\n  newTag: latest\n')).toEqual(['k8s-image-tag']);
    expect(rules('images:\n- name: express-cjs\n  newTag: "1.2.3"\n')).toEqual(['k8s-image-digest']);
    expect(rules(`images:\n- name: express-cjs\n  newName: r.example/express-cjs\n  digest: sha256:${'c'.repeat(64)}\n`)).toEqual([]);
    expect(effectiveImage('r.example:5000/app:1@sha256:abc', undefined)).toEqual({ tag: '1', digest: 'sha256:abc' });
    expect(effectiveImage('r.example:5000/app', undefined)).toEqual({ tag: undefined, digest: undefined });
  });

  it('a finding names the line of the field', () => {
    const text = yamlText(k8s.deployment as YamlValue).replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false');
    const hit = checkManifestText(text, PINNED).find((h) => h.rule === 'k8s-read-only-root');
    expect(text.split('\n')[hit!.line - 1]).toContain('readOnlyRootFilesystem: false');
  });

  it('the schema check rejects what the API server would (a string port, an unknown enum value)', () => {
    const broken = structuredClone(k8s.deployment);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    broken.spec.template.spec.securityContext.seccompProfile.type = 'Default';
    expect(schemaErrors({ deployment: broken, service: undefined })).toHaveLength(1);
    expect(schemaErrors({ deployment: broken, service: undefined })[0]).toMatch(/containerPort must be integer|seccompProfile\/type must be equal to one of the allowed values/);
  });
});

describe('check command on manifests', () => {
  it('check <file>: human findings with the rule id and line; invalid YAML is exit 2 naming the file', async () => {
    const service = await runInProcess(['check', 'k8s/service.yaml'], { cwd: k8s.appDir });
    expect(service.code, service.stderr).toBe(0);
    expect(service.stderr).toBe('No findings in k8s/service.yaml, k8s/kustomization.yaml.\n');
    const deployment = await runInProcess(['check', 'k8s/deployment.yaml', '--fail-on', 'info'], { cwd: k8s.appDir });
    expect(deployment.code).toBe(1);
    expect(deployment.stderr).toMatch(/^k8s\/deployment\.yaml:\d+ {2}k8s-image-digest {2}Deployment express-cjs container express-cjs: image express-cjs \(tag 1\.0\.0 from kustomization\.yaml\) is not pinned by digest\n/);
    await writeFile(`${k8s.appDir}/k8s/broken.yaml`, 'kind: Pod\nspec: [\n');
    const broken = await runInProcess(['check', 'k8s'], { cwd: k8s.appDir });
    await rm(`${k8s.appDir}/k8s/broken.yaml`);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/k8s\/broken\.yaml is not valid YAML/);
  });

  it('check (the project): the Dockerfile and the k8s/ manifests together; SARIF carries the Checkov and Trivy ids', async () => {
    const result = await runInProcess(['check', '--format', 'sarif'], { cwd: k8s.appDir });
    const sarif = JSON.parse(result.stdout) as { runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string; properties: Json }[] } } }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('k8s-image-digest');
    const meta = sarif.runs[0]!.tool.driver.rules.find((r) => r.id === 'k8s-read-only-root');
    expect(meta?.properties).toMatchObject({ checkov: 'CKV_K8S_22', trivy: 'AVD-KSV-0014', kubeScore: 'container-security-context-readonlyrootfilesystem' });
  });
});

describe('yamlText', () => {
  const key = fc.oneof(fc.constantFrom('name', 'app.kubernetes.io/name', 'on', 'yes', '1', 'a b', ''), fc.string());
  const scalar = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constantFrom('null', '~', 'true', '0x1f', '1e3', '-', ': x', '#c', '"', "'", 'a: b', '100m', '- x'));
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small', maxDepth: 4 }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v as fc.Arbitrary<YamlValue>;

  it('round-trips through a YAML parser (strings that look like other types stay strings)', () => {
    fc.assert(fc.property(fc.dictionary(key, value), (data) => {
      expect(parse(yamlText(data))).toEqual(data);
    }), { numRuns: 200 });
  });
});
