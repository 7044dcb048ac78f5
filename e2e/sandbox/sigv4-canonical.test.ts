// The canonicalisation and key derivation against AWS's published worked example (IAM ListUsers,
// 2015-08-30), plus the normalisation rules the SDKs rely on.
import { describe, expect, it } from 'vitest';
import {
  awsUriEncode,
  canonicalHeaders,
  canonicalPath,
  canonicalQuery,
  canonicalRequest,
  credentialScope,
  hmac,
  sha256Hex,
  signingKey,
  stringToSign,
} from './sigv4-canonical';

describe('AWS worked example (GET iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08)', () => {
  const canonical = canonicalRequest({
    method: 'GET',
    rawPath: '/',
    rawQuery: 'Action=ListUsers&Version=2010-05-08',
    rawHeaders: [
      'Host',
      'iam.amazonaws.com',
      'Content-Type',
      'application/x-www-form-urlencoded; charset=utf-8',
      'X-Amz-Date',
      '20150830T123600Z',
    ],
    signedHeaders: ['content-type', 'host', 'x-amz-date'],
    body: Buffer.alloc(0),
  });

  it('builds the documented canonical request', () => {
    expect(sha256Hex(canonical)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
  });

  it('derives the documented signature', () => {
    const scope = credentialScope('20150830', 'us-east-1', 'iam');
    const key = signingKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830', 'us-east-1', 'iam');
    expect(hmac(key, stringToSign('20150830T123600Z', scope, canonical)).toString('hex')).toBe(
      '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
  });
});

describe('normalisation', () => {
  it('encodes everything but unreserved characters, hex in upper case', () => {
    expect(awsUriEncode("a-_.~ /+*!'()=&é")).toBe('a-_.~%20%2F%2B%2A%21%27%28%29%3D%26%C3%A9');
  });

  it('normalises the path and encodes the wire form once more', () => {
    expect(canonicalPath('')).toBe('/');
    expect(canonicalPath('//a/./b/../c%20d/')).toBe('/a/c%2520d/');
  });

  it('sorts query parameters by encoded name, then value; drops X-Amz-Signature', () => {
    expect(canonicalQuery('b=2&a=z&a=y&X-Amz-Signature=abc&c&d%20e=f+g')).toBe('a=y&a=z&b=2&c=&d%20e=f%2Bg');
  });

  it('joins repeated headers with commas and collapses inner whitespace', () => {
    expect(canonicalHeaders(['X-A', '  one  two ', 'x-a', 'three', 'Host', 'h'], ['host', 'x-a', 'x-missing'])).toBe(
      'host:h\nx-a:one two,three\nx-missing:\n',
    );
  });
});
