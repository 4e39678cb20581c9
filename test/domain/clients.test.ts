import { describe, expect, it } from 'vitest';
import { clientKey, findClient, lookupClient } from '../../src/domain/clients.js';
import { mergeStore } from '../../src/domain/merge.js';
import type { Client } from '../../src/domain/types.js';
import { emptyStore } from '../../src/store/schema.js';

const client = (name: string): Client => ({ name, since: '2026-01-05', wins: [] });

describe('client identity', () => {
  const clients = [client('Acme Dental'), client('Café "Zoë", 🎉')];

  it('ignores case and surrounding spaces, keeps the stored spelling', () => {
    expect(findClient(clients, '  ACME dental ')?.name).toBe('Acme Dental');
    expect(findClient(clients, 'café "zoë", 🎉')?.name).toBe('Café "Zoë", 🎉');
  });

  it('treats a decomposed accent (NFD) as the same letter', () => {
    expect(clientKey('Cafe\u0301')).toBe(clientKey('Café'));
    expect(findClient(clients, 'Cafe\u0301 "Zoe\u0308", 🎉')?.name).toBe('Café "Zoë", 🎉');
  });

  it('finds a name typed without its accents when one client fits', () => {
    expect(lookupClient([client('Café Zoë'), client('Acme')], 'Cafe Zoe')).toEqual({
      ok: true,
      client: client('Café Zoë'),
    });
  });

  it('prefers the exact spelling, and names every candidate when accents leave several', () => {
    const both = [client('René'), client('Rene\u0301e'), client('Rène')];
    expect(lookupClient(both, 'rene')).toEqual({ ok: false, ambiguous: ['René', 'Rène'] });
    const withPlain = [client('René'), client('Rene')];
    expect(lookupClient(withPlain, 'rene')).toEqual({ ok: true, client: client('Rene') });
  });

  it('suggests the near miss, and nothing for a name far from all', () => {
    expect(lookupClient(clients, 'Acme Dentl')).toEqual({ ok: false, suggestion: 'Acme Dental' });
    expect(lookupClient(clients, 'Globex')).toEqual({ ok: false, suggestion: undefined });
  });
});

describe('import merge uses client identity', () => {
  it('joins "Acme " and an NFD "Café" with the clients already here', () => {
    const into = { ...emptyStore(), clients: [client('Acme'), client('Café')] };
    const from = {
      ...emptyStore(),
      clients: [
        { ...client('Acme '), wins: [{ date: '2026-02-01' }] },
        { ...client('CAFE\u0301'), wins: [{ date: '2026-03-01' }] },
      ],
    };
    const counts = mergeStore(into, from);
    expect(into.clients.map((c) => c.name)).toEqual(['Acme', 'Café']);
    expect(counts.clients).toBe(0);
    expect(counts.wins).toBe(2);
  });
});
