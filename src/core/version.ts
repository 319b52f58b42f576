declare const __RUAPI_VERSION__: string;
/** Replaced at build time from package.json. */
export const VERSION: string = typeof __RUAPI_VERSION__ === 'string' ? __RUAPI_VERSION__ : '0.0.0-dev';
