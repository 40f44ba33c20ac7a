#!/usr/bin/env -S node --max-semi-space-size=1
// The `wandb-rx` bin. npm links a bin only if its file exists at install time, and in a fresh
// checkout `dist/` is built later (by `prepare`), so the link points here and this loads the
// built CLI.
//
// --max-semi-space-size=1: an export's live heap is ~12 MB, but V8's default 16 MB semi-spaces let
// each history window's garbage survive into old space, and the heap grows to ~80 MB before a full
// GC (issue 13). Small semi-spaces collect it young: 1M-row exports stay under 150 MB RSS, at no
// measurable cost in speed. Node reads this flag only at start-up, hence the shebang.
await import('../dist/cli/main.js')
