'use strict';
// Resolves the @crm/* path aliases of tsconfig.json against the compiled output in dist/,
// so `node -r ./deploy/register-paths.js dist/apps/<service>/src/main.js` runs a service.
const path = require('node:path');
const tsConfigPaths = require('tsconfig-paths');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.json'));

tsConfigPaths.register({
  baseUrl: path.join(root, 'dist'),
  paths: compilerOptions.paths,
  addMatchAll: false,
});
