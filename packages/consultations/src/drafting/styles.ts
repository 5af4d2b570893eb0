import stylesheet from "./drafting.css?url";

/** The drafting pages' stylesheet, for each route's `links`. */
export const draftingLinks = () => [{ rel: "stylesheet", href: stylesheet }];
