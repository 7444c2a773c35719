/**
 * The tRPC transformer: superjson (Dates, Maps, undefined survive the wire), except for results a
 * procedure marks as plain JSON, which are sent as they are. superjson walks every value of a
 * result to find what JSON cannot carry; for a diagram of thousands of points that walk cost more
 * than building the diagram (100 ms for 1.5 MB), on the server and again in the browser.
 * Shared by the server (init.ts) and the browser client, which must agree on it.
 */
import superjson from "superjson";

const PLAIN = Symbol.for("sit.trpc.plainJson");

/**
 * Marks a result as plain JSON: only objects, arrays, strings, finite numbers, booleans and null
 * (no Date, Map, Set, undefined inside arrays, NaN or Infinity). Returns it.
 */
export function plainJson<T extends object>(value: T): T {
  if (!(PLAIN in value)) Object.defineProperty(value, PLAIN, { value: true, enumerable: false });
  return value;
}

interface Payload {
  json: unknown;
  meta?: unknown;
}

export const transformer = {
  serialize(value: unknown): Payload {
    if (value !== null && typeof value === "object" && PLAIN in value) return { json: value };
    return superjson.serialize(value) as Payload;
  },
  deserialize(payload: unknown): unknown {
    // a payload without meta holds nothing JSON cannot carry: no walk needed
    if (payload !== null && typeof payload === "object" && "json" in payload && (payload as Payload).meta === undefined) return (payload as Payload).json;
    return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
  },
};
