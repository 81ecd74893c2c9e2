// How the image runs beside the Dockerfile: compose.yaml's run-time variables and the k8s/
// manifests.
import type { OptionBehaviours } from '../declaration.js';
import * as v from '../../core/validate.js';
import { promptCheck } from '../question.js';

export const DEPLOY_OPTIONS = {
  envFile: {
    writeBack: { kind: 'setup', args: (o) => (o.envFile === undefined ? [] : ['--run-env-file', o.envFile]) },
  },
  kubernetes: {
    async prompt({ given, ask }) {
      if (given.kubernetes !== undefined || given.kubernetesImage !== undefined) return {};
      return { kubernetes: (await ask({ type: 'confirm', name: 'kubernetes', message: 'Also write Kubernetes manifests (k8s/)?', default: false })) as boolean };
    },
    summary: (o) => ['kubernetes', o.kubernetes ? `k8s/ (Deployment, Service, kustomization.yaml), image ${o.kubernetesImage ?? 'a placeholder to pin in kustomization.yaml'}` : 'no'],
    writeBack: { kind: 'setup', args: (o) => (o.kubernetes ? ['--kubernetes'] : []) },
  },
  kubernetesImage: {
    async prompt({ given, ask }) {
      if (given.kubernetes !== true || given.kubernetesImage !== undefined) return {};
      const image = (await ask({
        type: 'input',
        name: 'kubernetesImage',
        message: 'Image the manifests deploy, pinned by digest (<registry>/<name>@sha256:...; leave empty for a placeholder to set later)',
        default: '',
        validate: promptCheck((value) => (value.trim() === '' ? value : v.pinnedImage(value.trim(), 'image'))),
      })) as string;
      return image.trim() === '' ? {} : { kubernetesImage: image.trim() };
    },
    writeBack: { kind: 'setup', args: (o) => (o.kubernetesImage === undefined ? [] : ['--kubernetes-image', o.kubernetesImage]) },
  },
} satisfies OptionBehaviours;
