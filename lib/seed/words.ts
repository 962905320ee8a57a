/**
 * Word banks for the demo newsroom. All names and quotations are invented; the places and
 * institutions are real so the paper reads as if it were local, but nothing here reports a
 * real event or quotes a real person.
 *
 * Template syntax (see text.ts): {key} inserts a story variable, {Key} the same capitalised,
 * {a|b|c} picks one alternative, _x_ is italic and **x** bold.
 */

export const PAPER = {
  name: 'The Lanna Ledger',
  tagline: 'News from Chiang Rai and the North',
  domain: 'lannaledger.example',
} as const;

export const THAI_GIVEN = [
  'Somchai', 'Suda', 'Niran', 'Kanya', 'Prasert', 'Wanida', 'Anan', 'Malee', 'Chaiwat', 'Ratana', 'Kittisak',
  'Porntip', 'Surachai', 'Jintana', 'Thawatchai', 'Nattaya', 'Boonmee', 'Siriporn', 'Pichai', 'Kamol', 'Orapin',
  'Wichai', 'Duangjai', 'Sombat', 'Pranee', 'Yuthana', 'Kanokwan', 'Apichart', 'Benjamas', 'Sakchai', 'Arunee',
  'Teerapong', 'Lamai', 'Narong', 'Sunisa', 'Phichit', 'Rungnapa', 'Chatchai', 'Sukanya', 'Worawit', 'Pimchanok',
  'Ekkachai', 'Jiraporn', 'Manop', 'Kulap', 'Sompong', 'Patcharee', 'Wirat', 'Naree', 'Chalerm', 'Sasithorn',
] as const;

export const THAI_FAMILY = [
  'Inkaew', 'Srisuk', 'Chaiyaporn', 'Kaewmanee', 'Thongdee', 'Phromma', 'Saengthong', 'Wongsawat', 'Kantha',
  'Panyawong', 'Chaimongkol', 'Inthawong', 'Suwannarat', 'Boonyasit', 'Mahawong', 'Ruangsri', 'Thammachai',
  'Jaiyen', 'Kongkaew', 'Phanthong', 'Sitthiwong', 'Chomphu', 'Rattanakul', 'Intharat', 'Wiangkham', 'Kaewkhiao',
  'Yodsuk', 'Chanthara', 'Pongsathorn', 'Khamwong', 'Sangkham', 'Tiyawong', 'Lertkasem', 'Nanthasiri', 'Maneerat',
  'Pinthong', 'Thepsuriya', 'Ounkham', 'Srichai', 'Kamphaeng',
] as const;

export const FOREIGN_GIVEN = [
  'Emma', 'David', 'Hannah', 'Lucas', 'Sophie', 'Daniel', 'Ingrid', 'Tom', 'Claire', 'Marco', 'Aiko', 'Liam',
  'Noor', 'Peter', 'Ruth', 'Jonas', 'Mei', 'Owen', 'Clara', 'Samuel',
] as const;

export const FOREIGN_FAMILY = [
  'Lindqvist', 'Okafor', 'Hartley', 'Moreau', 'Brennan', 'Novak', 'Tanaka', 'Fischer', 'Walsh', 'Costa',
  'Haddad', 'Pereira', 'Whitfield', 'Kowalski', 'Larsen', 'McAllister', 'Duarte', 'Keane', 'Varga', 'Abbott',
] as const;

/** Towns and districts of Chiang Rai province. */
export const LOCAL_PLACES = [
  'Chiang Rai', 'Mae Sai', 'Chiang Saen', 'Chiang Khong', 'Mae Chan', 'Wiang Pa Pao', 'Phan', 'Thoeng',
  'Mae Suai', 'Wiang Kaen', 'Mae Lao', 'Wiang Chai', 'Pa Daet', 'Mae Fah Luang', 'Doi Luang', 'Khun Tan',
  'Phaya Mengrai', 'Wiang Chiang Rung', 'Mae Salong', 'Ban Du', 'Rim Kok', 'Sop Ruak',
] as const;

/** Elsewhere in the upper North. */
export const NORTHERN_PLACES = [
  'Phayao', 'Nan', 'Chiang Mai', 'Lampang', 'Phrae', 'Mae Hong Son', 'Lamphun', 'Chiang Kham', 'Pua', 'Fang',
] as const;

