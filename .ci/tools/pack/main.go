// Command pack makes vanban's release archives and checks them.
//
//	pack -o ARCHIVE -mtime UNIX -root NAME FILE=PATH-IN-ARCHIVE...
//	pack -check-binary BINARY -goos OS -goarch ARCH
//
// An archive is a zip when its name ends in .zip, otherwise a gzipped tar.
// It is byte for byte the same for the same inputs, whatever the machine:
// entries in name order under one root folder, every time stamp set to
// -mtime (the commit's time), modes 0755 for executables and 0644 for the
// rest, no owner names or ids, no gzip file name or time, no zip extra
// fields. Folders are not stored; extractors create them.
//
// -check-binary reads an executable's header (PE, Mach-O or ELF) and fails
// unless it is a program for the given system and processor.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	out := flag.String("o", "", "the archive to write (.zip or .tar.gz)")
	mtime := flag.Int64("mtime", 0, "time stamp of every entry, in Unix seconds")
	root := flag.String("root", "", "the folder every entry lies in")
	check := flag.String("check-binary", "", "an executable to check")
	goos := flag.String("goos", "", "the system the executable is for")
	goarch := flag.String("goarch", "", "the processor the executable is for")
	flag.Parse()
	var err error
	if *check != "" {
		err = checkBinary(*check, *goos, *goarch)
	} else {
		err = pack(*out, time.Unix(*mtime, 0).UTC(), *root, flag.Args())
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

type entry struct {
	name string // inside the archive
	data []byte
	exec bool
}

// pack writes the archive of the FILE=NAME arguments; a FILE that is a
// folder brings every file below it, under NAME.
func pack(out string, mtime time.Time, root string, args []string) error {
	var entries []entry
	for _, a := range args {
		src, name, ok := strings.Cut(a, "=")
		if !ok {
			return fmt.Errorf("%q is not FILE=NAME", a)
		}
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			entries = append(entries, entry{
				name: path.Join(root, name, filepath.ToSlash(rel)),
				data: data,
				exec: info.Mode()&0o111 != 0,
			})
			return nil
		})
		if err != nil {
			return err
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(out, ".zip") {
		err = writeZip(&b, entries, mtime)
	} else {
		err = writeTarGz(&b, entries, mtime)
	}
	if err != nil {
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}

func mode(e entry) int64 {
	if e.exec {
		return 0o755
	}
	return 0o644
}

func writeZip(w io.Writer, entries []entry, mtime time.Time) error {
	z := zip.NewWriter(w)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate, Modified: mtime}
		h.SetMode(os.FileMode(mode(e)))
		f, err := z.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(e.data); err != nil {
			return err
		}
	}
	return z.Close()
}

func writeTarGz(w io.Writer, entries []entry, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression) // no name, no time: the header stays fixed
	if err != nil {
		return err
	}
	t := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     e.name,
			Size:     int64(len(e.data)),
			Mode:     mode(e),
			ModTime:  mtime,
			Format:   tar.FormatPAX,
		}
		if err := t.WriteHeader(h); err != nil {
			return err
		}
		if _, err := t.Write(e.data); err != nil {
			return err
		}
	}
	if err := t.Close(); err != nil {
		return err
	}
	return gz.Close()
}

// checkBinary fails unless file is an executable for goos/goarch.
func checkBinary(file, goos, goarch string) error {
	var got string
	switch goos {
	case "windows":
		f, err := pe.Open(file)
		if err != nil {
			return fmt.Errorf("%s: not a Windows (PE) executable: %w", file, err)
		}
		defer f.Close()
		got = map[uint16]string{pe.IMAGE_FILE_MACHINE_AMD64: "amd64", pe.IMAGE_FILE_MACHINE_ARM64: "arm64"}[f.Machine]
		if f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 {
			return fmt.Errorf("%s: a PE file, but not an executable image", file)
		}
	case "darwin":
		f, err := macho.Open(file)
		if err != nil {
			return fmt.Errorf("%s: not a macOS (Mach-O) executable: %w", file, err)
		}
		defer f.Close()
		got = map[macho.Cpu]string{macho.CpuAmd64: "amd64", macho.CpuArm64: "arm64"}[f.Cpu]
		if f.Type != macho.TypeExec {
			return fmt.Errorf("%s: a Mach-O file, but not an executable", file)
		}
	case "linux":
		f, err := elf.Open(file)
		if err != nil {
			return fmt.Errorf("%s: not a Linux (ELF) executable: %w", file, err)
		}
		defer f.Close()
		got = map[elf.Machine]string{elf.EM_X86_64: "amd64", elf.EM_AARCH64: "arm64"}[f.Machine]
		if f.Type != elf.ET_EXEC || f.OSABI != elf.ELFOSABI_NONE && f.OSABI != elf.ELFOSABI_LINUX {
			return fmt.Errorf("%s: an ELF file, but not a Linux executable (type %v, ABI %v)", file, f.Type, f.OSABI)
		}
	default:
		return fmt.Errorf("unknown system %q", goos)
	}
	if got != goarch {
		return fmt.Errorf("%s: an executable for %s/%q, want %s/%s", file, goos, got, goos, goarch)
	}
	return nil
}
