#!/usr/bin/env bash
# Moved to integrations/kernel/ (the database half of "modlife-kernel modern").
exec "$(dirname "$0")/../integrations/kernel/kernel-compdb.sh" "$@"
