// Typed errors that carry the process exit code documented in README.md and `--help`.
// Anything thrown that is not a CliError is an unexpected failure (exit 1).

export const ExitCode = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  refusedOverwrite: 3,
  imageUnresolved: 4,
  /** The files were written, but --verify failed (or found no engine). */
  verifyFailed: 5,
  cancelled: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Invalid input or usage: a value that cannot be used, a fact that could not be detected. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/** The base image could not be resolved to a digest (and no fallback was allowed or available). */
export class ImageResolutionError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.imageUnresolved);
    this.name = 'ImageResolutionError';
  }
}

/** An existing file would change and the run was not allowed to overwrite it. */
export class OverwriteRefusedError extends CliError {
  constructor(message: string) {
    super(message, ExitCode.refusedOverwrite);
    this.name = 'OverwriteRefusedError';
  }
}

export class CancelledError extends CliError {
  constructor(message = 'Cancelled.') {
    super(message, ExitCode.cancelled);
    this.name = 'CancelledError';
  }
}
