// Undo and redo over whole documents. A drag or a typed number is one step: edit() may be called many times between
// the first change and endEdit(), and only the state before the first and after the last are kept.

export class History<T> {
  private readonly past: T[] = [];
  private readonly future: T[] = [];
  private before: T | null = null;

  constructor(private current: T, private readonly limit = 200) {}

  get present(): T {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0 || this.before !== null;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Changes the present, opening a step if none is open. */
  edit(next: T): void {
    if (this.before === null) {
      this.before = this.current;
    }
    this.current = next;
  }

  /** Closes the open step; a step that changed nothing leaves no trace. */
  endEdit(): void {
    if (this.before !== null && this.before !== this.current) {
      this.past.push(this.before);
      if (this.past.length > this.limit) {
        this.past.shift();
      }
      this.future.length = 0;
    }
    this.before = null;
  }

  /** One complete step. */
  apply(next: T): void {
    this.edit(next);
    this.endEdit();
  }

  undo(): boolean {
    this.endEdit();
    const previous = this.past.pop();
    if (previous === undefined) {
      return false;
    }
    this.future.push(this.current);
    this.current = previous;
    return true;
  }

  redo(): boolean {
    this.endEdit();
    const next = this.future.pop();
    if (next === undefined) {
      return false;
    }
    this.past.push(this.current);
    this.current = next;
    return true;
  }
}
