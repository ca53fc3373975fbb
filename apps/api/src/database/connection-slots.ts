/**
 * Connections the request transactions leave free, whatever the load, for the work that must run
 * outside them while they wait: checking bearer tokens, logins, durable audit entries of refused
 * requests, cancelling the statement of an aborted request. (A request holds its connection from
 * start to end; were every connection held by a request waiting for one more, all would wait.)
 */
export const RESERVED_CONNECTIONS = 2;

/** Counts the connections request transactions may hold; the next request waits its turn (first come, first served). */
export class Slots {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  /** A slot, or an error that reads as an outage after `timeoutMs` (as a pool that has no connection to give). */
  take(timeoutMs: number): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        let held = true;
        resolve(() => {
          if (!held) return;
          held = false;
          const next = this.waiting.shift();
          if (next) next();
          else this.free++;
        });
      };
      if (this.free > 0) {
        this.free--;
        grant();
        return;
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        reject(new Error('timeout exceeded when trying to connect'));
      }, timeoutMs);
      const waiter = () => {
        clearTimeout(timer);
        grant();
      };
      this.waiting.push(waiter);
    });
  }
}
