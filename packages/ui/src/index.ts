export { TextField, TextAreaField, SelectField, ErrorSummary, Button, Notice, type FieldErrors, type TextFieldProps, type TextAreaFieldProps } from "./forms.tsx";
export { Pagination, type PaginationProps } from "./pagination.tsx";
export { Table, type Column } from "./table.tsx";
