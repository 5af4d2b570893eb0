export { TextField, SelectField, ErrorSummary, Button, Notice, type FieldErrors, type TextFieldProps } from "./forms.tsx";
export { Pagination, type PaginationProps } from "./pagination.tsx";
export { Table, type Column } from "./table.tsx";
