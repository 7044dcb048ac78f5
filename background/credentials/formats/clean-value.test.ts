import { describe, expect, it } from 'vitest';
import { cleanAssignedValue } from './clean-value';

// The packaging around an assigned value (`NAME=value`) that cleanAssignedValue cuts away. Inner
// spaces and semicolons tell a quoted value (kept whole) from an unquoted one (cut there).

describe('cleanAssignedValue', () => {
  it.each([
    ['"abc def"', 'abc def'],
    ["'abc def'", 'abc def'],
    ['\u201Cabc def\u201D', 'abc def'],
    ['\u2018abc def\u2019', 'abc def'],
    ['  "abc;def"  # comment', 'abc;def'],
  ])('keeps a quoted value whole: %s', (raw, value) => {
    expect(cleanAssignedValue(raw)).toBe(value);
  });

  it('closes a smart quote only with its partner', () => {
    expect(cleanAssignedValue('\u201Cabc\u201D')).toBe('abc');
    expect(cleanAssignedValue('\u2018abc\u2019')).toBe('abc');
    // An opening quote closed by another kind is unterminated: the value runs to whitespace.
    expect(cleanAssignedValue('\u201Cabc\u201C def')).toBe('abc\u201C');
  });

  it('takes an unterminated quote (a paste cut short) up to whitespace or ";"', () => {
    expect(cleanAssignedValue('"abc def')).toBe('abc');
    expect(cleanAssignedValue('"abc;def')).toBe('abc');
    expect(cleanAssignedValue("'abc")).toBe('abc');
  });

  it('cuts an unquoted value at whitespace or ";"', () => {
    expect(cleanAssignedValue('abc def')).toBe('abc');
    expect(cleanAssignedValue('abc;def')).toBe('abc');
    expect(cleanAssignedValue('abc\tdef')).toBe('abc');
  });

  it('drops stray quotes at either end of an unquoted value, all of them, and only there', () => {
    expect(cleanAssignedValue('\u201D\u201Dabc')).toBe('abc');
    expect(cleanAssignedValue('abc\u201D\u2019"')).toBe('abc');
    expect(cleanAssignedValue('\u2019a"b\'c\u201D')).toBe('a"b\'c');
  });

  it('is undefined for nothing but packaging', () => {
    expect(cleanAssignedValue('""')).toBeUndefined();
    expect(cleanAssignedValue('"   "')).toBeUndefined();
    expect(cleanAssignedValue('   ')).toBeUndefined();
    expect(cleanAssignedValue('\u201D\u201D')).toBeUndefined();
    expect(cleanAssignedValue('; rest')).toBeUndefined();
  });
});
