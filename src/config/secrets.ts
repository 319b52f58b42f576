/** A value shaped like an API key of any provider (sk-…, gsk_…, xai-…, AIza…), wherever it was found. */
export const looksLikeKey = (value: string): boolean => /(^|[\s"'=:/])(sk-|gsk_|xai-|AIza|pplx-|hf_)[A-Za-z0-9_-]{16,}/.test(value);
