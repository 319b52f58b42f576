#!/usr/bin/env -S node --
'use strict';
// An absolute path: a relative one sends Node through its package "exports" lookup first (about 2% of start-up).
require(__dirname + '/../dist/cli.cjs');
