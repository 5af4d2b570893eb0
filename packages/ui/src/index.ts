export {
  TextField, TextAreaField, FileField, SelectField, CheckboxField, CheckboxGroup, RadioGroup, ErrorSummary, Button, Notice,
  type CheckboxFieldProps, type FileFieldProps, type CheckboxGroupProps, type RadioGroupProps, type RadioOption, type FieldErrors, type TextFieldProps, type TextAreaFieldProps,
} from "./forms.tsx";
export { Pagination, type PaginationProps } from "./pagination.tsx";
export { Table, type Column } from "./table.tsx";
export { FormFeedback, failureOf, formKey, type FormResult } from "./form-feedback.tsx";
