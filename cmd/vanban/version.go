package main

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"runtime/debug"
	"sync"
	"time"
)

// Release builds (.ci/release) stamp these with -ldflags "-X main.version=…
// -X main.commit=… -X main.date=…". Other builds leave them empty and
// buildInfo reads what the go command recorded.
var version, commit, date string

// build says which vanban this is.
type build struct {
	Version, Commit, Date, Go string
}

// pseudo matches a pseudo-version's time and commit
// (v0.0.0-20261203081210-73d28576d96c, also after a base version),
// compiled on first use: only "vanban version" asks.
var pseudo = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(\d{14})-([0-9a-f]{12})(\+dirty)?$`) })

// buildInfo returns the stamped version, commit and date; for a build
// that has none (go install …@version, go build in a clone), what the go
// command recorded: the module's version, and the commit and its time
// from version control or from a pseudo-version.
func buildInfo() build {
	b := build{Version: version, Commit: commit, Date: date,
		Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	info, _ := debug.ReadBuildInfo()
	return b.complete(info)
}

// complete fills what the stamps left empty from the go command's record.
func (b build) complete(info *debug.BuildInfo) build {
	if info == nil {
		return b.orUnknown()
	}
	if b.Version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && b.Commit == "":
			b.Commit = s.Value
		case s.Key == "vcs.time" && b.Date == "":
			b.Date = s.Value
		}
	}
	if m := pseudo().FindStringSubmatch(b.Version); m != nil {
		if t, err := time.Parse("20060102150405", m[1]); err == nil && b.Date == "" {
			b.Date = t.Format(time.RFC3339)
		}
		if b.Commit == "" {
			b.Commit = m[2]
		}
	}
	return b.orUnknown()
}

func (b build) orUnknown() build {
	for _, s := range []*string{&b.Version, &b.Commit, &b.Date} {
		if *s == "" {
			*s = "unknown"
		}
	}
	if b.Version == "unknown" {
		b.Version = "devel"
	}
	return b
}

// printVersion writes "vanban VERSION" and then the commit, the date and
// the Go version, one per line.
func printVersion(w io.Writer) {
	b := buildInfo()
	fmt.Fprintf(w, "vanban %s\ncommit: %s\ndate:   %s\ngo:     %s\n", b.Version, b.Commit, b.Date, b.Go)
}
