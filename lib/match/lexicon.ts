/**
 * The words matching treats specially: general English and general news vocabulary, nothing
 * written for one sentence of one story. Outlets reword the same point with stock synonyms
 * ("withdraw", "walk away", "pull out", "disengage"), name a country by its capital ("Moscow",
 * "the Kremlin", "Washington") and attribute with interchangeable verbs ("said", "told reporters",
 * "stressed"). Each group below folds such a family onto one concept term (written "@name"), so that
 * the index and the scorer see the same term in every wording.
 */

/**
 * Concept term → the words and phrases that express it. A word stands for itself and its regular
 * inflections ("withdraw" covers "withdraws", "withdrawing"; lib/match/morphology.ts), not for
 * everything sharing its Porter stem ("positions" is not "positive", "decision" not "decisive",
 * "community" not "communication"); irregular forms and derivations that mean the same are listed.
 * Phrases are compared word by word, by stem.
 *
 * Measured (`npm run eval`, dev / held-out test "all", and the diagnostic rewrites, which are in
 * neither split): matching by inflection instead of stem left every P/R figure as it was and raised
 * dev match precision 0.947 → 0.954. The families of talking (contacts, communication, conversation),
 * difficulty (difficult, challenging, hard, not easy), ceasefire, collapse, losing patience and
 * moratorium raised diagnostic recall 0.682 → 0.753 at precision 0.935 → 0.955, and cost one dev
 * false positive that the light verbs below removed. Casualties, leverage, deadlock, refusal,
 * breach, upbeat and raid: diagnostic recall 0.753 → 0.776, nothing else moved. Speaker nouns
 * ("officials", "analysts", "diplomats") as titles were tried: no gain, held-out match precision
 * 0.942 → 0.936; not kept.
 * Session 12 (real set, npm run eval -- --realset-only, whole / tune half / check half, P R):
 * dying and getting hurt (a report that people died or were hurt in a strike, beside one of
 * deadly strikes causing casualties; die, fatal, lethal, hurt): 0.897 0.673 / 0.915 0.717 /
 * 0.871 0.614 → 0.899 0.683 / 0.917 0.733 / 0.871 0.614, every dev, held-out test, unseen and
 * diagnostic figure unchanged.
 * Measured and not kept, each alone against that: "take a pass" as leaving an effort (real set
 * unchanged, unseen scan P 0.946 → 0.940); "move on" as leaving an effort (the corpus's own "we'll
 * move on" then weighs what the common @withdraw weighs, and a page quoting it lost it to another
 * quote; echoes already join it to "withdraw"); "spoke with" as talks (dev and diagnostic
 * "Rubio said he spoke with Lavrov" paraphrases became names-only); decision/determination with
 * decide, and before long, carry on, finish, pass up, fed up (no figure moved).
 * Session 13: "threaten" (the verb: threatens, threatened, threatening; not the noun "threat") as a
 * warning, as news copy uses both for announcing what one may do ("threatened to withdraw" /
 * "warned it may withdraw"). Real set, sentences matched alone with the gate set aside (whole /
 * check half P R, p01): 0.849 0.702 / 0.784 0.659, p01 0.870 → 0.851 0.712 / 0.789 0.682, p01
 * 0.913; excerpts and full pages unchanged (the one sentence gained, a translated lede, is on a
 * page the gate does not find: its evidence 0.224 → 0.527, below the dated threshold 0.65); every
 * dev, held-out test, unseen and diagnostic figure unchanged, nothing flagged off the story.
 * Session 14: "process" as an effort ("the peace process", "threatening to withdraw from the
 * process"; three of the five seed articles say "peace process"). With the headline naming the
 * story's actors (params.ts, storyHeadlineNames), real set excerpts and full pages 20/22 → 21/22
 * pages, P 0.936 → 0.938, R 0.702 → 0.721, p01 0.826 → 0.870 (a translated editorial's "is now
 * threatening to withdraw from the process" 0.393 → 0.507); alone, the real set does not move.
 * Diagnostic scan R 0.800 → 0.824 (P 0.971 → 0.972); dev all R 0.902 → 0.896, labeled sentences R
 * 0.963 → 0.951 (one rewording of the lede with "peace process" 0.351 → 0.339, at the threshold); unseen alone R
 * 0.706 → 0.701 (scan unchanged); held-out test scan unchanged. The cost: other outlets' wordings
 * listed beside a match are a little less often of its point (match P, dev 0.956 → 0.942, test
 * 0.943 → 0.932): "peace process" sentences now listed beside the withdrawal warning. Off-story
 * pages' highest gate evidence 0.495 → 0.524 (threshold 0.65).
 * Session 15, measured and not kept: what a statement left open, as one concept ("unclear", "not
 * clear", "uncertain", "did not specify", "did not spell out", "did not say", "remains to be
 * seen"), so that "it was not clear whether the US would abandon…" would lean to a corpus sentence
 * saying what a withdrawal would mean is unclear rather than to the withdrawal warning it mentions.
 * The real set's two such sentences stay matched to the warning (0.34 against 0.25: the mention's
 * words outweigh the frame); unseen scan R 0.741 → 0.736, nothing else moved.
 */
