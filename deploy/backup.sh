#!/bin/sh
# Nightly backup, run as the service user by da-scorecard-backup.service (or from cron):
# a checked copy of the database and its flyers into BACKUP_DIR/DATE/, copies older than
# KEEP_DAYS removed, and, when OFFSITE is set (an rsync destination such as
# backup@elsewhere.example.org:scorecard/), the whole folder copied off the machine.
set -eu
umask 077
APP_DIR=${APP_DIR:-/opt/da-scorecard}
BACKUP_DIR=${BACKUP_DIR:-/var/backups/da-scorecard}
KEEP_DAYS=${KEEP_DAYS:-30}

stamp=$(date -u +%Y-%m-%dT%H%M%SZ)
mkdir -p "$BACKUP_DIR/$stamp"
cd "$APP_DIR"
# The same command as `npm run backup`, without npm: the database and FILE.flyers/.
node scripts/command.mjs backup "$BACKUP_DIR/$stamp/scorecard.db"

find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -mtime +"$KEEP_DAYS" -exec rm -rf {} +

if [ -n "${OFFSITE:-}" ]; then
  rsync -a --delete "$BACKUP_DIR/" "$OFFSITE"
fi
