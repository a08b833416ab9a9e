/* gk-audit.c: the append-only, hash-chained audit log (DESIGN §6)
 *
 * Each event's hash is SHA-256 over the previous event's hash followed by
 * a canonical form of the event's own fields, so changing, removing or
 * reordering any past event breaks every hash after it. Anyone who can
 * write the file can rebuild the chain: it shows accidents and casual
 * tampering, it is not a signature.
 */

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64      id;
  const char *at;
  gint64      person_id;
  const char *os_user;
  const char *entity;
  gint64      entity_id;
  const char *action;
  const char *old_json;
  const char *new_json;
} AuditEvent;

/* Fields separated by U+001F, which no field may contain unescaped since
 * all are either numbers, names or JSON (where it would be \u001f). */
static char *
compute_hash (const char       *prev_hash,
              const AuditEvent *event)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *canonical = NULL;
  g_autofree char *person = event->person_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, event->person_id)
                                                 : g_strdup ("");

  canonical = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s",
                               event->id, event->at, person, event->os_user,
                               event->entity, event->entity_id, event->action,
                               event->old_json ? event->old_json : "",
                               event->new_json ? event->new_json : "");
  g_checksum_update (sum, (const guchar *) prev_hash, -1);
  g_checksum_update (sum, (const guchar *) canonical, -1);
  return g_strdup (g_checksum_get_string (sum));
}

static gboolean
last_event (GkDatabase  *db,
            gint64      *last_id,
            char       **last_hash,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *last_id = sqlite3_column_int64 (stmt, 0);
      *last_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the audit log"));
      return FALSE;
    }
  *last_id = 0;
  *last_hash = g_strdup (GENESIS_HASH);
  return TRUE;
}

struct _GkAuditWriter
{
  GkDatabase   *db;
  sqlite3_stmt *insert;
  gint64        last_id;
  char         *last_hash;
  char         *os_user;
};

GkAuditWriter *
gk_audit_writer_new (GkDatabase  *db,
                     GError     **error)
{
  g_autoptr(GkAuditWriter) writer = g_new0 (GkAuditWriter, 1);

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (gk_database_in_write (db), NULL);

  writer->db = g_object_ref (db);
  writer->os_user = g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
  if (!last_event (db, &writer->last_id, &writer->last_hash, error))
    return NULL;
  writer->insert = gk_database_prepare (db,
                                        "INSERT INTO audit_events (id, at, person_id, os_user, entity, entity_id,"
                                        "                          action, old_json, new_json, prev_hash, hash)"
                                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
  if (writer->insert == NULL)
    return NULL;
  return g_steal_pointer (&writer);
}

gboolean
gk_audit_writer_append (GkAuditWriter  *writer,
                        const char     *at,
                        gint64          person_id,
                        const char     *entity,
                        gint64          entity_id,
                        const char     *action,
                        const char     *old_json,
                        const char     *new_json,
                        GError        **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *hash = NULL;
  AuditEvent event;
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (at != NULL && entity != NULL && action != NULL, FALSE);

  event = (AuditEvent) {
    .id = writer->last_id + 1,
    .at = at,
    .person_id = person_id,
    .os_user = writer->os_user,
    .entity = entity,
    .entity_id = entity_id,
    .action = action,
    .old_json = old_json,
    .new_json = new_json,
  };
  hash = compute_hash (writer->last_hash, &event);

  stmt = writer->insert;
  sqlite3_bind_int64 (stmt, 1, event.id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  if (event.person_id > 0)
    sqlite3_bind_int64 (stmt, 3, event.person_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, writer->os_user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, entity_id);
  sqlite3_bind_text (stmt, 7, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, writer->last_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, hash, -1, SQLITE_STATIC);
  ok = gk_database_step_done (writer->db, stmt, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  writer->last_id = event.id;
  g_free (writer->last_hash);
  writer->last_hash = g_steal_pointer (&hash);
  return TRUE;
}

void
gk_audit_writer_free (GkAuditWriter *writer)
{
  if (writer == NULL)
    return;
  sqlite3_finalize (writer->insert);
  g_clear_object (&writer->db);
  g_free (writer->last_hash);
  g_free (writer->os_user);
  g_free (writer);
}

gboolean
gk_audit_append (GkDatabase  *db,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *action,
                 const char  *old_json,
                 const char  *new_json,
                 GError     **error)
{
  g_autoptr(GkAuditWriter) writer = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (gk_database_in_write (db), FALSE);
  g_return_val_if_fail (entity != NULL && action != NULL, FALSE);

  writer = gk_audit_writer_new (db, error);
  if (writer == NULL)
    return FALSE;
  at = gk_database_timestamp (db);
  return gk_audit_writer_append (writer, at, gk_database_get_actor (db), entity, entity_id,
                                 action, old_json, new_json, error);
}

gboolean
gk_audit_verify (GkDatabase  *db,
                 gint64      *broken_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev_hash = g_strdup (GENESIS_HASH);
  gint64 expected_id = 1;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (broken_id != NULL)
    *broken_id = 0;

  stmt = gk_database_prepare (db,
                              "SELECT id, at, person_id, os_user, entity, entity_id, action,"
                              "       old_json, new_json, prev_hash, hash"
                              " FROM audit_events ORDER BY id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AuditEvent event = {
        .id = sqlite3_column_int64 (stmt, 0),
        .at = (const char *) sqlite3_column_text (stmt, 1),
        .person_id = sqlite3_column_int64 (stmt, 2),
        .os_user = (const char *) sqlite3_column_text (stmt, 3),
        .entity = (const char *) sqlite3_column_text (stmt, 4),
        .entity_id = sqlite3_column_int64 (stmt, 5),
        .action = (const char *) sqlite3_column_text (stmt, 6),
        .old_json = (const char *) sqlite3_column_text (stmt, 7),
        .new_json = (const char *) sqlite3_column_text (stmt, 8),
      };
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, 9);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 10);
      g_autofree char *hash = NULL;

      /* A gap in the ids is a deleted event. */
      if (event.id != expected_id ||
          g_strcmp0 (stored_prev, prev_hash) != 0 ||
          g_strcmp0 (stored_hash, (hash = compute_hash (prev_hash, &event))) != 0)
        {
          if (broken_id != NULL)
            *broken_id = event.id;
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_BROKEN_CHAIN,
                       _("The audit log is broken at event %" PRId64 " (%s %s #%" PRId64 "): it was changed or removed after it was written"),
                       event.id, event.action, event.entity, event.entity_id);
          return FALSE;
        }

      g_free (prev_hash);
      prev_hash = g_strdup (stored_hash);
      expected_id++;
    }

  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the audit log"));
      return FALSE;
    }
  return TRUE;
}

char *
gk_audit_json (const char *first_key,
               ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, key);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  va_end (args);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
