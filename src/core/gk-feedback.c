/* gk-feedback.c: feedback, public opinion (舆情) and clarifications (第十六条) */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-choices.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-feedback.h"
#include "core/gk-notices.h"
#include "core/gk-workflow.h"

static const char * const channel_names[] = {
  [GK_FEEDBACK_MAILBOX] = "mailbox",
  [GK_FEEDBACK_MEETING] = "meeting",
  [GK_FEEDBACK_PHONE] = "phone",
  [GK_FEEDBACK_ONLINE] = "online",
};

static const char * const channel_words[] = {
  [GK_FEEDBACK_MAILBOX] = "书记信箱",
  [GK_FEEDBACK_MEETING] = "会议",
  [GK_FEEDBACK_PHONE] = "电话",
  [GK_FEEDBACK_ONLINE] = "网络",
};

static const char * const severity_names[] = {
  [GK_SEVERITY_LOW] = "low",
  [GK_SEVERITY_MEDIUM] = "medium",
  [GK_SEVERITY_HIGH] = "high",
};

static const char * const severity_words[] = {
  [GK_SEVERITY_LOW] = "一般",
  [GK_SEVERITY_MEDIUM] = "较大",
  [GK_SEVERITY_HIGH] = "重大",
};

static gboolean
lookup (const char * const *names,
        guint               n_names,
        const char         *text,
        guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], text) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gk_feedback_channel_to_string (GkFeedbackChannel channel)
{
  g_return_val_if_fail (channel <= GK_FEEDBACK_ONLINE, NULL);
  return channel_names[channel];
}

gboolean
gk_feedback_channel_from_string (const char        *text,
                                 GkFeedbackChannel *channel)
{
  guint index;

  if (!lookup (channel_names, G_N_ELEMENTS (channel_names), text, &index))
    return FALSE;
  *channel = index;
  return TRUE;
}

const char *
gk_feedback_channel_describe (GkFeedbackChannel channel)
{
  g_return_val_if_fail (channel <= GK_FEEDBACK_ONLINE, NULL);
  return channel_words[channel];
}

const char *
gk_severity_to_string (GkSeverity severity)
{
  g_return_val_if_fail (severity <= GK_SEVERITY_HIGH, NULL);
  return severity_names[severity];
}

gboolean
gk_severity_from_string (const char *text,
                         GkSeverity *severity)
{
  guint index;

  if (!lookup (severity_names, G_N_ELEMENTS (severity_names), text, &index))
    return FALSE;
  *severity = index;
  return TRUE;
}

const char *
gk_severity_describe (GkSeverity severity)
{
  g_return_val_if_fail (severity <= GK_SEVERITY_HIGH, NULL);
  return severity_words[severity];
}

void
gk_feedback_free (GkFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->notice_title);
  g_free (feedback->content);
  g_free (feedback->received_date);
  g_free (feedback->recorded_by);
  g_free (feedback);
}

/* ---- recording ---- */

typedef struct
{
  gint64      actor_id;
  gboolean    is_opinion;
  gint64      notice_id;
  const char *channel;
  const char *severity;
  const char *content;
  const char *date;
  gint64      new_id;
} NewFeedback;

/* Party office and inspectors may record anything; anyone with a role in
 * the organization that owns the notice may record what concerns it. */
static gboolean
may_record (GkDatabase *db,
            gint64      actor_id,
            gint64      notice_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT 1 FROM roles r WHERE r.person_id = ?1"
                         " AND (r.role IN ('party-office', 'inspector')"
                         "   OR r.organization_id = (SELECT organization_id FROM notices WHERE id = ?2))",
                         NULL);

  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int64 (stmt, 2, notice_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
check_published (GkDatabase  *db,
                 gint64       notice_id,
                 GError     **error)
{
  g_autoptr(GkNotice) notice = gk_notices_get (db, notice_id, error);

  if (notice == NULL)
    return FALSE;
  if (g_str_equal (gk_notice_get_state (notice), "published"))
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("Notice %" PRId64 " is not published: feedback and clarifications concern published information"),
               notice_id);
  return FALSE;
}

