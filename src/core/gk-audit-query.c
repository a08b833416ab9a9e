/* gk-audit-query.c: the audit trail, filtered and paged, for the viewer */

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "core/gk-audit-query.h"

void
gk_audit_entry_free (GkAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->person);
  g_free (entry->os_user);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->old_json);
  g_free (entry->new_json);
  g_free (entry);
}

void
gk_audit_change_free (GkAuditChange *change)
{
  if (change == NULL)
    return;
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/* A number in an event's JSON, on either side: the values are written as
 * strings by gk_audit_json(), so they are cast. */
#define JSON_ID(side, field) \
  "CAST (CASE WHEN json_valid (a." side ") THEN json_extract (a." side ", '$." field "') END AS INTEGER)"

/* Every filter binds a named parameter, always: zero means "do not filter",
 * so one statement text serves every combination. */
static const char filter_sql[] =
  "WITH RECURSIVE subtree (id) AS ("
  "  SELECT :org WHERE :org <> 0"
  "  UNION SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id)"
  " SELECT %s FROM audit_events a LEFT JOIN people p ON p.id = a.person_id"
  " WHERE (:person = 0 OR a.person_id = :person)"
  "   AND (:event = 0 OR a.id = :event)"
  "   AND (:entity IS NULL OR a.entity = :entity)"
  "   AND (:entity_id = 0 OR a.entity_id = :entity_id)"
  "   AND (:from IS NULL OR date (a.at, 'localtime') >= :from)"
  "   AND (:to IS NULL OR date (a.at, 'localtime') <= :to)"
  "   AND (:notice = 0"
  "     OR (a.entity = 'notice' AND a.entity_id = :notice)"
  "     OR " JSON_ID ("new_json", "notice_id") " = :notice"
  "     OR " JSON_ID ("old_json", "notice_id") " = :notice"
  "     OR " JSON_ID ("new_json", "clarification_id") " = :notice)"
  "   AND (:org = 0"
  "     OR (a.entity = 'organization' AND a.entity_id IN subtree)"
  "     OR (a.entity = 'notice' AND a.entity_id IN (SELECT id FROM notices WHERE organization_id IN subtree))"
  "     OR (a.entity = 'catalog' AND a.entity_id IN (SELECT id FROM catalogs WHERE organization_id IN subtree))"
  "     OR (a.entity = 'category' AND a.entity_id IN (SELECT g.id FROM categories g"
  "           JOIN catalogs c ON c.id = g.catalog_id WHERE c.organization_id IN subtree))"
  "     OR (a.entity = 'catalog-item' AND a.entity_id IN (SELECT i.id FROM catalog_items i"
  "           JOIN catalogs c ON c.id = i.catalog_id WHERE c.organization_id IN subtree))"
  "     OR (a.entity = 'catalog-filing' AND a.entity_id IN (SELECT f.id FROM catalog_filings f"
  "           JOIN catalogs c ON c.id = f.catalog_id WHERE c.organization_id IN subtree))"
  "     OR (a.entity = 'application' AND a.entity_id IN (SELECT id FROM applications"
  "           WHERE addressed_to_id IN subtree OR handler_id IN subtree))"
  "     OR (a.entity = 'inspection-finding' AND a.entity_id IN (SELECT id FROM inspection_findings"
  "           WHERE organization_id IN subtree))"
  "     OR (a.entity = 'feedback' AND a.entity_id IN (SELECT f.id FROM feedback f"
  "           JOIN notices n ON n.id = f.notice_id WHERE n.organization_id IN subtree))"
  "     OR " JSON_ID ("new_json", "organization_id") " IN subtree"
  "     OR " JSON_ID ("old_json", "organization_id") " IN subtree)"
  " %s";

static sqlite3_stmt *
prepare (GkDatabase          *db,
         const GkAuditQuery  *query,
         const char          *columns,
         const char          *tail,
         GError             **error)
{
  g_autofree char *sql = g_strdup_printf (filter_sql, columns, tail);
  sqlite3_stmt *stmt = gk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":org"), query->organization_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":person"), query->person_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":event"), query->event_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":notice"), query->notice_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":entity"), query->entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":entity_id"), query->entity_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), query->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), query->to, -1, SQLITE_STATIC);
  return stmt;
}

