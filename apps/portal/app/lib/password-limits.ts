// Mirrors @commons/auth without importing its server code into the browser bundle.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
