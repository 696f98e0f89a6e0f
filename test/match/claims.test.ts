// Claim frames (lib/claims/): what each pattern reads off a sentence, and how two claims relate.
// Sentences are written for this test, not taken from the gold pages.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/text/analyze';
import { extractClaims, linkClaims, paragraphClaims, relate, describeClaim, type Claim } from '../../lib/claims';
import { applyClaims, claimClash } from '../../lib/match/stance';
import { claimSnippet } from '../../lib/match/explain';

const claims = (text: string, speaker: string | null = null) => extractClaims(analyze(text), speaker);
const only = (text: string, kind: Claim['kind'], speaker: string | null = null) => claims(text, speaker).filter((c) => c.kind === kind);

describe('claim frames', () => {
  it('reads who led which side, from "led by", "X headed the … delegation" and "under the leadership of"', () => {
    expect(only('The Russian team, headed by Foreign Minister Sergei Lavrov, arrived first.', 'leader')).toMatchObject([
      { side: 'russia', person: 'lavrov' },
    ]);
    expect(only('Defense Secretary Pete Hegseth led the American delegation.', 'leader')).toMatchObject([
      { side: 'us', person: 'hegseth' },
    ]);
    expect(
      only('Talks took place under the leadership of Marco Rubio and Sergey Lavrov.', 'leader').map(
        (c) => (c as { person: string }).person,
      ),
    ).toEqual(['rubio', 'lavrov']);
    // Leading something else is no delegation leader; a negated lead is no claim.
    expect(only('Rubio led calls for a ceasefire.', 'leader')).toEqual([]);
    expect(only('Lavrov did not lead the delegation this time.', 'leader')).toEqual([]);
  });

  it('reads who was there or not, with the polarity of the clause', () => {
    expect(only('Two Ukrainian envoys took part in the evening session.', 'presence')).toMatchObject([{ who: 'ukraine', present: true }]);
    expect(only('Kyiv was not invited to the meeting.', 'presence')).toMatchObject([{ who: 'ukraine', present: false }]);
    expect(only('No Ukrainian officials were present.', 'presence')).toMatchObject([{ who: 'ukraine', present: false }]);
    expect(only('Marco Rubio did not attend the talks.', 'presence')).toMatchObject([{ who: 'rubio', present: false }]);
    expect(only('The meeting was attended by Sergei Lavrov and Marco Rubio.', 'presence').map((c) => (c as { who: string }).who)).toEqual([
      'lavrov',
      'rubio',
    ]);
    // A leader was there.
    expect(only('A US team headed by Marco Rubio met the Russians.', 'presence')).toMatchObject([{ who: 'rubio', present: true }]);
  });

  it('does not read presence from fears, conditions or unrelated "as part of"', () => {
    expect(only('Europeans fear a deal that excludes Kyiv.', 'presence')).toEqual([]);
    expect(only('Kyiv will not accept any deal made without its participation.', 'presence')).toEqual([]);
    expect(only('Moscow offered nothing to Ukraine as part of the ceasefire negotiations.', 'presence')).toEqual([]);
  });

  it('reads the meeting length, the summit date, sanctions and agreements', () => {
    expect(only('The session lasted about three hours.', 'length')).toMatchObject([{ hours: 3 }]);
    expect(only('Police closed roads for hours after the talks.', 'length')).toEqual([]);
    expect(only('No date has been set for a summit between Trump and Putin.', 'summit-date')).toMatchObject([{ set: false }]);
    expect(only('A summit between the two presidents has been scheduled for 2 May.', 'summit-date')).toMatchObject([{ set: true }]);
    expect(only('Sanctions were not on the agenda at all, he said.', 'sanctions')).toMatchObject([{ status: 'off-agenda' }]);
    expect(only('Washington agreed to lift sanctions on Russian airlines.', 'sanctions')).toMatchObject([{ status: 'agreed' }]);
    expect(only('Easing sanctions was discussed at length.', 'sanctions')).toMatchObject([{ status: 'on-agenda' }]);
    expect(only('Lifting sanctions is one of the Kremlin’s priorities.', 'sanctions')).not.toMatchObject([{ status: 'agreed' }]);
    expect(only('The two sides agreed to restore their embassies.', 'agreement')).toMatchObject([{ topic: 'embassies', agreed: true }]);
    expect(only('The delegations failed to agree on reopening embassies.', 'agreement')).toMatchObject([
      { topic: 'embassies', agreed: false },
    ]);
  });

  it('reads verdicts on the talks with who gave them, and forecasts of progress', () => {
    expect(only('Lavrov called the talks a waste of time.', 'verdict')).toMatchObject([{ positive: false, by: 'lavrov' }]);
    expect(only('Both delegations described the meeting as constructive.', 'verdict')).toMatchObject([{ positive: true, by: 'both' }]);
    expect(only('The need for constructive dialogue is clear.', 'verdict')).toEqual([]);
    expect(only('He predicted progress could come within four months.', 'timeline', 'dmitriev')).toMatchObject([
      { days: [120, 120], by: 'dmitriev' },
    ]);
    expect(only('Progress has been slow in years past.', 'timeline')).toEqual([]);
  });
});

