// The layers of src/ (README, "How the code is laid out"), checked by `npm run lint`:
// cli -> render -> core, cli -> rules -> core, web -> render/rules -> core; core is pure.
// dependency-cruiser sees every kind of import: static, type-only, side-effect (`import './x.js'`),
// dynamic (`await import('./x.js')`) and re-exports, resolved as TypeScript resolves them.
const LAYERS = '^src/(core|render|rules|cli|web)/|^src/(main|paths)\\.ts$';
/** Node built-ins that reach files, processes or the environment. */
const IMPURE_NODE = '^(node:)?(fs|fs/promises|child_process|process|os|tty|worker_threads|cluster|net|http|https)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or a package.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'in-a-layer',
      comment:
        'Every module of src/ sits in a layer folder, or is the entry (main.ts) or the package-root locator (paths.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS },
      to: {},
    },
    {
      name: 'core-is-pure',
      comment: 'core uses core only: no command line, renderer, rule folder, page or package path.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'render-uses-core',
      comment: 'render uses render and core: never the command line, the rule folder reader or the page.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/', pathNot: '^src/(render|core)/' },
    },
    {
      name: 'rules-use-core',
      comment: 'rules use rules, core and the package-root locator: never the command line, the renderers or the page.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: '^src/(rules|core)/|^src/paths\\.ts$' },
    },
    {
      name: 'web-uses-core-render-rules',
      comment:
        'The browser page uses core, render and the pure parts of rules: never the command line, the entry or package paths.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: '^src/(web|render|rules|core)/' },
    },
    {
      name: 'cli-not-to-main',
      comment: 'Nothing imports the entry point.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'main-uses-cli',
      comment:
        'The entry point starts the command line (and, for the build, the rule checker); it renders nothing itself.',
      severity: 'error',
      from: { path: '^src/main\\.ts$' },
      to: { path: '^src/(render|web)/' },
    },
    {
      name: 'paths-stands-alone',
      comment: 'The package-root locator imports nothing of the tool.',
      severity: 'error',
      from: { path: '^src/paths\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'core-render-no-io',
      comment:
        'core and render read no files, run no processes and read no environment (the globals are checked by eslint).',
      severity: 'error',
      from: { path: '^src/(core|render)/' },
      to: { dependencyTypes: ['core'], path: IMPURE_NODE },
    },
    {
      name: 'web-no-node',
      comment: 'The page runs in a browser: its own modules import no Node module at all.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-reaches-no-node-io',
      comment:
        'Nothing the page reaches, directly or not, uses a Node module but node:crypto (replaced in its build, vite.web.config.ts): the rule folder reader and the tool texts read from disk stay out.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: {
        reachable: true,
        path: '^(node:)?(?!crypto$)(fs|fs/promises|path|url|os|tty|child_process|process|stream|zlib|crypto|module|util|worker_threads|readline|events|buffer|net|http|https|vm|v8|perf_hooks|string_decoder|assert)$',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type from the command line in core is a layer broken.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
