/** Function words the name and phrase readers need: particles, suffixes, openers, pronouns, determiners. Data only. */

/** Lower-case name particles kept inside a name run. */
export const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'y', 'zu', 'st.']);
export const SUFFIXES = new Set(['Jr.', 'Sr.', 'Jr', 'Sr', 'II', 'III', 'IV']);

/** Capitalised words that open sentences or clauses and are not names. */
export const NOT_NAME = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'He', 'She', 'They', 'We', 'I', 'It', 'You', 'His', 'Her', 'Their',
  'Our', 'My', 'Its', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For', 'As', 'After', 'Before', 'When', 'While',
  'If', 'Since', 'Although', 'Though', 'Meanwhile', 'Also', 'Then', 'Now', 'Still', 'However', 'Asked', 'Speaking',
  'Later', 'Earlier', 'Today', 'Yesterday', 'Tomorrow', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
  'Sunday', 'January', 'February', 'March', 'April', 'June', 'July', 'August', 'September', 'October', 'November',
  'December', 'Jan.', 'Feb.', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'Mr', 'Who', 'What', 'Why', 'How', 'Where', 'There',
  'Here', 'Yes', 'No', 'Not', 'According', 'From', 'To', 'With', 'By', 'Of', 'About', 'Some', 'Many', 'Most', 'All',
  'Both', 'Each', 'Every', 'Another', 'Other', 'Such', 'One', 'Two', 'Three', 'Said', 'Says', 'Added', 'Told', 'Wrote',
  // prepositions and conjunctions that open a sentence ("Within a day, the police …")
  'Within', 'Across', 'Among', 'Amid', 'Around', 'Through', 'Throughout', 'During', 'Despite', 'Following', 'Under',
  'Against', 'Toward', 'Towards', 'Upon', 'Via', 'Without', 'Beyond', 'Besides', 'Unlike', 'Until', 'Because', 'Whether',
]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who']);

/** Words that open a noun phrase about a source. */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'one', 'another', 'two', 'three', 'several', 'some', 'many', 'most', 'other', 'his', 'her',
  'their', 'its', 'our', 'both', 'few', 'all', 'my', 'your', 'four', 'five', 'no', 'any', 'each', 'every',
]);

/** Adverbs, auxiliaries and time words that may sit between a speaker and the cue: "Smith also said", "she has said". */
export const BETWEEN_SUBJECT_AND_CUE = new Set([
  'also', 'later', 'then', 'has', 'had', 'have', 'once', 'would', 'will', 'again', 'further', 'previously',
  'recently', 'earlier', 'simply', 'finally', 'often', 'repeatedly', 'just', 'still', 'now', 'last', 'first',
  'quickly', 'already', 'told', 'could', 'can', 'may', 'might', 'must', 'should', 'did', 'does', 'do', 'not',
  'never', 'frequently', 'publicly', 'privately', 'reportedly', 'long', 'even', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'on', 'ever', 'week', 'month', 'year', 'weekend',
  'morning', 'afternoon', 'evening', 'night', 'this', 'past', 'tonight', 'always', 'consistently', 'clearly',
  'openly', 'widely', 'separately', 'initially', 'subsequently', 'is', 'are', 'was', 'were', 'been', 'being', "n't",
  'immediately', 'flatly', 'having',
]);

/** Words that open a fronted clause before a sentence's subject: "With leaders worried, President Obama …". */
export const CLAUSE_OPENERS = new Set([
  'with', 'after', 'as', 'while', 'when', 'despite', 'although', 'though', 'before', 'since', 'because', 'if', 'during', 'amid',
  'following', 'asked', 'speaking', 'unlike', 'like', 'alongside', 'besides', 'beyond', 'in', 'on', 'at', 'for', 'from', 'under',
  'over', 'by', 'without', 'throughout', 'until', 'once', 'given', 'faced', 'responding', 'writing',
]);

/** Words closing a fronted time phrase: "Hours later, Trump …", "Two days ago, she …". */
export const TIME_ADVERBS = new Set(['later', 'ago', 'earlier', 'afterward', 'afterwards', 'meanwhile', 'then']);

/** Short function words a title leaves in lower case: "Dutch on Demand", "Storm Area 51, They Can't Stop All of Us". */
export const TITLE_MINOR_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'is', 'are', 'as', 'vs']);

/** Lower-case words a description of a person may hold without being a clause: "President and CEO of the Council". */
export const DESCRIPTION_LINKS = new Set(['of', 'the', 'and', 'for', 'at', 'a', 'an', '&', 'on', 'in']);

/** Lower-case words that may follow a hearer without starting the content: "told the BBC on Sunday", "told CNN about". */
export const AFTER_HEARER = new Set(['on', 'in', 'at', 'about', 'during', 'after', 'before', 'of', 'for', 'with', 'from', 'by', 'to', 'and', 'or', 'but', 'last', 'this', 'earlier', 'later', 'recently', 'privately', 'publicly', 'over', 'via']);

/** Link words between a person and the organisation they speak for: "Cameron Easley for Morning Consult". */
export const PERSON_ORGANIZATION_LINKS = new Set(['for', 'of', 'at', 'from', 'with']);
