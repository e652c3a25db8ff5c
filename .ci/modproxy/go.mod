// A module of its own, so that vanban's module keeps no dependency that only
// CI uses, and its zip (made by this program) leaves this folder out.
module modproxy

go 1.26.0

require golang.org/x/mod v0.42.0