export const CONCEPTS: Readonly<Record<string, readonly string[]>> = {
  // Leaving an effort.
  '@withdraw': [
    'withdraw', 'withdrew', 'withdrawn', 'withdrawal', 'abandon', 'disengage', 'disengagement', 'quit', 'exit',
    'walk away', 'walked away', 'pull out', 'pulled out', 'pull back', 'step away', 'step back', 'stepped back',
    'back out', 'give up', 'gave up', 'given up', 'walk out', 'walkout', 'walked out', 'stormed out',
  ],
  // Talking with the other side, in any form: "contacts with Washington", "communication with the
  // U.S.", "dialogue with Moscow" (the inflection-exact lookup keeps "community" out).
  '@talks': [
    'talk', 'talks', 'negotiation', 'negotiate', 'discussion', 'discuss', 'dialogue', 'dialog', 'meeting', 'meet',
    'met', 'contact', 'communication', 'communicate', 'conversation', 'consultation', 'phone call',
  ],
  // Hard going: "contacts are difficult", "communication is challenging", "talks are not easy".
  '@difficult': [
    'difficult', 'difficulty', 'difficulties', 'challenging', 'challenges', 'hard', 'tough', 'complicated',
    'arduous', 'not easy', 'no easy', 'not simple', 'hard going', 'uphill',
  ],
  '@ceasefire': ['ceasefire', 'cease fire', 'truce', 'armistice'],
  '@collapse': ['collapse', 'fall apart', 'fell apart', 'fallen apart', 'break down', 'broke down', 'broken down', 'blow up', 'blew up', 'blown up', 'founder'],
  // "Process" as news copy names a diplomatic effort ("the peace process", "withdraw from the
  // process"): session 14, see the note above.
  '@effort': ['effort', 'endeavor', 'endeavour', 'initiative', 'push', 'bid', 'attempt', 'process'],
  '@mediate': ['broker', 'mediate', 'mediation', 'mediator', 'facilitate'],
  '@deal': ['deal', 'agreement', 'accord', 'pact', 'settlement', 'resolution'],
  '@plan': ['plan', 'proposal', 'propose', 'framework', 'blueprint', 'roadmap'],
  '@progress': ['progress', 'headway', 'breakthrough'],
  '@soon': ['soon', 'quickly', 'shortly', 'swiftly', 'promptly', 'imminent', 'near term', 'short term'],
  '@forever': ['indefinitely', 'forever', 'endless', 'endlessly', 'on end'],
  '@continue': ['continue', 'prolong', 'drag', 'keep going', 'go on', 'drag on'],
  '@determine': ['determine', 'decide', 'figure out', 'find out'],
  '@frustration': [
    'frustration', 'frustrated', 'impatience', 'impatient', 'irritation', 'exasperation', 'exasperated',
    'dissatisfaction', 'lose patience', 'lost patience', 'losing patience', 'out of patience',
  ],
  '@willing': ['willing', 'willingness', 'open', 'ready', 'readiness', 'prepared'],
  '@hope': ['optimism', 'optimistic', 'hope', 'hopeful', 'confident', 'confidence', 'upbeat', 'buoyant'],
  '@positive': ['positive', 'positively', 'encouraging', 'constructive', 'productive', 'helpful', 'useful', 'promising'],
  '@spokesperson': ['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'press secretary'],
  '@demand': ['demand', 'condition', 'terms'],
  '@surrender': ['surrender', 'capitulation', 'capitulate'],
  '@minerals': ['mineral', 'rare earth', 'rare earths'],
  '@possible': ['possible', 'feasible', 'doable', 'achievable'],
  '@important': ['important', 'critical', 'central', 'key', 'crucial', 'vital', 'decisive'],
  '@warn': ['warn', 'warning', 'caution', 'cautioned', 'threaten'],
  '@promise': ['promise', 'vow', 'pledge'],
  '@war': ['war', 'conflict', 'fighting', 'hostilities'],
  '@end': ['end', 'ending', 'resolve', 'resolving', 'settle'],
  '@attack': ['strike', 'attack', 'bombing', 'shelling', 'bombardment', 'airstrike', 'air strike', 'assault', 'raid'],
  '@kill': ['kill', 'killing', 'deadly', 'dead', 'death', 'die', 'died', 'dying', 'fatal', 'fatality', 'fatalities', 'lethal'],
  '@wound': ['injure', 'injury', 'injuries', 'wound', 'casualty', 'casualties', 'hurt'],
  '@leverage': ['leverage', 'influence', 'clout', 'sway'],
  '@stall': ['stall', 'stalled', 'stuck', 'deadlock', 'deadlocked', 'stalemate', 'impasse'],
  '@reject': ['reject', 'rejection', 'refuse', 'refusal', 'rebuff', 'spurn', 'turn down', 'turned down'],
  '@violate': ['violate', 'violation', 'breach'],
  '@aid': ['aid', 'assistance', 'support'],
  '@halt': ['halt', 'suspend', 'suspension', 'stop', 'cut off', 'pause', 'moratorium', 'freeze'],
  '@lift': ['lift', 'ease', 'remove'],
  '@territory': ['region', 'territory', 'territories', 'territorial', 'province'],
  '@military': ['military', 'army', 'armed forces', 'troop', 'troops'],
  '@reduce': ['reduce', 'reducing', 'shrink', 'cut'],
  '@days': ['day', 'days', 'matter of days', 'few days'],
  '@weeks': ['week', 'weeks'],
  '@months': ['month', 'months'],
  // Country, people, capital and seat of government name one actor in news copy.
  '@us': ['usa', 'united states', 'america', 'american', 'americans', 'washington', 'white house'],
  '@russia': ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  '@ukraine': ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'],
  '@europe': ['europe', 'european', 'europeans', 'eu', 'brussels'],
  '@france': ['france', 'french'],
  '@uk': ['uk', 'britain', 'british', 'united kingdom'],
  '@germany': ['germany', 'german', 'germans'],
  '@italy': ['italy', 'italian'],
  '@china': ['china', 'chinese', 'beijing'],
};

/** Concept terms that name an actor: the role check and the names-only rule treat them as names. */
export const ACTOR_CONCEPTS: ReadonlySet<string> = new Set([
  '@us', '@russia', '@ukraine', '@europe', '@france', '@uk', '@germany', '@italy', '@china',
]);

/**
 * Words with no content of their own: function words, and the attribution verbs news copy swaps
 * freely ("said", "told", "stressed", "noted"). Negations are not here: "will not" is content.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for with from into onto about as and or but nor so yet if unless whether ' +
    'than then that this these those there here it its itself is are was were be been being am ' +
    'has have had having do does did doing will would shall should can could may might must ' +
    'i me my we us our ours you your he him his she her they them their theirs who whom whose which what ' +
    'when where why how all any both each few more most other some such own same too very just also ' +
    'only even still already again further once up down out off over under after before while during ' +
    'until between through against among within without per via upon since ' +
    'said says say saying told tell tells stated added adds noted notes emphasized emphasised stressed ' +
    'remarked declared explained according reporters reporter journalists press think thought believe ' +
    'mr mrs ms one its going gonna '
  )
    .trim()
    .split(/\s+/),
);

/**
 * Determiners and quantifiers that STOPWORDS keeps as terms ("either", "every", "many"): they tell
 * sentences apart little, but matching was measured with them and keeps them ("either" among the
 * stopwords: unseen selection lookups P 0.958 → 0.952). Only the floor on what a short quotation
 * says alone (matcher.ts, saysEnough) sets them aside: "either side or both" states nothing.
 */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'either', 'every', 'another', 'many', 'much', 'several', 'enough', 'less', 'least', 'fewer', 'little', 'whatever', 'whichever',
]);

