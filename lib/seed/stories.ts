/**
 * Story shapes per top-level section. A story kind holds the templates for one recurring kind
 * of local story (a road that needs fixing, a haze alert, a derby); text.ts fills them with one
 * set of variables per article so headline, standfirst and body tell the same story.
 */
import type { ImageScene, Register } from './words';

export interface StoryKind {
  /** Sub-section the story is usually filed under; otherwise the top-level section. */
  sub?: string;
  /** Months (1–12, Bangkok time) when the story is in season. */
  months?: readonly number[];
  /** Where the story can happen, when not anywhere in the province. */
  places?: readonly string[];
  /**
   * Extra variables, one value picked per article. An object value gives linked forms of one
   * choice ({outcome.now}, {outcome.past}) so headline and body agree.
   */
  vars?: Readonly<Record<string, readonly (string | Readonly<Record<string, string>>)[]>>;
  /** Who speaks for the story, as "the … of …". */
  roles: readonly string[];
  headlines: readonly string[];
  /** Optional endings for a headline ("after years of complaints"). */
  tails?: readonly string[];
  standfirsts: readonly string[];
  leads: readonly string[];
  details: readonly string[];
  /** Words of the official or expert. */
  quotes: readonly string[];
  headings?: readonly string[];
  /** Overrides the section's registers for stories of a different temper. */
  registers?: readonly Register[];
  /** Each paragraph is a reader's letter, signed. */
  signed?: boolean;
  list?: { intro: readonly string[]; items: readonly string[]; ordered?: boolean };
  tags: readonly string[];
}

export interface SectionStories {
  /** Share of all articles. */
  weight: number;
  kinds: readonly StoryKind[];
  context: readonly string[];
  voices: readonly string[];
  headings: readonly string[];
  /** Who "an expert" is in this section's stories. */
  experts: readonly string[];
  /** Kinds of hero image that suit the section (words.ts IMAGE_SCENES). */
  scenes: readonly ImageScene['kind'][];
  /** Opinion pieces argue rather than report: no quotes, no residents. */
  opinion?: boolean;
  /** Where padding sentences, endings and extra voices come from (words.ts). */
  registers: readonly Register[];
  tags: readonly string[];
}

const RAINY = [6, 7, 8, 9, 10] as const;
const HAZE = [1, 2, 3, 4] as const;

const CLUBS = {
  home: ['Kok River FC', 'Doi Tung Rangers', 'Phayao Lake FC', 'Nan Highlanders', 'Chiang Khong Mekong FC', 'Mae Sai Border FC', 'Lanna Tigers'],
  away: ['Lampang Elephants', 'Phrae Teak FC', 'Mae Hong Son Mist', 'Chiang Saen Rivermen', 'Wiang Pa Pao Athletic', 'Thoeng United'],
};

/** What wins and draws have in common. */
const FOOTBALL = {
  sub: 'football',
  registers: ['sport', 'team'] as const,
  headings: ['The match', 'Turning point', 'What the coach said'],
  roles: ['the head coach of {home}', 'the captain of {home}', 'the coach of {away}'],
  details: [
    'The visitors started brightly and had two chances in the first ten minutes.',
    'The home side’s young midfield controlled the game after half-time.',
    'A penalty appeal in the second half was turned down by the referee.',
    'The goalkeeper made a fine save late on to keep the score as it was.',
    '{Home} play away in {north} next weekend.',
    'Several academy graduates were in the starting line-up.',
    'Referees from outside the region were appointed for the match.',
    'The pitch held up well despite rain earlier in the day.',
    'A minute’s applause was held before kick-off for a long-serving volunteer.',
  ],
  quotes: [
    'I am proud of the players. They never stopped running.',
    'We made mistakes, but we will learn from them this week in training.',
    'The fans were amazing tonight. They pushed us all the way.',
  ],
  tags: ['Football', 'Northern League'],
};

