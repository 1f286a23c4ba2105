// Types of cadence-engine/parallel (Node only: worker_threads).
import type { Contact, Playbook, Time, Evaluation, NextAction, BatchError, EvaluateManyOptions } from '../cadence_engine';

/** Options of `evaluateManyParallel`. */
export interface ParallelOptions extends EvaluateManyOptions {
  /**
   * Worker threads (a fraction is rounded up).
   * @default the number of CPUs
   * @errors rejects with `options.workers: ...` when not a number of at least 1
   */
  workers?: number;
  /**
   * Contacts per job (a fraction is rounded up).
   * @default the contacts shared evenly over the workers, at most 2,000 a job
   * @errors rejects with `options.chunkSize: ...` when not a number of at least 1
   */
  chunkSize?: number;
  /**
   * Fill each evaluation's `explain`, as `evaluateMany` does.
   * @default true
   */
  explain?: boolean;
}

/**
 * `evaluateMany` spread over worker_threads: the same results in the same order (a bad
 * contact yields `{id, error, code, path}` with its index in the whole array).
 *
 * ```js
 * const { evaluateManyParallel } = require('cadence-engine/parallel');
 * const results = await evaluateManyParallel(contacts, playbook, Date.now(), { workers: 4 });
 * ```
 * @errors rejects with the `Error` evaluateMany throws for a bad playbook or `now`.
 */
export function evaluateManyParallel(
  contacts: Contact[],
  playbook: Playbook,
  now: Time,
  options?: ParallelOptions,
): Promise<Array<Evaluation | BatchError>>;

/** A job for a pool worker. */
export interface PoolJob {
  /** Contacts to evaluate, or `json`: the JSON text of an array of them. */
  contacts?: unknown[];
  json?: string;
  playbook: Playbook;
  now: Time;
  /** Index of the first contact in the whole input (for error paths). */
  offset?: number;
  /** Index of each contact in the whole input, when they are not in a run: results then come as `{index, result}`. */
  indexes?: number[];
  /** `full` evaluations or a `summary` (id, status, next, ...). */
  mode?: 'full' | 'summary';
  /** Fill `explain` (on unless `false`). */
  explain?: boolean;
}

/** What a `summary` job returns per contact: the fields a list shows. */
export type EvaluationSummary = Pick<
  Evaluation,
  'id' | 'status' | 'statusLabel' | 'displayName' | 'priority' | 'stage' | 'timeZone' | 'channels'
> & {
  next: Pick<NextAction, 'kind' | 'label' | 'channel' | 'dueAt' | 'due' | 'overdue'> | null;
};

/** Workers kept for many batches. */
export interface Pool {
  /** How many workers it runs. */
  readonly size: number;
  /** Runs one job on the next free worker: summaries for `mode: "summary"`. */
  run(job: PoolJob & { mode: 'summary' }): Promise<Array<EvaluationSummary | BatchError>>;
  run(job: PoolJob): Promise<Array<Evaluation | BatchError>>;
  /** Stops every worker (live workers keep the process running). */
  close(): Promise<void>;
}

/** A pool of workers, each with its own WebAssembly instance. */
export function createPool(options?: { workers?: number }): Pool;