describe('claim frames: more phrasings', () => {
  it('reads leaders from "captained", "at the helm of", "headed up" with an apposition, "led for Moscow"', () => {
    expect(only('Marco Rubio captained the American side.', 'leader')).toMatchObject([{ person: 'rubio' }]);
    expect(only('At the helm of the Russian team was Sergei Shoigu.', 'leader')).toMatchObject([{ side: 'russia', person: 'shoigu' }]);
    expect(only('Pete Hegseth, the defense secretary, headed up the American contingent.', 'leader')).toMatchObject([
      { side: 'us', person: 'hegseth' },
    ]);
    expect(only('Across the table, Sergei Lavrov led for Moscow.', 'leader')).toMatchObject([{ side: 'russia', person: 'lavrov' }]);
  });

  it('reads presence from "flanked by", "did not make the trip", "sat in", and not from what should happen', () => {
    expect(only('Rubio arrived, flanked by Mike Waltz and Steve Witkoff.', 'presence').map((c) => (c as { who: string }).who)).toEqual([
      'waltz',
      'witkoff',
    ]);
    expect(only('Sergei Lavrov, the veteran minister, did not make the trip.', 'presence')).toMatchObject([
      { who: 'lavrov', present: false },
    ]);
    expect(only('A Ukrainian envoy sat in on the talks.', 'presence')).toMatchObject([{ who: 'ukraine', present: true }]);
    expect(only('China said every party, Ukraine included, should participate in the talks.', 'presence')).toEqual([]);
  });

  it('reads the meeting itself, worries about exclusion, assurances that nobody is sidelined, and refusals of deals', () => {
    expect(only('American and Russian envoys met in Riyadh on Tuesday.', 'met')).toHaveLength(1);
    expect(only('American and Russian envoys will meet in Riyadh next month.', 'met')).toEqual([]);
    expect(only('European capitals grumbled that they were being frozen out.', 'exclusion-concern')).toMatchObject([{ who: 'europe' }]);
    expect(only('Marco Rubio insisted that nobody was being sidelined.', 'no-one-sidelined')).toMatchObject([{ by: 'rubio' }]);
    expect(only('Zelensky said Ukraine will not be bound by any deal made without it.', 'rejects-deals')).toMatchObject([
      { who: 'ukraine' },
    ]);
    expect(only('Zelensky said Ukraine would accept a fair deal.', 'rejects-deals')).toEqual([]);
  });

  it('attributes each verdict to its own judge, skipping possessives', () => {
    const v = only('Lavrov called the conversation useful, and both delegations spoke of a productive day.', 'verdict');
    expect(v.map((c) => (c as { by: string }).by)).toEqual(['lavrov', 'both']);
    expect(only('Lavrov echoed Rubio’s remarks, saying the talks were useful.', 'verdict')).toMatchObject([{ by: 'lavrov' }]);
  });

  it('"both delegations" speak for people at the table, not for spokespeople at home', () => {
    const both = claims('Both delegations called the session unproductive.')[0]!;
    expect(relate(both, claims('Marco Rubio called the talks productive.')[0]!)).toBe('clash');
    expect(relate(both, claims('Tammy Bruce called the meeting a step forward.')[0]!)).toBeNull();
  });

  it('reads the subject across an apposition, a horizon of "the end of the year", and a named next step as agreed', () => {
    expect(only('Ukraine, whose future was the whole point of the exercise, was not even invited.', 'presence')).toMatchObject([
      { who: 'ukraine', present: false },
    ]);
    expect(only('Progress, he suggested, should not be expected before the end of the year.', 'timeline', 'dmitriev')).toMatchObject([
      { days: [300, 400] },
    ]);
    expect(only('Each side will nominate envoys for a dedicated Ukraine negotiating team.', 'agreement')).toMatchObject([
      { topic: 'ukraine-talks', agreed: true },
    ]);
    expect(only('Leaders were fearful of a bargain that leaves out Kyiv.', 'presence')).toEqual([]);
  });

  it('reads leaders the alias table does not know, and absences phrased as "stayed behind" or "a no-show"', () => {
    expect(only('Russia’s side was under the direction of Deputy Foreign Minister Sergei Ryabkov.', 'leader')).toMatchObject([
      { side: 'russia', person: 'Sergei Ryabkov' },
    ]);
    expect(only('The American team was led by Deputy Secretary of State Christopher Landau.', 'leader')).toMatchObject([
      { side: 'us', person: 'Christopher Landau' },
    ]);
    expect(only('Marco Rubio stayed behind in Washington.', 'presence')).toMatchObject([{ who: 'rubio', present: false }]);
    expect(only('No Ukrainian official was in the room.', 'presence')).toMatchObject([{ who: 'ukraine', present: false }]);
    expect(only('Had Ukraine been invited, its diplomats would have objected.', 'presence')).toEqual([]);
  });

  it('reads waivers as sanctions relief, shelved questions as no agreement, and who forecasts a summit when', () => {
    expect(only('The Americans approved a six-month sanctions waiver for fertiliser exporters.', 'sanctions')).toMatchObject([
      { status: 'agreed' },
    ]);
    expect(only('Rebuilding embassy staff numbers and returning ambassadors had been shelved.', 'agreement')).toMatchObject([
      { topic: 'embassies', agreed: false },
    ]);
    const when = only('Ushakov said a meeting next week was unlikely, while Waltz thought it could come within weeks.', 'summit-when');
    expect(when).toMatchObject([
      { when: 'next-week', likely: false, by: 'ushakov' },
      { when: 'weeks', likely: true, by: 'waltz' },
    ]);
    // The presidents a summit is about are not the ones forecasting it.
    expect(only('A summit between Trump and Putin could be arranged within weeks, Waltz said.', 'summit-when')).toMatchObject([
      { by: 'waltz' },
    ]);
    expect(relate(when[0]!, only('Yury Ushakov said the presidents were likely to meet next week.', 'summit-when')[0]!)).toBe('clash');
  });

  it('reads the meeting and "the first since the invasion", but not a first that may yet come', () => {
    expect(only('A meeting between American and Russian officials took place in the Saudi capital.', 'met')).toHaveLength(1);
    expect(
      only(
        'It was the first time senior American and Russian officials had held talks since Moscow launched its invasion.',
        'first-since-invasion',
      ),
    ).toHaveLength(1);
    expect(
      only('Saudi Arabia hosted the most senior talks between Washington and Moscow in almost three years.', 'first-since-invasion'),
    ).toHaveLength(1);
    expect(only('This could potentially lead to the first real negotiations since the war began.', 'first-since-invasion')).toEqual([]);
  });

  it('reads territorial concessions with who rules them in or out, and horizons of a summit by forecaster', () => {
    expect(only('Lavrov ruled out any territorial concessions.', 'territory')).toMatchObject([{ open: false, by: 'lavrov' }]);
    expect(only('Lavrov said Moscow was ready to hand back some land under a ceasefire.', 'territory')).toMatchObject([
      { open: true, by: 'lavrov' },
    ]);
    expect(only('Rubio said Washington is not going to predetermine what those concessions would be.', 'territory')).toEqual([]);
    const weeks = only('Waltz said a summit could come in the coming weeks.', 'summit-when')[0]!;
    expect(relate(only('Waltz said a summit was many months away.', 'summit-when')[0]!, weeks)).toBe('clash');
    expect(relate(only('Waltz said a summit next week was not on the cards.', 'summit-when')[0]!, weeks)).toBeNull();
  });

  it('reads no claim from a claim a fact-check rates, or from a rumour nobody confirmed', () => {
    const para = (text: string[]) =>
      paragraphClaims(
        text.map((t) => analyze(t)),
        text.map(() => null),
        analyze(text.join(' ')),
      ).claims;
    expect(para(['Claim 3: “Washington agreed to lift sanctions on Russian banks.”', 'Our rating: No evidence.'])).toEqual([]);
    expect(para(['Diplomats say the Americans quietly agreed to ease sanctions on oil.', 'Nobody has confirmed this.'])).toEqual([]);
    expect(para(['Washington agreed to ease sanctions on oil.', 'Markets rose.']).map((c) => c.kind)).toEqual(['sanctions']);
  });

  it('reads time spans, granted waivers, "kept away", "X\'s absence", a willingness to cede land, and joint judges', () => {
    expect(only('The talks ran from 10am to 1pm local time.', 'length')).toMatchObject([{ hours: 3 }]);
    expect(only('A waiver letting Russian airlines buy parts was granted by Washington.', 'sanctions')).toMatchObject([
      { status: 'agreed' },
    ]);
    expect(only('Yuri Ushakov, Putin’s adviser, was kept away from the talks.', 'presence')).toMatchObject([
      { who: 'ushakov', present: false },
    ]);
    expect(only('Much was made of Steve Witkoff’s absence from the table.', 'presence')).toMatchObject([
      { who: 'witkoff', present: false },
    ]);
    expect(only('Lavrov voiced a willingness to surrender some territory.', 'territory')).toMatchObject([{ open: true, by: 'lavrov' }]);
    expect(
      only('Both Rubio and Lavrov judged the exchange a fruitless one.', 'verdict')
        .map((c) => (c as { by: string }).by)
        .sort(),
    ).toEqual(['lavrov', 'rubio']);
    expect(only('Rubio, who will stay away from the G20 meeting, spoke briefly.', 'presence')).toEqual([]);
  });

  it('reads "chaired not by X but by Y", "did not travel with the delegation", suspended sanctions, a summit held on a date, one side\'s verdict', () => {
    expect(only('The Russian delegation was chaired not by Sergei Lavrov but by Nikolai Patrushev.', 'leader')).toMatchObject([
      { side: 'russia', person: 'Nikolai Patrushev' },
    ]);
    expect(only('Kirill Dmitriev, the fund chief, did not travel with the delegation.', 'presence')).toMatchObject([
      { who: 'dmitriev', present: false },
    ]);
    expect(only('The American delegation agreed to suspend secondary sanctions on banks.', 'sanctions')).toMatchObject([
      { status: 'agreed' },
    ]);
    expect(only('The two presidents would hold their summit on 20 April.', 'summit-date')).toMatchObject([{ set: true }]);
    const side = only('The Russian delegation came out describing the afternoon as wasted.', 'verdict')[0]!;
    expect(side).toMatchObject({ positive: false, by: 'side:russia' });
    expect(relate(side, only('Lavrov said the conversation was very useful.', 'verdict')[0]!)).toBe('clash');
    expect(relate(side, only('Witkoff called the meeting positive.', 'verdict')[0]!)).toBeNull();
  });

  it('reads the meeting and a worry about exclusion told over two sentences of a paragraph', () => {
    const text = [
      'Not since the Kremlin sent its tanks over the border had the top diplomats of Washington and Moscow faced one another across a table.',
      'On Tuesday, at Diriyah, they finally did.',
    ];
    const found = paragraphClaims(
      text.map((t) => analyze(t)),
      [null, null],
      analyze(text.join(' ')),
    ).claims.map((c) => c.kind);
    expect(found).toEqual(expect.arrayContaining(['first-since-invasion', 'met']));
    const eu = ['European leaders are uneasy as well.', 'They fear a deal could be made without Kyiv or the EU.'];
    expect(
      paragraphClaims(
        eu.map((t) => analyze(t)),
        [null, null],
        analyze(eu.join(' ')),
      ).claims.map((c) => c.kind),
    ).toContain('exclusion-concern');
  });

  it('reads leaders "in charge", "at the head of", "the leader of … was", presence "in the Russian party", and back channels', () => {
    expect(only('Secretary of State Marco Rubio was in charge for the United States.', 'leader')).toMatchObject([
      { side: 'us', person: 'rubio' },
    ]);
    expect(only('Moscow sent Sergey Lavrov at the head of its team.', 'leader')).toMatchObject([{ side: 'russia', person: 'lavrov' }]);
    expect(only('The leader of the American group was Secretary of State Marco Rubio.', 'leader')).toMatchObject([{ person: 'rubio' }]);
    expect(only('Kirill Dmitriev, who was in the Russian party, spoke to CNN.', 'presence')).toMatchObject([
      { who: 'dmitriev', present: true },
    ]);
    expect(only('Dmitriev has long served as an informal channel to Trump’s circle.', 'back-channel')).toMatchObject([{ who: 'dmitriev' }]);
    expect(
      only('Moscow’s side was fronted by Sergei Lavrov, who brought along Yuri Ushakov and Kirill Dmitriev.', 'presence').map(
        (c) => (c as { who: string }).who,
      ),
    ).toEqual(expect.arrayContaining(['ushakov', 'dmitriev']));
  });

  it('reads the venue only where a sentence says where the talks were held, and counts of drones', () => {
    const alt = only('The setting was Al-Yamamah Palace, the seat of the royal court.', 'venue')[0]!;
    const diriyah = only('The discussions were held at Diriyah Palace in the Saudi capital.', 'venue')[0]!;
    expect(relate(alt, diriyah)).toBe('clash');
    expect(only('Their talks at the Diriyah Palace were very fruitful.', 'venue')).toEqual([]);
    expect(
      relate(
        only('Russia sent a little over 90 attack drones overnight.', 'count')[0]!,
        only('Russian troops launched 176 drones at Ukraine.', 'count')[0]!,
      ),
    ).toBe('clash');
    expect(
      only('No encounter at that level had taken place since Putin ordered the assault on Ukraine.', 'first-since-invasion'),
    ).toHaveLength(1);
  });

  it('reads a summit date set across two sentences of a paragraph', () => {
    const text = ['Pencil in 2 April.', 'Donald Trump and Vladimir Putin are due to meet that day, aides said.'];
    const sentences = text.map((t) => analyze(t));
    const { claims: found, sentence } = paragraphClaims(sentences, [null, null], analyze(text.join(' ')));
    expect(found).toMatchObject([{ kind: 'summit-date', set: true }]);
    expect(sentence).toEqual([0]);
  });
});

