import { createContext, useContext } from "react";

// The server renders the CSP nonce into every inline script; browsers hide it from the DOM
// afterwards, so on the client it is simply empty.
const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
