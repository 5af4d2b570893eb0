// Vite turns `import href from "./file.css?url"` into the stylesheet's URL (the portal builds the routes).
declare module "*.css?url" {
  const href: string;
  export default href;
}
