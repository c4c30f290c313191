#!/usr/bin/env bash
# Moved to integrations/kernel/ (the database half of "modlife-kernel legacy").
exec "$(dirname "$0")/../integrations/kernel/legacy-compdb.sh" "$@"
