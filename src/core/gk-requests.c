/* gk-requests.c: applications to disclose (个别申请) */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-directory.h"
#include "core/gk-requests.h"
#include "core/gk-workdays.h"

static const char * const reply_names[] = { "disclose", "partial", "refuse" };

const char *
gk_reply_to_string (GkReply reply)
{
  g_return_val_if_fail (reply <= GK_REPLY_REFUSE, NULL);
  return reply_names[reply];
}

gboolean
gk_reply_from_string (const char *text,
                      GkReply    *reply)
{
  for (guint i = 0; i < G_N_ELEMENTS (reply_names); i++)
    if (g_strcmp0 (reply_names[i], text) == 0)
      {
        *reply = i;
        return TRUE;
      }
  return FALSE;
}

void
gk_request_free (GkRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->applicant);
  g_free (request->addressed_to);
  g_free (request->request);
  g_free (request->received_date);
  g_free (request->deadline);
  g_free (request->handler);
  g_free (request->state);
  g_free (request->reply);
  g_free (request->reply_note);
  g_free (request->replied_date);
  g_free (request);
}

#define REQUEST_ROW_SQL \
  "SELECT r.id, r.applicant, r.is_member, coalesce (a.short_name, a.name), r.request, r.received_date," \
  " r.deadline, r.extended, coalesce (h.short_name, h.name, ''), r.state, coalesce (r.reply, '')," \
  " coalesce (r.reply_note, ''), coalesce (r.replied_date, ''), r.row_version, a.kind, r.addressed_to_id" \
  " FROM applications r JOIN organizations a ON a.id = r.addressed_to_id" \
  " LEFT JOIN organizations h ON h.id = r.handler_id"

static GkRequest *
request_from_row (sqlite3_stmt *stmt)
{
  GkRequest *request = g_new0 (GkRequest, 1);

  request->id = sqlite3_column_int64 (stmt, 0);
  request->applicant = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  request->is_member = sqlite3_column_int (stmt, 2) != 0;
  request->addressed_to = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  request->request = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  request->received_date = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  request->deadline = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  request->extended = sqlite3_column_int (stmt, 7) != 0;
  request->handler = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  request->state = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  request->reply = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  request->reply_note = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  request->replied_date = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  request->row_version = sqlite3_column_int64 (stmt, 13);
  return request;
}

GkRequest *
gk_requests_get (GkDatabase  *db,
                 gint64       request_id,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, REQUEST_ROW_SQL " WHERE r.id = ?", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, request_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no application %" PRId64), request_id);
      return NULL;
    }
  return request_from_row (stmt);
}

GPtrArray *
gk_requests_list (GkDatabase  *db,
                  GError     **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_request_free);
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db, REQUEST_ROW_SQL " ORDER BY r.state = 'replied', r.deadline, r.id", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (requests, request_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the applications"));
      return NULL;
    }
  return g_steal_pointer (&requests);
}

static guint
setting_days (GkDatabase *db,
              const char *key,
              guint       fallback)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT value FROM settings WHERE key = ?", NULL);
  guint64 value;

  if (stmt == NULL)
    return fallback;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      g_ascii_string_to_unsigned ((const char *) sqlite3_column_text (stmt, 0), 10, 1, 365, &value, NULL))
    return (guint) value;
  return fallback;
}

/* Party office acts for the school committee; a general branch's own
 * people for applications addressed to it. */
static gboolean
may_handle (GkDatabase  *db,
            gint64       actor_id,
            gint64       organization_id,
            const char  *kind,
            GError     **error)
{
  gboolean branch = g_strcmp0 (kind, "general-branch") == 0;
  gboolean allowed = branch
                     ? gk_directory_has_role (db, actor_id, organization_id, NULL)
                     : gk_directory_has_role (db, actor_id, 0, "party-office");

  if (!allowed)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                 branch
                 ? _("Only the general branch the application is addressed to may record or answer it")
                 : _("Only party office records, forwards and answers applications to the school committee"));
  return allowed;
}

typedef struct
{
  gint64      actor_id;
  gint64      request_id;
  const char *applicant;
  gboolean    is_member;
  gint64      organization_id;
  const char *request;
  const char *received_date;
  gint64      handler_id;
  GkReply     reply;
  const char *note;
  const char *date;
} RequestChange;

