/** Shared shapes of the names API (see index.ts). */

export interface NameContext {
  kind?: 'person' | 'organization';
  title?: string;
  role?: string;
  organization?: string;
}

export interface NameComparison {
  same: boolean;
  confidence: number;
  reasons: string[];
  similarity: number;
  codes?: Record<string, string[]>;
}