export const STORIES: Readonly<Record<string, SectionStories>> = {
  news: {
    experts: ['an economist at Chiang Rai Rajabhat University', 'a political scientist at Chiang Mai University', 'a data analyst with a Bangkok research institute', 'a specialist in Mekong regional affairs at Mae Fah Luang University'],
    scenes: ['city', 'abstract', 'river'],
    registers: ['plan', 'community'],
    weight: 16,
    tags: ['Thailand', 'Government', 'ASEAN'],
    context: [
      'The North has often felt far from decisions taken in Bangkok, and {place} is no exception.',
      'Provincial officials said they were still waiting for written guidance from the ministry.',
      'The announcement follows months of pressure from northern MPs.',
      'Chiang Rai’s position on the borders with Laos and Myanmar makes it more exposed than most provinces.',
      'Traders in {place} said the change would be felt first at the border.',
      'Similar announcements in the past have taken a year or more to reach the provinces.',
    ],
    voices: [
      'Decisions are made in Bangkok, but we live with them up here.',
      'We hear about it on the television first and from the district office last.',
      'Prices go up before the policy even starts. That is what always happens.',
    ],
    headings: ['What it means for the North', 'The national picture', 'Across the border', 'Reaction in Chiang Rai'],
    kinds: [
      {
        sub: 'thailand',
        vars: {
          policy: ['a new minimum wage', 'cheaper electricity tariffs', 'a rural debt relief scheme', 'a digital payment scheme for farmers', 'new rules on short-term rentals', 'a national haze law', 'a plan to decentralise provincial budgets', 'a crop insurance scheme', 'a state pension top-up', 'free bus travel for the elderly', 'a cut in fuel tax', 'a national flood fund'],
        },
        roles: ['the deputy governor of Chiang Rai', 'a spokesperson for the provincial governor’s office', 'a northern MP on the budget committee'],
        headlines: [
          'Cabinet approves {policy}, with {place} among the first districts in line',
          'What {policy} means for households in {place}',
          'Northern MPs push Bangkok to speed up {policy}',
          '{Policy} to cost {amount} in first year, ministry says',
          '{Place} officials wait for detail on {policy}',
          'Farmers in {place} give cautious welcome to {policy}',
        ],
        tails: ['after months of delay', 'as northern provinces ask for more say', 'amid questions over funding', 'ahead of the next budget'],
        standfirsts: [
          'The measure was approved in Bangkok on {weekday}, but officials in the North say the detail matters more than the headline.',
          'Supporters say it is overdue. Critics say the provinces were not consulted.',
          'Officials expect the first effects to be felt in {nextMonth}.',
        ],
        leads: [
          'The cabinet in Bangkok on {weekday} approved {policy}, a measure that officials in Chiang Rai say could affect tens of thousands of households in the province.',
          'Northern provinces will be among the first to see {policy}, the government said on {weekday}, after months of argument over how and where it should begin.',
        ],
        details: [
          'The government estimates the measure will cost about {amount} in its first year.',
          'Provincial officials said they had not yet received instructions on how it would work in practice.',
          'Northern MPs have argued for years that national schemes are designed around the central plains and reach the hills late.',
          'Chiang Rai has one of the lowest average household incomes in the country, according to national statistics.',
          'Farmers’ groups in the province welcomed the announcement but warned that paperwork often kept the poorest from benefiting.',
          'The measure is expected to be debated in parliament before it takes effect.',
        ],
        quotes: [
          'This is a national decision, but we will be the ones explaining it at the district offices.',
          'We support anything that puts money into rural households, as long as it actually arrives.',
          'The North needs to be at the table when these schemes are designed, not only when they are launched.',
        ],
        list: {
          intro: ['The main points of the measure:', 'What we know so far:'],
          items: [
            'It applies nationwide, with northern provinces in the first phase',
            'Applications open at district offices and online',
            'Farmers registered with the agriculture ministry qualify automatically',
            'The first payments are expected within three months',
            'A review is planned after the first year',
            'Provinces can add their own top-up schemes',
          ],
        },
        tags: ['Government', 'Economy', 'Parliament'],
      },
      {
        sub: 'asia',
        vars: {
          country: ['Laos', 'Myanmar', 'China', 'Vietnam', 'Cambodia'],
          link: ['a rail freight link', 'a new bridge', 'a cross-border bus route', 'a river port', 'an electricity line', 'a trade corridor'],
        },
        roles: ['the director of the Chiang Khong customs house', 'a trade official at the provincial commerce office', 'the head of the Chiang Rai Chamber of Commerce'],
        headlines: [
          '{Country} opens {link} that could reshape trade with {place}',
          '{Place} traders eye opportunities as {country} opens {link}',
          '{Link} to {country} promises faster trade, but border towns wait',
          'Border officials in {place} prepare for more traffic as {country} expands {link}',
          'Exporters expect {pct} rise in trade once {link} to {country} opens',
        ],
        tails: ['after years of talks', 'ahead of the high season', 'as fruit exports grow'],
        standfirsts: [
          'The project is the latest in a string of cross-border links that could turn Chiang Rai into a regional hub.',
          'Exporters in the province say they are ready. Smaller traders are less sure.',
        ],
        leads: [
          '{Country} has opened {link} connecting it more closely with the upper Mekong region, a move traders in Chiang Rai say could cut delivery times across the border.',
          'A new era of cross-border trade may be starting after {country} opened {link}, officials in Chiang Rai said on {weekday}.',
        ],
        details: [
          'Trade through Chiang Rai’s border checkpoints was worth about {amount} last year, according to the provincial commerce office.',
          'Fruit exporters, particularly of durian and longan, are expected to benefit most.',
          'The Fourth Thai-Lao Friendship Bridge at Chiang Khong already carries a large share of the province’s freight.',
          'Some smaller traders fear that larger companies will capture most of the new business.',
          'Officials on both sides have promised faster customs checks, though details have not been published.',
          'The region’s governments have discussed closer links for more than a decade.',
        ],
        quotes: [
          'Every new link makes Chiang Rai more important. Our job is to make sure local businesses benefit.',
          'We are preparing staff and equipment for more traffic, but we need the roads on our side to keep up.',
          'The opportunity is real, but small traders need help with paperwork and finance.',
        ],
        tags: ['Border Trade', 'Laos', 'Myanmar', 'China', 'ASEAN', 'Chiang Khong'],
      },
      {
        registers: ['community'],
        sub: 'world',
        vars: {
          commodity: ['rubber', 'coffee', 'rice', 'tea', 'fertiliser', 'diesel', 'sugar', 'maize'],
          event: ['a global price slump', 'a new round of tariffs', 'a poor harvest abroad', 'a shipping backlog', 'a stronger baht', 'a surge in Chinese demand'],
          trend: [{ now: 'rise', adj: 'higher' }, { now: 'fall', adj: 'lower' }],
        },
        roles: ['an official at the provincial agriculture office', 'the head of a northern farmers’ cooperative', 'an economist at Mae Fah Luang University'],
        headlines: [
          'How {event} is changing {commodity} prices in {place}',
          '{Event} hits {commodity} sellers from {place} to {north}',
          'Farmers in {place} feel the effects of {event} on {commodity}',
          '{Commodity} prices in {place} {trend.now} {pct} after {event}',
        ],
        tails: ['as cooperatives look for buyers', 'with no end in sight'],
        standfirsts: [
          'Decisions taken thousands of kilometres away are being felt in village markets across the North.',
          'Growers say prices have moved faster than at any time in recent memory.',
        ],
        leads: [
          '{Event} has pushed {commodity} prices sharply {trend.adj} in recent weeks, and growers and traders in Chiang Rai say they are feeling it.',
          'Far from the markets where prices are set, families in {place} are living with the effects of {event}, which has sent {commodity} prices {trend.adj}.',
        ],
        details: [
          'Prices at the {place} collection point changed by about {pct} in a month, according to traders.',
          'Many growers sell through middlemen who set prices daily.',
          'Some cooperatives have started storing produce in the hope of better prices later in the year.',
          'Economists say northern farmers are more exposed than most because they rely on a few crops.',
          'The provincial agriculture office said it was monitoring the situation.',
        ],
        quotes: [
          'We cannot control world prices. What we can do is help farmers store and wait when prices are low.',
          'Small growers feel every change immediately, because they have no savings to fall back on.',
        ],
        tags: ['Economy', 'Farming', 'Trade'],
      },
    ],
  },

  'chiang-rai': {
    experts: ['a transport planner who advises the provincial council', 'a historian of the Lanna kingdom', 'an urban planning lecturer at Mae Fah Luang University', 'a hydrologist who has studied the region’s rivers for two decades'],
    scenes: ['city', 'river', 'hills'],
    registers: ['plan', 'community'],
    weight: 16,
    tags: ['Chiang Rai'],
    context: [
      '{Place} has grown quickly over the past decade, and its roads and services have struggled to keep up.',
      'Many of the district’s households still depend on farming.',
      'Local officials say the district’s budget has barely changed in five years.',
      'The issue has come up repeatedly at meetings of the provincial council.',
      'Residents say problems are worst during the rainy season.',
      'The municipality said it would share more information on its Facebook page.',
    ],
    voices: [
      'Every year we complain and every year they say next year. This time we hope they mean it.',
      'My children ride their motorbikes on this road to school. I worry every day.',
      'It is a good town to live in. We just want the basics to work.',
      'When the rain comes, the whole neighbourhood knows about it.',
    ],
    headings: ['What residents say', 'The district’s plan', 'A long-standing problem', 'Money and time'],
    kinds: [
      {
        vars: { road: ['the Phahonyothin road', 'the road to {place2}', 'the ring road', 'the Kok River bridge', 'the old market road', 'the {hill} road'], problem: ['potholes', 'flooding', 'landslides', 'broken street lights', 'traffic jams'] },
        roles: ['the district chief of {place}', 'the mayor of {place}', 'an engineer with the provincial highways office'],
        headlines: [
          '{Place} residents demand action over {problem} on {road}',
          'Provincial council approves {amount} to repair {road}',
          'Work on {road} to begin after years of complaints about {problem}',
          'Drivers in {place} warned of delays as work starts on {road}',
          '{Problem} on {road} blamed for rising number of accidents',
          '{Place} district promises to fix {problem} on {road}',
        ],
        tails: ['before the rainy season', 'as traffic grows', 'after a fatal crash', 'ahead of the school term'],
        standfirsts: [
          'Residents say they have complained about {problem} for years. Officials now promise repairs before {nextMonth}.',
          'The work will cost about {amount} and cause months of disruption, officials said.',
          'Drivers and traders say the repairs cannot come soon enough.',
        ],
        leads: [
          'Residents of {place} have called on the district to act over {problem} on {road}, saying the situation has become dangerous for motorcyclists and schoolchildren.',
          'The provincial council has approved {amount} to repair {road}, one of the busiest routes in {place} and a source of complaints for years.',
          'Work on {road} will begin next month, officials said on {weekday}, ending a long wait for drivers in {place}.',
        ],
        details: [
          'Police recorded {tens} accidents on the route last year, many involving motorcycles.',
          'The work is expected to take about {few} months, with one lane kept open during the day.',
          'Shop owners along the road said customers had stayed away during previous repairs.',
          'Engineers said heavy lorries heading to the border had worn the surface faster than expected.',
          'Drainage will be improved at the same time, the highways office said.',
          'A temporary diversion will run through {place2}.',
        ],
        quotes: [
          'We know people are frustrated. The money is now approved and the contractor is ready.',
          'The road was built for a much smaller town. We are fixing it for the town we have now.',
          'Safety comes first. We will work at night where we can to keep traffic moving.',
        ],
        list: {
          intro: ['The timetable, according to the district office:'],
          items: ['Survey work this month', 'Drainage work before the rains', 'Resurfacing in the cool season', 'New street lights and road markings', 'Final inspection and reopening'],
          ordered: true,
        },
        tags: ['Roads', 'Infrastructure', 'Transport'],
      },
      {
        sub: 'mae-sai',
        places: ['Mae Sai'],
        vars: {
          reaction: [{ now: 'welcome', past: 'welcomed' }, { now: 'question', past: 'questioned' }],
          who: ['traders', 'shop owners', 'residents', 'stallholders', 'tuk-tuk drivers', 'guesthouse owners', 'money changers', 'taxi riders'],
          issue: ['the night market', 'rubbish collection along the river', 'the new customs building', 'shop rents near the bridge', 'the Sai River flood wall', 'the border crossing hours', 'the market by the bridge', 'flooding from the Sai River', 'parking near the checkpoint', 'the new bus link to Tachileik'] },
        roles: ['the district chief of Mae Sai', 'the head of the Mae Sai traders’ association', 'the immigration chief at the Mae Sai checkpoint'],
        headlines: [
          '{Place} {who} {reaction.now} changes to {issue}',
          '{Place} {who} {hope for the best|brace for change} as officials review {issue}',
          '{Who} in the border town of {place} look for answers on {issue}',
          'What the changes to {issue} mean for {place} {who}',
          '{Place} {who} report takings down {pct} amid debate over {issue}',
          '{Count} {place} {who} sign petition over {issue}',
        ],
        tails: ['after a difficult year', 'ahead of the cool season', 'as visitor numbers recover'],
        standfirsts: [
          'Mae Sai lives from the border. Any change to {issue} is felt on every street.',
          'Traders say the town has had a difficult few years and cannot afford another setback.',
        ],
        leads: [
          '{Who} in Mae Sai, Thailand’s northernmost town, have {reaction.past} changes to {issue} announced by officials on {weekday}.',
          'Officials in Mae Sai are reviewing {issue} as the border town prepares for its busiest months of the year.',
        ],
        details: [
          'Thousands of people cross the bridge between Mae Sai and Tachileik on a normal day.',
          'The market near the bridge has hundreds of stalls selling clothes, food and electronics.',
          'Floods from the Sai River damaged hundreds of shops in recent years, and many traders are still repaying loans.',
          'The town depends heavily on visitors from elsewhere in Thailand and from across the border.',
          'Officials said the changes would be reviewed after three months.',
        ],
        quotes: [
          'Mae Sai is a trading town. When the border works well, everybody here eats.',
          'We have listened to the traders, and we think these changes will help them.',
        ],
        tags: ['Mae Sai', 'Border Trade', 'Myanmar'],
      },
      {
        sub: 'chiang-saen',
        places: ['Chiang Saen'],
        vars: {
          who: ['residents', 'traders', 'monks', 'boat operators', 'historians', 'guesthouse owners', 'teachers'],
          site: ['the old city walls', 'the river port', 'the Golden Triangle viewpoint', 'the riverside promenade', 'the chedi at Wat Pa Sak', 'the old customs house', 'the riverside market', 'the city moat', 'the town museum', 'the boat pier', 'the wetlands by Chiang Saen Lake'],
        },
        roles: ['the mayor of Chiang Saen', 'an official at the Fine Arts Department office in Chiang Saen', 'the head of the Chiang Saen tourism association'],
        headlines: [
          '{Place} begins {amount} restoration of {site}',
          '{Place} {who} divided over plans for {site}',
          'New life for {site} as {place} looks to the river',
          '{Amount} plan for {site} wins approval in {place}',
          'Archaeologists make {few} finds during work on {site}',
          '{Count} visitors give their views on {site} in {place}',
        ],
        tails: ['after decades of neglect', 'as visitor numbers recover', 'ahead of the cool season', 'ahead of tourist season'],
        standfirsts: [
          'The old river town hopes the work will bring visitors back. Some residents worry about what will be lost.',
          'The project will cost about {amount}, shared between the town and the central government.',
        ],
        leads: [
          'Work has begun on {site} in Chiang Saen, the historic river town that officials hope can draw more visitors from across the region.',
          'Plans for {site} in Chiang Saen have divided residents, with some welcoming the investment and others fearing the town will lose its quiet character.',
        ],
        details: [
          'Chiang Saen was an important Lanna city centuries before Chiang Rai became the provincial capital.',
          'The town sits on the Mekong a few kilometres from the Golden Triangle, where Thailand, Laos and Myanmar meet.',
          'Cargo boats from China still unload at the port, though traffic has fallen in recent years.',
          'Archaeologists will survey the site before heavy work begins.',
          'Visitor numbers have recovered slowly, according to the tourism association.',
        ],
        quotes: [
          'This town has a thousand years of history. We want visitors to see it, not just pass through.',
          'We will do the work carefully. What is here cannot be replaced.',
        ],
        tags: ['Chiang Saen', 'Heritage', 'Golden Triangle', 'Mekong'],
      },
      {
        registers: ['community'],
        months: RAINY,
        roles: ['the head of the provincial disaster prevention office', 'the district chief of {place}', 'an official at the regional irrigation office'],
        headlines: [
          '{Place} on alert as {river} rises after days of heavy rain',
          'Floodwater reaches {count} homes in {place} as rain continues',
          'Volunteers help {place} clean up after flash floods',
          'Officials warn of more flooding along {river} near {place}',
          'Schools close in {place} as {river} bursts its banks',
        ],
        tails: ['with more rain forecast', 'for the second time this year'],
        standfirsts: [
          'Hundreds of households have been affected and more rain is forecast for the coming days.',
          'Residents say the water rose faster than in previous years.',
        ],
        leads: [
          'Residents of {place} were moving belongings to higher ground on {weekday} as {river} rose after several days of heavy rain.',
          'Floodwater entered homes in low-lying parts of {place} overnight, and officials warned that more rain was on the way.',
        ],
        details: [
          'About {count} households have been affected, according to the provincial disaster prevention office.',
          'Schools in the area were closed for the day.',
          'Soldiers and volunteers used boats to bring food to families cut off by the water.',
          'The meteorological department has forecast heavy rain across the upper North until the weekend.',
          'Farmers said rice fields close to the river had been submerged.',
        ],
        quotes: [
          'Please follow the warnings and move valuables and vehicles to higher ground now.',
          'We have pumps and boats in place, and shelters are ready if they are needed.',
        ],
        list: {
          intro: ['Officials asked residents to:'],
          items: ['Move vehicles and valuables to higher ground', 'Avoid driving through floodwater', 'Keep children away from the river', 'Follow updates on the district’s Facebook page', 'Call the disaster hotline in an emergency'],
        },
        tags: ['Floods', 'Weather', 'Disaster Relief'],
      },
    ],
  },

  business: {
    experts: ['an economist at Chiang Rai Rajabhat University', 'an agricultural adviser with the provincial farming office', 'a property analyst based in Chiang Mai', 'a trade specialist at Mae Fah Luang University'],
    scenes: ['city', 'fields'],
    registers: ['community', 'plan'],
    weight: 10,
    tags: ['Business', 'Economy'],
    context: [
      'The northern economy relies heavily on farming, tourism and trade with neighbouring countries.',
      'Bank lending to small businesses in the province has tightened over the past year.',
      'Household debt in the North is among the highest in the country.',
      'The provincial commerce office publishes price data every month.',
      'Business groups have long asked for better transport links to Bangkok.',
    ],
    voices: [
      'Business is slower than before, but we are still here. That counts for something.',
      'Everything costs more now, but I cannot raise my prices or customers will go elsewhere.',
      'If you work hard you can make a living here. Just not a rich one.',
    ],
    headings: ['The numbers', 'What traders say', 'A changing economy', 'The outlook'],
    kinds: [
      {
        registers: ['community'],
        sub: 'economy',
        vars: { item: ['pork', 'cooking gas', 'rice', 'vegetables', 'school uniforms', 'motorbike fuel', 'eggs', 'cooking oil', 'sugar', 'chicken', 'electricity', 'bus fares'] },
        roles: ['the director of the provincial commerce office', 'an economist at Chiang Rai Rajabhat University', 'the president of the Chiang Rai Chamber of Commerce'],
        headlines: [
          'Price of {item} rises {pct} in {place} markets',
          'Households in {place} feel the pinch as cost of {item} climbs again',
          '{Place} shoppers change habits as {item} prices rise',
          'Commerce office pledges checks on {item} prices in {place}',
          '{Item} prices up {pct} in a year, provincial figures show',
        ],
        tails: ['ahead of the new school term', 'as fuel costs bite'],
        standfirsts: [
          'Traders blame transport costs. Shoppers say wages have not kept up.',
          'The provincial commerce office says it will step up checks on sellers.',
        ],
        leads: [
          'The price of {item} has risen by about {pct} in Chiang Rai over the past three months, according to figures from the provincial commerce office.',
          'Shoppers at the morning market in {place} say they are buying less {item} as prices keep climbing.',
        ],
        details: [
          'The provincial minimum wage has risen only slightly in the same period.',
          'Transport costs have risen because of fuel prices, traders said.',
          'The commerce office said it had inspected {count} shops and found most prices displayed correctly.',
          'Economists said the increase was in line with the rest of the country.',
          'Some families have turned to cheaper alternatives or cut back.',
        ],
        quotes: [
          'We are watching prices closely and we will act against anyone who takes advantage.',
          'Incomes in the North rise more slowly than prices. That is the real problem.',
        ],
        tags: ['Prices', 'Cost of Living'],
      },
      {
        sub: 'property',
        vars: { development: ['a housing estate', 'a shopping mall', 'a condominium tower', 'a hotel', 'a logistics park', 'a retirement village', 'a private hospital', 'a golf resort', 'a student dormitory block'] },
        roles: ['the head of the provincial land office', 'a property developer based in Chiang Rai', 'the director of the town planning office'],
        headlines: [
          'Developer plans {development} on edge of {place}',
          'Land prices rise {pct} around {place} as {development} gets approval',
          '{Place} residents raise concerns over plans for {development}',
          'Is {place} ready for {development}?',
          'Plans for {development} in {place} go on public display',
        ],
        tails: ['despite drainage worries', 'as buyers from Bangkok move north'],
        standfirsts: [
          'The project would be one of the largest in the province. Neighbours have questions about water and traffic.',
          'Agents say land prices near the site have already risen sharply.',
        ],
        leads: [
          'A developer has submitted plans for {development} on farmland on the edge of {place}, in a project worth about {amount}.',
          'Land prices around {place} have risen by as much as {pct} since plans for {development} were approved, agents say.',
        ],
        details: [
          'The site covers about {count} rai of former rice fields.',
          'An environmental assessment is required before construction can begin.',
          'Neighbours said they were worried about drainage and traffic.',
          'Estate agents said buyers from Bangkok and abroad had shown interest.',
          'The town plan was last revised several years ago.',
        ],
        quotes: [
          'Chiang Rai is growing and people need somewhere to live and work. We want to do this properly.',
          'Any project must follow the town plan. We will look at it carefully.',
        ],
        tags: ['Property', 'Land', 'Housing'],
      },
      {
        sub: 'agriculture',
        vars: {
          trend: [{ now: 'rise', adj: 'higher' }, { now: 'fall', adj: 'lower' }],
          harvest: ['a good', 'a difficult', 'a record', 'a smaller'],
          crop: ['coffee', 'tea', 'longan', 'pineapple', 'rice', 'lychee', 'macadamia'] },
        roles: ['the head of the provincial agriculture office', 'the chairman of a {crop} cooperative in {place}', 'an agricultural adviser with the Doi Tung Development Project'],
        headlines: [
          '{Crop} growers in {place} expect {harvest} harvest this year',
          '{Crop} farmers in {place} look to new markets as prices swing',
          'Young farmers bring new ideas to {crop} in the hills of {place}',
          'Cooperative helps {crop} growers in {place} get fairer prices',
          '{Crop} prices at the farm gate {trend.now} {pct} in {place}',
        ],
        tails: ['after an unusual season', 'as labour grows scarce'],
        standfirsts: [
          'Weather, prices and labour all play a part. Growers say this year is hard to read.',
          'A new generation is changing how {crop} is grown and sold in the North.',
        ],
        leads: [
          '{Crop} growers in {place} say they expect {harvest} harvest this year after an unusual season of weather in the hills.',
          'A cooperative of {count} {crop} growers in {place} says it has raised prices for its members by selling directly to buyers.',
        ],
        details: [
          'Most farms in the area are small family plots of a few rai.',
          'Labour has become harder to find as young people leave for the cities.',
          'Growers have begun selling online to customers in Bangkok.',
          'Certification for organic produce can take several years.',
          'The cooperative provides drying and storage facilities to members.',
          'Prices paid at the farm gate have varied by as much as {pct} in a season.',
        ],
        quotes: [
          'If farmers work together they have more power when they sell.',
          'The hills here are good for {crop}. The challenge is getting a fair share of the price.',
        ],
        list: {
          intro: ['What growers say they need most:'],
          items: ['Affordable credit before the harvest', 'Better roads to hill villages', 'Storage so they can wait for better prices', 'Training in processing and packaging', 'Reliable water during the dry season'],
        },
        tags: ['Farming', 'Coffee', 'Tea', 'Cooperatives'],
      },
    ],
  },

  politics: {
    experts: ['a political scientist at Chiang Mai University', 'a labour rights lawyer based in Chiang Rai', 'a public administration lecturer at Chiang Rai Rajabhat University'],
    scenes: ['city', 'abstract'],
    registers: ['plan', 'community'],
    weight: 7,
    tags: ['Politics'],
    context: [
      'Provincial politics in the North is shaped by a handful of families and networks.',
      'Turnout in the province was higher than the national average at the last election.',
      'The provincial council controls a budget of several billion baht.',
      'Voters in rural districts often say national issues matter less than local ones.',
    ],
    voices: [
      'I vote for whoever fixes the road. So far nobody has.',
      'Young people here follow politics more than before. We talk about it online.',
      'Politicians come when they need votes. After that, we do not see them.',
    ],
    headings: ['The vote', 'What the opposition says', 'Behind the decision', 'Next steps'],
    kinds: [
      {
        vars: {
          votes: ['19', '21', '24', '26', '30'],
          against: ['3', '5', '7', '9', '11'],
          outcome: [{ now: 'approves', past: 'approved' }, { now: 'rejects', past: 'rejected' }],
          motion: ['a new waste plant', 'extra money for flood defences', 'a plan to sell council land', 'a youth jobs programme', 'the provincial budget', 'a plan to borrow for new roads', 'a ban on burning in forest areas', 'new rules on council spending', 'a proposal to merge two districts'] },
        roles: ['the chairman of the provincial council', 'an opposition member of the provincial council', 'the council’s budget committee chairman'],
        headlines: [
          'Provincial council {outcome.now} {motion} after heated debate',
          'Councillors from {place} clash with majority over {motion}',
          'Opposition vows to challenge {motion} in the provincial council',
          'Vote on {motion} delayed as councillors ask for more time',
          'Provincial council {outcome.now} {motion} by {votes} votes to {against}',
        ],
        tails: ['after a late-night session', 'despite protests outside'],
        standfirsts: [
          'The vote was closer than expected, and both sides say the argument is not over.',
          'Supporters say the decision is overdue. Opponents say it was rushed.',
        ],
        leads: [
          'The Chiang Rai provincial council {outcome.past} {motion} on {weekday} after a debate that ran late into the evening.',
          'Members of the provincial council clashed over {motion} on {weekday}, with opposition members accusing the majority of moving too fast.',
        ],
        details: [
          'The vote was {votes} in favour to {against} against, according to the council secretary.',
          'Opposition members said they had been given the documents only a day before the meeting.',
          'The council chairman said the proposal had been discussed in committee for months.',
          'Civil society groups watched the debate from the public gallery.',
          'The decision must now be approved by the provincial governor.',
        ],
        quotes: [
          'This is a responsible decision for the future of the province.',
          'We were not given enough time to read the proposal, let alone debate it.',
          'The public deserves to know exactly how this money will be spent.',
        ],
        tags: ['Provincial Council', 'Budget', 'Local Government'],
      },
      {
        registers: ['community'],
        vars: { election: ['the provincial council election', 'the mayoral election', 'the by-election', 'village head elections', 'the municipal election'] },
        roles: ['the provincial election commissioner', 'a candidate in {election}', 'a political scientist at Chiang Mai University'],
        headlines: [
          'Candidates make their final pitch in {place} before {election}',
          'Turnout and young voters in focus ahead of {election} in {place}',
          'What voters in {place} want from {election}',
          'Results of {election} in {place} signal shift in northern politics',
          '{Few} candidates register for {election} in {place}',
        ],
        tails: ['as young voters turn out', 'amid vote-buying warnings'],
        standfirsts: [
          'Roads, water and jobs top the list of concerns among voters we spoke to.',
          'A younger generation of candidates is challenging the old networks.',
        ],
        leads: [
          'Candidates spent the final days before {election} visiting markets and temple fairs across {place}.',
          'Voters in {place} say roads, water and jobs matter more to them than national politics as {election} approaches.',
        ],
        details: [
          '{Few} candidates have registered, according to the election commission.',
          'Polling stations open at 8am and close at 5pm.',
          'Vote-buying remains a concern, officials said, and monitors will be present.',
          'Several candidates are standing for the first time.',
          'Social media has played a larger role than at previous elections.',
        ],
        quotes: [
          'We want every eligible voter to take part. Check your polling station before election day.',
          'People here are tired of promises. They want to see results.',
        ],
        list: {
          intro: ['Key issues raised by voters:'],
          items: ['Road repairs in rural districts', 'Water for farming in the dry season', 'Jobs for young people', 'Air pollution during the burning season', 'Healthcare in remote villages'],
        },
        tags: ['Elections', 'Voters', 'Local Government'],
      },
    ],
  },

  tourism: {
    experts: ['a tourism researcher at Mae Fah Luang University', 'a historian of the Lanna kingdom', 'a hotel industry consultant based in Chiang Mai'],
    scenes: ['hills', 'river', 'city', 'fields'],
    registers: ['culture', 'community'],
    weight: 7,
    tags: ['Tourism', 'Travel'],
    context: [
      'Tourism accounts for a large share of jobs in Chiang Rai province.',
      'Visitors from China, Malaysia and Europe are among the most numerous.',
      'The high season runs from November to February, when the weather is cool and dry.',
      'Many visitors come on day trips from Chiang Mai, which operators say is a missed opportunity.',
    ],
    voices: [
      'When the tourists come, the whole village benefits. When they do not, we feel it.',
      'Visitors want to see real village life, not just take a photo and leave.',
      'The high season is good, but we need visitors in the rainy season too.',
    ],
    headings: ['The visitor numbers', 'A good season?', 'Beyond the White Temple', 'What operators say'],
    kinds: [
      {
        vars: {
          trend: [{ now: 'rise', done: 'risen' }, { now: 'fall', done: 'fallen' }],
          attraction: ['the White Temple', 'the Blue Temple', 'the Golden Triangle', 'Doi Tung', 'Phu Chi Fa', 'the Singha Park', 'the night bazaar'] },
        roles: ['the director of the Chiang Rai tourism office', 'the president of the Chiang Rai tourism association', 'a tourism researcher at Mae Fah Luang University'],
        headlines: [
          'Visitor numbers at {attraction} {trend.now} {pct} as high season approaches',
          'Tourism office sets target of {bigCount} visitors for {attraction}',
          'New shuttle buses to link {attraction} with {place}',
          'Operators hope {attraction} can keep visitors in {place} longer',
          'Hotels near {attraction} report {pct} occupancy',
        ],
        tails: ['ahead of the cool season', 'as flights return'],
        standfirsts: [
          'Operators say the season looks promising, but visitors still spend too little time in the province.',
          'The province wants more visitors to stay overnight rather than come on day trips.',
        ],
        leads: [
          'Visitor numbers at {attraction} have {trend.done} by about {pct} compared with last year, the Chiang Rai tourism office said on {weekday}.',
          'The Chiang Rai tourism office has set a target of {bigCount} visitors for the coming high season, with {attraction} expected to lead the way.',
        ],
        details: [
          'Hotels in the city reported occupancy of about {pct} last month.',
          'Most visitors stay fewer than two nights in the province.',
          'Direct flights from several Asian cities have resumed.',
          'Homestays in hill villages have become more popular with younger travellers.',
          'Operators say better public transport would help visitors explore beyond the city.',
        ],
        quotes: [
          'Chiang Rai has much more to offer than a day trip. Our job is to show people that.',
          'We are seeing visitors who want slower travel, nature and food. That suits the North perfectly.',
        ],
        tags: ['Hotels', 'Visitors'],
      },
      {
        registers: ['culture', 'community'],
        sub: 'festivals',
        vars: { festival: ['the Loy Krathong festival', 'the Songkran celebrations', 'the flower festival', 'the Chiang Rai tea festival', 'the Lanna New Year', 'the Yi Peng lantern festival', 'the coffee fair'] },
        roles: ['the mayor of Chiang Rai', 'an organiser of {festival}', 'the director of the provincial culture office'],
        headlines: [
          'Thousands expected in {place} for {festival}',
          'Organisers promise a greener {festival} in {place} this year',
          '{Festival} returns to {place} with parades, food and music',
          'What to know before you go to {festival} in {place}',
          'Road closures announced in {place} for {festival}',
        ],
        standfirsts: [
          'Roads will close, hotels are nearly full and organisers promise the biggest event yet.',
          'This year’s event puts an emphasis on local craft and less waste.',
        ],
        leads: [
          'Thousands of visitors are expected in {place} for {festival}, which begins on {weekday} with a parade through the town.',
          'Organisers of {festival} say this year’s event will be greener, with fewer plastic decorations and more local food.',
        ],
        details: [
          'Several roads in the town centre will close to traffic during the evenings.',
          'Stalls will sell food and crafts from villages across the province.',
          'Police will increase patrols, and extra buses will run from the city.',
          'Organisers have asked visitors not to release sky lanterns near the airport.',
          'Hotels in the town said they were almost fully booked.',
        ],
        quotes: [
          'This festival belongs to the people of the North. We want visitors to share it with us respectfully.',
          'We want to keep the traditions and reduce the rubbish. Both are possible.',
        ],
        list: {
          intro: ['Before you go:'],
          items: ['Book accommodation early', 'Use the shuttle buses from the city centre', 'Dress respectfully at temples', 'Bring a reusable bag and water bottle', 'Check road closures on the municipal website'],
        },
        tags: ['Festivals', 'Culture', 'Events'],
      },
    ],
  },

  environment: {
    experts: ['a lecturer in environmental science at Mae Fah Luang University', 'a hydrologist who has studied the Mekong for two decades', 'a forestry specialist with a regional conservation group', 'an atmospheric scientist at Chiang Mai University'],
    scenes: ['hills', 'river', 'fields'],
    registers: ['community', 'plan'],
    weight: 8,
    tags: ['Environment'],
    context: [
      'The upper North has some of Thailand’s largest remaining forests.',
      'Scientists say the region’s climate has become less predictable over the past two decades.',
      'Conservation groups have long argued for more community control of forests.',
      'The province’s rivers supply water to farms across the lowlands.',
    ],
    voices: [
      'When I was young the river was full of fish. Now we catch a few.',
      'We protect the forest because it protects us. The water comes from there.',
      'Every year it is the same. We cannot open the windows for weeks.',
    ],
    headings: ['The science', 'A wider problem', 'What can be done', 'On the river'],
    kinds: [
      {
        registers: ['community'],
        sub: 'air-quality',
        months: HAZE,
        vars: { level: ['unhealthy', 'very unhealthy', 'hazardous'] },
        roles: ['the head of the provincial health office', 'the director of the regional pollution control office', 'a lecturer in environmental science at Mae Fah Luang University'],
        headlines: [
          'PM2.5 levels in {place} reach {level} range for {few} days running',
          'Schools in {place} close as haze reaches {level} levels',
          'Burning ban extended in {place} as haze blankets the North again',
          'Haze season tests patience in {place} as officials urge masks',
          'Hospitals in {place} see {pct} rise in breathing problems as haze lingers',
          '{Count} hotspots detected across the North as {place} chokes on haze',
        ],
        standfirsts: [
          'Officials have urged residents to stay indoors and wear masks. Doctors report more patients with breathing problems.',
          'Much of the smoke comes from fires in forests and farmland, some of it across the border.',
        ],
        leads: [
          'Levels of fine dust in {place} reached the {level} range for a {nth} day on {weekday}, as smoke from forest and farm fires settled over the valley.',
          'Schools in {place} were told to keep children indoors on {weekday} as the haze that returns to the North each year thickened again.',
        ],
        details: [
          'Readings of PM2.5 were several times higher than the World Health Organization’s guideline.',
          'Satellite images showed hundreds of hotspots across the upper North and neighbouring countries.',
          'Hospitals reported a rise in patients with breathing problems.',
          'A ban on outdoor burning has been in place since the start of the dry season.',
          'Firefighters and volunteers have been working in the hills to contain fires.',
          'Many families cannot afford air purifiers, health workers said.',
        ],
        quotes: [
          'Please limit time outdoors, especially children, older people and those with heart or lung disease.',
          'The haze is not a natural disaster. It comes from human activity, and it can be reduced.',
          'We need cooperation across borders. The smoke does not stop at the checkpoint.',
        ],
        list: {
          intro: ['Health officials advise:'],
          items: ['Wear an N95 mask outdoors', 'Keep windows and doors closed', 'Avoid exercise outside', 'Check air-quality readings before going out', 'Seek medical help for chest pain or breathing difficulty'],
        },
        tags: ['Haze', 'PM2.5', 'Air Pollution', 'Health'],
      },
      {
        registers: ['community'],
        sub: 'mekong',
        places: ['Chiang Khong', 'Chiang Saen', 'Sop Ruak', 'Wiang Kaen'],
        vars: {
          who: ['fishermen', 'farmers', 'boat operators', 'villagers', 'riverbank gardeners'],
          change: ['sudden changes in water levels', 'falling fish catches', 'riverbank erosion', 'unusually clear water', 'sandbars appearing mid-river', 'algae along the banks'],
        },
        roles: ['a hydrologist who has studied the Mekong for two decades', 'the head of a Chiang Khong conservation group', 'an official at the regional water resources office'],
        headlines: [
          '{Who} in {place} report {change} on the Mekong',
          'Scientists link {change} on the Mekong near {place} to upstream dams',
          '{Count} households in {place} hit by {change}',
          '{Who} in {place} call for warning system after {change}',
          'Living with {change}: a year on the Mekong at {place}',
          'Fish catches near {place} down {pct}, survey finds',
        ],
        standfirsts: [
          'Communities along the river say they are living with changes they cannot predict.',
          'Researchers say data sharing between countries is the first step.',
        ],
        leads: [
          'Fishermen in {place} say {change} on the Mekong have made it harder to make a living from the river their families have fished for generations.',
          'Scientists studying the upper Mekong say {change} are linked to the operation of dams upstream, and have called for better data sharing.',
        ],
        details: [
          'The Mekong flows from China through Myanmar, Laos, Thailand, Cambodia and Vietnam.',
          'Several large dams have been built upstream in recent years.',
          'Fish catches have fallen sharply in some areas, according to local surveys.',
          'Erosion has damaged riverbank gardens where families grow vegetables in the dry season.',
          'The Mekong River Commission publishes water-level data for monitoring stations.',
        ],
        quotes: [
          'The river used to follow the seasons. Now it follows the dams.',
          'We need warnings before the water changes, so people can protect their boats and gardens.',
        ],
        tags: ['Mekong', 'Dams', 'Fishing', 'Chiang Khong'],
      },
      {
        registers: ['community'],
        vars: { animal: ['wild elephants', 'a rare hornbill', 'gibbons', 'a leopard cat', 'otters', 'a clouded leopard', 'Asiatic black bears', 'a pangolin'] },
        roles: ['the head of the Doi Luang national park', 'a wildlife researcher at Mae Fah Luang University', 'a forest ranger in {place}'],
        headlines: [
          'Camera traps on {hill} capture {animal} for first time in years',
          'Villagers in {place} join effort to protect {animal}',
          'Rangers record {animal} in forests near {place}',
          'Survey finds {animal} thriving on {hill}',
        ],
        tails: ['researchers say', 'in a boost for conservation'],
        standfirsts: [
          'Researchers say the sighting is a sign that community forest protection is working.',
          'Conservation groups hope the discovery will bring more support for the forest.',
        ],
        leads: [
          'Camera traps set in the forests of {hill} have recorded {animal}, researchers said on {weekday}, the first sighting in the area for several years.',
          'Villagers in {place} are working with park rangers to protect {animal} seen in nearby forests.',
        ],
        details: [
          'The cameras were placed along trails used by animals at night.',
          'Community forests around the park are managed by villagers under local agreements.',
          'Researchers will continue to monitor the area for a year.',
          'Hunting remains a threat, rangers said, though it has declined.',
        ],
        quotes: [
          'It shows that when villages and rangers work together, the forest recovers.',
          'We must keep the exact location quiet to protect the animals.',
        ],
        tags: ['Wildlife', 'Forests', 'Conservation'],
      },
    ],
  },

  sport: {
    experts: ['a sports scientist at Mae Fah Luang University', 'a physiotherapist at the provincial hospital'],
    scenes: ['hills', 'city', 'abstract'],
    registers: ['sport'],
    weight: 8,
    tags: ['Sport'],
    context: [
      'Sport in the North has grown with new facilities and more young players.',
      'The provincial sports authority supports clubs in every district.',
      'Crowds at local sporting events have grown steadily since the pandemic years.',
    ],
    voices: [
      'My son trains three times a week. He dreams of competing in Bangkok.',
      'It is the best thing to do on a Saturday in this town.',
    ],
    headings: ['Next up', 'Behind the scenes', 'The numbers', 'Local talent'],
    kinds: [
      {
        ...FOOTBALL,
        vars: { ...CLUBS, score: ['2-1', '1-0', '3-2', '4-1', '3-0', '2-0'] },
        headlines: [
          'Late goal gives {home} {score} win over {away}',
          '{Home} coach pleased with progress after {score} win against {away}',
          'Young striker shines as {home} beat {away} {score}',
          '{Home} beat {away} {score} to climb the table',
          '{Away} fall {score} to {home} in front of {count} fans',
        ],
        standfirsts: ['A crowd of {count} saw a lively game at the provincial stadium.', 'The result keeps {home} in the hunt for promotion.'],
        leads: [
          '{Home} beat {away} {score} in front of {count} fans on {weekday} after a tense second half.',
          'A lively game at the provincial stadium on {weekday} ended {score} to {home} against {away}.',
        ],
      },
      {
        ...FOOTBALL,
        vars: { ...CLUBS, score: ['1-1', '2-2', '0-0', '3-3'] },
        headlines: [
          '{Home} and {away} share the points in {score} draw',
          'Spoils shared as {home} and {away} draw {score}',
          '{Home} held to {score} draw by stubborn {away}',
          '{Count} fans watch {home} and {away} draw {score}',
        ],
        standfirsts: [
          'A crowd of {count} saw a lively game at the provincial stadium.',
          'Neither side could find a winner, and both coaches said they were satisfied.',
        ],
        leads: [
          '{Home} and {away} met in front of {count} fans on {weekday}, with the match finishing {score} after a tense second half.',
          'A lively game at the provincial stadium on {weekday} ended {score} between {home} and {away}.',
        ],
      },
      {
        registers: ['sport'],
        sub: 'muay-thai',
        vars: { fighter: ['a 19-year-old from {place2}', 'a former champion from {north}', 'a schoolteacher turned fighter', 'a young woman from a hill village', 'a 17-year-old from {north}', 'a former soldier', 'a rice farmer’s son', 'a returning veteran'] },
        roles: ['the owner of a Muay Thai camp in {place}', 'a trainer at a camp in {place}', 'the organiser of the fight night'],
        headlines: [
          'Camp in {place} produces new champion in {fighter}',
          'Fight night in {place} draws {count} fans and new talent',
          'Meet {fighter}, training in {place} for the biggest fight of the year',
          '{Fighter} wins title at fight night in {place}',
        ],
        standfirsts: [
          'Muay Thai camps in the North train local children and foreign visitors alike.',
          'The sport is changing, but the discipline stays the same.',
        ],
        leads: [
          'A packed hall in {place} watched {fighter} win on points on {weekday}, the latest success for one of the North’s busiest Muay Thai camps.',
          'Training starts at 6am at a camp in {place}, where {fighter} is preparing for the biggest fight of their career.',
        ],
        details: [
          'The camp trains about {tens} fighters, some as young as ten.',
          'Foreign students pay to train alongside local fighters, which helps fund the camp.',
          'Fighters usually train twice a day, six days a week.',
          'Safety rules for young fighters have been tightened in recent years.',
          'The evening opened with bouts between junior fighters from local camps.',
          'Traditional music from a live band accompanied every fight.',
          'Trainers wrap hands and apply liniment in a corner of the hall before each bout.',
          'Purses at provincial fight nights are modest, and most fighters have other jobs.',
          'The camp’s older fighters help coach the children in the afternoons.',
          'A doctor checked every fighter before and after their bout.',
        ],
        quotes: [
          'Muay Thai teaches respect first. Winning comes later.',
          'The talent in the North is real. These fighters just need the chance.',
        ],
        tags: ['Muay Thai', 'Boxing'],
      },
      {
        registers: ['sport', 'community'],
        vars: { nations: ['12', '18', '23', '30', '41'], event: ['the Chiang Rai marathon', 'a trail race on Doi Tung', 'the provincial games', 'a charity ride to the Golden Triangle', 'the Mae Sai half-marathon', 'a night run around Kwan Phayao', 'the Mae Salong hill climb'] },
        roles: ['the race director', 'an official at the provincial sports authority', 'the organiser of {event}'],
        headlines: [
          '{Count} people take part in {event} despite the heat',
          'Entrants from {nations} countries sign up for {event}',
          'Road closures announced in {place} for {event} this weekend',
          'Record entry for {event} as {nations} countries sign up',
        ],
        standfirsts: [
          'Organisers say the event brings visitors and money to the province.',
          'Some roads will be closed from early morning.',
        ],
        leads: [
          'Thousands of runners and cyclists took part in {event} on {weekday}, starting before dawn to avoid the heat.',
          'Organisers of {event} say entries have reached a record, with participants from across Thailand and abroad.',
        ],
        details: [
          'Water stations were set up every few kilometres along the route.',
          'Medical teams from the provincial hospital were on standby.',
          'Local schools provided volunteers and cheerleaders.',
          'Money raised will support a children’s charity in the province.',
        ],
        quotes: [
          'The atmosphere was fantastic. People came out of their houses to cheer.',
          'We want this to be the best-organised race in the North.',
        ],
        tags: ['Running', 'Cycling', 'Events'],
      },
    ],
  },

  lifestyle: {
    experts: ['a historian of the Lanna kingdom', 'a food historian based in Chiang Mai', 'a curator at a Chiang Rai gallery'],
    scenes: ['fields', 'city', 'abstract'],
    registers: ['culture'],
    weight: 7,
    tags: ['Lifestyle'],
    context: [
      'Northern food is different from the rest of Thailand: less sweet, more herbs and often sticky rice.',
      'Young people who moved to Bangkok are returning to open businesses in their home towns.',
    ],
    voices: [
      'My grandmother taught me this recipe. I have only changed a little.',
      'People come for the food and stay for the conversation.',
      'Chiang Rai is slower than Bangkok. That is why I came back.',
    ],
    headings: ['The kitchen', 'A family story', 'Where to go', 'The craft'],
    kinds: [
      {
        sub: 'food',
        vars: { dish: ['khao soi', 'nam ngiao', 'sai ua', 'khanom jeen', 'larb', 'gaeng hang lay', 'nam prik ong'], venue: ['a roadside stall', 'a family restaurant', 'a night market stall', 'a riverside café'] },
        roles: ['the owner of {venue} in {place}', 'a chef who grew up in {place}', 'a food writer based in Chiang Rai'],
        headlines: [
          'Inside {venue} in {place} serving the best _{dish}_ in the North',
          'How _{dish}_ became a taste of home for northerners in {place}',
          'Three generations of _{dish}_ at {venue} in {place}',
          'A cook’s guide to _{dish}_, from {venue} in {place}',
          '{Place} cook wins fans with a new take on _{dish}_',
        ],
        standfirsts: [
          'The recipe has barely changed in decades. Neither has the queue.',
          'We asked cooks across the province what makes the dish special.',
        ],
        leads: [
          'At {venue} in {place}, the day begins before dawn with the preparation of _{dish}_, a northern dish the family has served for three generations.',
          'Ask anyone in {place} where to eat _{dish}_ and they will probably send you to {venue} on the edge of town.',
        ],
        details: [
          'The broth simmers for hours before the first customers arrive.',
          'Herbs come from the morning market and the family garden.',
          'Prices have risen only slightly, even as ingredients have become more expensive.',
          'Regulars include farmers, office workers and monks on their morning alms round.',
          'The dish is usually eaten with sticky rice and fresh vegetables.',
        ],
        quotes: [
          'The secret is time. You cannot hurry a good curry paste.',
          'People tell me it tastes like their mother’s cooking. That is the best compliment.',
        ],
        list: {
          intro: ['What you need:'],
          items: ['Dried chillies, soaked and pounded', 'Shallots and garlic', 'Fresh turmeric and galangal', 'Shrimp paste', 'Sticky rice to serve', 'Pickled mustard greens and lime'],
          ordered: true,
        },
        tags: ['Food', 'Northern Cuisine', 'Restaurants'],
      },
      {
        sub: 'arts-culture',
        vars: { craft: ['silver jewellery', 'indigo textiles', 'lacquerware', 'wood carving', 'mural painting', 'paper umbrellas'] },
        roles: ['a {craft} artist based in {place}', 'the curator of an exhibition in Chiang Rai', 'the director of the provincial culture office'],
        headlines: [
          'Young artists in {place} give new life to {craft}',
          'Exhibition in {place} celebrates {craft} from the hills of the North',
          'The {place} workshop keeping {craft} alive',
          '{Count} visitors see {craft} exhibition in {place} in first week',
          '{Craft} from {place} finds buyers in Bangkok and beyond',
        ],
        standfirsts: [
          'A craft that was close to disappearing is finding new buyers online.',
          'The work mixes traditional patterns with modern design.',
        ],
        leads: [
          'In a small workshop in {place}, a group of young artists is reviving {craft}, a tradition many feared would disappear with the older generation.',
          'An exhibition of {craft} from across the North opened in Chiang Rai on {weekday}.',
        ],
        details: [
          'Each piece takes days or weeks to complete.',
          'Chiang Rai has a growing community of artists and designers.',
          'The artists sell online and at weekend markets.',
          'Older craftspeople teach classes for schoolchildren.',
          'Patterns often carry meanings tied to village history.',
        ],
        quotes: [
          'We learn from the elders, then we add something of our own.',
          'If nobody buys the work, the craft dies. So we found new buyers.',
        ],
        tags: ['Arts', 'Crafts', 'Culture'],
      },
    ],
  },

  technology: {
    experts: ['a data analyst with a Bangkok research institute', 'a computer scientist at Mae Fah Luang University', 'a digital-economy researcher at Chiang Mai University'],
    scenes: ['abstract', 'city'],
    registers: ['plan', 'community'],
    weight: 4,
    tags: ['Technology'],
    context: [
      'Mobile internet now reaches most villages in the province, though speeds vary.',
      'Start-ups in the North often focus on farming, tourism and logistics.',
      'Digital skills are unevenly spread between the city and rural districts.',
    ],
    voices: [
      'I sell everything online now. The market stall is just for regulars.',
      'When the signal drops, business stops.',
      'My parents learned to use the app in a week. They had to.',
    ],
    headings: ['How it works', 'The digital divide', 'What users say', 'The next step'],
    kinds: [
      {
        vars: { thing: ['fibre broadband', 'a 5G network', 'free public wifi', 'a delivery app', 'an online land registry', 'a farm-sensor network', 'satellite internet', 'cashless payment at markets', 'an e-government app'] },
        roles: ['the director of the provincial digital economy office', 'the founder of a Chiang Rai start-up', 'a data analyst with a Bangkok research institute'],
        headlines: [
          '{Thing} arrives in {place}, with villages next in line',
          '{Place} start-up bets on {thing} for farmers',
          'Hill villages near {place} left behind as {thing} spreads',
          'How {thing} is changing daily life in {place}',
          '{Pct} of {place} households now use {thing}, survey finds',
        ],
        standfirsts: [
          'Businesses say it is overdue. Villagers in the hills are still waiting.',
          'The project is part of a national plan to connect rural provinces.',
        ],
        leads: [
          '{Thing} has reached {place}, officials said on {weekday}, as part of a plan to bring faster connections to every district in the province.',
          'A start-up in Chiang Rai is betting that {thing} can help farmers and small traders sell more.',
        ],
        details: [
          'About {pct} of households in the province now have a home internet connection.',
          'Hill villages remain the hardest to reach.',
          'Training sessions for older residents are being held at district offices.',
          'The project is funded by the central government and private operators.',
        ],
        quotes: [
          'Connectivity is not a luxury any more. It is how people work, study and sell.',
          'Our users are farmers, not engineers. It has to be simple.',
        ],
        tags: ['Internet', 'Start-ups', 'Digital Economy'],
      },
    ],
  },

  health: {
    experts: ['a public health researcher at Mae Fah Luang University', 'a doctor at the provincial hospital', 'an epidemiologist at Chiang Mai University'],
    scenes: ['abstract', 'city'],
    registers: ['community'],
    weight: 5,
    tags: ['Health'],
    context: [
      'District hospitals in the province serve large rural populations with limited staff.',
      'Village health volunteers are the first point of contact for many families.',
      'The provincial health office publishes weekly figures on infectious diseases.',
    ],
    voices: [
      'The hospital is an hour away. When my mother is sick, we have to plan the whole day.',
      'The volunteers know every family in the village. They notice when something is wrong.',
    ],
    headings: ['The numbers', 'Prevention', 'In the clinics', 'Advice for families'],
    kinds: [
      {
        vars: { illness: ['dengue fever', 'influenza', 'scrub typhus', 'hand, foot and mouth disease', 'diabetes', 'high blood pressure'] },
        roles: ['the head of the provincial health office', 'a doctor at the provincial hospital', 'a public health researcher at Mae Fah Luang University'],
        headlines: [
          'Cases of {illness} rise {pct} in {place}, health officials warn',
          'Health volunteers go door to door in {place} as {illness} spreads',
          'Hospital in {place} opens new clinic for {illness}',
          'What families in {place} should know about {illness}',
          '{Count} cases of {illness} recorded in {place} this year',
        ],
        standfirsts: [
          'Officials say most cases can be prevented with simple steps.',
          'Doctors say patients often come late, when treatment is harder.',
        ],
        leads: [
          'Cases of {illness} in {place} have risen by about {pct} compared with the same period last year, the provincial health office said on {weekday}.',
          'Health volunteers in {place} have begun visiting homes to advise families about {illness}.',
        ],
        details: [
          'The provincial health office recorded {count} cases so far this year.',
          'Children and older people are most at risk.',
          'Village health volunteers are helping to identify cases early.',
          'District hospitals have been told to prepare extra beds.',
        ],
        quotes: [
          'Most cases can be prevented. We need families to take the simple steps seriously.',
          'Come to the clinic early. Waiting makes treatment harder.',
        ],
        list: {
          intro: ['Health officials recommend:'],
          items: ['See a doctor if symptoms last more than two days', 'Remove standing water around the house', 'Wash hands often', 'Keep up with vaccinations', 'Check on elderly neighbours'],
        },
        tags: ['Public Health', 'Hospitals'],
      },
    ],
  },

  education: {
    experts: ['an education researcher at Chiang Rai Rajabhat University', 'a former head teacher who advises the education office', 'a lecturer in education at Mae Fah Luang University'],
    scenes: ['abstract', 'city', 'fields'],
    registers: ['plan', 'community'],
    weight: 4,
    tags: ['Education'],
    context: [
      'Many rural schools in the province have fewer than a hundred pupils.',
      'Mae Fah Luang University has become one of the North’s main universities.',
      'Teachers in hill villages often teach several grades in one classroom.',
    ],
    voices: [
      'I want my children to have the education I did not have.',
      'The school is the heart of the village. If it closes, families will leave.',
    ],
    headings: ['In the classroom', 'The university view', 'Parents react', 'What comes next'],
    kinds: [
      {
        vars: { scheme: ['a scholarship programme', 'a plan to merge small schools', 'free school lunches', 'English lessons from native speakers', 'a coding club', 'a new vocational college', 'a school bus service for hill villages', 'a teacher exchange with Laos', 'Saturday maths classes'] },
        roles: ['the director of the provincial education office', 'the head teacher of a school in {place}', 'the vice-president of Mae Fah Luang University'],
        headlines: [
          '{Scheme} launched for pupils in {place}',
          'Parents in {place} divided over {scheme}',
          'Mae Fah Luang University backs {scheme} for students in {place}',
          'Teachers in {place} say {scheme} could help rural schools',
          '{Count} pupils in {place} to benefit from {scheme}',
        ],
        tails: ['from next term', 'after a successful trial'],
        standfirsts: [
          'Supporters say it will widen opportunities. Critics worry about the smallest villages.',
          'The programme will begin with the next school term.',
        ],
        leads: [
          'The provincial education office has launched {scheme} for pupils in {place}, aimed at giving rural children the same opportunities as those in the city.',
          'Parents in {place} have given a mixed response to {scheme} announced by the education office on {weekday}.',
        ],
        details: [
          'About {count} pupils are expected to take part in the first year.',
          'The scheme will be reviewed after two terms.',
          'Teachers will receive extra training during the school holidays.',
          'Some small schools have already lost pupils to larger schools in town.',
        ],
        quotes: [
          'Every child in the province deserves a good school, wherever they live.',
          'We want our graduates to find work here in the North, not only in Bangkok.',
        ],
        tags: ['Schools', 'Universities', 'Mae Fah Luang University'],
      },
    ],
  },

  opinion: {
    experts: ['a political scientist at Chiang Mai University'],
    scenes: ['abstract', 'hills', 'river'],
    registers: ['opinion'],
    weight: 5,
    opinion: true,
    tags: ['Opinion'],
    context: [
      'It is easy to blame Bangkok, and sometimes Bangkok deserves it. But not always.',
      'Those of us who live here know the problem is not new.',
      'The argument is not about money alone. It is about who decides.',
      'Other provinces have found ways to do this better, and we should learn from them.',
      'There are no easy answers, but there are better and worse ones.',
      'Nobody in {place} wants to hear another promise. They want to see a plan.',
      'We have written about this before, and we will keep writing about it.',
      'A province is judged by how it treats its most remote communities.',
    ],
    voices: [],
    headings: ['The real problem', 'A better way', 'What we ask', 'The cost of waiting'],
    kinds: [
      {
        sub: 'editorials',
        vars: {
          topic: ['the haze', 'road safety', 'the border economy', 'the future of small schools', 'the Mekong', 'the provincial budget', 'tourism after the high season', 'water for farmers', 'rubbish in the rivers', 'rural bus services', 'youth unemployment', 'the burning season'],
          stance: ['the North cannot wait any longer', 'promises are not a plan', 'listen to the villages first', 'the money must follow the need', 'it is time for honest numbers', 'Bangkok must share the burden', 'small steps, taken now', 'the province can do better', 'publish the data', 'do not repeat last year’s mistakes'],
        },
        roles: [],
        headlines: [
          'The view on {topic}: {stance}',
          'The view on {topic} in {place}: {stance}',
        ],
        standfirsts: [
          'Year after year the same problem returns. It is time for the province to act.',
          'Good intentions are not enough. The people of the North deserve results.',
        ],
        leads: [
          'Few issues matter more to the people of the North than {topic}, and few have been handled so poorly for so long.',
          'Once again, {topic} is in the news. Once again, the response has been slow.',
        ],
        details: [
          'The solution is not complicated. It requires money, patience and the willingness to listen.',
          'Officials have known about the problem for years. What has been missing is the will to fix it.',
          'The people most affected are the least likely to be heard.',
          'A serious plan would set targets, publish progress and accept scrutiny.',
          'It would also give communities a real say in how money is spent.',
        ],
        quotes: [],
        tags: ['Editorial'],
      },
      {
        sub: 'columns',
        vars: { topic: ['growing up by the river', 'coming home to the North', 'the town I remember', 'why I still ride the songthaew', 'learning northern Thai at forty', 'rainy-season mornings', 'my grandmother’s kitchen', 'the last village cinema', 'a year without a car', 'teaching in a hill school', 'the morning market', 'the sound of temple bells'] },
        roles: [],
        headlines: [
          'Notes from the North: {topic}',
          'What {topic} taught me about {place}',
          'On {topic}, and why it still matters in {place}',
          '{Topic}: a letter from {place}',
        ],
        standfirsts: ['A personal view from our columnist.', 'Some things change slowly in the North. Some do not change at all.'],
        leads: [
          'I have been thinking about {topic} a lot lately, perhaps because the province is changing so fast around it.',
          'Every few months a reader writes to ask about {topic}. This column is my long answer.',
        ],
        details: [
          'My grandmother used to say that the hills remember everything.',
          'It would be easy to be nostalgic. I try not to be.',
          'The town I grew up in had one traffic light. Now I stopped counting.',
          'What has not changed is the way neighbours look after each other.',
          'Visitors see the temples and the mountains. Residents see the bus that does not come.',
        ],
        quotes: [],
        tags: ['Columns', 'Life in the North'],
      },
      {
        sub: 'letters',
        vars: {
          topic: ['parking in the city centre', 'stray dogs', 'the night market', 'noise from bars', 'the new bus timetable', 'river rubbish', 'pavements', 'street lighting', 'school traffic', 'smoke from burning', 'karaoke at midnight', 'the price of water'],
          other: ['the haze', 'the council', 'potholes', 'tourists', 'the football club', 'temple fairs', 'the post office', 'speeding lorries'],
        },
        roles: [],
        headlines: [
          'Letters: readers on {topic}, {other} and more',
          'Your letters: {topic}, {other} and the council',
          'Letters to the editor on {topic} in {place}',
        ],
        standfirsts: ['Readers write about the issues that matter in their neighbourhoods.', 'This week’s selection from our postbag.'],
        signed: true,
        registers: ['letters'],
        headings: ['On the same subject', 'Elsewhere in the postbag', 'From the districts', 'A reply'],
        leads: ['Several readers wrote this week about {topic}. Here is a selection of their letters, edited for length.'],
        details: [],
        quotes: [],
        tags: ['Letters', 'Readers'],
      },
    ],
  },
};
