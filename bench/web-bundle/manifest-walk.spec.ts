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

  it('are the entry, its imports, lazy pages and their CSS, each once; never an unreachable chunk', () => {
    expect(filesLoaded(manifest)).toEqual([
      'app/assets/index-a.css',
      'app/assets/index-a.js',
      'app/assets/shared-b.css',
      'app/assets/shared-b.js',
      'app/assets/x-c.js',
    ]);
  });

  it('leaves out a lazy page with a budget of its own, unless it is the page walked from', () => {
    expect(filesLoaded(manifest, 'index.html', ['src/pages/x.tsx'])).not.toContain('app/assets/x-c.js');
    expect(filesLoaded(manifest, 'src/pages/x.tsx', ['src/pages/x.tsx'])).toEqual([
      'app/assets/shared-b.css',
      'app/assets/shared-b.js',
      'app/assets/x-c.js',
    ]);
  });

  it('fails on a manifest without the entry', () => {
    expect(() => filesLoaded({})).toThrow('no chunk index.html');
  });
});
