/** The name readers a speaker search needs, in one module so the index adapter loads them lazily (their tables are large). */
export { speakerNameForms, titledSurname } from '../names/query-forms.ts';
export { stripTitles } from '../names/normalize.ts';
export { matchSurname } from '../pipeline/corpus-match.ts';
