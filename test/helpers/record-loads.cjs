// Preloaded into the built CLI with NODE_OPTIONS=--require: at exit, writes the files of every
// module it loaded (require.cache) to the file named by RUAPI_TEST_LOADS, one a line.
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.RUAPI_TEST_LOADS, Object.keys(require.cache).join('\n')));
