/* gk-notices.c: reading notices — one, a filtered list, a history */

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <string.h>

#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-notice-private.h"
#include "core/gk-notices.h"
#include "core/gk-search.h"

GkNotice *
gk_notices_get (GkDatabase  *db,
                gint64       notice_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, GK_NOTICE_ROW_SQL " WHERE n.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        {
          gk_database_set_error (db, error, _("Cannot read the notice"));
          return NULL;
        }
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no notice %" PRId64), notice_id);
      return NULL;
    }
  return gk_notice_new_from_row (stmt);
}

GArray *
gk_notice_read_ids (GkDatabase    *db,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the notices"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
gk_notices_list_for_export (GkDatabase          *db,
                            const char          *from,
                            const char          *to,
                            const char * const  *states,
                            gint64               organization_id,
                            GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT n.id FROM notices n WHERE n.state IN (");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_states;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL && states != NULL, NULL);

  if (!gk_date_parse (from, &(GDate) { 0 }, error) || !gk_date_parse (to, &(GDate) { 0 }, error))
    return NULL;
  if (strcmp (from, to) > 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The first date, %s, is after the last, %s"),
                   from, to);
      return NULL;
    }
  n_states = g_strv_length ((char **) states);
  if (n_states == 0)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_states; i++)
    g_string_append (sql, i > 0 ? ", ?" : "?");
  /* The range on the list's date walks the index notices_state_date. */
  g_string_append (sql, ") AND " GK_NOTICE_ORDER_KEY " BETWEEN :from AND :to"
                        " AND (:org <= 0 OR n.organization_id = :org)"
                        " ORDER BY " GK_NOTICE_ORDER_KEY ", n.id");
  stmt = gk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_states; i++)
    sqlite3_bind_text (stmt, (int) i + 1, states[i], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":org"), organization_id);

  return gk_notice_read_ids (db, stmt, error);
}

GkNoticeQuery *
gk_notice_query_copy (const GkNoticeQuery *query)
{
  GkNoticeQuery *copy = g_new0 (GkNoticeQuery, 1);

  if (query != NULL)
    {
      *copy = *query;
      copy->state = g_strdup (query->state);
      copy->search = g_strdup (query->search);
    }
  return copy;
}

void
gk_notice_query_free (GkNoticeQuery *query)
{
  if (query == NULL)
    return;
  g_free ((char *) query->state);
  g_free ((char *) query->search);
  g_free (query);
}

/* What to search for, trimmed; NULL when nothing is. */
static char *
search_needle (const GkNoticeQuery *query)
{
  g_autofree char *needle = NULL;

  if (query->search == NULL)
    return NULL;
  needle = g_strstrip (g_strdup (query->search));
  return needle[0] != '\0' ? g_steal_pointer (&needle) : NULL;
}

/* Every condition binds a named parameter, so the text stays constant per
 * combination of filters. */
void
gk_notice_query_append_conditions (const GkNoticeQuery *query,
                                   gboolean             in_order,
                                   GString             *sql)
{
  g_autofree char *needle = search_needle (query);

  if (query->state != NULL)
    g_string_append (sql, " AND n.state = :state");
  if (query->waiting_for > 0)
    g_string_append (sql, " AND n.id IN (SELECT notice_id FROM notice_waiting WHERE person_id = :waiting)");
  if (query->proposed_by > 0)
    g_string_append (sql, " AND n.proposer_id = :proposer");
  if (query->in_progress)
    g_string_append (sql, " AND n.state IN ('submitted', 'reviewed', 'escalated', 'upper-review', 'approved')");
  if (query->published)
    g_string_append (sql, " AND n.state = 'published'");
  /* A unary + keeps SQLite from looking the matches up by id. */
  if (needle != NULL)
    g_string_append_printf (sql, " AND %s%s", in_order ? "+" : "", gk_search_notice_condition (needle));
}

