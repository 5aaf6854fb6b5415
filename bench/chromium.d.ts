export declare const CHROMIUM_FLAGS: readonly string[];
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
