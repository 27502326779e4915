// Vite answers an import with `?url` with the URL of the file it copies into the console's own assets.
declare module '*?url' {
  const url: string;
  export default url;
}
