/**
 * The quote browser's script, /assets/app.js: hash routes (#/, #/claims, #/speakers, #/speaker/ID, #/document/ID,
 * #/flags, #/merges, #/upload) over the JSON API, put together from one part per job (script/). Every string from a document or
 * the index reaches the DOM through textContent or an attribute set by the DOM API, so markup inside a quote is shown
 * as text and never runs.
 */
import { CLAIMS_JS } from './script/claims.ts';
import { CORE_JS } from './script/core.ts';
import { DOCUMENT_JS } from './script/document.ts';
import { FLAGS_JS } from './script/flags.ts';
import { LISTS_JS } from './script/lists.ts';
import { MERGES_JS } from './script/merges.ts';
import { QUOTES_JS } from './script/quotes.ts';
import { ROUTER_JS } from './script/router.ts';
import { SPEAKERS_JS } from './script/speakers.ts';
import { UPLOAD_JS } from './script/upload.ts';

export const PAGE_JS = [
  "'use strict';\n(function () {",
  CORE_JS, LISTS_JS, QUOTES_JS, FLAGS_JS, MERGES_JS, SPEAKERS_JS, CLAIMS_JS, DOCUMENT_JS, UPLOAD_JS, ROUTER_JS,
  '})();\n',
].join('\n');
