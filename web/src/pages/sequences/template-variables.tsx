import type { TemplateVariable } from "../../api/sequences.js";

/** The variables a template may use, written as Liquid wants them; a fallback reads `{{ lead.firstName | default: "there" }}`. */
export function TemplateVariables({ variables }: { variables: TemplateVariable[] }) {
  return (
    <details className="template-variables">
      <summary>Variables for subjects and bodies</summary>
      <p className="muted small">
        A variable empty on a lead stops that lead's step (it is paused, never sent with a blank) unless it has a fallback: <code>{"{{ lead.firstName | default: \"there\" }}"}</code>.
      </p>
      <dl className="variable-list">
        {variables.map((variable) => (
          <div key={variable.name}>
            <dt>
              <code>{`{{ ${variable.name} }}`}</code>
            </dt>
            <dd>{variable.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
