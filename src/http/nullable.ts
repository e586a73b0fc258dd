import { Type } from "typebox";

/**
 * The schema or null. Null comes first: with type coercion on, Ajv would otherwise turn a request's
 * `null` into "" (or 0) in the schema's branch before trying the null one.
 */
export function Nullable<T extends Type.TSchema>(schema: T, description?: string) {
  return Type.Union([Type.Null(), schema], description === undefined ? {} : { description });
}
