/** A numbered, forward-only schema step. Versions are consecutive from 1; none is ever edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