static gboolean
insert_feedback (GkDatabase *db,
                 gpointer    user_data,
                 GError    **error)
{
  NewFeedback *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);
  g_autofree char *notice = NULL;
  g_autofree char *json = NULL;

  if (change->notice_id > 0 && !check_published (db, change->notice_id, error))
    return FALSE;
  if (!may_record (db, change->actor_id, change->notice_id))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   change->notice_id > 0
                   ? _("Only party office, an inspector or a member of the organization that published the notice may record what is said about it")
                   : _("Only party office or an inspector may record a public-opinion note about no particular notice"));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "INSERT INTO feedback (kind, notice_id, channel, severity, content, received_date, recorded_by, at)"
                              " VALUES (?, nullif (?, 0), ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->is_opinion ? "opinion" : "feedback", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, change->notice_id);
  sqlite3_bind_text (stmt, 3, change->channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->severity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, change->content, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, change->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, change->actor_id);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  change->new_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  notice = change->notice_id > 0 ? g_strdup_printf ("%" PRId64, change->notice_id) : NULL;
  json = gk_audit_json ("kind", change->is_opinion ? "opinion" : "feedback", "notice_id", notice,
                        "channel", change->channel, "severity", change->severity,
                        "content", change->content, "date", change->date, NULL);
  return gk_audit_append (db, "feedback", change->new_id, "add", NULL, json, error);
}

static gint64
record (GkDatabase   *db,
        NewFeedback  *change,
        GError      **error)
{
  g_autofree char *content = g_strstrip (g_strdup (change->content != NULL ? change->content : ""));
  GDate date;

  if (content[0] == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("Say what was said: the content is empty"));
      return 0;
    }
  if (!gk_date_parse (change->date, &date, error))
    return 0;

  change->content = content;
  gk_database_set_actor (db, change->actor_id);
  if (!gk_database_write (db, insert_feedback, change, error))
    return 0;
  return change->new_id;
}

gint64
gk_feedback_new (GkDatabase         *db,
                 gint64              actor_id,
                 gint64              notice_id,
                 GkFeedbackChannel   channel,
                 const char         *content,
                 const char         *date,
                 GError            **error)
{
  NewFeedback change = { actor_id, FALSE, notice_id, NULL, NULL, content, date, 0 };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (channel <= GK_FEEDBACK_ONLINE, 0);

  if (notice_id <= 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("Feedback concerns a published notice: name it"));
      return 0;
    }
  change.channel = channel_names[channel];
  return record (db, &change, error);
}

gint64
gk_feedback_new_opinion (GkDatabase         *db,
                         gint64              actor_id,
                         gint64              notice_id,
                         GkSeverity          severity,
                         const char         *content,
                         const char         *date,
                         GError            **error)
{
  NewFeedback change = { actor_id, TRUE, notice_id, NULL, NULL, content, date, 0 };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (severity <= GK_SEVERITY_HIGH, 0);

  change.severity = severity_names[severity];
  return record (db, &change, error);
}

GPtrArray *
gk_feedback_list (GkDatabase  *db,
                  gint64       notice_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_feedback_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT f.id, f.kind, coalesce (f.notice_id, 0), coalesce (n.title, ''), f.channel,"
                              "       f.severity, f.content, f.received_date, coalesce (f.clarification_id, 0),"
                              "       coalesce (p.name, '')"
                              " FROM feedback f LEFT JOIN notices n ON n.id = f.notice_id"
                              " LEFT JOIN people p ON p.id = f.recorded_by"
                              " WHERE ?1 = 0 OR f.notice_id = ?1"
                              " ORDER BY f.received_date DESC, f.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GkFeedback *feedback = g_new0 (GkFeedback, 1);
      guint index = 0;

      feedback->id = sqlite3_column_int64 (stmt, 0);
      feedback->is_opinion = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "opinion") == 0;
      feedback->notice_id = sqlite3_column_int64 (stmt, 2);
      feedback->notice_title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (lookup (channel_names, G_N_ELEMENTS (channel_names), (const char *) sqlite3_column_text (stmt, 4), &index))
        feedback->channel = index;
      if (lookup (severity_names, G_N_ELEMENTS (severity_names), (const char *) sqlite3_column_text (stmt, 5), &index))
        feedback->severity = index;
      feedback->report_upward = feedback->is_opinion && feedback->severity == GK_SEVERITY_HIGH;
      feedback->content = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      feedback->received_date = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      feedback->clarification_id = sqlite3_column_int64 (stmt, 8);
      feedback->recorded_by = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      g_ptr_array_add (list, feedback);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the feedback"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- clarification ---- */