export const RIVERS = ['the Mekong', 'the Kok River', 'the Ing River', 'the Sai River', 'the Ruak River', 'the Lao River'] as const;

export const HILLS = ['Doi Tung', 'Doi Mae Salong', 'Phu Chi Fa', 'Doi Chang', 'Doi Pha Tang', 'Doi Luang'] as const;

export const OCCUPATIONS = [
  'rice farmer', 'coffee grower', 'tea grower', 'noodle vendor', 'guesthouse owner', 'tuk-tuk driver',
  'primary school teacher', 'nurse', 'fish farmer', 'market trader', 'tour guide', 'university student',
  'retired civil servant', 'village head', 'shop owner', 'longboat operator', 'homestay owner',
  'longan grower', 'pineapple farmer', 'rubber tapper', 'motorcycle mechanic', 'café owner', 'weaver',
  'lorry driver', 'construction worker', 'parent of two', 'volunteer firefighter',
] as const;

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const SMALL_NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a dozen'] as const;

/**
 * Sentences by register, used once a story's own sentences run out. A story draws only from the
 * registers that suit it, so a football report never mentions a public hearing. {n} and {p} are a
 * fresh number and percentage at each use.
 */
export type Register = 'plan' | 'community' | 'sport' | 'team' | 'culture' | 'opinion' | 'letters';

export interface RegisterText {
  details: readonly string[];
  closings: readonly string[];
  voices: readonly string[];
}

