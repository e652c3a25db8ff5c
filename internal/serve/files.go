package serve

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/decode"
)

// errNotInput is returned for a name that is not a YAML file the server
// may show: outside the folder, hidden, or of another type.
var errNotInput = errors.New("not an input of this folder")

// cleanRel checks a slash-separated path taken from a URL and returns it
// cleaned: relative, inside the folder (no "..", no absolute path, no
// backslash or drive letter that Windows would read as a way out, no NUL),
// not hidden (the listing skips hidden folders, so the server does not
// show them either) and naming a YAML file.
func cleanRel(p string) (string, error) {
	if p == "" || strings.ContainsAny(p, "\\:\x00") || strings.HasPrefix(p, "/") {
		return "", errNotInput
	}
	c := path.Clean(p)
	if c != p || !fs.ValidPath(c) || !filepath.IsLocal(filepath.FromSlash(c)) {
		return "", errNotInput
	}
	for _, part := range strings.Split(c, "/") {
		if strings.HasPrefix(part, ".") {
			return "", errNotInput
		}
	}
	if !app.IsYAML(c) {
		return "", errNotInput
	}
	return c, nil
}

// read reads an input through the folder's os.Root, which refuses any
// path or symbolic link leading outside the folder. Only regular files are
// read, and never more than the decoder accepts.
func (s *Server) read(rel string) ([]byte, error) {
	f, err := s.root.Open(filepath.FromSlash(rel))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errNotInput
	}
	return io.ReadAll(io.LimitReader(f, int64(decode.DefaultLimits.MaxBytes)+1))
}

// stamp is what polling compares: a file's size and modification time.
type stamp struct {
	size  int64
	mtime int64
	ok    bool
}

func (s *Server) stat(rel string) stamp {
	info, err := s.root.Stat(filepath.FromSlash(rel))
	if err != nil || !info.Mode().IsRegular() {
		return stamp{}
	}
	return stamp{size: info.Size(), mtime: info.ModTime().UnixNano(), ok: true}
}

// inputs lists the YAML files of the folder, as render finds them:
// recursively, hidden folders skipped, sorted. Symbolic links to folders
// are not followed.
func (s *Server) inputs() []string {
	var out []string
	fs.WalkDir(s.root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && p != "." && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case !d.IsDir() && !strings.HasPrefix(d.Name(), ".") && app.IsYAML(p):
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// display is the name of an input in messages: the folder as the user
// gave it, joined with the relative path, as "vanban check DIR" names it.
func (s *Server) display(rel string) string {
	return filepath.Join(s.dir, filepath.FromSlash(rel))
}

// openRoot opens the folder to serve.
func openRoot(dir string) (*os.Root, error) {
	return os.OpenRoot(dir)
}
