import stylesheet from "./follow.css?url";

/** The follow pages' stylesheet, for their route modules' `links`. */
export const followLinks = () => [{ rel: "stylesheet", href: stylesheet }];
