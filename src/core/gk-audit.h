#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* Appends one event to the hash-chained audit log. Must be called inside
 * gk_database_write(): the event commits or rolls back with the change.
 * OLD_JSON and NEW_JSON are JSON objects (or NULL) of the changed fields. */
gboolean gk_audit_append (GkDatabase  *db,
                          const char  *entity,
                          gint64       entity_id,
                          const char  *action,
                          const char  *old_json,
                          const char  *new_json,
                          GError     **error);

/* A JSON object of string fields, for the old/new sides of an event:
 * gk_audit_json ("name", name, "kind", kind, NULL). NULL values are
 * written as JSON null. */
char    *gk_audit_json   (const char *first_key,
                          ...) G_GNUC_NULL_TERMINATED;

/* Recomputes the chain. On a break, returns FALSE with
 * GK_CORE_ERROR_BROKEN_CHAIN and sets BROKEN_ID to the first bad event. */
gboolean gk_audit_verify (GkDatabase  *db,
                          gint64      *broken_id,
                          GError     **error);

G_END_DECLS
