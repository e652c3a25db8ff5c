// Command modproxy serves a commit of vanban as a Go module proxy on the
// file system, so that CI can install vanban exactly as a user does:
//
//	go run ./modproxy -repo ../.. -out DIR    # in .ci/tools; prints the version
//	GOPROXY=file://DIR,… go install github.com/vanban/vanban/cmd/vanban@VERSION
//
// It writes, per the module proxy protocol (go help goproxy),
// DIR/MODULE/@v/{list,VERSION.info,VERSION.mod,VERSION.zip} and DIR/MODULE/@latest.
// The zip is made with golang.org/x/mod/zip from the files of the commit
// (git archive), so it holds what a proxy would serve for that commit:
// nothing untracked, no nested module (this one included), no vendor/.
//
// The version is the commit's tag when it has one (vX.Y.Z), otherwise a
// pseudo-version made of the commit's time and hash, as the public proxy
// would name it.
package main

import (
	"archive/tar"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
	modzip "golang.org/x/mod/zip"
)

func main() {
	repo := flag.String("repo", ".", "the repository `DIR`")
	rev := flag.String("rev", "HEAD", "the `COMMIT` to serve")
	out := flag.String("out", "", "the proxy `DIR` to write")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "modproxy: -out is required")
		os.Exit(2)
	}
	v, err := serve(*repo, *rev, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "modproxy:", err)
		os.Exit(1)
	}
	fmt.Println(v)
}

func serve(repo, rev, out string) (string, error) {
	src, err := os.MkdirTemp("", "modproxy-src-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(src)
	if err := extract(repo, rev, src); err != nil {
		return "", err
	}
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return "", err
	}
	mf, err := modfile.ParseLax("go.mod", gomod, nil)
	if err != nil {
		return "", err
	}
	if mf.Module == nil {
		return "", fmt.Errorf("go.mod names no module")
	}
	if len(mf.Replace) > 0 {
		// go install refuses such a module; say so before it does.
		return "", fmt.Errorf("go.mod has a replace directive (%s): go install …@version refuses the module", mf.Replace[0].Old.Path)
	}
	version, when, err := versionOf(repo, rev)
	if err != nil {
		return "", err
	}
	mv := module.Version{Path: mf.Module.Mod.Path, Version: version}
	escaped, err := module.EscapePath(mv.Path)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(out, filepath.FromSlash(escaped), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	zf, err := os.Create(filepath.Join(dir, version+".zip"))
	if err != nil {
		return "", err
	}
	if err := modzip.CreateFromDir(zf, mv, src); err != nil {
		zf.Close()
		return "", err
	}
	if err := zf.Close(); err != nil {
		return "", err
	}
	info, _ := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, when.UTC()})
	files := map[string][]byte{
		filepath.Join(dir, version+".mod"):  gomod,
		filepath.Join(dir, version+".info"): info,
		filepath.Join(dir, "list"):          []byte(version + "\n"),
		filepath.Join(dir, "..", "@latest"): info,
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			return "", err
		}
	}
	return version, nil
}

// extract writes the files of commit rev into dir, as git archive gives
// them (no untracked file, line endings as committed).
func extract(repo, rev, dir string) error {
	cmd := exec.Command("git", "-c", "core.autocrlf=input", "-c", "core.eol=lf", "archive", "--format=tar", rev)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	tr := tar.NewReader(stdout)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		name := filepath.Join(dir, filepath.FromSlash(h.Name))
		if !strings.HasPrefix(name, dir+string(filepath.Separator)) {
			return fmt.Errorf("git archive gave a path outside the tree: %s", h.Name)
		}
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(name, 0o755)
		case tar.TypeReg:
			err = writeFile(name, tr)
		case tar.TypeSymlink:
			err = os.Symlink(h.Linkname, name) // a module zip leaves these out
		}
		if err != nil {
			return err
		}
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("git archive: %v: %s", err, stderr.Bytes())
	}
	return nil
}

func writeFile(name string, r io.Reader) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// versionOf names commit rev as the proxy would: its semantic version tag,
// or a pseudo-version v0.0.0-yyyymmddhhmmss-abcdefabcdef.
func versionOf(repo, rev string) (string, time.Time, error) {
	line, err := git(repo, "log", "-1", "--format=%H %ct", rev)
	if err != nil {
		return "", time.Time{}, err
	}
	hash, secs, _ := strings.Cut(line, " ")
	n, err := strconv.ParseInt(secs, 10, 64)
	if err != nil {
		return "", time.Time{}, fmt.Errorf("git log: %q", line)
	}
	when := time.Unix(n, 0).UTC()
	if tags, err := git(repo, "tag", "--points-at", rev); err == nil {
		for _, t := range strings.Fields(tags) {
			if semver.IsValid(t) && semver.Build(t) == "" && (semver.Major(t) == "v0" || semver.Major(t) == "v1") {
				return t, when, nil
			}
		}
	}
	return module.PseudoVersion("", "", when, hash[:12]), when, nil
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}
