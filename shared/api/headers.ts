/**
 * Security headers on every response. The page loads only its own script and stylesheet (no inline code),
 * so a document text that slipped into the DOM as markup still could not run. It connects to its own origin
 * and, when uploads go to S3 by presigned PUT, to that one bucket's origin (`uploadOrigin`), nowhere else.
 */
import { secureHeaders } from 'hono/secure-headers';

export const securityHeaders = (uploadOrigin?: string) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      connectSrc: uploadOrigin ? ["'self'", uploadOrigin] : ["'self'"],
      imgSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  });
