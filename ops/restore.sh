#!/usr/bin/env bash
# Restore of a backup made by ops/backup.sh (issue 15) into a FRESH database and an empty upload folder; then
# start the portal on them (PUBLIEKSDATA_DB_URL=jdbc:postgresql://<host>:<port>/<database>,
# PUBLIEKSDATA_DELIVERY_UPLOAD_DIR=<folder>): processes continue where they were (their state is in the same
# database: Camunda's tables beside the portal's). Docs: docs/operations.md, "Backup and restore".
#
# usage: ops/restore.sh BACKUP_FOLDER NEW_DATABASE [UPLOAD_FOLDER]
# The server: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD or ~/.pgpass. UPLOAD_FOLDER defaults
# to PUBLIEKSDATA_DELIVERY_UPLOAD_DIR, else ${TMPDIR:-/tmp}/publieksdata-uploads.
# It refuses an existing database or a non-empty upload folder (it never overwrites), checks the backup's
# SHA-256 sums first, and stops at the first error (pg_restore --exit-on-error, in one transaction: a failed
# restore leaves an empty database, dropped again).
set -euo pipefail

seconds() { local ms=$(( $2 - $1 )); printf "%d.%03d" $((ms / 1000)) $((ms % 1000)); }

if [ $# -lt 2 ]; then
  echo "usage: $0 BACKUP_FOLDER NEW_DATABASE [UPLOAD_FOLDER]" >&2
  exit 2
fi
backup="$1"
database="$2"
uploads="${3:-${PUBLIEKSDATA_DELIVERY_UPLOAD_DIR:-${TMPDIR:-/tmp}/publieksdata-uploads}}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

if ! [[ "$database" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "restore: '$database' is not a plain database name (lower case letters, digits, _)" >&2
  exit 2
fi
[ -f "$backup/MANIFEST" ] || { echo "restore: $backup has no MANIFEST: not a backup of ops/backup.sh" >&2; exit 2; }
(cd "$backup" && grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum --check --quiet) \
  || { echo "restore: the backup's files do not match their SHA-256 sums in MANIFEST" >&2; exit 2; }
if [ -n "$(psql -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]; then
  echo "restore: database $database exists; restore only into a fresh one (choose another name)" >&2
  exit 2
fi
if [ -d "$uploads" ] && [ -n "$(ls -A "$uploads")" ]; then
  echo "restore: upload folder $uploads is not empty; restore only into an empty one" >&2
  exit 2
fi

started=$(date +%s%3N)
createdb "$database"
if ! pg_restore --exit-on-error --single-transaction --no-owner --dbname="$database" "$backup/database.dump"; then
  dropdb "$database" || true
  echo "restore: pg_restore failed; database $database dropped again" >&2
  exit 1
fi
psql -d "$database" -qc "ANALYZE"
restored=$(date +%s%3N)
mkdir -p "$uploads"
tar -xzf "$backup/uploads.tar.gz" -C "$uploads"
# deliveries name their held file by its full path: point them at the folder the files are in now
old_folder="$(sed -n 's/^upload-folder: //p' "$backup/MANIFEST")"
new_folder="$(cd "$uploads" && pwd -P)"
if [ -n "$old_folder" ] && [ "$old_folder" != "$new_folder" ]; then
  moved=$(psql -d "$database" -Atq -v old="$old_folder/" -v new="$new_folder/" <<'SQL'
UPDATE delivery SET held_file = :'new' || substr(held_file, length(:'old') + 1)
 WHERE held_file LIKE :'old' || '%' RETURNING id;
SQL
)
  echo "restore: held files of $(printf '%s' "$moved" | grep -c . || true) deliveries now under $new_folder (were under $old_folder)" >&2
fi
finished=$(date +%s%3N)
echo "restore: $database from $backup in $(seconds "$started" "$restored") s, uploads into $uploads in $(seconds "$restored" "$finished") s" >&2
echo "restore: start the portal with PUBLIEKSDATA_DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$database PUBLIEKSDATA_DELIVERY_UPLOAD_DIR=$uploads" >&2
