package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"

	"github.com/vanban/vanban/internal/app"
	"github.com/vanban/vanban/internal/serve"
)

func init() {
	register(command{name: "serve", rank: 40,
		args: words{"[tùy chọn] [THƯ_MỤC | TỆP.yaml]", "[flags] [DIR | FILE.yaml]"},
		what: words{"xem văn bản trong trình duyệt, tự cập nhật mỗi khi lưu tệp", "show the documents in a browser, updated on every save"},
		run:  serveCmd})
}

// defaultAddr is where serve listens unless told otherwise; when its port
// is taken, another free one is used.
const defaultAddr = "127.0.0.1:8080"

// serveFlags are the settings of serve.
type serveFlags struct {
	*flagSet
	addr, fontDir, templateDir string
	public                     bool
}

func newServeFlags(e *env) *serveFlags {
	f := &serveFlags{flagSet: newFlags(e, "serve")}
	f.about = words{
		"Mở một trang web trên máy này: danh sách các văn bản và báo cáo trong THƯ_MỤC (mặc định: thư mục hiện tại)\nvới tình trạng của từng tệp; mỗi văn bản hiện đủ các trang, các lỗi kèm dòng và cột, và nút tải tệp PDF\nhoặc Excel. Trang tự cập nhật trong vòng một giây sau mỗi lần lưu tệp. Với TỆP.yaml: mở thư mục của tệp\nvà in địa chỉ trang của tệp đó. Không ghi gì vào thư mục.",
		"Open a web page on this machine: the documents and reports of DIR (default: the current folder) with\nthe state of each; each document shows its pages, its problems with line and column, and a button\nthat downloads the PDF or workbook. The page updates within a second of each save. With FILE.yaml:\nserve its folder and print the address of that file's page. Nothing is written into the folder."}
	f.str(&f.addr, "addr", "", words{"MÁY:CỔNG", "HOST:PORT"}, words{
		"địa chỉ nghe (mặc định " + defaultAddr + ", hoặc một cổng trống khi cổng 8080 đã có chương trình khác dùng)",
		"the address to listen on (default " + defaultAddr + ", or a free port when 8080 is taken)"})
	f.boolean(&f.public, "public", words{
		"cho phép địa chỉ mà máy khác trong mạng truy cập được (ai trong mạng cũng đọc được các văn bản trong thư mục)",
		"allow an address other machines can reach (anyone on the network can then read the folder's documents)"})
	f.str(&f.fontDir, "fonts", "", words{"THƯ_MỤC|system", "DIR|system"}, words{
		"dùng phông Times New Roman trong THƯ_MỤC, hoặc của máy với system, thay cho Liberation Serif có sẵn (như vanban render)",
		"use Times New Roman from DIR, or the machine's own with system, instead of the embedded Liberation Serif (as vanban render)"})
	f.str(&f.templateDir, "templates", "", words{"THƯ_MỤC", "DIR"}, words{
		"dùng các mẫu trong THƯ_MỤC thay cho mẫu có sẵn", "override embedded templates with files from DIR"})
	return f
}

func serveCmd(e *env, args []string) int {
	f := newServeFlags(e)
	pos, code, ok := f.parse(args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		e.say(e.stderr, words{"vanban serve: cho một thư mục hoặc một tệp .yaml\n", "vanban serve: give one folder or one .yaml file\n"})
		return exitUsage
	}
	target := "."
	if len(pos) == 1 {
		target = pos[0]
	}
	dir, file, err := serveTarget(target)
	if err != nil {
		e.say(e.stderr, words{"vanban serve: %s\n", "vanban serve: %s\n"}, err.in(e.lang))
		return exitUsage
	}
	ln, err2 := listen(f.addr, f.public)
	if err2 != nil {
		e.say(e.stderr, words{"vanban serve: %v\n", "vanban serve: %v\n"}, err2)
		return exitUsage
	}
	s, err2 := serve.New(serve.Config{Dir: dir, Opt: app.Options{FontDir: f.fontDir, TemplateDir: f.templateDir},
		Lang: e.lang, Public: f.public, Log: e.stderr})
	if err2 != nil {
		ln.Close()
		e.say(e.stderr, words{"vanban serve: không mở được thư mục %s: %v\n", "vanban serve: cannot open the folder %s: %v\n"}, dir, err2)
		return exitUsage
	}
	defer s.Close()
	base := "http://" + browserAddr(ln.Addr())
	e.say(e.stdout, words{"vanban serve: đang hiển thị %s tại %s/ (Ctrl+C để dừng)\n", "vanban serve: showing %s at %s/ (Ctrl+C to stop)\n"}, dir, base)
	if file != "" {
		fmt.Fprintln(e.stdout, base+serve.ViewURL(file))
	}
	if err := s.Serve(e.ctx, ln); err != nil {
		e.say(e.stderr, words{"vanban serve: %v\n", "vanban serve: %v\n"}, err)
		return exitInvalid
	}
	return exitOK
}

// serveTarget returns the folder to serve and, for a file, its path
// relative to that folder.
func serveTarget(target string) (dir, file string, err *words) {
	info, statErr := os.Stat(target)
	if statErr != nil {
		reason := statErr.Error()
		if pe := (*os.PathError)(nil); errors.As(statErr, &pe) {
			reason = pe.Err.Error()
		}
		return "", "", &words{fmt.Sprintf("không đọc được %s: %s", target, reason), fmt.Sprintf("cannot read %s: %s", target, reason)}
	}
	if info.IsDir() {
		return target, "", nil
	}
	if !app.IsYAML(target) {
		return "", "", &words{fmt.Sprintf("%s không phải tệp .yaml hay thư mục", target), fmt.Sprintf("%s is not a .yaml file or a folder", target)}
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