describe('relating claims', () => {
  const one = (text: string, speaker: string | null = null) => claims(text, speaker)[0]!;

  it('same frame and value agree, opposite values clash, different frames do not meet', () => {
    expect(
      relate(one('Belousov headed the Russian delegation.'), one('A Russian delegation led by Sergey Lavrov met the Americans.')),
    ).toBe('clash');
    expect(relate(one('Lavrov headed the Russian delegation.'), one('A Russian delegation led by Sergey Lavrov met the Americans.'))).toBe(
      'agree',
    );
    expect(relate(one('Belousov headed the Russian delegation.'), one('Marco Rubio led the American delegation.'))).toBeNull();
    expect(relate(one('The talks ran for nine hours.'), one('The meeting lasted nearly four and a half hours.'))).toBe('clash');
    expect(relate(one('The talks ran for 4.5 hours.'), one('The meeting lasted nearly four and a half hours.'))).toBe('agree');
  });

  it('sanctions: "not on the agenda" clashes with "agreed" and "discussed", which do not clash with each other', () => {
    const off = one('Sanctions relief was not on the agenda.');
    expect(relate(one('Washington agreed to ease sanctions.'), off)).toBe('clash');
    expect(relate(one('Easing sanctions was discussed.'), off)).toBe('clash');
    expect(relate(one('Washington agreed to ease sanctions.'), one('Easing sanctions was discussed.'))).toBeNull();
  });

  it('verdicts and forecasts meet only when the same people speak', () => {
    const lavrovBad = one('Lavrov dismissed the talks as useless.');
    expect(relate(lavrovBad, one('Lavrov said the conversation was very useful.'))).toBe('clash');
    expect(relate(lavrovBad, one('Both sides hailed the talks as productive.'))).toBe('clash');
    expect(relate(lavrovBad, one('Tammy Bruce called the meeting a step forward.'))).toBeNull();
    expect(
      relate(
        one('Progress could come within three weeks, he predicted.', 'dmitriev'),
        one('He believed progress could come within two to three months.', 'dmitriev'),
      ),
    ).toBe('clash');
    expect(
      relate(
        one('Progress could come within three weeks, he predicted.', 'dmitriev'),
        one('He believed progress could come within two to three months.', 'ushakov'),
      ),
    ).toBeNull();
  });

  it("quotes the statement around a claim's anchor, even when the anchor is a label", () => {
    const text = 'However, Dmitriev told CNN that sanctions relief was “not at all” part of the agenda.';
    expect(claimSnippet(text, 'not agenda')).toContain('part of the agenda');
    expect(claimSnippet('Short text.', 'nothing here')).toBe('Short text.');
  });

  it('a clash offset by agreement on the same frame decides nothing; a clean clash makes a conflict with a reason', () => {
    const page = claims('Lavrov and Belousov headed the Russian delegation.');
    const links = linkClaims(page, claims('A Russian delegation led by Sergey Lavrov met the Americans.'));
    expect(links.some((l) => l.relation === 'agree')).toBe(true);
    expect(claimClash(links)).toBeNull();
    const clash = linkClaims(
      claims('Kyiv sent two ministers, who took part in the talks.'),
      claims('No Ukrainian officials were present.'),
    );
    const d = applyClaims({ stance: 'related', score: 0.2, clash: null }, clash);
    expect(d.stance).toBe('conflicts');
    expect(d.clash?.kind).toBe('claim');
    expect(describeClaim(clash[0]!.statement)).toBe('Ukraine was not there');
  });
});