/**
 * Verbs that frame a statement rather than make one: who said it and how ("Peskov acknowledged
 * that…", "Rubio described the talks as…"). Dropped like "said", with all their inflections.
 * Diagnostic recall 0.671 → 0.682, one more gold pair in the points; no other figure moved.
 */
export const ATTRIBUTION_VERBS: readonly string[] = [
  'acknowledge', 'admit', 'concede', 'describe', 'characterize', 'characterise', 'claim', 'insist',
  'reiterate', 'reaffirm', 'argue', 'assert', 'contend', 'suggest', 'express', 'report', 'reportedly',
  'confirm',
];

/**
 * Light verbs: their object carries the meaning ("progress was made" = "progress was achieved",
 * "took part" = "joined"). Dropped with all their inflections; phrases built on them ("give up",
 * "keep going") are looked up before this list applies. "made" had let "Russia could walk away…
 * if Washington made no progress" match Peskov's "progress had been made": without them dev
 * precision is back to 0.979 and held-out recall rises 0.845 → 0.857.
 */
export const LIGHT_VERBS: readonly string[] = ['make', 'made', 'take', 'took', 'taken', 'give', 'gave', 'given', 'get', 'got', 'gotten'];

/** Negations, kept as one content term: "will not continue" must not read as "will continue". */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'neither', 'nor', 'none']);

/** Words that are capitalized in news copy without being names (sentence starts aside). */
export const CAPITALIZED_COMMON: ReadonlySet<string> = new Set(['state', 'i']);

/**
 * Titles say who someone is, not what they said or did: "Kremlin spokesman Dmitry Peskov said…"
 * shares nothing with another Peskov sentence but his name. For the names-only rule they are names.
 */
export const TITLES: ReadonlySet<string> = new Set([
  'president', 'secretary', 'minister', 'vice', 'prime', 'foreign', 'chancellor', 'envoy', 'ambassador',
  'senator', 'king', 'pope', 'mayor', 'governor', 'general', '@spokesperson',
]);

/** When things happened: shared by every story of the week, so like names they are no content. */
export const CIRCUMSTANCE: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'tomorrow', 'morning', 'evening', 'night', 'weekend',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
]);

/** Months, whose neighbouring day number ("April 18", "18 April") is circumstance too. */
export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** A day of the month. */
export const DAY_OF_MONTH = /^(0?[1-9]|[12]\d|3[01])$/;

/** A year ("2022"): circumstance too. */
export const YEAR = /^(1[89]|20)\d\d$/;
