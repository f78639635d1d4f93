// One shared config, several entries (house style, after vscode-eslint's shared.webpack.config.js).
// The client alone treats `vscode` as external; the server, CLI and core library bundle everything.
// Type-checking is `npm run typecheck`; ts-loader only transpiles so builds stay quick.
'use strict';
const path = require('path');

/** @param {string} name @param {string} entry @param {object} extra */
function bundle(name, entry, extra = {}) {
  return (env, argv) => ({
    name,
    target: 'node',
    mode: argv.mode || 'development',
    entry: { [name]: entry },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      libraryTarget: 'commonjs2',
      devtoolModuleFilenameTemplate: '../[resource-path]',
    },
    devtool: argv.devtool === undefined ? 'source-map' : argv.devtool,
    resolve: {
      extensions: ['.ts', '.js'],
      mainFields: ['module', 'main'],
      // The package's `exports` send `require` to its UMD build, whose dynamic require webpack
      // cannot follow (a "critical dependency" warning and a larger bundle); take the ES build.
      alias: { 'vscode-languageserver-types$': path.resolve(__dirname, 'node_modules/vscode-languageserver-types/lib/esm/main.js') },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [{ loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } }],
        },
      ],
    },
    node: { __dirname: false, __filename: false },
    performance: { hints: false },
    ...extra,
  });
}

module.exports = [
  bundle('client', './src/client/extension.ts', { externals: { vscode: 'commonjs vscode' } }),
  bundle('server', './src/server/main.ts'),
  bundle('cli', './src/cli/main.ts'),
  bundle('core', './src/core/index.ts'),
];
