/** A regular file inside a tar archive. */
export interface TarEntry {
  name: string;
  data: Buffer;
}

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * The regular files of an (uncompressed) ustar/GNU/pax tar archive, such as `docker save` output
 * and the layer tars inside it. Long names (GNU `L` records and pax `path`) are honoured.
 */
export function* tarEntries(archive: Buffer): Generator<TarEntry> {
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(header, 345, 155);
    const baseName = field(header, 0, 100);
    const name = longName ?? (prefix ? `${prefix}/${baseName}` : baseName);
    const data = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0.*$/s, '');
      continue;
    }
    if (type === 'x') {
      const pax = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      longName = pax?.[1];
      continue;
    }
    longName = undefined;
    if (type === '0' || type === '\0' || type === '7') yield { name, data };
  }
}
