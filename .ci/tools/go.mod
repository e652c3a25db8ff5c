// CI's own tools (modproxy, pack): a module of their own, so that vanban's
// module keeps no dependency that only CI uses, and vanban's module zip
// (made by modproxy) leaves this folder out.
module vanban-ci

go 1.26.0

require golang.org/x/mod v0.42.0
