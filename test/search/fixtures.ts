/** Hand-written documents for the search tests: quotes and claims as the index entry carries them. */
import type { ClaimRecord, DocumentRecord, QuoteRecord } from '../../shared/storage/ports.ts';
import type { ProjectedDocument } from '../../shared/search/projection.ts';

export function documentRecord(id: string, fields: Partial<DocumentRecord> = {}): DocumentRecord {
  const sortDate = fields.publishedAt ?? fields.sortDate ?? '2020-03-01T00:00:00.000Z';
  return { id, status: 'done', rawKeys: [`raw/${id}.txt`], sortDate, receivedAt: sortDate, updatedAt: sortDate, ...fields };
}

let offset = 0;
export function quote(documentId: string, id: string, text: string, speaker: [string, string] | null, kind: QuoteRecord['kind'] = 'direct'): QuoteRecord {
  offset += text.length + 10;
  return { id, documentId, start: offset, end: offset + text.length, text, kind, confidence: 0.9, cue: 'said', speakerId: speaker?.[0] ?? null, speaker: speaker?.[1] ?? null, sortDate: '' };
}

export function claim(documentId: string, id: string, text: string, score: number, speaker: [string, string] | null = null): ClaimRecord {
  return { id, documentId, start: 0, end: text.length, text, kind: 'factual', kinds: ['factual'], score, figures: [], comparison: null, speakerId: speaker?.[0] ?? null, speaker: speaker?.[1] ?? null };
}

export const NURSE: [string, string] = ['sp_nurse', 'Amara Okafor'];
export const MAYOR: [string, string] = ['sp_mayor', 'Tomas Lindqvist'];
export const DOCTOR: [string, string] = ['sp_doctor', 'Priya Raman'];

/** Three documents in two collections and two months. */
export function corpus(): ProjectedDocument[] {
  const a = documentRecord('d_vaccines', { title: 'Clinic opens', source: 'wire', collection: 'wire', publishedAt: '2020-03-02T10:00:00.000Z', sortDate: '2020-03-02T10:00:00.000Z', url: 'https://example.org/a' });
  const b = documentRecord('d_budget', { title: 'Budget vote', source: 'council', publishedAt: '2020-04-15T09:00:00.000Z', sortDate: '2020-04-15T09:00:00.000Z', collection: 'city hall' });
  const c = documentRecord('d_hospital', { title: 'Hospital beds', source: 'wire', collection: 'wire', publishedAt: '2020-04-20T08:00:00.000Z', sortDate: '2020-04-20T08:00:00.000Z' });
  return [
    {
      document: a,
      quotes: [
        quote(a.id, 'q1', 'We gave the first vaccines to two hundred children this week.', NURSE),
        quote(a.id, 'q2', 'Nobody should wait for a vaccine appointment.', DOCTOR),
        quote(a.id, 'q3', 'The waiting room is finally quiet.', NURSE, 'indirect'),
      ],
      claims: [claim(a.id, 'c1', 'Two hundred children were vaccinated in one week.', 0.91, NURSE)],
    },
    {
      document: b,
      quotes: [
        quote(b.id, 'q1', 'The city budget will not cover a new vaccination centre.', MAYOR),
        quote(b.id, 'q2', 'Public health comes first in this budget.', MAYOR, 'mixed'),
      ],
      claims: [claim(b.id, 'c1', 'The budget grew by 4.1 percent, the largest rise in a decade.', 0.97, MAYOR), claim(b.id, 'c2', 'It was a long meeting.', 0.12)],
    },
    {
      document: c,
      quotes: [quote(c.id, 'q1', 'Vaccinating the staff first keeps every ward open.', DOCTOR), quote(c.id, 'q2', 'We have forty beds and no nurses to staff them.', NURSE)],
      claims: [claim(c.id, 'c1', 'The hospital has forty beds.', 0.55, NURSE)],
    },
  ];
}
