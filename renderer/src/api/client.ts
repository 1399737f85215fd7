import type { ApiError, Channel, Input, Output } from '../../../shared/api';

/** A failed contract call. `apiError.message` is Vietnamese and ready to show to the user. */
export class ApiCallError extends Error {
  readonly apiError: ApiError;
  constructor(apiError: ApiError, readonly channel: Channel) {
    super(apiError.message);
    this.name = 'ApiCallError';
    this.apiError = apiError;
  }
  get code(): ApiError['code'] {
    return this.apiError.code;
  }
}

/** The bridge is missing only when the page runs outside the app (preload) and outside the web harness. */
const bridgeMissing: ApiError = {
  code: 'INTERNAL',
  message: 'Không kết nối được với phần xử lý dữ liệu của ứng dụng. Hãy mở ứng dụng KẾ HOẠCH thay vì mở trang trực tiếp.',
};

/**
 * Call one channel of the contract. Resolves with the channel's output or throws an ApiCallError
 * carrying the contract's error (Vietnamese message).
 */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const bridge = typeof window !== 'undefined' ? window.kehoach : undefined;
  if (!bridge) throw new ApiCallError(bridgeMissing, channel);
  let result;
  try {
    result = await bridge.invoke(channel, input);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ApiCallError({ code: 'INTERNAL', message: `Lỗi kết nối nội bộ: ${detail}` }, channel);
  }
  if (result.ok) return result.data;
  throw new ApiCallError(result.error, channel);
}

/** The Vietnamese message of any error thrown by `call` (or anything else). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.apiError.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