export const REGISTERS: Readonly<Record<Register, RegisterText>> = {
  plan: {
    details: [
      'Officials said further details would be published on the provincial website {this week|in the coming days|before the end of the month}.',
      'A public hearing is expected to be held at the {place} district office before any final decision is made.',
      '{The plan|The proposal|The scheme} has been discussed for {several years|more than a year|some time}, but funding had repeatedly stalled.',
      'Similar {measures|schemes|projects} in {north} were {credited with modest gains|met with mixed results|quietly dropped after a year}.',
      'The {district office|provincial council|municipality} said it had received {n} {comments|complaints|submissions} from the public.',
      'Critics say the process has moved too quickly and left {smaller communities|hill villages|market traders} out of the discussion.',
      'Supporters argue that {place} cannot afford to wait any longer.',
      'The cost is to be shared between the central government and local authorities, according to budget documents seen by _{paper}_.',
      'At a meeting in {place} on {weekday}, {n} people signed a petition asking for more consultation.',
      'Business owners along the main road said they would wait to see the detail before passing judgement.',
      'The issue is likely to come up again at the next session of the provincial council in {nextMonth}.',
      'Several village heads said they had only learned of the decision through social media.',
      'The province has set a target of completing the first phase by {nextMonth} next year.',
      'Officials stressed that the timetable could change if the weather or the budget did.',
      'The {project|programme|plan} will be reviewed after six months, according to the announcement.',
      'Opposition members said they would ask for the decision to be reviewed.',
      'Procurement documents show that {few} companies have expressed interest in the work.',
      'An independent audit of the {budget|spending|contracts} has been promised but not yet scheduled.',
    ],
    closings: [
      'The {district office|provincial council|committee} is due to meet again on {nextMonth} {day}.',
      'Residents can submit comments at the {place} district office until the end of {nextMonth}.',
      'A final decision is expected {before the rainy season|by the end of the year|early next year}.',
      'Officials said an update would be published {next week|within a month|after the next council session}.',
      'For now, {place} is waiting to see whether the promises are kept.',
    ],
    voices: [
      'We just want to know what is happening and when. Nobody has come to explain it to us.',
      'It will help, but it is not enough on its own. People here need work first.',
      'My family has lived here for four generations. We have seen a lot of plans come and go.',
      'If they do it properly, it will make a real difference to the young people here.',
      'I am hopeful, but I will believe it when I see it.',
      'We were not asked. They decided first and told us afterwards.',
    ],
  },
  community: {
    details: [
      'The figures have not been independently verified, and {some|several} residents questioned whether they told the whole story.',
      'Local volunteers have {offered|promised|begun} to help, though organisers said more were needed.',
      'The provincial governor’s office did not respond to a request for comment by the time of publication.',
      'Residents of {place2} said they had seen {little change|some improvement|no change at all} over the past {few|two|three} years.',
      'Data from the provincial statistics office show a {rise|fall} of about {p} over {two|three|five} years.',
      'Volunteers from {place2} travelled to help, bringing food, water and tools.',
      'In {north}, a similar situation last year prompted officials there to change their approach.',
      'Local radio stations have carried the news in Thai and northern Thai dialect.',
      'Community leaders have asked for information to be translated into the languages spoken in hill villages.',
      'Not everyone is convinced. “We have heard this kind of thing before,” said one trader, who asked not to be named.',
      'A spokesperson said the agency was “listening carefully” to concerns raised by residents.',
      '{Expert}, {expertRole}, said the numbers should be read with care.',
      '“The trend matters more than any single figure,” {expert} said.',
      'At the morning market in {place}, the subject came up at almost every stall.',
      'Temple committees in several villages have offered their halls as meeting places.',
      'Younger residents have shared updates and photographs in local Facebook groups.',
      'Older residents said the situation reminded them of {the floods of 2011|the drought years|the years before the bypass was built}.',
      'Teachers said pupils had been talking about little else.',
    ],
    closings: [
      '_{paper}_ will follow the story as it develops.',
      'Residents with information can contact the {place} district office.',
      'Officials said they would give another update {next week|within a few days|at the end of the month}.',
      'For many in {place}, the coming weeks will be decisive.',
    ],
    voices: [
      'Things are better than they were ten years ago. That is something.',
      'Ask anyone at the market and they will tell you the same thing.',
      'We look after each other here. That has not changed.',
    ],
  },
  sport: {
    details: [
      'The provincial stadium has been renovated in stages over recent years.',
      'Junior programmes across the province now train more than {n} children.',
      'Supporters travelled by bus from {place2} and {north}.',
      'Local businesses sponsor most of the region’s smaller clubs and camps.',
      'Physiotherapists from the provincial hospital volunteer at weekend events.',
      'The provincial sports authority has promised new floodlights and changing rooms.',
      'Attendance this season is up about {p} on last year, organisers say.',
      'Many of those taking part combine sport with jobs or studies.',
      'Training sessions are open to the public on {weekday} evenings.',
      'Food stalls outside the venue did brisk business all evening.',
      'Highlights were posted online within the hour.',
    ],
    closings: [
      'The season continues next weekend.',
      'More results are on our sport pages.',
      'Entries for the next event open on {weekday}.',
    ],
    voices: [],
  },
  team: {
    details: [
      'Injuries have hit the squad hard this season.',
      'The coaching staff has been rebuilt since the start of the year.',
      'Ticket prices have been held at {n} baht for a season pass.',
      'Several players combine football with jobs or studies.',
      'The club’s youth teams train on the same pitch on weekday evenings.',
      'A new sponsor’s name appeared on the shirts for the first time.',
    ],
    closings: ['Full results and tables are on our sport pages.'],
    voices: ['We come every week. Win or lose, it is our team.', 'The young players give us hope for next season.'],
  },
  culture: {
    details: [
      'Prices start at around {tens} baht.',
      'Visitors from Bangkok and abroad make up a growing share of customers.',
      'Many of the ingredients and materials come from villages within an hour’s drive.',
      'Workshops for schoolchildren run on {weekday} mornings.',
      'The building itself is several decades old.',
      'Word of mouth and social media have done most of the marketing.',
      'Several younger family members have returned from Bangkok to help.',
      'The rainy season is quieter, and many use it to rest and prepare.',
      'Northern dialect is spoken more often than central Thai.',
      'The recipes and techniques are written down for the first time in a booklet sold at the door.',
      'Tour operators have begun including the visit in their itineraries.',
      'It is open every day except {weekday}, from early morning until mid-afternoon.',
      'Regulars say the atmosphere is as much of a draw as anything on sale.',
      'Local musicians often play in the evenings during the cool season.',
      'Photographs of earlier generations hang on the walls.',
      'There are plans to open a second branch in {place2}, though nothing is confirmed.',
    ],
    closings: [
      'It is easy to find: ask anyone in {place}.',
      'Go early; by lunchtime the best of it has gone.',
      'More of our food and culture coverage is in the Lifestyle section.',
    ],
    voices: [
      'My grandmother taught me this. I have only changed a little.',
      'People come for the food and stay for the conversation.',
    ],
  },
  letters: {
    details: [
      'I have lived in {place} for twenty years and never seen it this bad.',
      'Surely the council can find a simple solution to this.',
      'I would like to thank the volunteers who cleaned up after the storm.',
      'Your reporter was right to raise this issue, but missed one point.',
      'Please keep reporting on these matters. Nobody else does.',
      'My neighbours and I have complained to the district office three times.',
      'When I moved here the town was quieter. I do not want to sound old, but it was.',
      'Could someone explain why the work stopped halfway?',
      'The answer is not another committee. It is a bin, a light, a sign.',
      'I was pleased to read that something is finally being done.',
      'We pay our taxes like everyone else in the province.',
      'My children walk this way to school every morning.',
      'The market traders have been patient for long enough.',
      'I raised this at the village meeting and was told to write to you.',
      'Perhaps the mayor could come and see it one evening.',
      'Visitors notice these things, even if we have stopped noticing.',
      'It is a small thing, but small things add up.',
      'I hope your readers will support the volunteers.',
      'Thank you for printing the bus timetable last month. It was very useful.',
      'Nobody answers the telephone at the office.',
      'There must be a better way.',
      'I have written before and will write again until something changes.',
      'The volunteers at the temple deserve our thanks.',
      'My grandfather would not recognise the place.',
      'I urge the council to publish its plans in full.',
      'It took me forty minutes to cross town last Tuesday.',
      'Young people are leaving because there is nothing for them here.',
      'Not everything was better in the past, but this was.',
      'I enclose a photograph, which I hope you will print.',
      'Let us not wait for the next election to fix it.',
      'Yours, a regular reader since the paper began.',
    ],
    closings: ['Write to us at the address on our contact page.', 'Letters may be edited for length and clarity.'],
    voices: [],
  },
  opinion: {
    details: [
      'It is worth remembering how we got here.',
      'For too long the people closest to the problem have been the last to be asked about it.',
      'Nobody doubts that officials mean well. But meaning well has never cleared the air or mended a road.',
      'The money exists. The question is whether it is spent where it is needed most.',
      'There is a pattern here, and it is not a flattering one.',
      'Every year the same promises are made, and every year the same families pay the price.',
      'We do not pretend that the answer is simple.',
      'Other provinces have tried different approaches, with some success.',
      'What would a serious plan look like? It would start with honest numbers.',
      'It would also accept that some of the answers lie across the border, and some in Bangkok.',
      'Above all, it would treat residents as partners rather than as an audience.',
      'Transparency costs little and buys a great deal of trust.',
      'A small step taken now is worth more than a grand plan announced every election.',
      'The young people of {place} are watching, and many of them are deciding whether to stay.',
      'If the province wants them to stay, it has to show that change is possible here.',
      'None of this is new, and that is precisely the point.',
      'Readers have written to us about this more than about almost anything else.',
      'It would be wrong to blame only the officials. We all share the habit of waiting for someone else to act.',
      'Still, leadership means going first.',
      'The next few months will show whether anything has been learned.',
    ],
    closings: [
      'The North has waited long enough.',
      'We will be watching, and so will our readers.',
      'The question is not whether to act, but how soon.',
      'That is the least the people of {place} deserve.',
      'Write to us and tell us what you think.',
    ],
    voices: [],
  },
};

