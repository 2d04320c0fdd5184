// The part of JMESPath learners use with --query: paths, projections, indexes, simple filters, selections.

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

type Step =
  | { t: "field"; name: string }
  | { t: "index"; n: number }
  | { t: "project"; flatten: boolean; filter?: Filter }
  | { t: "hash"; entries: [string, Step[]][] }
  | { t: "list"; items: Step[][] };

interface Filter {
  path: Step[];
  op: "==" | "!=";
  value: Json;
}

/** A --query the subset does not cover (or that is not JMESPath at all). */
export class QueryError extends Error {}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  private ws(): void {
    while (this.src[this.i] === " ") this.i++;
  }

  private peek(s: string): boolean {
    this.ws();
    return this.src.startsWith(s, this.i);
  }

  private eat(s: string): void {
    if (!this.peek(s)) throw new QueryError(`expected '${s}' at ${this.i}`);
    this.i += s.length;
  }

  done(): boolean {
    this.ws();
    return this.i >= this.src.length;
  }

  private ident(): string {
    this.ws();
    if (this.src[this.i] === '"') {
      const end = this.src.indexOf('"', this.i + 1);
      if (end < 0) throw new QueryError("unterminated quoted identifier");
      const name = this.src.slice(this.i + 1, end);
      this.i = end + 1;
      return name;
    }
    const m = IDENT.exec(this.src.slice(this.i));
    if (!m) throw new QueryError(`unexpected '${this.src.slice(this.i)}'`);
    this.i += m[0].length;
    return m[0];
  }

  /** A whole expression: one chain of steps. */
  chain(): Step[] {
    const steps: Step[] = [];
    if (this.peek("@")) this.eat("@");
    else if (this.peek("{")) steps.push(this.hash());
    else if (!this.peek("[")) steps.push({ t: "field", name: this.ident() });
    for (;;) {
      if (this.peek("[")) steps.push(this.bracket());
      else if (this.peek(".")) {
        this.eat(".");
        if (this.peek("{")) steps.push(this.hash());
        else if (this.peek("[")) steps.push(this.list());
        else steps.push({ t: "field", name: this.ident() });
      } else return steps;
    }
  }

  private bracket(): Step {
    this.eat("[");
    if (this.peek("]")) {
      this.eat("]");
      return { t: "project", flatten: true };
    }
    if (this.peek("*")) {
      this.eat("*");
      this.eat("]");
      return { t: "project", flatten: false };
    }
    if (this.peek("?")) {
      this.eat("?");
      const path = this.chain();
      const op = this.peek("==") ? "==" : this.peek("!=") ? "!=" : undefined;
      if (!op) throw new QueryError("only == and != filters are supported");
      this.eat(op);
      const value = this.literal();
      this.eat("]");
      return { t: "project", flatten: false, filter: { path, op, value } };
    }
    const m = /^-?\d+/.exec(this.src.slice(this.i));
    if (m) {
      this.i += m[0].length;
      this.eat("]");
      return { t: "index", n: Number(m[0]) };
    }
    this.i -= 1;
    return this.list();
  }

  private list(): Step {
    this.eat("[");
    const items: Step[][] = [this.chain()];
    while (this.peek(",")) {
      this.eat(",");
      items.push(this.chain());
    }
    this.eat("]");
    return { t: "list", items };
  }

  private hash(): Step {
    this.eat("{");
    const entries: [string, Step[]][] = [];
    do {
      if (entries.length > 0) this.eat(",");
      const key = this.ident();
      this.eat(":");
      entries.push([key, this.chain()]);
    } while (this.peek(","));
    this.eat("}");
    return { t: "hash", entries };
  }

  private literal(): Json {
    this.ws();
    const c = this.src[this.i];
    const close = c === "'" ? "'" : c === "`" ? "`" : undefined;
    if (!close) throw new QueryError("a filter compares with a 'string' or `literal`");
    const end = this.src.indexOf(close, this.i + 1);
    if (end < 0) throw new QueryError("unterminated literal");
    const text = this.src.slice(this.i + 1, end);
    this.i = end + 1;
    if (close === "'") return text;
    try {
      return JSON.parse(text) as Json;
    } catch {
      return text;
    }
  }
}

/** Parses a --query expression; throws QueryError for anything outside the subset. */
export function compileQuery(src: string): Step[] {
  const p = new Parser(src.trim());
  const steps = p.chain();
  if (!p.done()) throw new QueryError("trailing input");
  return steps;
}

const isObject = (v: Json): v is { [k: string]: Json } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function evaluate(steps: readonly Step[], input: Json): Json {
  let value = input;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    if (step.t === "field") value = isObject(value) ? (value[step.name] ?? null) : null;
    else if (step.t === "index") {
      value = Array.isArray(value) ? (value[step.n < 0 ? value.length + step.n : step.n] ?? null) : null;
    } else if (step.t === "project") {
      if (!Array.isArray(value)) return null;
      let items = step.flatten ? value.flatMap((x) => (Array.isArray(x) ? x : [x])) : value;
      const f = step.filter;
      if (f) {
        const eq = (x: Json) => JSON.stringify(evaluate(f.path, x)) === JSON.stringify(f.value);
        items = items.filter((x) => (f.op === "==" ? eq(x) : !eq(x)));
      }
      // A later `[]` ends this projection and flattens what it made (a[].b[].c is one flat list).
      let end = steps.findIndex((s, j) => j > i && s.t === "project" && s.flatten);
      if (end < 0) end = steps.length;
      const rest = steps.slice(i + 1, end);
      value = items.map((x) => evaluate(rest, x)).filter((x) => x !== null);
      i = end - 1;
    } else if (step.t === "hash") {
      if (value === null) return null;
      const v = value;
      value = Object.fromEntries(step.entries.map(([k, sub]) => [k, evaluate(sub, v)]));
    } else {
      if (value === null) return null;
      const v = value;
      value = step.items.map((sub) => evaluate(sub, v));
    }
  }
  return value;
}

/** Runs a --query over a command's result (JSON data). */
export function runQuery(src: string, data: unknown): unknown {
  return evaluate(compileQuery(src), (data ?? null) as Json);
}
