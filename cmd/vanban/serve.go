package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/diag"
	"github.com/vanban/vanban/internal/serve"
)

// defaultAddr is where serve listens unless told otherwise; when the port
// is taken, another free one is used.
const defaultAddr = "127.0.0.1:8080"

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "", "listen on `HOST:PORT` (default "+defaultAddr+", or a free port when 8080 is taken)")
	public := fs.Bool("public", false, "allow an address other machines can reach (anyone on the network can then read the folder's documents)")
	fontDir := fs.String("fonts", "", "use Times New Roman from `DIR` instead of the embedded Liberation Serif")
	templateDir := fs.String("templates", "", "override embedded templates with files from `DIR`")
	langName := fs.String("lang", "", "language of the page: vi (default) or en")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: vanban serve [flags] [DIR | FILE.yaml]\n\nShow the folder's documents and reports in the browser, each page updated as the file is saved.\nWith a FILE.yaml, serve its folder and print the address of that file's page.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	lang := diag.LangFromEnv(os.Getenv)
	if *langName != "" {
		var ok bool
		if lang, ok = diag.ParseLang(*langName); !ok {
			fmt.Fprintf(stderr, "vanban serve: --lang must be vi or en, not %q\n", *langName)
			return exitUsage
		}
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, "vanban serve: give one folder or one .yaml file")
		return exitUsage
	}
	target := "."
	if len(pos) == 1 {
		target = pos[0]
	}
	dir, file, err := serveTarget(target)
	if err != nil {
		fmt.Fprintf(stderr, "vanban serve: %v\n", err)
		return exitUsage
	}
	ln, err := listen(*addr, *public)
	if err != nil {
		fmt.Fprintf(stderr, "vanban serve: %v\n", err)
		return exitUsage
	}
	s, err := serve.New(serve.Config{Dir: dir, Opt: app.Options{FontDir: *fontDir, TemplateDir: *templateDir},
		Lang: lang, Public: *public, Log: stderr})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "vanban serve: %v\n", err)
		return exitUsage
	}
	defer s.Close()
	base := "http://" + browserAddr(ln.Addr())
	if lang == diag.En {
		fmt.Fprintf(stdout, "vanban serve: showing %s at %s/ (Ctrl+C to stop)\n", dir, base)
	} else {
		fmt.Fprintf(stdout, "vanban serve: đang hiển thị %s tại %s/ (Ctrl+C để dừng)\n", dir, base)
	}
	if file != "" {
		fmt.Fprintln(stdout, base+serve.ViewURL(file))
	}
	if err := s.Serve(context.Background(), ln); err != nil {
		fmt.Fprintf(stderr, "vanban serve: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// serveTarget returns the folder to serve and, for a file, its path
// relative to that folder.
func serveTarget(target string) (dir, file string, err error) {
	info, err := os.Stat(target)
	if err != nil {
		return "", "", fmt.Errorf("cannot read %s: %w", target, errors.Unwrap(err))
	}
	if info.IsDir() {
		return target, "", nil
	}
	if !app.IsYAML(target) {
		return "", "", fmt.Errorf("%s is not a .yaml file or a folder", target)
	}
	return filepath.Dir(target), filepath.Base(target), nil
}

// listen opens the address asked for, or the default one; a taken default
// port gives way to a free one, a taken port asked for is an error.
func listen(addr string, public bool) (net.Listener, error) {
	asked := addr != ""
	if !asked {
		addr = defaultAddr
	}
	addr, err := serve.CheckAddr(addr, public)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil && !asked {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	return ln, err
}

// browserAddr is the listening address as a browser on this machine
// reaches it: a wildcard address becomes 127.0.0.1.
func browserAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}
