/** Sizes that bound the work one document can cause, named once and imported wherever they apply. */
export const MB = 1024 * 1024;

/** The largest document the pipeline reads: uploads, presigned uploads, crawled articles (QUOTEDESK_MAX_BYTES lowers or raises it). */
export const MAX_DOCUMENT_BYTES = 5 * MB;

/** The largest feed document the crawler parses. */
export const MAX_FEED_BYTES = 5 * MB;

/**
 * The largest answer GET /export gives where responses are buffered (API Gateway + Lambda: a 6 MB payload,
 * binary bodies base64-encoded, so 4.5 MB of bytes). Past it the export is refused with 413, never cut short.
 */
export const BUFFERED_EXPORT_BYTES = 4_500_000;
