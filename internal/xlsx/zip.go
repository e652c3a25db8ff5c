package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"sort"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/vanban/vanban/internal/deflate"
)

// sortedZip collects the parts of a workbook and writes them in a fixed
// order when closed. excelize writes streamed sheets in Go map order,
// which would make the same workbook come out with different bytes.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

// Create implements excelize.ZipWriter.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

// AddFS implements excelize.ZipWriter.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		w, _ := z.Create(path)
		_, err = w.Write(data)
		return err
	})
}

// flatePool keeps compressors for the next workbooks. internal/deflate
// writes the bytes compress/flate writes at BestSpeed.
var flatePool = sync.Pool{New: func() any { return deflate.NewWriter(io.Discard) }}

// Close writes the parts, [Content_Types].xml first as many readers
// expect, then the rest by name, with no timestamps.
func (z *sortedZip) Close() error {
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := names[i] == "[Content_Types].xml", names[j] == "[Content_Types].xml"
		if a != b {
			return a
		}
		return names[i] < names[j]
	})
	zw := zip.NewWriter(z.w)
	// Fast compression: a workbook is small either way, and the default
	// level costs several times more time for a few per cent of size.
	// One compressor serves every entry in turn (entries are written one
	// after the other).
	fw := flatePool.Get().(*deflate.Writer)
	defer flatePool.Put(fw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw.Reset(w)
		return fw, nil
	})
	for _, n := range names {
		data := z.parts[n].Bytes()
		if n == "xl/styles.xml" {
			var err error
			if data, err = normalFont(data); err != nil {
				return err
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// normalFont makes the workbook's Normal font, the first of styles.xml,
// 12 pt instead of the 11 pt excelize writes and offers no way to change:
// column widths are counted in its digits (see charPt).
func normalFont(styles []byte) ([]byte, error) {
	const from, to = `<font><sz val="11"></sz>`, `<font><sz val="12"></sz>`
	i := bytes.Index(styles, []byte("<fonts "))
	j := bytes.Index(styles, []byte("<font>"))
	if i < 0 || j < i || !bytes.HasPrefix(styles[j:], []byte(from)) {
		return nil, errors.New("xl/styles.xml: the Normal font is not where vanban sets its size")
	}
	out := append([]byte{}, styles[:j]...)
	out = append(out, to...)
	return append(out, styles[j+len(from):]...), nil
}
