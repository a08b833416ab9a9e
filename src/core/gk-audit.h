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

/* For writers of many events in one gk_database_write() (the --scale
 * generator): the chain's end is read once and kept, the statement stays
 * prepared, and each event says when it happened and who did it. While a
 * writer is in use, append through it only. The events and their hashes
 * are the same as gk_audit_append() would write. */
typedef struct _GkAuditWriter GkAuditWriter;

GkAuditWriter *gk_audit_writer_new    (GkDatabase     *db,
                                       GError        **error);
gboolean       gk_audit_writer_append (GkAuditWriter  *writer,
                                       const char     *at,
                                       gint64          person_id,
                                       const char     *entity,
                                       gint64          entity_id,
                                       const char     *action,
                                       const char     *old_json,
                                       const char     *new_json,
                                       GError        **error);
void           gk_audit_writer_free   (GkAuditWriter  *writer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkAuditWriter, gk_audit_writer_free)

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
