/** The auth rules on their own: token configuration, constant-time token roles, and Cognito group claims. */
import { describe, expect, it } from 'vitest';
import { authConfigFromEnv, parseGroups, roleForGroups, roleForToken } from '#shared/api/auth.ts';

describe('auth configuration', () => {
  it('defaults to tokens and fails closed with none configured', () => {
    const config = authConfigFromEnv({});
    expect(config).toEqual({ mode: 'tokens', writerToken: undefined, readerToken: undefined });
    if (config.mode !== 'tokens') throw new Error('expected tokens mode');
    expect(roleForToken('', config)).toBeNull();
    expect(roleForToken('anything-at-all-here', config)).toBeNull();
  });

  it('refuses short, identical or unknown settings with a clear message', () => {
    expect(() => authConfigFromEnv({ QUOTEDESK_WRITER_TOKEN: 'short' })).toThrow(/at least 16/);
    const same = 'x'.repeat(20);
    expect(() => authConfigFromEnv({ QUOTEDESK_WRITER_TOKEN: same, QUOTEDESK_READER_TOKEN: same })).toThrow(/must differ/);
    expect(() => authConfigFromEnv({ QUOTEDESK_AUTH: 'none' })).toThrow(/tokens" or "jwt-claims/);
    expect(authConfigFromEnv({ QUOTEDESK_AUTH: 'jwt-claims' })).toEqual({ mode: 'jwt-claims' });
  });

  it('maps tokens to roles, and nothing else', () => {
    const config = { mode: 'tokens' as const, writerToken: 'w'.repeat(24), readerToken: 'r'.repeat(24) };
    expect(roleForToken('w'.repeat(24), config)).toBe('writer');
    expect(roleForToken('r'.repeat(24), config)).toBe('reader');
    expect(roleForToken('w'.repeat(23), config)).toBeNull();
    expect(roleForToken(`${'w'.repeat(24)} `, config)).toBeNull();
  });
});

describe('Cognito groups from API Gateway claims', () => {
  it('reads every shape API Gateway passes the groups claim in', () => {
    expect(parseGroups('[writer reader]')).toEqual(['writer', 'reader']);
    expect(parseGroups('[reader]')).toEqual(['reader']);
    expect(parseGroups('["reader","writer"]')).toEqual(['reader', 'writer']);
    expect(parseGroups(['writer'])).toEqual(['writer']);
    expect(parseGroups('reader,other')).toEqual(['reader', 'other']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups(42)).toEqual([]);
  });

  it('gives writer precedence and no role to other groups', () => {
    expect(roleForGroups(['reader', 'writer'])).toBe('writer');
    expect(roleForGroups(['reader'])).toBe('reader');
    expect(roleForGroups(['admins', 'Writer'])).toBeNull();
    expect(roleForGroups([])).toBeNull();
  });
});
