import { type FeatureColumn, type FeatureSpec, MISSING_LEVEL, OTHER_LEVEL } from "./feature-spec.js";
import { type FeatureRecord, type FeatureValue, columnValue, isMissing, numberOf, textOf, yesNoOf } from "./feature-values.js";
import { type DesignMatrix, designMatrix } from "./design-matrix.js";

/** One model input and the column it comes from; `name` is unique within a spec. */
export type EncodedFeature =
  | { kind: "numeric"; name: string; column: string; mean: number; sd: number }
  | { kind: "flag"; name: string; column: string }
  | { kind: "missing"; name: string; column: string }
  | { kind: "level"; name: string; column: string; level: string; reference: string };

/** Writes one column's inputs for one value at `out[offset…]`. */
type ColumnEncoder = (value: FeatureValue, out: Float64Array, offset: number) => void;

/** Turns records into model inputs the same way at training and at prediction time. */
export type RecordEncoder = { features: EncodedFeature[]; encode(record: FeatureRecord, out: Float64Array, offset: number): void };

/** The model inputs of a spec, in the order the encoder writes them. */
export function encodedFeaturesOf(spec: FeatureSpec): EncodedFeature[] {
  return spec.columns.flatMap(featuresOfColumn);
}

function featuresOfColumn(column: FeatureColumn): EncodedFeature[] {
  const name = column.column;
  const missing: EncodedFeature[] = column.hasMissing ? [{ kind: "missing", name: `${name} missing`, column: name }] : [];
  switch (column.kind) {
    case "numeric":
      return [{ kind: "numeric", name, column: name, mean: column.mean, sd: column.sd }, ...missing];
    case "flag":
      return [{ kind: "flag", name, column: name }, ...missing];
    case "categorical":
      return levelsOf(column).map((level) => ({ kind: "level", name: `${name} is ${level}`, column: name, level, reference: column.reference }));
  }
}

/** The levels with an input of their own: kept levels, then other, then missing. */
function levelsOf(column: Extract<FeatureColumn, { kind: "categorical" }>): string[] {
  return [...column.levels, ...(column.hasOther ? [OTHER_LEVEL] : []), ...(column.hasMissing ? [MISSING_LEVEL] : [])];
}

/**
 * Compiles a spec into an encoder. A value the spec did not see is read as it would have been
 * in training: an unknown level is `(other)` (or the baseline if training had no other), and a
 * number or yes/no that does not parse counts as missing.
 */
export function recordEncoder(spec: FeatureSpec): RecordEncoder {
  const encoders: { column: string; at: number; encode: ColumnEncoder }[] = [];
  let at = 0;
  for (const column of spec.columns) {
    encoders.push({ column: column.column, at, encode: columnEncoder(column) });
    at += featuresOfColumn(column).length;
  }
  return {
    features: encodedFeaturesOf(spec),
    encode(record, out, offset) {
      for (const encoder of encoders) encoder.encode(columnValue(record, encoder.column), out, offset + encoder.at);
    },
  };
}

function columnEncoder(column: FeatureColumn): ColumnEncoder {
  switch (column.kind) {
    case "numeric": {
      const { mean, sd, hasMissing } = column;
      return (value, out, offset) => {
        const number = numberOf(value);
        out[offset] = number === null ? 0 : (number - mean) / sd;
        if (hasMissing) out[offset + 1] = number === null ? 1 : 0;
      };
    }
    case "flag": {
      const { yesRate, hasMissing } = column;
      return (value, out, offset) => {
        const yes = yesNoOf(value);
        out[offset] = yes === null ? yesRate : yes ? 1 : 0;
        if (hasMissing) out[offset + 1] = yes === null ? 1 : 0;
      };
    }
    case "categorical":
      return categoricalEncoder(column);
  }
}

function categoricalEncoder(column: Extract<FeatureColumn, { kind: "categorical" }>): ColumnEncoder {
  const levels = levelsOf(column);
  const indexOf = new Map(column.levels.map((level, i) => [level, i]));
  const otherAt = column.hasOther ? levels.indexOf(OTHER_LEVEL) : -1;
  const missingAt = column.hasMissing ? levels.indexOf(MISSING_LEVEL) : -1;
  return (value, out, offset) => {
    out.fill(0, offset, offset + levels.length);
    const text = isMissing(value) ? null : textOf(value);
    const at = text === null ? missingAt : text === column.reference ? -1 : (indexOf.get(text) ?? otherAt);
    if (at >= 0) out[offset + at] = 1;
  };
}

/** All records as one matrix, a row per record. */
export function encodeRecords(spec: FeatureSpec, records: readonly FeatureRecord[]): DesignMatrix {
  const encoder = recordEncoder(spec);
  return designMatrix(records.length, encoder.features.length, (row, out) => encoder.encode(records[row]!, out, 0));
}
