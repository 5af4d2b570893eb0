// The SDK's form pieces under the names the taskforce routes use.
export { formValues, readForm, validateForm as parseForm, type FormErrors } from "@commons/plugin-sdk/forms";
export { done, fieldError, formError, invalid, type FormFailure } from "@commons/plugin-sdk/forms/server";
