// The request and per-line result of `update`, shared by the transform and its distroless pin.

export type UpdateTarget = 'major' | 'lts';

export interface UpdateRequest {
  to: UpdateTarget;
  registryMirror?: string;
  baseImage?: string;
}

export interface PinChange {
  line: number;
  from: string;
  to: string;
  oldVersion: string | null;
  newVersion: string;
  oldDigest: string | null;
  newDigest: string;
  /** The reference on the line differs from the resolved one. */
  stale: boolean;
}
