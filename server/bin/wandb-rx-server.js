#!/usr/bin/env node
// The `wandb-rx-server` bin. npm links a bin only if its file exists at install time, and in a
// fresh checkout `dist/` is built later (by the root's `prepare`), so the link points here and
// this loads the built CLI.
await import('../dist/cli.js')
