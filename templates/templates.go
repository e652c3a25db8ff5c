// Package templates holds vanban's embedded, user-overridable data:
// document types and their abbreviations (Nghị định 30, Phụ lục III),
// starting files for "vanban new", and indicator catalogues for the
// statistics reports.
package templates

import (
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

//go:embed *.yaml all:catalogues all:starters
var embedded embed.FS

// FS returns the embedded files.
func FS() fs.FS { return embedded }

// Read returns the named template file (a slash-separated path such as
// "doctypes.yaml" or "catalogues/bdg-2011-2020.yaml"). When overrideDir is
// set and holds a file of that name, the user's file wins.
func Read(name, overrideDir string) ([]byte, error) {
	if overrideDir != "" {
		b, err := os.ReadFile(filepath.Join(overrideDir, filepath.FromSlash(name)))
		if err == nil {
			return b, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return embedded.ReadFile(name)
}
