import { describe, expect, it } from 'vitest';
import { pickLanguage } from './rater-service.ts';

describe('pickLanguage', () => {
  it('takes the first of the browser\'s languages, by weight, that the framework has', () => {
    expect(pickLanguage('fr-CA,fr;q=0.9,en;q=0.8', ['en', 'fr'])).toBe('fr');
    expect(pickLanguage('de;q=0.5,en;q=0.9', ['en', 'de'])).toBe('en');
    expect(pickLanguage('pt-BR', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(pickLanguage('ja, zh;q=0.5', ['en'])).toBeUndefined();
    expect(pickLanguage(undefined, ['en'])).toBeUndefined();
    expect(pickLanguage('fr;q=0', ['en', 'fr'])).toBeUndefined();
  });
});
