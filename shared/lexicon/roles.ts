/** Nouns that say what a source is (roles, jobs, groups of people), lower case. Data only. */

/** Lower-case nouns that name what a source is: roles and jobs. */
export const ROLE_WORDS = new Set([
  'party', 'court', 'palace', 'ministry', 'embassy', 'club', 'league', 'association', 'army', 'military',
  'eyewitness', 'eyewitnesses', 'bystander', 'bystanders', 'passerby', 'survivor', 'survivors', 'victim', 'relative', 'relatives',
  'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'representative', 'official', 'officials', 'aide', 'aides',
  'adviser', 'advisor', 'advisers', 'advisors', 'analyst', 'analysts', 'expert', 'experts', 'doctor', 'physician',
  'pediatrician', 'nurse', 'practitioner', 'surgeon', 'professor', 'researcher', 'researchers', 'scientist', 'scientists',
  'economist', 'economists', 'lawyer', 'attorney', 'attorneys', 'lawyers', 'director', 'president', 'chairman', 'chairwoman',
  'chair', 'chief', 'executive', 'founder', 'co-founder', 'manager', 'owner', 'leader', 'leaders', 'member', 'members',
  'senator', 'governor', 'mayor', 'secretary', 'minister', 'ambassador', 'candidate', 'nominee', 'strategist', 'pollster',
  'consultant', 'organizer', 'organiser', 'organizers', 'organisers', 'doctors', 'nurses', 'teachers', 'students', 'parents', 'owners', 'managers', 'executives', 'physicians', 'protesters', 'demonstrators', 'scholars', 'attorneys', 'reporters', 'journalists', 'scientist', 'activist', 'activists', 'teacher', 'student', 'resident', 'residents', 'voter',
  'voters', 'worker', 'workers', 'employee', 'employees', 'officer', 'officers', 'police', 'prosecutor', 'prosecutors',
  'judge', 'commissioner', 'sheriff', 'coach', 'player', 'host', 'anchor', 'reporter', 'editor', 'author', 'writer',
  'columnist', 'historian', 'veteran', 'source', 'sources', 'witness', 'witnesses', 'critic', 'critics', 'supporter',
  'supporters', 'opponent', 'opponents', 'lawmaker', 'lawmakers', 'legislator', 'congressman', 'congresswoman',
  'campaign', 'administration', 'department', 'agency', 'company', 'firm', 'group', 'committee', 'office', 'government',
  'union', 'council', 'board', 'team', 'staff', 'partner', 'fellow', 'dean', 'superintendent', 'investigator',
  'investigators', 'agent', 'agents', 'authorities', 'publicist', 'pastor', 'priest', 'rabbi', 'therapist', 'psychologist',
  'psychiatrist', 'epidemiologist', 'specialist', 'engineer', 'farmer', 'parent', 'mother', 'father', 'wife', 'husband',
  'son', 'daughter', 'friend', 'neighbor', 'neighbour', 'clinician', 'clinicians', 'obstetrician', 'dentist', 'pharmacist',
  'surgeon', 'paramedic', 'firefighter', 'trooper', 'detective', 'deputy', 'ceo', 'cfo', 'coo', 'vice', 'senior',
  'correspondent', 'commentator', 'observer', 'observers', 'people', 'person', 'man', 'woman', 'men', 'women',
  'speechwriter', 'pundit', 'blogger', 'producer', 'activist', 'organizer', 'negotiator', 'diplomat', 'envoy', 'surrogate',
  'donor', 'fundraiser', 'lobbyist', 'operative', 'staffer', 'staffers', 'treasurer', 'counsel', 'regulator', 'regulators',
  'delegate', 'delegates', 'councilman', 'councilwoman', 'councillor', 'councilor', 'alderman', 'trustee', 'administrator',
  'principal', 'provost', 'chancellor', 'bishop', 'cardinal', 'imam', 'cleric', 'commander', 'soldier', 'soldiers', 'pilot',
  'resident', 'residents', 'landlord', 'tenant', 'tenants', 'entrepreneur', 'investor', 'investors', 'banker', 'bankers',
  'trader', 'traders', 'athlete', 'actor', 'actress', 'singer', 'musician', 'artist', 'filmmaker', 'comedian', 'novelist',
  'poet', 'designer', 'architect', 'planner', 'developer', 'contractor', 'mediator', 'monitor', 'inspector', 'auditor',
]);

/**
 * Words a speaker phrase may hold besides roles: offices, parties, houses and modifiers ("the former
 * Republican House speaker"), for reading reported speech.
 */
export const SPEAKER_DESCRIPTORS = new Set([
  ...ROLE_WORDS,
  'rep', 'sen', 'gov', 'general', 'press', 'former', 'house', 'senate', 'state', 'federal', 'frontrunner',
  'front-runner', 'hopeful', 'mogul', 'billionaire', 'businessman', 'businesswoman', 'justice', 'republican',
  'democratic', 'presidential', 'white',
]);

/** Lower-case words that may open a speaker's description before a name: "former Bush speechwriter Noam Neusner". */
export const DESCRIPTION_OPENERS = new Set(['former', 'then', 'longtime', 'veteran', 'fellow', 'current', 'acting', 'outgoing', 'incoming', 'retired', 'interim', 'late', 'embattled', 'freshman', 'senior', 'junior']);

/** Endings of agent nouns ("scholar", "Assemblywoman", "rapporteur", "Republican"): a description ending in one names a role. */
export const ROLE_ENDINGS = /(?:er|or|ist|ian|an|ant|ent|man|woman|person|eur|ee)s?$/i;