static char *
kind_of (GkDatabase *db,
         gint64      organization_id)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT kind FROM organizations WHERE id = ?", NULL);

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, organization_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
insert_request (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  RequestChange *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *kind = kind_of (db, change->organization_id);
  g_autofree char *deadline = NULL;
  g_autofree char *json = NULL;
  GDate received, due;

  if (kind == NULL || (!g_str_equal (kind, "committee") && !g_str_equal (kind, "general-branch")))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Applications are addressed to the school committee or to a general branch"));
      return FALSE;
    }
  if (!may_handle (db, change->actor_id, change->organization_id, kind, error) ||
      !gk_date_parse (change->received_date, &received, error) ||
      !gk_workdays_add (db, &received, setting_days (db, "application-deadline-days", 20), &due, error))
    return FALSE;
  deadline = gk_date_to_iso (&due);

  stmt = gk_database_prepare (db,
                              "INSERT INTO applications (applicant, is_member, addressed_to_id, request, received_date,"
                              "  deadline, handler_id, state, recorded_by)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?7 = 'general-branch' THEN ?3 END, 'received', ?8)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->applicant, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, change->is_member);
  sqlite3_bind_int64 (stmt, 3, change->organization_id);
  sqlite3_bind_text (stmt, 4, change->request, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, change->received_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, deadline, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, change->actor_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("An application needs the applicant’s name and what is asked for"));
      return FALSE;
    }
  change->request_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  json = gk_audit_json ("applicant", change->applicant, "request", change->request,
                        "received", change->received_date, "deadline", deadline, NULL);
  return gk_audit_append (db, "application", change->request_id, "add", NULL, json, error);
}

gint64
gk_requests_new (GkDatabase  *db,
                 gint64       actor_id,
                 const char  *applicant,
                 gboolean     is_member,
                 gint64       addressed_to_id,
                 const char  *request,
                 const char  *received_date,
                 GError     **error)
{
  g_autofree char *today = gk_database_today (db);
  RequestChange change = {
    .actor_id = actor_id,
    .applicant = applicant,
    .is_member = is_member,
    .organization_id = addressed_to_id,
    .request = request,
    .received_date = received_date ? received_date : today,
  };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, insert_request, &change, error))
    return 0;
  return change.request_id;
}

/* Reads the application for a change and checks the actor and its state. */
static GkRequest *
open_request (GkDatabase         *db,
              const RequestChange *change,
              const char         *wanted_state,
              gint64             *organization_id,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GkRequest) request = NULL;
  g_autofree char *kind = NULL;

  stmt = gk_database_prepare (db, REQUEST_ROW_SQL " WHERE r.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, change->request_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no application %" PRId64), change->request_id);
      return NULL;
    }
  request = request_from_row (stmt);
  kind = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  *organization_id = sqlite3_column_int64 (stmt, 15);

  if (!may_handle (db, change->actor_id, *organization_id, kind, error))
    return NULL;
  if (wanted_state != NULL && !g_str_equal (request->state, wanted_state))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Application %" PRId64 " is %s, not %s"), request->id, request->state, wanted_state);
      return NULL;
    }
  if (g_str_equal (request->state, "replied"))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Application %" PRId64 " was answered on %s"), request->id, request->replied_date);
      return NULL;
    }
  return g_steal_pointer (&request);
}

static gboolean
forward_request (GkDatabase *db,
                 gpointer    user_data,
                 GError    **error)
{
  RequestChange *change = user_data;
  g_autoptr(GkRequest) request = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *handler_kind = kind_of (db, change->handler_id);
  g_autofree char *handler_text = g_strdup_printf ("%" G_GINT64_FORMAT, change->handler_id);
  g_autofree char *json = NULL;
  gint64 organization_id = 0;

  request = open_request (db, change, "received", &organization_id, error);
  if (request == NULL)
    return FALSE;
  if (g_strcmp0 (handler_kind, "department") != 0 && g_strcmp0 (handler_kind, "mass") != 0 &&
      g_strcmp0 (handler_kind, "discipline") != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Party office forwards an application to a functional department"));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "UPDATE applications SET handler_id = ?, state = 'forwarded', row_version = row_version + 1"
                              " WHERE id = ? AND row_version = ? AND addressed_to_id IN"
                              "   (SELECT id FROM organizations WHERE kind = 'committee')",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->handler_id);
  sqlite3_bind_int64 (stmt, 2, request->id);
  sqlite3_bind_int64 (stmt, 3, request->row_version);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (gk_database_get_handle (db)) != 1)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only applications to the school committee are forwarded; a general branch handles its own"));
      return FALSE;
    }

  json = gk_audit_json ("handler_id", handler_text, NULL);
  return gk_audit_append (db, "application", request->id, "forward", NULL, json, error);
}

