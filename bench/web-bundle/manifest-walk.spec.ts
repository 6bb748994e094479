import { filesLoaded, type Manifest } from './manifest-walk';

describe('the files a page of the app loads', () => {
  const manifest: Manifest = {
    'index.html': {
      file: 'app/assets/index-a.js',
      isEntry: true,
      imports: ['_shared'],
      css: ['app/assets/index-a.css'],
      dynamicImports: ['src/pages/x.tsx'],
    },
    _shared: { file: 'app/assets/shared-b.js', css: ['app/assets/shared-b.css'] },
    'src/pages/x.tsx': { file: 'app/assets/x-c.js', imports: ['_shared'] },
    'src/unused.tsx': { file: 'app/assets/unused-d.js' },
  };

  it('before any lazy page: the entry, its static imports and their CSS, each once', () => {
    expect(filesLoaded(manifest, { lazy: false })).toEqual([
      'app/assets/index-a.css',
      'app/assets/index-a.js',
      'app/assets/shared-b.css',
      'app/assets/shared-b.js',
    ]);
  });

  it('with lazy pages: also every lazily imported chunk; never an unreachable one', () => {
    expect(filesLoaded(manifest, { lazy: true })).toEqual([
      'app/assets/index-a.css',
      'app/assets/index-a.js',
      'app/assets/shared-b.css',
      'app/assets/shared-b.js',
      'app/assets/x-c.js',
    ]);
  });

  it('fails on a manifest without the entry', () => {
    expect(() => filesLoaded({}, { lazy: false })).toThrow('no chunk index.html');
  });
});
