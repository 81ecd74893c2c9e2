// Base image resolution: the public surface for the generator and the CLI shell.
export { resolveNodeImage } from './resolve.js';
export { createDefaultImageDeps } from './default-deps.js';
export { createFileCache, createMemoryCache, defaultCacheDir } from './cache.js';
export type { FetchLike, HelperCredentials, ImageCache, ImageDeps } from './deps.js';
export type { BaseFlavor, ImageRequest, ImageResolution, ImageSource, ResolvedImage } from './types.js';
