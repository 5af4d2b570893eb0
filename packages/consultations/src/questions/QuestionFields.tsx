import type { ReactNode } from "react";
import { fieldName, questionAnchor, SCALE_POINTS, type FieldValues, type Question } from "./kinds.ts";
import { useAnsweringT, type AnsweringT } from "./i18n.ts";

export interface QuestionFieldsProps {
  questions: readonly Question[];
  /** What to show in the fields: a saved draft (answersToFieldValues) or what was just typed (formLists). */
  values?: FieldValues;
  /** Question id → its problem, shown next to the question. */
  errors?: Partial<Record<string, string>>;
  /** Question id → something to show under the question's controls (a colleague's saved answer). */
  notes?: Partial<Record<string, ReactNode>>;
}

/**
 * Every question of a consultation as form controls, for the answer form and the drafting
 * preview: one fieldset per question (its legend the prompt, help and errors tied to it by
 * aria-describedby), plain controls that work without JavaScript, no client state.
 */
export function QuestionFields({ questions, values = {}, errors = {}, notes = {} }: QuestionFieldsProps) {
  const t = useAnsweringT();
  return (
    <div className="questions">
      {questions.map((q, i) => (
        <QuestionField key={q.id} question={q} number={i + 1} values={values} error={errors[q.id]} note={notes[q.id]} t={t} />
      ))}
    </div>
  );
}

function QuestionField({ question: q, number, values, error, note, t }: { question: Question; number: number; values: FieldValues; error?: string; note?: ReactNode; t: AnsweringT }) {
  const anchor = questionAnchor(q.id);
  const ids = { legend: `${anchor}-legend`, help: `${anchor}-help`, kindHint: `${anchor}-kind-hint`, error: `${anchor}-error` };
  const kindHint = kindHintText(q, t);
  const describedBy = [q.help ? ids.help : null, kindHint ? ids.kindHint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
  const all = (name: string) => values[name] ?? [];
  const one = (name: string) => all(name).at(-1) ?? "";
  const a11y = { "aria-describedby": describedBy, "aria-invalid": error ? true : undefined } as const;

  let controls: ReactNode;
  switch (q.kind) {
    case "SHORT_TEXT":
      controls = <input id={`${anchor}-input`} name={fieldName.answer(q.id)} type="text" className="field__input" aria-labelledby={ids.legend} aria-required={q.required || undefined} defaultValue={one(fieldName.answer(q.id))} {...a11y} />;
      break;
    case "LONG_TEXT":
      controls = <textarea id={`${anchor}-input`} name={fieldName.answer(q.id)} rows={6} className="field__input" aria-labelledby={ids.legend} aria-required={q.required || undefined} defaultValue={one(fieldName.answer(q.id))} {...a11y} />;
      break;
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE": {
      const type = q.kind === "SINGLE_CHOICE" ? "radio" : "checkbox";
      const chosen = all(fieldName.answer(q.id));
      controls = q.options.map((option, i) => (
        <div className="checkbox" key={option}>
          <input id={`${anchor}-${i}`} name={fieldName.answer(q.id)} type={type} value={option} defaultChecked={chosen.includes(option)} />
          <label htmlFor={`${anchor}-${i}`}>{option}</label>
        </div>
      ));
      break;
    }
    case "SCALE": {
      const chosen = one(fieldName.answer(q.id));
      const ends: Record<number, string> = { 1: q.scaleMinLabel, 5: q.scaleMaxLabel };
      controls = (
        <div className="scale">
          {SCALE_POINTS.map((n) => (
            <div className="checkbox" key={n}>
              <input id={`${anchor}-${n}`} name={fieldName.answer(q.id)} type="radio" value={String(n)} defaultChecked={chosen === String(n)} />
              <label htmlFor={`${anchor}-${n}`}>{ends[n] ? t("consultations.answering.question.scaleEnd", { n, label: ends[n] }) : t("consultations.answering.question.scalePoint", { n })}</label>
            </div>
          ))}
        </div>
      );
      break;
    }
    case "RANKING":
      controls = q.options.map((option, i) => {
        const name = fieldName.rank(q.id, i);
        return (
          <div className="field ranking" key={option}>
            <label htmlFor={`${anchor}-${i}`}>{t("consultations.answering.question.rankOf", { option })}</label>{" "}
            <select id={`${anchor}-${i}`} name={name} defaultValue={one(name)} className="field__input ranking__select" aria-invalid={error ? true : undefined}>
              <option value="">{t("consultations.answering.question.notRanked")}</option>
              {q.options.map((_, r) => (
                <option key={r} value={String(r + 1)}>
                  {r + 1}
                </option>
              ))}
            </select>
          </div>
        );
      });
      break;
    case "YES_NO": {
      const chosen = one(fieldName.answer(q.id));
      controls = (
        <>
          {(["yes", "no"] as const).map((v) => (
            <div className="checkbox" key={v}>
              <input id={`${anchor}-${v}`} name={fieldName.answer(q.id)} type="radio" value={v} defaultChecked={chosen === v} />
              <label htmlFor={`${anchor}-${v}`}>{t(`consultations.answering.question.${v}`)}</label>
            </div>
          ))}
          <div className="field">
            <label htmlFor={`${anchor}-comment`} className="field__label">
              {t("consultations.answering.question.comment")}
            </label>
            <textarea id={`${anchor}-comment`} name={fieldName.comment(q.id)} rows={3} className="field__input" defaultValue={one(fieldName.comment(q.id))} />
          </div>
        </>
      );
      break;
    }
  }

  return (
    <fieldset id={anchor} className={error ? "field field--error checkbox-group question" : "field checkbox-group question"} aria-describedby={describedBy}>
      <legend id={ids.legend} className="field__label">
        {number}. {q.prompt} <span className="muted">{t(q.required ? "consultations.answering.question.required" : "consultations.answering.question.optional")}</span>
      </legend>
      {q.help ? (
        <p id={ids.help} className="field__hint">
          {q.help}
        </p>
      ) : null}
      {kindHint ? (
        <p id={ids.kindHint} className="field__hint">
          {kindHint}
        </p>
      ) : null}
      {error ? (
        <p id={ids.error} className="field__error">
          {error}
        </p>
      ) : null}
      {controls}
      {note ? <div className="question__note">{note}</div> : null}
    </fieldset>
  );
}

function kindHintText(q: Question, t: AnsweringT): string | null {
  switch (q.kind) {
    case "MULTIPLE_CHOICE":
      return t("consultations.answering.question.multipleHint");
    case "SCALE":
      return q.scaleMinLabel && q.scaleMaxLabel
        ? t("consultations.answering.question.scaleHint", { min: q.scaleMinLabel, max: q.scaleMaxLabel })
        : t("consultations.answering.question.scaleHintPlain");
    case "RANKING":
      return t("consultations.answering.question.rankingHint", { count: q.options.length });
    default:
      return null;
  }
}
