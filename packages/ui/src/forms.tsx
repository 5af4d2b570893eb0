import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

/**
 * Form pieces after the GOV.UK pattern: label above the input, hint and error tied to it
 * with aria-describedby, an error summary whose entries link to the fields.
 */
export type FieldErrors = Partial<Record<string, string>>;

/** Label, hint and error around one control, wired together for screen readers. */
function FieldShell({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: (a11y: { id: string; describedBy?: string }) => ReactNode }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {children({ id, describedBy })}
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextField({ name, label, hint, error, type = "text", ...input }: TextFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input id={id} name={name} type={type} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="field__input" {...input} />
      )}
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** Several lines of text (answers, mandates, notes), with the same label, hint and error. */
export function TextAreaField({ name, label, hint, error, rows = 6, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <textarea id={id} name={name} rows={rows} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="field__input" {...textarea} />
      )}
    </FieldShell>
  );
}

export interface FileFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "type"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A file input (attachments, spreadsheets, logos) with the same label, hint and error. */
export function FileField({ name, label, hint, error, ...input }: FileFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <input id={id} name={name} type="file" aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="field__input" {...input} />
      )}
    </FieldShell>
  );
}

export interface SelectFieldProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}

export function SelectField({ name, label, options, defaultValue, error, hint }: SelectFieldProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="field__input">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export interface CheckboxFieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultChecked?: boolean;
  /** Sent when ticked; "on" by default. */
  value?: string;
}

/** One tick box (an agreement, a yes/no setting): the box before its label, as people expect. */
export function CheckboxField({ name, label, hint, error, defaultChecked, value = "on" }: CheckboxFieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <div className="checkbox">
        <input id={id} name={name} type="checkbox" value={value} defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export interface CheckboxGroupProps {
  /** Every ticked box sends `name=value`; read them with formData.getAll(name). */
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues?: readonly string[];
  hint?: string;
  error?: string;
}

/** A fieldset with its legend, hint and error: the shell of a group of boxes or radios. */
function FieldsetShell({ name, legend, hint, error, children }: { name: string; legend: string; hint?: string; error?: string; children: (id: string) => ReactNode }) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} className={error ? "field field--error checkbox-group" : "field checkbox-group"} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {children(id)}
    </fieldset>
  );
}

/** Several choices of one kind (sectors, languages) in a fieldset with its legend. */
export function CheckboxGroup({ name, legend, options, defaultValues = [], hint, error }: CheckboxGroupProps) {
  return (
    <FieldsetShell name={name} legend={legend} hint={hint} error={error}>
      {(id) =>
        options.map((o, i) => (
          <div className="checkbox" key={o.value}>
            <input id={`${id}-${i}`} name={name} type="checkbox" value={o.value} defaultChecked={defaultValues.includes(o.value)} />
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
          </div>
        ))
      }
    </FieldsetShell>
  );
}

export interface RadioOption {
  value: string;
  label: string;
  /** A line under this choice's label that explains it. */
  hint?: string;
}

export interface RadioGroupProps {
  name: string;
  legend: string;
  options: RadioOption[];
  defaultValue?: string;
  hint?: string;
  error?: string;
  /** One choice must be made (the server checks it too). */
  required?: boolean;
}

/** One choice among a few (a vote, an RSVP, a setting) in a fieldset with its legend. */
export function RadioGroup({ name, legend, options, defaultValue, hint, error, required }: RadioGroupProps) {
  return (
    <FieldsetShell name={name} legend={legend} hint={hint} error={error}>
      {(id) =>
        options.map((o, i) => (
          <div className="checkbox" key={o.value}>
            <input id={`${id}-${i}`} name={name} type="radio" value={o.value} defaultChecked={defaultValue === o.value} required={required} aria-describedby={o.hint ? `${id}-${i}-hint` : undefined} />
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
            {o.hint ? (
              <p id={`${id}-${i}-hint`} className="field__hint">
                {o.hint}
              </p>
            ) : null}
          </div>
        ))
      }
    </FieldsetShell>
  );
}

export function ErrorSummary({ title, errors, formError }: { title: string; errors?: FieldErrors; formError?: string }) {
  const entries = Object.entries(errors ?? {}).filter((e): e is [string, string] => Boolean(e[1]));
  if (!entries.length && !formError) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#field-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Button({ children, variant = "primary", ...props }: { children: ReactNode; variant?: "primary" | "secondary" | "link" } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="submit" className={`button button--${variant}`} {...props}>
      {children}
    </button>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" | "warning" }) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}
