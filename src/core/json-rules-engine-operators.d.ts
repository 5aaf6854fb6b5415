// json-rules-engine's own operator table, a module of its own that needs nothing else of the
// engine (only its small Operator class): conditions.ts evaluates leaves with these very objects.
declare module 'json-rules-engine/dist/engine-default-operators.js' {
  interface EngineOperator {
    readonly name: string;
    /** The fact's type check (lists for contains), then the comparison. */
    evaluate(factValue: unknown, jsonValue: unknown): boolean;
  }
  type Table = readonly EngineOperator[];
  /**
   * A CommonJS module whose table is `exports.default`: a bundler that honours `__esModule`
   * hands the table itself, Node's own interop (and the CommonJS bundle) the exports object.
   */
  const operators: Table | { readonly default: Table };
  export default operators;
}
