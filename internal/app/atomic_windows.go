package app

import "syscall"

// Windows error codes (winerror.h) that the syscall package does not name.
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
	errorHandleDiskFull   syscall.Errno = 39
	errorDiskFull         syscall.Errno = 112
	errorInvalidName      syscall.Errno = 123
)

// lockedErrnos are the errors of replacing a file that another program
// holds open: a PDF viewer or Excel opens its file without sharing its
// deletion, and MoveFileEx then fails with access denied or a sharing
// violation.
var lockedErrnos = []syscall.Errno{syscall.ERROR_ACCESS_DENIED, errorSharingViolation, errorLockViolation}

var systemReasons = []struct {
	err error
	vi  string
}{
	{errorSharingViolation, "tệp đang được một chương trình khác mở"},
	{errorLockViolation, "tệp đang được một chương trình khác mở"},
	{errorDiskFull, "ổ đĩa đã đầy"},
	{errorHandleDiskFull, "ổ đĩa đã đầy"},
	{errorInvalidName, `tên tệp có ký tự không dùng được (\ / : * ? " < > |)`},
}
