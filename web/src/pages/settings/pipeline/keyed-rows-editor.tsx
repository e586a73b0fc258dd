import type { ReactNode } from "react";
import { type ConfigProblem, errorAt, errorWithin } from "./config-field.js";
import { FieldError } from "../../../components/field-error.js";

type KeyedRowsEditorProps<T extends { key: string; label: string }> = {
  legend: string;
  /** What one row is ("Exit item", "Lost reason"): names each row's boxes for screen readers. */
  noun: string;
  rows: T[];
  /** The API's path of the list, e.g. `stages.2.exitChecklist`. */
  path: string;
  problem: ConfigProblem | null;
  blank: T;
  onChange: (next: T[]) => void;
  /** More boxes per row (a criterion's question, a reason's "needs a note"). */
  renderExtra?: (row: T, rowName: string, set: (change: Partial<T>) => void) => ReactNode;
};

/** An editable list of labelled entries with stable keys: new rows get their key from the label when saved. */
export function KeyedRowsEditor<T extends { key: string; label: string }>({ legend, noun, rows, path, problem, blank, onChange, renderExtra }: KeyedRowsEditorProps<T>) {
  const set = (index: number, change: Partial<T>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const listError = errorAt(problem, path);
  return (
    <fieldset className="keyed-rows">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted small">None.</p>}
      {rows.map((row, index) => {
        const rowName = `${noun} ${index + 1}`;
        const error = errorWithin(problem, `${path}.${index}`);
        return (
          <div className="keyed-row" key={index}>
            <div className="condition-row">
              <input aria-label={rowName} value={row.label} maxLength={200} aria-invalid={error ? true : undefined} onChange={(event) => set(index, { label: event.target.value } as Partial<T>)} />
              {renderExtra?.(row, rowName, (change) => set(index, change))}
              <span className="muted small" title="Stored on leads and events">
                {row.key ? <code>{row.key}</code> : "new"}
              </span>
              <button type="button" className="button-link" aria-label={`Remove ${rowName.toLowerCase()}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                Remove
              </button>
            </div>
            <FieldError message={error} />
          </div>
        );
      })}
      <FieldError message={listError} />
      <button type="button" className="button-quiet" onClick={() => onChange([...rows, blank])}>
        Add {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
