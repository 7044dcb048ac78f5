import { describe, expect, it } from 'vitest';
import { pairProblems, secondsUntilNextCode, singlePastedCode, splitPastedPair } from './code-pair';

describe('splitPastedPair', () => {
  it.each([
    ['123456654321', ['123456', '654321']],
    ['123456 654321', ['123456', '654321']],
    ['123 456 654 321', ['123456', '654321']],
    ['123456\n654321', ['123456', '654321']],
    [' 123456-654321 ', ['123456', '654321']],
  ])('splits %j into both codes', (text, expected) => {
    expect(splitPastedPair(text)).toEqual(expected);
  });

  it.each(['123456', '12345665432', '1234566543210', '12345a654321', '١٢٣٤٥٦٦٥٤٣٢١'])('leaves %j alone', (text) => {
    expect(splitPastedPair(text)).toBeUndefined();
  });
});

describe('singlePastedCode', () => {
  it.each(['123456', '123 456', '123-456', ' 123456\n'])('takes %j as one code', (text) => {
    expect(singlePastedCode(text)).toBe('123456');
  });
  it.each(['12345', '1234567', '123456654321', 'abcdef', ''])('leaves %j to the field', (text) => {
    expect(singlePastedCode(text)).toBeUndefined();
  });
});

describe('pairProblems', () => {
  it('accepts two different six-digit codes', () => {
    expect(pairProblems('123456', '654321')).toEqual({});
  });

  it('puts an identical code on the second field only, so the first stays', () => {
    expect(pairProblems('123456', '123 456')).toEqual({ code2: 'same-as-first' });
  });

  it('reports each field on its own', () => {
    expect(pairProblems('12345', 'abcdef')).toEqual({ code1: 'not-six-digits', code2: 'bad-characters' });
    expect(pairProblems('', '654321')).toEqual({ code1: 'required' });
  });
});

describe('secondsUntilNextCode', () => {
  it('counts down within each 30-second step', () => {
    expect(secondsUntilNextCode(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe(30);
    expect(secondsUntilNextCode(Date.UTC(2026, 0, 1, 0, 0, 1))).toBe(29);
    expect(secondsUntilNextCode(Date.UTC(2026, 0, 1, 0, 0, 29, 999))).toBe(1);
  });

  it('follows the server clock when this computer is skewed', () => {
    const local = Date.UTC(2026, 0, 1, 0, 0, 5);
    // The computer is 10 s behind AWS: the phone (network time) is already at :15.
    expect(secondsUntilNextCode(local, 10_000)).toBe(15);
    expect(secondsUntilNextCode(local, -10_000)).toBe(5);
  });
});
