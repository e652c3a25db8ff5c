package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestBuildInfo(t *testing.T) {
	mod := func(v string, settings ...debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{Main: debug.Module{Version: v}, Settings: settings}
	}
	for _, c := range []struct {
		name  string
		stamp build
		info  *debug.BuildInfo
		want  build
	}{
		{"release stamps win", build{Version: "v1.2.0", Commit: "abc", Date: "2026-12-01T00:00:00Z"},
			mod("v1.1.0", debug.BuildSetting{Key: "vcs.revision", Value: "def"}),
			build{Version: "v1.2.0", Commit: "abc", Date: "2026-12-01T00:00:00Z"}},
		{"go install of a pseudo-version", build{},
			mod("v0.0.0-20261203081210-73d28576d96c"),
			build{Version: "v0.0.0-20261203081210-73d28576d96c", Commit: "73d28576d96c", Date: "2026-12-03T08:12:10Z"}},
		{"go install of a tag", build{}, mod("v0.2.0"), build{Version: "v0.2.0", Commit: "unknown", Date: "unknown"}},
		{"go build in a clone", build{},
			mod("v0.2.1-0.20261203081210-73d28576d96c+dirty",
				debug.BuildSetting{Key: "vcs.revision", Value: "73d28576d96c2708865b6448503eb04811244e35"},
				debug.BuildSetting{Key: "vcs.time", Value: "2026-12-03T08:12:10Z"}),
			build{Version: "v0.2.1-0.20261203081210-73d28576d96c+dirty", Commit: "73d28576d96c2708865b6448503eb04811244e35", Date: "2026-12-03T08:12:10Z"}},
		{"nothing recorded", build{}, mod("(devel)"), build{Version: "devel", Commit: "unknown", Date: "unknown"}},
		{"no build info", build{}, nil, build{Version: "devel", Commit: "unknown", Date: "unknown"}},
	} {
		if got := c.stamp.complete(c.info); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestVersionOutput(t *testing.T) {
	var b strings.Builder
	printVersion(&b)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "vanban ") || !strings.HasPrefix(lines[3], "go:     go1.") {
		t.Errorf("vanban version printed %q", b.String())
	}
}