export const GENERIC_HEADINGS = [
  'What happens next', 'The background', 'What residents say', 'A long time coming', 'The numbers', 'Questions remain',
  'How we got here', 'Looking ahead', 'Local reaction', 'Not everyone agrees', 'On the ground',
] as const;

/**
 * One generated hero image (images.ts): what to draw and how to describe it. The drawing is
 * fixed per index, not per seed, so files left by an earlier run still match their alt text.
 */
export interface ImageScene {
  kind: 'hills' | 'river' | 'fields' | 'city' | 'abstract';
  sky: 'morning' | 'dusk' | 'haze' | 'evening' | 'day' | 'mist' | 'sunrise' | 'night' | 'grey' | 'pink' | 'clear';
  /** A detail of the scene named in the alt text. */
  feature?: 'waterfall' | 'confluence' | 'lake' | 'winding' | 'terraces' | 'rows' | 'paddies' | 'hut' | 'spire' | 'tower' | 'roofs' | 'circles' | 'bands' | 'blocks' | 'waves' | 'grid';
  /** Land or shape colours, nearest first. */
  colors: readonly string[];
  alt: string;
  caption: string;
}

const GREENS = ['#1f4d2b', '#2f6b3a', '#4f8a4f', '#7aa874'];
const BLUE_GREENS = ['#1d3b44', '#2d5a5e', '#4b7f7a', '#7fa7a0'];

