import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DockerCli } from './docker-cli.js';
import { tarEntries } from './tar-entries.js';

export interface LayerScan {
  /** How many layer tars the saved image held (so a scan of nothing cannot pass). */
  layers: number;
  /** How many files were read across all layers. */
  files: number;
  /** Where a needle was found: `<layer>:<file>` or `<save file>` for configs and manifests. */
  hits: string[];
}

function isGzip(data: Buffer): boolean {
  return data.length > 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/**
 * `docker save` the image and look for each needle in every file of every layer, in the image
 * config and manifest, and inside gzip files found in layers (npm cache tarballs, .tgz files).
 */
export async function scanSavedImage(docker: DockerCli, image: string, needles: readonly string[]): Promise<LayerScan> {
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-save-'));
  try {
    const file = path.join(dir, 'image.tar');
    await docker.run(['save', '-o', file, image]);
    const saved = readFileSync(file);
    const scan: LayerScan = { layers: 0, files: 0, hits: [] };
    const look = (where: string, data: Buffer) => {
      for (const needle of needles) if (data.includes(needle)) scan.hits.push(`${where} contains ${needle.slice(0, 6)}…`);
    };
    for (const entry of tarEntries(saved)) {
      if (!entry.name.endsWith('layer.tar')) {
        look(entry.name, entry.data);
        continue;
      }
      scan.layers += 1;
      for (const file of tarEntries(entry.data)) {
        scan.files += 1;
        const where = `${entry.name}:${file.name}`;
        look(where, file.data);
        if (isGzip(file.data)) {
          try {
            look(`${where} (gunzipped)`, gunzipSync(file.data));
          } catch {
            // not a complete gzip stream: the raw bytes were scanned above
          }
        }
      }
    }
    return scan;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
