import { describe, expect, it } from 'vitest';
import { splitLocation } from './issue.ts';

describe('splitLocation', () => {
  it.each([
    ['a/b.yaml:4: Flow sequence', { line: 4, message: 'Flow sequence' }],
    [
      'a/b.yaml: too large (10.5 MB); files over 10 MB are refused.',
      { message: 'too large (10.5 MB); files over 10 MB are refused.' },
    ],
    ['a/b.yaml is 10.5 MB', { message: 'a/b.yaml is 10.5 MB' }],
    ['a/b.yaml.bak: x', { message: 'a/b.yaml.bak: x' }],
    ['other.yaml:4: x', { message: 'other.yaml:4: x' }],
    ['a/b.yaml:x: y', { message: 'a/b.yaml:x: y' }],
  ])('%s', (message, expected) => {
    expect(splitLocation(message, 'a/b.yaml')).toEqual(expected);
  });
});