void
gk_notice_query_bind (const GkNoticeQuery *query,
                      sqlite3_stmt        *stmt)
{
  g_autofree char *needle = search_needle (query);

  if (query->state != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":state"), query->state, -1, SQLITE_TRANSIENT);
  if (query->waiting_for > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":waiting"), query->waiting_for);
  if (query->proposed_by > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":proposer"), query->proposed_by);
  if (needle != NULL)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":search"),
                       gk_search_notice_parameter (needle), -1, g_free);
}

GListModel *
gk_notices_list (GkDatabase           *db,
                 const GkNoticeQuery  *query,
                 GError              **error)
{
  static const GkNoticeQuery everything = { 0 };
  g_autoptr(GListStore) store = g_list_store_new (GK_TYPE_NOTICE);
  g_autoptr(GString) sql = g_string_new (GK_NOTICE_ROW_SQL " WHERE 1");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if (query == NULL)
    query = &everything;

  gk_notice_query_append_conditions (query, FALSE, sql);
  g_string_append (sql, " ORDER BY " GK_NOTICE_ORDER_KEY ", n.id");

  stmt = gk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;
  gk_notice_query_bind (query, stmt);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GkNotice) notice = gk_notice_new_from_row (stmt);

      g_list_store_append (store, notice);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the notices"));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gint64
gk_notices_count (GkDatabase           *db,
                  const GkNoticeQuery  *query,
                  GError              **error)
{
  static const GkNoticeQuery everything = { 0 };
  g_autoptr(GString) sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), -1);

  if (query == NULL)
    query = &everything;

  /* A search alone: its index holds every notice once, so it counts them
   * without reading one. */
  needle = search_needle (query);
  if (needle != NULL && query->state == NULL && query->waiting_for <= 0 && query->proposed_by <= 0 &&
      !query->in_progress && !query->published)
    sql = g_string_new (gk_search_notice_count_sql (needle));
  else
    {
      sql = g_string_new ("SELECT count(*) FROM notices n WHERE 1");
      gk_notice_query_append_conditions (query, FALSE, sql);
    }
  stmt = gk_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;
  gk_notice_query_bind (query, stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gk_database_set_error (db, error, _("Cannot count the notices"));
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

void
gk_notice_event_free (GkNoticeEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->person);
  g_free (event->action);
  g_free (event->from_state);
  g_free (event->to_state);
  g_free (event->note);
  g_free (event);
}

static char *
dup_text (sqlite3_stmt *stmt,
          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text ? text : "");
}

GPtrArray *
gk_notices_history (GkDatabase  *db,
                    gint64       notice_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_notice_event_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT e.at, coalesce (p.name, ''), e.action, e.from_state, e.to_state, e.note"
                              " FROM notice_events e LEFT JOIN people p ON p.id = e.person_id"
                              " WHERE e.notice_id = ? ORDER BY e.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkNoticeEvent *event = g_new0 (GkNoticeEvent, 1);

      event->at = dup_text (stmt, 0);
      event->person = dup_text (stmt, 1);
      event->action = dup_text (stmt, 2);
      event->from_state = dup_text (stmt, 3);
      event->to_state = dup_text (stmt, 4);
      event->note = dup_text (stmt, 5);
      g_ptr_array_add (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the history"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

char *
gk_notices_people_names (GkDatabase *db,
                         GArray     *ids)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT name FROM people WHERE id = ?", NULL);

  g_return_val_if_fail (stmt != NULL, NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

guint
gk_notices_sequence_in_year (GkDatabase *db,
                             gint64      organization_id,
                             guint       year,
                             gint64      notice_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT count(*) + (?3 = 0) FROM notices WHERE organization_id = ?1"
                         " AND substr (planned_date, 1, 4) = printf ('%04d', ?2) AND (?3 = 0 OR id <= ?3)",
                         NULL);

  g_return_val_if_fail (stmt != NULL, 1);
  sqlite3_bind_int64 (stmt, 1, organization_id);
  sqlite3_bind_int (stmt, 2, (int) year);
  sqlite3_bind_int64 (stmt, 3, notice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 1;
  return MAX (1, (guint) sqlite3_column_int (stmt, 0));
}
