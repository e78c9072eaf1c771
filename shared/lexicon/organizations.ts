/** Capitalised words that mark an organisation's name ("Institute", "Times", "CNN"). Data only. */

/** Capitalised words that mark an organisation name. */
export const ORG_WORDS = new Set([
  'Inc', 'Inc.', 'Corp', 'Corp.', 'Co.', 'LLC', 'Ltd', 'Ltd.', 'Company', 'Corporation', 'Group', 'Association', 'Institute',
  'University', 'College', 'School', 'Foundation', 'Department', 'Ministry', 'Agency', 'Administration', 'Commission',
  'Committee', 'Council', 'Union', 'Party', 'Bank', 'Health', 'Hospital', 'Clinic', 'Center', 'Centre', 'Service', 'Services',
  'Office', 'Board', 'Authority', 'Police', 'Times', 'Post', 'Journal', 'News', 'Press', 'Network', 'Campaign', 'Court',
  'Senate', 'House', 'Congress', 'Government', 'Club', 'Society', 'Organization', 'Organisation', 'Federation', 'League',
  'Bureau', 'Trust', 'Fund', 'Coalition', 'Alliance', 'Airlines', 'Motors', 'Systems', 'Technologies', 'Labs', 'Media',
  'Reuters', 'Associated', 'Tribune', 'Herald', 'Gazette', 'Guardian', 'Magazine', 'Institution', 'Caucus', 'Academy',
  'Museum', 'Church', 'Army', 'Navy', 'Force', 'Guard', 'Pentagon', 'Kremlin', 'FBI', 'CIA', 'NASA', 'CNN', 'NBC', 'CBS',
  'ABC', 'BBC', 'AP', 'EU', 'UN', 'NATO', 'WHO', 'Facebook', 'Google', 'Twitter', 'Microsoft', 'Apple', 'Amazon',
]);

/**
 * Lower-case nouns that say the name after them is a news organisation's: "newspaper Dawn", "broadcaster NHK".
 * (Not "company" or "firm": a company's name is then stretched to the longest capitalised run holding it.)
 */
export const ORG_DESCRIPTORS = new Set(['newspaper', 'broadcaster', 'magazine', 'tabloid', 'daily', 'outlet', 'channel', 'station', 'network']);

/**
 * Last words that make a name an organisation even when it starts with a person's name ("Melinda Gates
 * Foundation", "Ben Franklin Technology Partners"); none is a common surname (unlike House, Post or Church).
 */
export const ORG_SUFFIXES = new Set([
  'Foundation', 'Partners', 'Institute', 'University', 'College', 'Association', 'Corporation', 'Company', 'Inc', 'Inc.',
  'LLC', 'Ltd', 'Ltd.', 'Corp', 'Corp.', 'Group', 'Council', 'Committee', 'Commission', 'Ministry', 'Department', 'Agency',
  'Administration', 'Society', 'Federation', 'League', 'Coalition', 'Alliance', 'Technologies', 'Systems', 'Labs',
  'Bureau', 'Organization', 'Organisation', 'Campaign', 'Hospital', 'Clinic', 'Academy', 'Museum', 'Institution',
]);