gboolean
gk_requests_forward (GkDatabase  *db,
                     gint64       actor_id,
                     gint64       request_id,
                     gint64       handler_id,
                     GError     **error)
{
  RequestChange change = { .actor_id = actor_id, .request_id = request_id, .handler_id = handler_id };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, forward_request, &change, error);
}

static gboolean
extend_request (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  RequestChange *change = user_data;
  g_autoptr(GkRequest) request = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *old_json = NULL;
  g_autofree char *new_json = NULL;
  gint64 organization_id = 0;
  GDate old_deadline, due;

  request = open_request (db, change, NULL, &organization_id, error);
  if (request == NULL)
    return FALSE;
  if (request->extended)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The deadline of application %" PRId64 " was extended once already"), request->id);
      return FALSE;
    }
  if (!gk_date_parse (request->deadline, &old_deadline, error) ||
      !gk_workdays_add (db, &old_deadline, setting_days (db, "application-extension-days", 20), &due, error))
    return FALSE;
  deadline = gk_date_to_iso (&due);

  stmt = gk_database_prepare (db,
                              "UPDATE applications SET deadline = ?, extended = 1, row_version = row_version + 1"
                              " WHERE id = ? AND row_version = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, deadline, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, request->id);
  sqlite3_bind_int64 (stmt, 3, request->row_version);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;

  old_json = gk_audit_json ("deadline", request->deadline, NULL);
  new_json = gk_audit_json ("deadline", deadline, NULL);
  return gk_audit_append (db, "application", request->id, "extend", old_json, new_json, error);
}

gboolean
gk_requests_extend (GkDatabase  *db,
                    gint64       actor_id,
                    gint64       request_id,
                    GError     **error)
{
  RequestChange change = { .actor_id = actor_id, .request_id = request_id };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, extend_request, &change, error);
}

static gboolean
reply_request (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  RequestChange *change = user_data;
  g_autoptr(GkRequest) request = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *json = NULL;
  gint64 organization_id = 0;
  GDate date;

  request = open_request (db, change, NULL, &organization_id, error);
  if (request == NULL || !gk_date_parse (change->date, &date, error))
    return FALSE;
  if (change->reply != GK_REPLY_DISCLOSE && (change->note == NULL || change->note[0] == '\0'))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("A partial disclosure or a refusal must give its reason"));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "UPDATE applications SET state = 'replied', reply = ?, reply_note = ?, replied_date = ?,"
                              "  row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, gk_reply_to_string (change->reply), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, request->id);
  sqlite3_bind_int64 (stmt, 5, request->row_version);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;

  json = gk_audit_json ("reply", gk_reply_to_string (change->reply), "note", change->note, "date", change->date, NULL);
  return gk_audit_append (db, "application", request->id, "reply", NULL, json, error);
}

gboolean
gk_requests_reply (GkDatabase  *db,
                   gint64       actor_id,
                   gint64       request_id,
                   GkReply      reply,
                   const char  *note,
                   const char  *date,
                   GError     **error)
{
  g_autofree char *today = gk_database_today (db);
  RequestChange change = {
    .actor_id = actor_id, .request_id = request_id, .reply = reply, .note = note,
    .date = date ? date : today,
  };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, reply_request, &change, error);
}

gboolean
gk_requests_may_handle (GkDatabase *db,
                        gint64      person_id,
                        gint64      request_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (person_id <= 0)
    return FALSE;
  stmt = gk_database_prepare (db,
                              "SELECT a.id, a.kind FROM applications r JOIN organizations a ON a.id = r.addressed_to_id"
                              " WHERE r.id = ?",
                              NULL);
  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, request_id);
  return sqlite3_step (stmt) == SQLITE_ROW &&
         may_handle (db, person_id, sqlite3_column_int64 (stmt, 0),
                     (const char *) sqlite3_column_text (stmt, 1), NULL);
}

gboolean
gk_requests_is_forwarded_first (GkDatabase *db,
                                gint64      request_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  stmt = gk_database_prepare (db,
                              "SELECT 1 FROM applications r JOIN organizations a ON a.id = r.addressed_to_id"
                              " WHERE r.id = ? AND a.kind = 'committee'",
                              NULL);
  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, request_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

GPtrArray *
gk_requests_list_handlers (GkDatabase  *db,
                           GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  /* The kinds forward_request accepts. */
  return gk_choices_query (db,
                           "SELECT id, coalesce (short_name, name), name FROM organizations"
                           " WHERE active AND kind IN ('department', 'mass', 'discipline') ORDER BY id",
                           0, error);
}
