// Path helpers shared by the detectors: every path they report is relative, posix, inside the root.
import path from 'node:path';
import { escapesProject } from '../core/validate.js';

/** Normalises a path written in package.json or a script; undefined when it leaves the project. */
export function insideProject(value: string): string | undefined {
  const posix = value.trim().replace(/\\/g, '/');
  if (escapesProject(posix)) return undefined;
  const normalised = path.posix.normalize(posix).replace(/\/+$/, '');
  return escapesProject(normalised) ? undefined : normalised;
}

/** The extension of a path including the dot ("" when none). */
export function extensionOf(file: string): string {
  return path.posix.extname(file);
}

export function withExtension(file: string, ext: string): string {
  const current = extensionOf(file);
  return (current ? file.slice(0, -current.length) : file) + ext;
}
