/** Debian chromium path the tests and the bench drive (CHROMIUM_PATH overrides). Importing the module installs what is missing. */
export declare const CHROMIUM: string;
