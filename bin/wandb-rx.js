#!/usr/bin/env -S node --max-semi-space-size=1 --heap-growing-percent=50
// The `wandb-rx` bin. npm links a bin only if its file exists at install time, and in a fresh
// checkout `dist/` is built later (by `prepare`), so the link points here and this loads the
// built CLI.
//
// --max-semi-space-size=1: an export's live heap is ~12 MB, but V8's default 16 MB semi-spaces let
// each history window's garbage survive into old space, and the heap grows to ~80 MB before a full
// GC (issue 13). Small semi-spaces collect it young: 1M-row exports stay under 150 MB RSS, at no
// measurable cost in speed. Node reads this flag only at start-up, hence the shebang.
// --heap-growing-percent=50: the rows that do get promoted die in old space, and V8's default
// growth let it reach ~3.5× the ~25 MB live heap before a full GC (1M-row export: ~190 MB RSS).
// Growing by 1.5× keeps the same exports near 120–135 MB; unlike --max-old-space-size it is not a
// cap, so a large `runs` listing still gets all the heap it needs.
await import('../dist/cli/main.js')
