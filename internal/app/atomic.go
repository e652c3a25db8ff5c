package app

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
)

// WriteAtomic writes data to path through a temporary file in the same
// directory, synced and then renamed over path. Readers see either the old
// file or the complete new one, never a partial file; on any error the
// temporary file is removed and an existing file at path is untouched.
func WriteAtomic(path string, data []byte) error {
	err := writeAtomic(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
	if err == nil {
		syncDir(filepath.Dir(path))
	}
	var fe *fsError
	if errors.As(err, &fe) {
		return fe.err
	}
	return err
}

// fsError marks an error of the file system, as opposed to one returned
// by the Writer that produces the content. locked is set when the output
// could not be replaced because another program holds it open.
type fsError struct {
	err    error
	locked bool
}

func (e *fsError) Error() string { return e.err.Error() }
func (e *fsError) Unwrap() error { return e.err }

// writeAtomic streams the output of write into a temporary file next to
// path and renames it into place only when write and every file operation
// succeeded. The new file keeps the permissions of the file it replaces.
// The file's content is durable before the rename, so that even a power
// cut leaves the old file or the whole new one; the caller makes the
// rename itself durable with syncDir (rendering hands its files to a
// committer instead, which does both for many files at once).
func writeAtomic(path string, write Writer) error {
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		discard(tmp)
		return &fsError{err: err}
	}
	return commitTemp(tmp, path)
}

// writeTemp streams the output of write into a new temporary file next to
// path, with the permissions of the file it will replace, and returns it
// open, not yet synced. On any error nothing is left behind.
func writeTemp(path string, write Writer) (*os.File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, &fsError{err: err}
	}
	pending.Store(tmp.Name(), true)
	if err := fill(tmp, path, write); err != nil {
		discard(tmp)
		return nil, err
	}
	return tmp, nil
}

// fill writes the output into tmp and gives it the mode of the file at
// path, if any.
func fill(tmp *os.File, path string, write Writer) error {
	buf := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return &fsError{err: err}
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
		mode = info.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		return &fsError{err: err}
	}
	return nil
}

// commitTemp closes a temporary file, synced already, and renames it over
// path. On failure the temporary file is removed and path is untouched.
func commitTemp(tmp *os.File, path string) error {
	defer pending.Delete(tmp.Name())
	err := tmp.Close()
	if err == nil {
		err = rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		var le *os.LinkError
		return &fsError{err: err, locked: errors.As(err, &le) && isLocked(le.Err)}
	}
	return nil
}

// discard closes and removes a temporary file that will not be renamed.
func discard(tmp *os.File) {
	tmp.Close()
	os.Remove(tmp.Name())
	pending.Delete(tmp.Name())
}

// rename is os.Rename; tests replace it to act out an output that another
// program holds open.
var rename = os.Rename

// isLocked reports whether errno says that the file is held open by
// another program: on Windows, replacing a PDF that a viewer has open
// fails with a sharing violation or access denied (lockedErrnos).
func isLocked(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && slices.Contains(lockedErrnos, errno)
}

// pending holds the temporary files of writes in progress.
var pending sync.Map

// Abort removes the temporary files of the writes in progress. The command
// calls it when it is interrupted, since deferred clean-ups do not run
// then; a write caught in the middle fails at its rename.
func Abort() {
	pending.Range(func(name, _ any) bool {
		os.Remove(name.(string))
		return true
	})
}

// syncDir makes the renames into dir durable on file systems that need
// it; where a directory cannot be synced (Windows), a rename is durable
// anyway.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}

// plainIOError drops the operation and path that os errors repeat, since
// the diagnostic already names the file.
func plainIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// IOReason says why the file system refused, in Vietnamese and in
// English, without the operation and path that os errors repeat: the
// diagnostic already names the file. The system's own words are English
// (or, on Windows, in the language of the system); a clerk gets the
// common reasons in Vietnamese and the others with the system's words
// kept, so that they can still be looked up.
func IOReason(err error) (vi, en string) {
	en = plainIOError(err)
	for _, r := range ioReasons {
		if errors.Is(err, r.err) {
			return r.vi, en
		}
	}
	return "lỗi của hệ thống: " + en, en
}

// ioReasons are the file system's refusals that users meet, in
// Vietnamese; systemReasons adds each system's own.
var ioReasons = append([]struct {
	err error
	vi  string
}{
	{fs.ErrNotExist, "không có tệp hoặc thư mục này"},
	{fs.ErrPermission, "không có quyền (tệp hoặc thư mục được bảo vệ, hoặc chỉ cho đọc)"},
	{syscall.ENOTDIR, "một phần của đường dẫn là tệp, không phải thư mục"},
	{syscall.EISDIR, "đây là một thư mục, không phải tệp"},
	{syscall.ENOSPC, "ổ đĩa đã đầy"},
	{syscall.EROFS, "ổ đĩa chỉ cho đọc"},
	{syscall.ENAMETOOLONG, "tên tệp hoặc đường dẫn quá dài"},
}, systemReasons...)
