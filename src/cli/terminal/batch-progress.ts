import type { RuleBase } from '../../core/types.js';
import type { OutStream } from '../context.js';
import { message } from '../../core/messages.js';

/**
 * A one-line progress report on stderr for long runs (batch): done, rate and time left, redrawn
 * in place at most a few times a second. Only in a terminal: nothing at all when stderr is piped
 * or redirected, so logs stay clean.
 */
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private done = 0;
  private readonly on: boolean;

  constructor(
    private readonly rules: RuleBase,
    /** undefined when not known in advance (a CSV read as a stream): no time left then. */
    private readonly total: number | undefined,
    private readonly out: OutStream,
    private readonly now: () => number = Date.now,
  ) {
    this.on = Boolean(out.isTTY) && (total === undefined || total > 1);
  }

  /** One more done; redraws when a quarter of a second has passed since the last time. */
  tick(): void {
    this.done += 1;
    if (!this.on) return;
    const t = this.now();
    if (t - this.last < 250 && (this.total === undefined || this.done < this.total)) return;
    this.last = t;
    this.draw(t);
  }

  /** Leaves the last line on screen, with the whole run's rate. */
  end(): void {
    if (!this.on || this.done === 0) return;
    this.draw(this.now());
    this.out.write('\n');
  }

  private draw(t: number): void {
    const seconds = Math.max(0.001, (t - this.start) / 1000);
    const rate = this.done / seconds;
    const num = new Intl.NumberFormat(this.rules.lang, { maximumFractionDigits: rate < 10 ? 1 : 0 });
    let line: string;
    if (this.total === undefined)
      line = message(this.rules, 'batch.progressOpen', { done: this.done, rate: num.format(rate) });
    else {
      // The total of a CSV file is counted from its lines: never shown below what is done.
      const total = Math.max(this.total, this.done);
      const left = rate > 0 ? (total - this.done) / rate : 0;
      line = message(this.rules, 'batch.progress', {
        done: this.done,
        total,
        rate: num.format(rate),
        left: left < 90 ? `${Math.ceil(left)} s` : `${Math.round(left / 60)} min`,
      });
    }
    // Carriage return and erase line: redrawn in place.
    this.out.write(`\r\x1b[2K${line}`);
  }
}