/* An event from the columns ENTRY_COLUMNS selects. */
#define ENTRY_COLUMNS \
  "a.id, a.at, coalesce (a.person_id, 0), coalesce (p.name, ''), a.os_user, a.entity," \
  " a.entity_id, a.action, a.old_json, a.new_json"

static GkAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  GkAuditEntry *entry = g_new0 (GkAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->person_id = sqlite3_column_int64 (stmt, 2);
  entry->person = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  entry->os_user = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  entry->entity_id = sqlite3_column_int64 (stmt, 6);
  entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  entry->old_json = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  entry->new_json = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  return entry;
}

GPtrArray *
gk_audit_query_list (GkDatabase          *db,
                     const GkAuditQuery  *query,
                     GError             **error)
{
  static const GkAuditQuery everything = { 0 };
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if (query == NULL)
    query = &everything;

  stmt = prepare (db, query, ENTRY_COLUMNS,
                  "ORDER BY a.id LIMIT :limit OFFSET :offset", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), query->limit > 0 ? (gint64) query->limit : -1);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":offset"), query->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the audit log"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gint64
gk_audit_query_count (GkDatabase          *db,
                      const GkAuditQuery  *query,
                      GError             **error)
{
  static const GkAuditQuery everything = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), -1);

  stmt = prepare (db, query != NULL ? query : &everything, "count(*)", "", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the audit log"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static JsonObject *
parse_object (const char *json,
              JsonParser *parser)
{
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static char *
value_text (JsonObject *object,
            const char *field)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, field) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void
collect_fields (JsonObject *object,
                GPtrArray  *fields)
{
  g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_ptr_array_find_with_equal_func (fields, l->data, g_str_equal, NULL))
      g_ptr_array_add (fields, l->data);
}

GPtrArray *
gk_audit_entry_changes (const GkAuditEntry *entry)
{
  g_autoptr(JsonParser) old_parser = json_parser_new ();
  g_autoptr(JsonParser) new_parser = json_parser_new ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_audit_change_free);
  JsonObject *old_object, *new_object;
  gboolean both;

  g_return_val_if_fail (entry != NULL, changes);

  old_object = parse_object (entry->old_json, old_parser);
  new_object = parse_object (entry->new_json, new_parser);
  both = old_object != NULL && new_object != NULL;
  collect_fields (old_object, fields);
  collect_fields (new_object, fields);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);
      g_autofree char *old_value = value_text (old_object, field);
      g_autofree char *new_value = value_text (new_object, field);
      GkAuditChange *change;

      /* Unchanged fields, and empty ones of an event with one side. */
      if (g_strcmp0 (old_value, new_value) == 0 && (both || old_value == NULL))
        continue;
      change = g_new0 (GkAuditChange, 1);
      change->field = g_strdup (field);
      change->old_value = g_steal_pointer (&old_value);
      change->new_value = g_steal_pointer (&new_value);
      g_ptr_array_add (changes, change);
    }
  return changes;
}

char *
gk_audit_entry_describe_changes (const GkAuditEntry *entry)
{
  g_autoptr(GPtrArray) changes = gk_audit_entry_changes (entry);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean has_old = entry->old_json != NULL;

  for (guint i = 0; i < changes->len; i++)
    {
      GkAuditChange *change = g_ptr_array_index (changes, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s: ", change->field);
      if (has_old)
        g_string_append_printf (text, "%s → ", change->old_value != NULL ? change->old_value : "∅");
      g_string_append (text, change->new_value != NULL ? change->new_value : "∅");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The rowid order is the chain's order: the newest event is found by
 * walking back from the end, which stops at once for a recent change. */
GkAuditEntry *
gk_audit_query_last (GkDatabase  *db,
                     const char  *entity,
                     gint64       entity_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  stmt = gk_database_prepare (db,
                              "SELECT " ENTRY_COLUMNS
                              " FROM audit_events a LEFT JOIN people p ON p.id = a.person_id"
                              " WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot read the audit log"));
      return NULL;
    }

  return entry_from_row (stmt);
}
