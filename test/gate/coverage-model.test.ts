// The learned coverage gate: evidence features, the shipped logistic model, and the short real
// coverage the rules used to refuse (a state-agency brief naming the place, the meeting and one delegate).
import { describe, expect, it } from 'vitest';
import { coverageEvidence, gateProbability, scoreCoverage, GATE_FEATURES } from '../../lib/gate/coverage';
import { loadCompiled } from '../../tools/corpus-files';
import { fitGate, gateExamples } from '../../tools/train-gate';
import shipped from '../../lib/gate/gate-model.json';

const sig = loadCompiled().signature;

describe('coverage gate', () => {
  it('ships a model over every evidence feature, and the built signature carries it', () => {
    expect(shipped.features).toEqual([...GATE_FEATURES]);
    expect(shipped.weights).toHaveLength(GATE_FEATURES.length);
    expect(sig.gate?.weights).toEqual(shipped.weights);
    expect(sig.sides).toEqual(['us', 'russia']);
    expect(sig.venues).toEqual(expect.arrayContaining(['riyadh', 'diriyah']));
  });

  it('reads every feature into [0, 1]', () => {
    const ev = coverageEvidence(sig, {
      title: 'x',
      url: 'https://example.org/2025/02/18/riyadh-talks',
      text: 'Rubio and Lavrov met in Riyadh on 18 February 2025; Karasin was in Jeddah and Istanbul.',
    });
    expect(ev.features).toHaveLength(GATE_FEATURES.length);
    for (const f of ev.features) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
  });

  it('recognises a four-line agency brief that names the place, the meeting and one delegate', () => {
    const brief = {
      title: 'Ushakov said that the negotiations between the Russian Federation and the United States went well.',
      url: 'https://news.example/world/2025/02/18/1064997.html',
      text: '2025-02-18\nMOSCOW, February 18. /tass/. The Russian-American talks in Riyadh went well, and the parties had a serious conversation on all issues. This assessment was given by Russian Presidential aide Yuri Ushakov following the meeting in Saudi Arabia.',
    };
    const v = scoreCoverage(sig, brief);
    expect(v.isCoverage).toBe(true);
    // The explicit rules alone refused it: one person named.
    expect(scoreCoverage({ ...sig, gate: undefined }, brief).isCoverage).toBe(false);
  });

  it('refuses another Riyadh round a month later, with a plain reason', () => {
    const v = scoreCoverage(sig, {
      title: 'US talks with Russia begin in Saudi Arabia eyeing a Black Sea ceasefire',
      url: 'https://example.org/news.php?nid=1',
      text: 'March 24, 2025\nU.S. and Russian officials began talks in Riyadh on Monday aimed at a Black Sea ceasefire. Russia will be represented by Grigory Karasin and Sergei Beseda; the U.S. side by Andrew Peek and Michael Anton.',
    });
    expect(v.isCoverage).toBe(false);
    expect(v.reason).toMatch(/dates are not the event|names|another/);
  });

  it('the probability rises with the evidence for the event', () => {
    const weak = coverageEvidence(sig, { title: '', url: '', text: 'Talks were held somewhere.' }).features;
    const strong = coverageEvidence(sig, {
      title: 'US-Russia talks in Riyadh',
      url: '',
      text: 'Rubio, Waltz and Witkoff met Lavrov and Ushakov at Diriyah Palace in Riyadh on 18 February.',
    }).features;
    expect(gateProbability(shipped, strong)).toBeGreaterThan(0.9);
    expect(gateProbability(shipped, weak)).toBeLessThan(0.1);
  });

  it('the shipped weights are what `npm run train:gate` fits on the development pages', () => {
    const model = fitGate(gateExamples(sig));
    expect(model.weights).toEqual(shipped.weights);
    expect(model.bias).toBe(shipped.bias);
  }, 60_000);
});
