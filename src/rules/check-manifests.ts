// Runs the Kubernetes rules over a set of manifest files (a k8s/ directory or one file), with the
// image overrides of the kustomization.yaml beside them. Pure: the command reads the files.
import { toFinding, type Finding } from './catalog.js';
import { checkManifestText, kustomizationImages, ManifestSyntaxError } from './kubernetes.js';
import type { SetupFile } from './check-files.js';

export { ManifestSyntaxError } from './kubernetes.js';

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** A manifest that is not valid YAML names its file in the error. */
export class NamedManifestError extends Error {}

export function checkManifests(manifests: readonly SetupFile[], kustomization: SetupFile | undefined): Finding[] {
  const guard = <T>(file: SetupFile, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ManifestSyntaxError) throw new NamedManifestError(`${file.name} is not valid YAML: ${error.message}`);
      throw error;
    }
  };
  const images = kustomization ? guard(kustomization, () => kustomizationImages(kustomization.text)) : undefined;
  return manifests.flatMap((file) => guard(file, () => checkManifestText(file.text, images ? { images } : {})).map((hit) => toFinding(hit, file.name)));
}
