/** Error codes raised by the re-scoring readers and engine; each failure mode has its own code. */
export type RescoreErrorCode =
  | 'FILE_TOO_SMALL'
  | 'HEADER_TOO_LARGE'
  | 'HEADER_OUT_OF_BOUNDS'
  | 'HEADER_NOT_JSON'
  | 'HEADER_NOT_OBJECT'
  | 'BAD_TENSOR_ENTRY'
  | 'UNKNOWN_DTYPE'
  | 'OFFSETS_OUT_OF_BOUNDS'
  | 'SIZE_MISMATCH'
  | 'OVERLAPPING_TENSORS'
  | 'MISSING_TENSOR'
  | 'WRONG_DTYPE'
  | 'WRONG_SHAPE'
  | 'NON_FINITE_WEIGHTS'
  | 'BAD_CONFIG'
  | 'UNSUPPORTED'
  | 'MISSING_FILE'
  | 'DIN_MISMATCH'
  | 'BAD_BUNDLE'
  | 'ABORTED';

export class RescoreError extends Error {
  readonly code: RescoreErrorCode;
  constructor(code: RescoreErrorCode, message: string) {
    super(`${message} [${code}]`);
    this.name = 'RescoreError';
    this.code = code;
  }
}

export function fail(code: RescoreErrorCode, message: string): never {
  throw new RescoreError(code, message);
}
