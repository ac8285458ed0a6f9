#!/usr/bin/env bash
# Backup of the portal (issue 15): the PostgreSQL database as a pg_dump custom-format archive (pg_dump -Fc:
# compressed, restorable table by table, one consistent snapshot however long the dump takes) and the folder of
# held uploads (files waiting for their delivery's acceptance: they hold personal data and are not in the database).
# Docs: docs/operations.md, "Backup and restore".
#
# usage: ops/backup.sh [TARGET_FOLDER]        (default ./backups)
# The database is named the libpq way: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGDATABASE
# (publieksdata), PGPASSWORD or ~/.pgpass. The upload folder: PUBLIEKSDATA_DELIVERY_UPLOAD_DIR, as the portal
# reads it (default ${TMPDIR:-/tmp}/publieksdata-uploads, the portal's default).
# Writes TARGET_FOLDER/publieksdata-<database>-<UTC time>/ with database.dump, uploads.tar.gz and MANIFEST
# (what, when, from where, SHA-256 of both files); prints that folder's path as its last line. Exits non-zero
# on any failure, leaving no half backup under the final name.
set -euo pipefail

seconds() { local ms=$(( $2 - $1 )); printf "%d.%03d" $((ms / 1000)) $((ms % 1000)); }

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-publieksdata}"
uploads="${PUBLIEKSDATA_DELIVERY_UPLOAD_DIR:-${TMPDIR:-/tmp}/publieksdata-uploads}"
target="${1:-./backups}"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
name="publieksdata-${PGDATABASE}-${stamp}"
mkdir -p "$target"
work="$(mktemp -d "$target/.${name}.XXXX")"
trap 'rm -rf "$work"' EXIT

started=$(date +%s%3N)
pg_dump --format=custom --compress=6 --no-owner --file="$work/database.dump" "$PGDATABASE"
dumped=$(date +%s%3N)
if [ -d "$uploads" ]; then
  tar -czf "$work/uploads.tar.gz" -C "$uploads" .
else
  echo "backup: no upload folder at $uploads (nothing held): an empty uploads.tar.gz" >&2
  tar -czf "$work/uploads.tar.gz" --files-from /dev/null
fi
finished=$(date +%s%3N)

{
  echo "what: Publieksdata portal backup (ops/backup.sh)"
  echo "taken: $stamp"
  echo "database: $PGDATABASE on $PGHOST:$PGPORT as $PGUSER ($(pg_dump --version))"
  echo "uploads: $uploads ($(tar -tzf "$work/uploads.tar.gz" | grep -cv '/$' || true) files)"
  echo "upload-folder: $(cd "$uploads" 2>/dev/null && pwd -P || echo "$uploads")"
  echo "seconds: dump $(seconds "$started" "$dumped"), uploads $(seconds "$dumped" "$finished")"
  (cd "$work" && sha256sum database.dump uploads.tar.gz)
} > "$work/MANIFEST"

mv "$work" "$target/$name"
trap - EXIT
echo "backup: database $(du -h "$target/$name/database.dump" | cut -f1), uploads $(du -h "$target/$name/uploads.tar.gz" | cut -f1)" >&2
echo "$target/$name"