export const IMAGE_SCENES: readonly ImageScene[] = [
  { kind: 'hills', sky: 'morning', colors: BLUE_GREENS, alt: 'Illustration of layered blue-green hills under a pale morning sky', caption: 'Morning mist over the hills near Doi Tung.' },
  { kind: 'river', sky: 'dusk', colors: ['#2a2540', '#3f3658', '#5c4d70'], alt: 'Illustration of a wide river band below low hills at dusk', caption: 'The Mekong at Chiang Saen in the evening.' },
  { kind: 'fields', sky: 'day', feature: 'terraces', colors: ['#3f7d2c', '#5e9c3a', '#86b84e', '#a9cf6a'], alt: 'Illustration of green rice terraces curving down a hillside', caption: 'Rice terraces in Mae Chan district.' },
  { kind: 'city', sky: 'dusk', feature: 'roofs', colors: ['#2b2730', '#453c47'], alt: 'Illustration of a row of low town buildings against an orange sky', caption: 'Shophouses in central Chiang Rai.' },
  { kind: 'abstract', sky: 'clear', feature: 'circles', colors: ['#e07a3f', '#f2b134', '#c8553d', '#f6d7a7'], alt: 'Abstract illustration of overlapping circles in warm colours', caption: 'Illustration.' },
  { kind: 'hills', sky: 'haze', colors: ['#5a4630', '#7a6244', '#9c845e', '#bba57b'], alt: 'Illustration of hazy brown hills under a smoky yellow sky', caption: 'Haze over the hills during the burning season.' },
  { kind: 'river', sky: 'day', feature: 'winding', colors: GREENS, alt: 'Illustration of a winding brown river through green countryside under a blue sky', caption: 'The Kok River upstream of Chiang Rai city.' },
  { kind: 'fields', sky: 'day', feature: 'hut', colors: ['#b8892c', '#d4a93f', '#e6c25c', '#f0d98a'], alt: 'Illustration of golden fields and a small hut under a blue sky', caption: 'Harvest time in Phan district.' },
  { kind: 'hills', sky: 'evening', colors: ['#1c1626', '#2c2238', '#45344f', '#6a4f6e'], alt: 'Illustration of steep dark hills under a purple evening sky', caption: 'Dusk over Phu Chi Fa.' },
  { kind: 'city', sky: 'day', feature: 'spire', colors: ['#39424e', '#56606c'], alt: 'Illustration of a town skyline with a temple spire against a blue sky', caption: 'The skyline of Chiang Rai city.' },
  { kind: 'abstract', sky: 'clear', feature: 'bands', colors: ['#1b4965', '#2a7f8f', '#5fa8a0', '#9ed8db'], alt: 'Abstract illustration of diagonal bands in blue and teal', caption: 'Illustration.' },
  { kind: 'river', sky: 'morning', feature: 'confluence', colors: BLUE_GREENS, alt: 'Illustration of a river meeting point with hills on three sides', caption: 'The Golden Triangle, where the Ruak meets the Mekong.' },
  { kind: 'fields', sky: 'morning', feature: 'rows', colors: ['#2f6b3a', '#3f8048', '#5a9a5a', '#86b87a'], alt: 'Illustration of rows of tea bushes on a gentle green slope', caption: 'Tea gardens on Doi Mae Salong.' },
  { kind: 'hills', sky: 'day', colors: GREENS, alt: 'Illustration of rolling green hills under a bright sky with white clouds', caption: 'The hills of Mae Fah Luang district.' },
  { kind: 'city', sky: 'sunrise', feature: 'roofs', colors: ['#3a2a2a', '#5a3f38'], alt: 'Illustration of a busy street of low buildings at sunset', caption: 'The main road through Mae Sai near the border crossing.' },
  { kind: 'abstract', sky: 'clear', feature: 'blocks', colors: ['#b23a3a', '#d9644a', '#f3e3c3', '#8c2f2f'], alt: 'Abstract illustration of stacked rectangles in red and cream', caption: 'Illustration.' },
  { kind: 'river', sky: 'grey', colors: ['#3c4a44', '#55625a', '#748077'], alt: 'Illustration of a broad river under a grey monsoon sky', caption: 'High water on the Mekong during the rainy season.' },
  { kind: 'fields', sky: 'day', feature: 'rows', colors: ['#4c7a3a', '#6b8f3f', '#93a94e', '#b7c06a'], alt: 'Illustration of pineapple fields stretching to low hills', caption: 'Pineapple farms outside Chiang Rai city.' },
  { kind: 'hills', sky: 'mist', colors: ['#3b5670', '#587591', '#7b96ae', '#a3b8ca'], alt: 'Illustration of misty blue ridges fading into the distance', caption: 'Ridges along the Myanmar border.' },
  { kind: 'city', sky: 'day', feature: 'roofs', colors: ['#4a4038', '#6b5d50'], alt: 'Illustration of a market hall roofline under a clear blue sky', caption: 'The morning market in Chiang Khong.' },
  { kind: 'abstract', sky: 'clear', feature: 'waves', colors: ['#3d6b35', '#7a9a3b', '#c9a93b', '#e8d27a'], alt: 'Abstract illustration of soft waves in green and gold', caption: 'Illustration.' },
  { kind: 'river', sky: 'day', feature: 'winding', colors: ['#4f8a4f', '#6fa05a', '#98bf74'], alt: 'Illustration of a narrow river winding through green fields', caption: 'The Ing River near Thoeng.' },
  { kind: 'fields', sky: 'day', feature: 'terraces', colors: ['#2e5a2a', '#3f6f34', '#5a8a44', '#7da55c'], alt: 'Illustration of coffee shrubs on a terraced slope under a blue sky', caption: 'Coffee plantations on Doi Chang.' },
  { kind: 'hills', sky: 'sunrise', colors: ['#6e1f1f', '#9a3324', '#c4562f', '#e08a4a'], alt: 'Illustration of red and orange hills at sunrise', caption: 'Sunrise in the hills of Wiang Pa Pao.' },
  { kind: 'city', sky: 'night', feature: 'tower', colors: ['#111827', '#1f2937'], alt: 'Illustration of a clock tower among low buildings at night', caption: 'Central Chiang Rai at night.' },
  { kind: 'abstract', sky: 'clear', feature: 'grid', colors: ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'], alt: 'Abstract illustration of a grid of coloured squares', caption: 'Illustration.' },
  { kind: 'river', sky: 'pink', feature: 'lake', colors: ['#3c3550', '#574a68', '#7a6a86'], alt: 'Illustration of a wide lake with hills behind under a pink sky', caption: 'Kwan Phayao at sunset.' },
  { kind: 'fields', sky: 'grey', feature: 'paddies', colors: ['#4a6b4a', '#5f7f5c', '#7a9776'], alt: 'Illustration of flooded paddy fields reflecting a cloudy sky', caption: 'Planting season in Phaya Mengrai.' },
  { kind: 'hills', sky: 'day', feature: 'waterfall', colors: GREENS, alt: 'Illustration of forested hills with a thin waterfall', caption: 'Forest in the Doi Luang national park.' },
  { kind: 'city', sky: 'morning', feature: 'roofs', colors: ['#4b5563', '#6b7280'], alt: 'Illustration of a bus station with low roofs and a pale sky', caption: 'Chiang Rai’s bus terminal.' },
] as const;

export const IMAGE_CREDITS = ['Illustration: Lanna Ledger graphics', 'Lanna Ledger graphics desk', 'Illustration: The Lanna Ledger'] as const;
