// The container engines --verify can drive (--engine): declared on the ground floor because the
// option declarations and the verify engine both read it.

/** The CLI --verify drives (--engine); also the command named in hints and clean-up lines. */
export const ENGINE_CLIS = ['docker', 'podman'] as const;
export type EngineCli = (typeof ENGINE_CLIS)[number];