typedef struct
{
  gint64      actor_id;
  gint64      notice_id;
  gint64      feedback_id;
  const char *body;
  const char *planned_date;
  gint64      new_id;
} Clarification;

static gboolean
link_feedback (GkDatabase    *db,
               Clarification *change,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" PRId64, change->new_id);
  g_autofree char *notice_text = g_strdup_printf ("%" PRId64, change->notice_id);
  g_autofree char *old_json = gk_audit_json ("clarification_id", NULL, "notice_id", notice_text, NULL);
  g_autofree char *json = gk_audit_json ("clarification_id", id_text, "notice_id", notice_text, NULL);

  stmt = gk_database_prepare (db,
                              "UPDATE feedback SET clarification_id = ?, row_version = row_version + 1"
                              " WHERE id = ? AND clarification_id IS NULL"
                              "   AND (notice_id = ? OR notice_id IS NULL)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->new_id);
  sqlite3_bind_int64 (stmt, 2, change->feedback_id);
  sqlite3_bind_int64 (stmt, 3, change->notice_id);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (gk_database_get_handle (db)) != 1)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Feedback %" PRId64 " does not concern notice %" PRId64 ", does not exist or already led to a clarification"),
                   change->feedback_id, change->notice_id);
      return FALSE;
    }
  return gk_audit_append (db, "feedback", change->feedback_id, "clarify", old_json, json, error);
}

static gboolean
create_clarification (GkDatabase *db,
                      gpointer    user_data,
                      GError    **error)
{
  Clarification *change = user_data;
  g_autoptr(GkNotice) original = NULL;
  g_autoptr(GArray) audiences = NULL;
  g_autoptr(GArray) methods = NULL;
  g_autofree char *title = NULL;
  GkNoticePlan plan = { 0 };

  if (!check_published (db, change->notice_id, error) ||
      (original = gk_notices_get (db, change->notice_id, error)) == NULL)
    return FALSE;

  audiences = gk_choices_notice_audiences (db, change->notice_id);
  methods = gk_choices_notice_methods (db, change->notice_id);
  title = g_strdup_printf ("关于《%s》的澄清说明", gk_notice_get_title (original));
  plan = (GkNoticePlan) {
    .organization_id = gk_notice_get_organization_id (original),
    .clarifies_id = change->notice_id,
    .title = title,
    .body = change->body,
    .audience_ids = audiences,
    .planned_date = change->planned_date,
    .method_ids = methods,
    .layout = gk_notice_get_layout (original),
    .major = gk_notice_get_major (original),
  };

  change->new_id = gk_workflow_create (db, change->actor_id, &plan, NULL, error);
  if (change->new_id == 0)
    return FALSE;
  return change->feedback_id == 0 || link_feedback (db, change, error);
}

gint64
gk_feedback_issue_clarification (GkDatabase  *db,
                                 gint64       actor_id,
                                 gint64       notice_id,
                                 gint64       feedback_id,
                                 const char  *body,
                                 const char  *planned_date,
                                 GError     **error)
{
  Clarification change = { actor_id, notice_id, feedback_id, body, planned_date, 0 };
  g_autofree char *text = g_strstrip (g_strdup (body != NULL ? body : ""));

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  if (text[0] == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("A clarification needs its text: what was untrue, incomplete or inaccurate, and what is right"));
      return 0;
    }

  /* One transaction: the draft, its audit event and the feedback's link
   * (gk_workflow_create nests as a savepoint). */
  if (!gk_database_write (db, create_clarification, &change, error))
    return 0;
  return change.new_id;
}

GArray *
gk_feedback_clarifications_of (GkDatabase  *db,
                               gint64       notice_id,
                               GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, "SELECT id FROM notices WHERE clarifies_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the clarifications"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
