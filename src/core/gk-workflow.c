/* gk-workflow.c: the procedure of 第十三条 (DESIGN §3)
 *
 * Who may act is decided in one place, the notice_waiting view of the
 * schema (the routing table by level); this file adds the secondary steps
 * (return, reject, withdraw, edit), checks each step's own rules and
 * writes the change, its history line and its audit event in one
 * BEGIN IMMEDIATE transaction.
 */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-notices.h"
#include "core/gk-notice-private.h"
#include "core/gk-search.h"
#include "core/gk-workflow.h"

static const char * const action_names[GK_N_ACTIONS] = {
  [GK_ACTION_SUBMIT] = "submit",
  [GK_ACTION_REVIEW] = "review",
  [GK_ACTION_APPROVE] = "approve",
  [GK_ACTION_ESCALATE] = "escalate",
  [GK_ACTION_DECIDE] = "decide",
  [GK_ACTION_UPPER_APPROVE] = "upper-approve",
  [GK_ACTION_PUBLISH] = "publish",
  [GK_ACTION_RETURN] = "return",
  [GK_ACTION_REJECT] = "reject",
  [GK_ACTION_WITHDRAW] = "withdraw",
};

#define BIT(action) (1u << (action))

/* States a step starts from. */
static const char * const action_from[GK_N_ACTIONS][5] = {
  [GK_ACTION_SUBMIT] = { "draft", "returned" },
  [GK_ACTION_REVIEW] = { "submitted" },
  [GK_ACTION_APPROVE] = { "reviewed" },
  [GK_ACTION_ESCALATE] = { "reviewed" },
  [GK_ACTION_DECIDE] = { "escalated" },
  [GK_ACTION_UPPER_APPROVE] = { "upper-review" },
  [GK_ACTION_PUBLISH] = { "approved", "published" },
  [GK_ACTION_RETURN] = { "submitted", "reviewed", "escalated" },
  [GK_ACTION_REJECT] = { "submitted", "reviewed", "escalated", "upper-review" },
  [GK_ACTION_WITHDRAW] = { "draft", "returned", "submitted", "reviewed", "escalated" },
};

const char *
gk_action_to_string (GkAction action)
{
  g_return_val_if_fail (action < GK_N_ACTIONS, NULL);
  return action_names[action];
}

gboolean
gk_action_from_string (const char *text,
                       GkAction   *action)
{
  for (guint i = 0; i < GK_N_ACTIONS; i++)
    if (g_strcmp0 (action_names[i], text) == 0)
      {
        *action = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gk_action_describe (GkAction action)
{
  switch (action)
    {
    case GK_ACTION_SUBMIT:
      return _("Submit for review");
    case GK_ACTION_REVIEW:
      return _("Review");
    case GK_ACTION_APPROVE:
      return _("Approve");
    case GK_ACTION_ESCALATE:
      return _("Refer to the standing committee");
    case GK_ACTION_DECIDE:
      return _("Record committee decision");
    case GK_ACTION_UPPER_APPROVE:
      return _("Record higher approval");
    case GK_ACTION_PUBLISH:
      return _("Record publication");
    case GK_ACTION_RETURN:
      return _("Return for revision");
    case GK_ACTION_REJECT:
      return _("Do not disclose");
    case GK_ACTION_WITHDRAW:
      return _("Withdraw");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What the step needs to know about the notice, read inside the write
 * transaction so that it cannot change underneath. */
typedef struct
{
  gint64    id;
  char     *state;
  gint64    row_version;
  gint64    organization_id;
  GkLevel   level;
  gint64    proposer_id;
  gboolean  major;
  char     *content_sha256;
} NoticeRow;

static void
notice_row_clear (NoticeRow *row)
{
  g_clear_pointer (&row->state, g_free);
  g_clear_pointer (&row->content_sha256, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NoticeRow, notice_row_clear)

static gboolean
read_notice (GkDatabase  *db,
             gint64       notice_id,
             NoticeRow   *row,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = gk_database_prepare (db,
                              "SELECT n.state, n.row_version, n.organization_id, o.kind, n.proposer_id,"
                              "       n.major, n.content_sha256"
                              " FROM notices n JOIN organizations o ON o.id = n.organization_id WHERE n.id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        {
          gk_database_set_error (db, error, _("Cannot read the notice"));
          return FALSE;
        }
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no notice %" PRId64), notice_id);
      return FALSE;
    }
  row->id = notice_id;
  row->state = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->row_version = sqlite3_column_int64 (stmt, 1);
  row->organization_id = sqlite3_column_int64 (stmt, 2);
  row->level = gk_level_for_kind ((const char *) sqlite3_column_text (stmt, 3));
  row->proposer_id = sqlite3_column_int64 (stmt, 4);
  row->major = sqlite3_column_int (stmt, 5) != 0;
  row->content_sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  return TRUE;
}

static gboolean
has_role (GkDatabase *db,
          gint64      person_id,
          const char *role,
          gint64      organization_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT 1 FROM roles WHERE person_id = ?1 AND role = ?2"
                         " AND (?3 = 0 OR organization_id = ?3)",
                         NULL);

  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, organization_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
state_in (const char        *state,
          const char * const *states)
{
  for (guint i = 0; i < 5 && states[i] != NULL; i++)
    if (g_str_equal (states[i], state))
      return TRUE;
  return FALSE;
}

/* Planned audiences that no publication stage has reached yet. */
static gint64
count_unpublished_audiences (GkDatabase *db,
                             gint64      notice_id)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT count(*) FROM notice_audiences na JOIN audiences a ON a.id = na.audience_id"
                         " WHERE na.notice_id = ?1 AND NOT EXISTS (SELECT 1 FROM notice_stages s"
                         "   WHERE s.notice_id = ?1 AND ('、' || s.audiences || '、') LIKE ('%、' || a.name || '、%'))",
                         NULL);

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_int64 (stmt, 1, notice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

static guint
allowed_for_row (GkDatabase      *db,
                 const NoticeRow *row,
                 gint64           person_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean decides = FALSE;
  guint mask = 0;

  stmt = gk_database_prepare (db, "SELECT action FROM notice_waiting WHERE notice_id = ? AND person_id = ?", NULL);
  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GkAction action;

      if (gk_action_from_string ((const char *) sqlite3_column_text (stmt, 0), &action))
        {
          mask |= BIT (action);
          decides |= action != GK_ACTION_SUBMIT && action != GK_ACTION_PUBLISH;
        }
    }

  /* Whoever holds a deciding step may also send the plan back or refuse it. */
  if (decides)
    {
      if (state_in (row->state, action_from[GK_ACTION_RETURN]))
        mask |= BIT (GK_ACTION_RETURN);
      mask |= BIT (GK_ACTION_REJECT);
    }

  if (person_id == row->proposer_id)
    {
      if (state_in (row->state, action_from[GK_ACTION_WITHDRAW]))
        mask |= BIT (GK_ACTION_WITHDRAW);
      if (!g_str_equal (row->state, "published") && !g_str_equal (row->state, "rejected") &&
          !g_str_equal (row->state, "withdrawn"))
        mask |= GK_WORKFLOW_CAN_EDIT;
    }

  /* A later stage (先党内后党外) for those who published the first one. */
  if (g_str_equal (row->state, "published") &&
      (person_id == row->proposer_id ||
       has_role (db, person_id, "principal", row->organization_id) ||
       has_role (db, person_id, "party-office", 0)) &&
      count_unpublished_audiences (db, row->id) > 0)
    mask |= BIT (GK_ACTION_PUBLISH);

  return mask;
}

guint
gk_workflow_allowed (GkDatabase *db,
                     gint64      notice_id,
                     gint64      person_id)
{
  g_auto(NoticeRow) row = { 0 };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  if (!read_notice (db, notice_id, &row, NULL))
    return 0;
  return allowed_for_row (db, &row, person_id);
}

GArray *
gk_workflow_waiting_for (GkDatabase  *db,
                         gint64       notice_id,
                         GkAction    *next,
                         GError     **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              "SELECT w.person_id, w.action FROM notice_waiting w"
                              " JOIN people p ON p.id = w.person_id"
                              " WHERE w.notice_id = ? AND p.active ORDER BY w.person_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);

      if (next != NULL)
        gk_action_from_string ((const char *) sqlite3_column_text (stmt, 1), next);
      g_array_append_val (people, person);
    }
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the database"));
      return NULL;
    }
  return g_steal_pointer (&people);
}

/* "It is approved (by 王五 at 2026-03-01T…); now waiting for 李四 to
 * record publication": what a refused person needs to know. */
static char *
describe_situation (GkDatabase      *db,
                    const NoticeRow *row)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(GArray) waiting = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GkAction next = GK_ACTION_SUBMIT;

  g_string_append_printf (text, _("it is now “%s”"), gk_notice_state_describe (row->state));

  last = gk_database_prepare (db,
                              "SELECT coalesce (p.name, ''), e.at FROM notice_events e"
                              " LEFT JOIN people p ON p.id = e.person_id"
                              " WHERE e.notice_id = ? ORDER BY e.id DESC LIMIT 1",
                              NULL);
  if (last != NULL)
    {
      sqlite3_bind_int64 (last, 1, row->id);
      if (sqlite3_step (last) == SQLITE_ROW)
        g_string_append_printf (text, _(" (last changed by %s at %s)"),
                                (const char *) sqlite3_column_text (last, 0),
                                (const char *) sqlite3_column_text (last, 1));
    }

  waiting = gk_workflow_waiting_for (db, row->id, &next, NULL);
  if (waiting != NULL && waiting->len > 0)
    {
      g_autofree char *names = gk_notices_people_names (db, waiting);

      g_string_append_printf (text, _("; waiting for %s to %s"), names, gk_action_describe (next));
    }
  else if (waiting != NULL && state_in (row->state, (const char * const []) { "submitted", "reviewed", "escalated", "upper-review", "approved", NULL }))
    {
      g_string_append (text, _("; nobody holds the role to take the next step — party office must assign it"));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_version (GkDatabase       *db,
               const NoticeRow  *row,
               gint64            expected,
               GError          **error)
{
  g_autofree char *situation = NULL;

  if (expected == 0 || expected == row->row_version)
    return TRUE;

  situation = describe_situation (db, row);
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
               _("Notice %" PRId64 " was changed by someone else first: %s"), row->id, situation);
  return FALSE;
}

static gboolean
check_allowed (GkDatabase       *db,
               const NoticeRow  *row,
               gint64            actor_id,
               guint             wanted,
               const char       *what,
               GError          **error)
{
  g_autofree char *situation = NULL;

  if ((allowed_for_row (db, row, actor_id) & wanted) != 0)
    return TRUE;

  situation = describe_situation (db, row);
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("You cannot %s notice %" PRId64 ": %s"), what, row->id, situation);
  return FALSE;
}

static gboolean
add_event (GkDatabase  *db,
           gint64       notice_id,
           gint64       actor_id,
           const char  *action,
           const char  *from_state,
           const char  *to_state,
           const char  *note,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);
  g_autofree char *old_json = from_state ? gk_audit_json ("state", from_state, NULL) : NULL;
  g_autofree char *new_json = gk_audit_json ("state", to_state, "note", note, NULL);

  stmt = gk_database_prepare (db,
                              "INSERT INTO notice_events (notice_id, at, person_id, action, from_state, to_state, note)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (actor_id > 0)
    sqlite3_bind_int64 (stmt, 3, actor_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, from_state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, to_state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, note, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;

  return gk_audit_append (db, "notice", notice_id, action, old_json, new_json, error);
}

/* Moves the notice to TO_STATE, guarded by its row_version: a miss means
 * another desktop committed a change in between. */
static gboolean
set_state (GkDatabase       *db,
           const NoticeRow  *row,
           const char       *to_state,
           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);

  stmt = gk_database_prepare (db,
                              "UPDATE notices SET state = ?, updated_at = ?, row_version = row_version + 1"
                              " WHERE id = ? AND row_version = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, to_state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row->id);
  sqlite3_bind_int64 (stmt, 4, row->row_version);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (gk_database_get_handle (db)) != 1)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
                   _("Notice %" PRId64 " was changed by someone else first; reload it"), row->id);
      return FALSE;
    }
  return TRUE;
}

/* ---- the plan: create and edit ---- */

static gboolean
insert_ids (GkDatabase  *db,
            const char  *table,
            const char  *column,
            gint64       notice_id,
            GArray      *ids,
            GError     **error)
{
  g_autofree char *remove_sql = g_strdup_printf ("DELETE FROM %s WHERE notice_id = ?", table);
  g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (notice_id, %s, position) VALUES (?, ?, ?)",
                                                 table, column);
  g_autoptr(sqlite3_stmt) remove = gk_database_prepare (db, remove_sql, error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, notice_id);
  if (!gk_database_step_done (db, remove, error))
    return FALSE;

  insert = gk_database_prepare (db, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, notice_id);
      sqlite3_bind_int64 (insert, 2, g_array_index (ids, gint64, i));
      sqlite3_bind_int (insert, 3, (int) i);
      if (sqlite3_step (insert) != SQLITE_DONE)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("The plan names an audience or a method twice, or one that does not exist"));
          return FALSE;
        }
    }
  return TRUE;
}

/* May ACTOR propose for ORGANIZATION? School level: anyone with a role in
 * the unit, or party office; general branch: a role in it or in a unit or
 * branch under it; branch: a branch committee member or its secretary. */
static gboolean
may_propose (GkDatabase *db,
             gint64      actor_id,
             gint64      organization_id,
             GkLevel     level)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;

  switch (level)
    {
    case GK_LEVEL_SCHOOL:
      sql = "SELECT 1 FROM roles WHERE person_id = ?1 AND (organization_id = ?2 OR role = 'party-office')";
      break;
    case GK_LEVEL_GENERAL_BRANCH:
      sql = "SELECT 1 FROM roles r JOIN organizations o ON o.id = r.organization_id"
            " WHERE r.person_id = ?1 AND (o.id = ?2 OR o.parent_id = ?2)";
      break;
    case GK_LEVEL_BRANCH:
    default:
      sql = "SELECT 1 FROM roles WHERE person_id = ?1 AND organization_id = ?2"
            " AND role IN ('committee-member', 'secretary', 'deputy-secretary')";
      break;
    }

  stmt = gk_database_prepare (db, sql, NULL);
  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

GkLevel
gk_workflow_level_of (GkDatabase  *db,
                      gint64       organization_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, "SELECT kind FROM organizations WHERE id = ?", error);

  if (stmt == NULL)
    return GK_LEVEL_SCHOOL;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no organization %" PRId64), organization_id);
      return GK_LEVEL_SCHOOL;
    }
  return gk_level_for_kind ((const char *) sqlite3_column_text (stmt, 0));
}

/* 第十四条 and 第三条: a public-only method for audiences that are all
 * inside the party or the school deserves a second look, not a refusal. */
static void
collect_warnings (GkDatabase         *db,
                  const GkNoticePlan *plan,
                  GPtrArray          *warnings)
{
  g_autoptr(sqlite3_stmt) internal_only = NULL;
  g_autoptr(sqlite3_stmt) external = NULL;
  gboolean all_internal = TRUE;

  if (warnings == NULL || plan->audience_ids == NULL || plan->method_ids == NULL)
    return;

  internal_only = gk_database_prepare (db, "SELECT class FROM audiences WHERE id = ?", NULL);
  for (guint i = 0; internal_only != NULL && i < plan->audience_ids->len; i++)
    {
      sqlite3_reset (internal_only);
      sqlite3_bind_int64 (internal_only, 1, g_array_index (plan->audience_ids, gint64, i));
      if (sqlite3_step (internal_only) == SQLITE_ROW &&
          g_str_equal ((const char *) sqlite3_column_text (internal_only, 0), "public"))
        all_internal = FALSE;
    }
  if (!all_internal)
    return;

  external = gk_database_prepare (db, "SELECT name FROM methods WHERE id = ? AND channel = 'external'", NULL);
  for (guint i = 0; external != NULL && i < plan->method_ids->len; i++)
    {
      sqlite3_reset (external);
      sqlite3_bind_int64 (external, 1, g_array_index (plan->method_ids, gint64, i));
      if (sqlite3_step (external) == SQLITE_ROW)
        g_ptr_array_add (warnings,
                         g_strdup_printf (_("“%s” is a method for disclosure outside the party and the school, but every audience of this plan is internal"),
                                          (const char *) sqlite3_column_text (external, 0)));
    }
}

static gboolean
validate_plan (GkDatabase          *db,
               const GkNoticePlan  *plan,
               GError             **error)
{
  g_autofree char *title = g_strstrip (g_strdup (plan->title ? plan->title : ""));
  GDate date;

  if (title[0] == '\0')
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("A notice needs a title"));
      return FALSE;
    }
  if (!gk_date_parse (plan->planned_date, &date, error))
    return FALSE;
  if (plan->layout != NULL && !g_strv_contains ((const char * const []) { "bulletin", "redhead", "a3", NULL }, plan->layout))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("“%s” is not a layout; use bulletin, redhead or a3"), plan->layout);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_plan (GkDatabase          *db,
            gint64               notice_id,
            const GkNoticePlan  *plan,
            GError             **error)
{
  return insert_ids (db, "notice_audiences", "audience_id", notice_id, plan->audience_ids, error) &&
         insert_ids (db, "notice_methods", "method_id", notice_id, plan->method_ids, error) &&
         gk_search_index_notice (db, notice_id, plan->title, plan->body, error);
}

typedef struct
{
  gint64              actor_id;
  gint64              notice_id;
  gint64              expected_row_version;
  const GkNoticePlan *plan;
  GPtrArray          *warnings;
} PlanChange;

static gboolean
create_notice (GkDatabase *db,
               gpointer    user_data,
               GError    **error)
{
  PlanChange *change = user_data;
  const GkNoticePlan *plan = change->plan;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) level_error = NULL;
  g_autofree char *now = gk_database_timestamp (db);
  GkLevel level;

  level = gk_workflow_level_of (db, plan->organization_id, &level_error);
  if (level_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&level_error));
      return FALSE;
    }
  if (!may_propose (db, change->actor_id, plan->organization_id, level))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only a member of this organization (or, for a branch, a branch committee member) may propose a plan for it"));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "INSERT INTO notices (item_id, organization_id, application_id, clarifies_id, title, body,"
                              "  planned_date, layout, major, state, proposer_id, created_at, updated_at)"
                              " VALUES (nullif (?1, 0), ?2, nullif (?3, 0), nullif (?4, 0), ?5, ?6, ?7, ?8, ?9,"
                              "         'draft', ?10, ?11, ?11)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->item_id);
  sqlite3_bind_int64 (stmt, 2, plan->organization_id);
  sqlite3_bind_int64 (stmt, 3, plan->application_id);
  sqlite3_bind_int64 (stmt, 4, plan->clarifies_id);
  sqlite3_bind_text (stmt, 5, plan->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, plan->body ? plan->body : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, plan->planned_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, plan->layout ? plan->layout : "bulletin", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, plan->major ? 1 : 0);
  sqlite3_bind_int64 (stmt, 10, change->actor_id);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Cannot create the notice: the catalog item, organization or application does not exist"));
      return FALSE;
    }
  change->notice_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  return write_plan (db, change->notice_id, plan, error) &&
         add_event (db, change->notice_id, change->actor_id, "create", NULL, "draft", plan->title, error);
}

gint64
gk_workflow_create (GkDatabase          *db,
                    gint64               actor_id,
                    const GkNoticePlan  *plan,
                    GPtrArray          **warnings,
                    GError             **error)
{
  PlanChange change = { actor_id, 0, 0, plan, NULL };

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (plan != NULL, 0);

  if (!validate_plan (db, plan, error))
    return 0;

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, create_notice, &change, error))
    return 0;

  if (warnings != NULL)
    {
      *warnings = g_ptr_array_new_with_free_func (g_free);
      collect_warnings (db, plan, *warnings);
    }
  return change.notice_id;
}

static gboolean
edit_notice (GkDatabase *db,
             gpointer    user_data,
             GError    **error)
{
  PlanChange *change = user_data;
  const GkNoticePlan *plan = change->plan;
  g_auto(NoticeRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *now = gk_database_timestamp (db);
  gboolean was_editing;

  if (!read_notice (db, change->notice_id, &row, error) ||
      !check_version (db, &row, change->expected_row_version, error) ||
      !check_allowed (db, &row, change->actor_id, GK_WORKFLOW_CAN_EDIT, _("edit"), error))
    return FALSE;

  before = gk_workflow_content_sha256 (db, row.id, error);
  if (before == NULL)
    return FALSE;

  stmt = gk_database_prepare (db,
                              "UPDATE notices SET item_id = nullif (?1, 0), title = ?2, body = ?3, planned_date = ?4,"
                              "  layout = ?5, major = ?6, updated_at = ?7, row_version = row_version + 1"
                              " WHERE id = ?8 AND row_version = ?9",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, plan->item_id);
  sqlite3_bind_text (stmt, 2, plan->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plan->body ? plan->body : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, plan->planned_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan->layout ? plan->layout : "bulletin", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, plan->major ? 1 : 0);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, row.id);
  sqlite3_bind_int64 (stmt, 9, row.row_version);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  row.row_version++;

  if (!write_plan (db, row.id, plan, error))
    return FALSE;

  after = gk_workflow_content_sha256 (db, row.id, error);
  if (after == NULL)
    return FALSE;
  if (g_str_equal (before, after))
    return TRUE;

  /* A changed plan is a new plan: what was reviewed or approved no longer
   * describes it (必须严格按照程序执行). */
  was_editing = g_str_equal (row.state, "draft") || g_str_equal (row.state, "returned");
  if (!was_editing)
    {
      g_autoptr(sqlite3_stmt) void_approval =
        gk_database_prepare (db,
                             "UPDATE notices SET content_sha256 = NULL, approval_sha256 = NULL, pdf_sha256 = NULL,"
                             "  font_report = NULL, approved_by = NULL, approved_at = NULL WHERE id = ?",
                             error);

      if (void_approval == NULL)
        return FALSE;
      sqlite3_bind_int64 (void_approval, 1, row.id);
      if (!gk_database_step_done (db, void_approval, error) ||
          !set_state (db, &row, "draft", error))
        return FALSE;
    }

  return add_event (db, row.id, change->actor_id, was_editing ? "edit" : "void", row.state,
                    was_editing ? row.state : "draft",
                    was_editing ? NULL : "公开方案在提交后被修改，审核和审批意见作废",
                    error);
}

gboolean
gk_workflow_edit (GkDatabase          *db,
                  gint64               actor_id,
                  gint64               notice_id,
                  gint64               expected_row_version,
                  const GkNoticePlan  *plan,
                  GPtrArray          **warnings,
                  GError             **error)
{
  PlanChange change = { actor_id, notice_id, expected_row_version, plan, NULL };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!validate_plan (db, plan, error))
    return FALSE;

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, edit_notice, &change, error))
    return FALSE;

  if (warnings != NULL)
    {
      *warnings = g_ptr_array_new_with_free_func (g_free);
      collect_warnings (db, plan, *warnings);
    }
  return TRUE;
}

/* ---- the steps ---- */

typedef struct
{
  gint64            actor_id;
  gint64            notice_id;
  GkAction          action;
  const GkStepArgs *args;
} Step;

static gboolean
require_text (const char  *value,
              const char  *what,
              GError     **error)
{
  if (value != NULL && *value != '\0')
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("%s is required for this step"), what);
  return FALSE;
}

static gboolean
require_date (const char  *value,
              const char  *what,
              GError     **error)
{
  GDate date;

  return require_text (value, what, error) && gk_date_parse (value, &date, error);
}

static gboolean
plan_is_complete (GkDatabase  *db,
                  gint64       notice_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    gk_database_prepare (db,
                         "SELECT length (trim (body)),"
                         " (SELECT count(*) FROM notice_audiences WHERE notice_id = ?1),"
                         " (SELECT count(*) FROM notice_methods WHERE notice_id = ?1)"
                         " FROM notices WHERE id = ?1",
                         error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  if (sqlite3_column_int (stmt, 0) == 0)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The plan has no text to disclose"));
  else if (sqlite3_column_int (stmt, 1) == 0)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The plan names no audience (公开范围)"));
  else if (sqlite3_column_int (stmt, 2) == 0)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("The plan names no method (公开方式)"));
  else
    return TRUE;
  return FALSE;
}

/* The history is an official record: its notes are written in the
 * measures' own words, whatever the language of the desktop that acted. */
static const char *
finding_text (const char *finding)
{
  static const struct { const char *code; const char *text; } texts[] = {
    { "ok", "通过" }, { "secret", "涉密" }, { "no", "否" },
    { "low", "低" }, { "medium", "中" }, { "high", "高" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_str_equal (texts[i].code, finding))
      return texts[i].text;
  return finding;
}

static gboolean
record_review (GkDatabase       *db,
               const Step       *step,
               char            **note,
               GError          **error)
{
  const GkStepArgs *args = step->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);

  if (!require_text (args->secrecy, _("The confidentiality check (保密审查)"), error) ||
      !require_text (args->necessity, _("The necessity finding"), error) ||
      !require_text (args->accuracy, _("The accuracy finding"), error) ||
      !require_text (args->risk, _("The risk assessment"), error))
    return FALSE;

  if (g_str_equal (args->secrecy, "secret") || g_str_equal (args->necessity, "no") ||
      g_str_equal (args->accuracy, "no"))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("These findings do not let the plan pass review: return it for revision or decide not to disclose it"));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "INSERT INTO notice_reviews (notice_id, reviewer_id, at, secrecy, necessity, accuracy, risk, note)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->notice_id);
  sqlite3_bind_int64 (stmt, 2, step->actor_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, args->secrecy, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, args->necessity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, args->accuracy, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, args->risk, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, args->note, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Findings are ok or secret, ok or no, and the risk is low, medium or high"));
      return FALSE;
    }

  *note = g_strdup_printf ("保密审查：%s；必要性：%s；准确性：%s；风险评估：%s%s%s",
                           finding_text (args->secrecy), finding_text (args->necessity),
                           finding_text (args->accuracy), finding_text (args->risk),
                           args->note ? "；" : "", args->note ? args->note : "");
  return TRUE;
}

static gboolean
record_approval (GkDatabase  *db,
                 const Step  *step,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *content = gk_workflow_content_sha256 (db, step->notice_id, error);
  g_autofree char *now = gk_database_timestamp (db);

  if (content == NULL)
    return FALSE;

  stmt = gk_database_prepare (db,
                              "UPDATE notices SET content_sha256 = ?, approval_sha256 = ?, approved_by = ?, approved_at = ?,"
                              "  pdf_sha256 = ?, font_report = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, content, -1, SQLITE_STATIC);
  /* The PDF's hash when the caller rendered it; the content's otherwise. */
  sqlite3_bind_text (stmt, 2, step->args->pdf_sha256 ? step->args->pdf_sha256 : content, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, step->actor_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, step->args->posted_sha256, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, step->args->font_report, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, step->notice_id);
  return gk_database_step_done (db, stmt, error);
}

static gboolean
record_decision (GkDatabase  *db,
                 const Step  *step,
                 const char  *body,
                 GError     **error)
{
  const GkStepArgs *args = step->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);

  if (!require_date (args->date, _("The meeting or reply date"), error) ||
      !require_text (args->reference, _("The minutes or document reference"), error))
    return FALSE;

  stmt = gk_database_prepare (db,
                              "INSERT INTO notice_decisions (notice_id, body, meeting_date, reference, decision, recorded_by, at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->notice_id);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, args->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, args->reference, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, args->refuse ? "reject" : "approve", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, step->actor_id);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  return gk_database_step_done (db, stmt, error);
}

/* IDS must all be among the plan's rows in TABLE.COLUMN: 实施 follows the
 * approved plan. */
static gboolean
within_plan (GkDatabase  *db,
             const char  *table,
             const char  *column,
             gint64       notice_id,
             GArray      *ids,
             const char  *what,
             GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE notice_id = ? AND %s = ?", table, column);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, notice_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                       _("The publication uses %s outside the approved plan; change the plan and have it approved again"),
                       what);
          return FALSE;
        }
    }
  return TRUE;
}

/* Names of the stage's audiences or methods (all of the plan's when IDS is
 * NULL), joined with 、 */
static char *
stage_names (GkDatabase  *db,
             const char  *table,
             const char  *column,
             const char  *names_table,
             gint64       notice_id,
             GArray      *ids)
{
  g_autofree char *sql = g_strdup_printf ("SELECT v.name FROM %s p JOIN %s v ON v.id = p.%s"
                                          " WHERE p.notice_id = ? ORDER BY p.position",
                                          table, names_table, column);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, notice_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (owned, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  if (ids == NULL)
    {
      for (guint i = 0; i < owned->len; i++)
        g_ptr_array_add (names, owned->pdata[i]);
    }
  else
    {
      g_autofree char *by_id = g_strdup_printf ("SELECT name FROM %s WHERE id = ?", names_table);
      g_autoptr(sqlite3_stmt) lookup = gk_database_prepare (db, by_id, NULL);

      for (guint i = 0; lookup != NULL && i < ids->len; i++)
        {
          sqlite3_reset (lookup);
          sqlite3_bind_int64 (lookup, 1, g_array_index (ids, gint64, i));
          if (sqlite3_step (lookup) == SQLITE_ROW)
            {
              char *name = g_strdup ((const char *) sqlite3_column_text (lookup, 0));

              g_ptr_array_add (owned, name);
              g_ptr_array_add (names, name);
            }
        }
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

static gboolean
record_stage (GkDatabase  *db,
              const Step  *step,
              char       **note,
              GError     **error)
{
  const GkStepArgs *args = step->args;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) first = NULL;
  g_autofree char *content = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *audiences = NULL;
  g_autofree char *methods = NULL;
  g_autofree char *now = gk_database_timestamp (db);

  if (!require_date (args->date, _("The date of publication"), error))
    return FALSE;

  /* The plan must still be the one approved. */
  content = gk_workflow_content_sha256 (db, step->notice_id, error);
  if (content == NULL)
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) check = gk_database_prepare (db, "SELECT content_sha256 FROM notices WHERE id = ?", error);

    if (check == NULL)
      return FALSE;
    sqlite3_bind_int64 (check, 1, step->notice_id);
    if (sqlite3_step (check) == SQLITE_ROW)
      approved = g_strdup ((const char *) sqlite3_column_text (check, 0));
  }
  if (g_strcmp0 (approved, content) != 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The plan differs from the approved one; it cannot be published"));
      return FALSE;
    }

  if ((args->audience_ids != NULL &&
       !within_plan (db, "notice_audiences", "audience_id", step->notice_id, args->audience_ids, _("an audience"), error)) ||
      (args->method_ids != NULL &&
       !within_plan (db, "notice_methods", "method_id", step->notice_id, args->method_ids, _("a method"), error)))
    return FALSE;

  audiences = stage_names (db, "notice_audiences", "audience_id", "audiences", step->notice_id, args->audience_ids);
  methods = stage_names (db, "notice_methods", "method_id", "methods", step->notice_id, args->method_ids);

  stmt = gk_database_prepare (db,
                              "INSERT INTO notice_stages (notice_id, published_date, audiences, methods, recorded_by, at)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step->notice_id);
  sqlite3_bind_text (stmt, 2, args->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, audiences, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, methods, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, step->actor_id);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;

  first = gk_database_prepare (db, "UPDATE notices SET published_date = coalesce (published_date, ?) WHERE id = ?", error);
  if (first == NULL)
    return FALSE;
  sqlite3_bind_text (first, 1, args->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (first, 2, step->notice_id);
  if (!gk_database_step_done (db, first, error))
    return FALSE;

  *note = g_strdup_printf ("%s 以%s方式向%s公开", args->date, methods, audiences);
  return TRUE;
}

/* 第六条's reasons, as recorded. */
static const char *
reject_reason_text (GkRejectReason reason)
{
  switch (reason)
    {
    case GK_REJECT_SECRET:
      return "涉及党和国家秘密";
    case GK_REJECT_UNSUITABLE:
      return "依照有关规定不宜公开";
    case GK_REJECT_OTHER:
    default:
      return "其他";
    }
}

static gboolean
take_step (GkDatabase *db,
           gpointer    user_data,
           GError    **error)
{
  Step *step = user_data;
  const GkStepArgs *args = step->args;
  g_auto(NoticeRow) row = { 0 };
  g_autofree char *note = NULL;
  const char *to_state = NULL;

  if (!read_notice (db, step->notice_id, &row, error) ||
      !check_version (db, &row, args->expected_row_version, error) ||
      !check_allowed (db, &row, step->actor_id, BIT (step->action),
                      gk_action_describe (step->action), error))
    return FALSE;

  switch (step->action)
    {
    case GK_ACTION_SUBMIT:
      if (!plan_is_complete (db, row.id, error))
        return FALSE;
      to_state = "submitted";
      break;

    case GK_ACTION_REVIEW:
      if (!record_review (db, step, &note, error))
        return FALSE;
      to_state = "reviewed";
      break;

    case GK_ACTION_APPROVE:
      if (!record_approval (db, step, error))
        return FALSE;
      to_state = "approved";
      break;

    case GK_ACTION_ESCALATE:
      to_state = "escalated";
      break;

    case GK_ACTION_DECIDE:
      if (!record_decision (db, step, "standing-committee", error))
        return FALSE;
      note = g_strdup_printf ("党委常委会 %s（%s）：%s", args->date, args->reference,
                              args->refuse ? "不予公开" : args->upper ? "同意，报上级党委审核" : "同意公开");
      if (args->refuse)
        to_state = "rejected";
      else if (args->upper)
        to_state = "upper-review";
      else if (record_approval (db, step, error))
        to_state = "approved";
      else
        return FALSE;
      break;

    case GK_ACTION_UPPER_APPROVE:
      if (!record_decision (db, step, "upper", error))
        return FALSE;
      note = g_strdup_printf ("上级党委 %s（%s）：%s", args->date, args->reference,
                              args->refuse ? "不予公开" : "同意公开");
      if (args->refuse)
        to_state = "rejected";
      else if (record_approval (db, step, error))
        to_state = "approved";
      else
        return FALSE;
      break;

    case GK_ACTION_PUBLISH:
      if (!record_stage (db, step, &note, error))
        return FALSE;
      to_state = "published";
      break;

    case GK_ACTION_RETURN:
      if (!require_text (args->note, _("A comment for the proposer"), error))
        return FALSE;
      note = g_strdup (args->note);
      to_state = "returned";
      break;

    case GK_ACTION_REJECT:
      if (args->reason == GK_REJECT_OTHER && !require_text (args->note, _("The reason, written out,"), error))
        return FALSE;
      note = g_strdup_printf ("不予公开：%s%s%s", reject_reason_text (args->reason),
                              args->note ? "；" : "", args->note ? args->note : "");
      to_state = "rejected";
      break;

    case GK_ACTION_WITHDRAW:
      note = g_strdup (args->note);
      to_state = "withdrawn";
      break;

    default:
      g_assert_not_reached ();
    }

  return set_state (db, &row, to_state, error) &&
         add_event (db, row.id, step->actor_id, gk_action_to_string (step->action), row.state, to_state, note, error);
}

gboolean
gk_workflow_act (GkDatabase        *db,
                 gint64             actor_id,
                 gint64             notice_id,
                 GkAction           action,
                 const GkStepArgs  *args,
                 GError           **error)
{
  static const GkStepArgs no_args = { 0 };
  Step step = { actor_id, notice_id, action, args ? args : &no_args };

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (action < GK_N_ACTIONS, FALSE);

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, take_step, &step, error);
}

/* Fields separated by U+001F and lists by U+001E: the plan as it would be
 * printed and posted. */
sqlite3_stmt *
gk_workflow_prepare_content_sha256 (GkDatabase  *db,
                                    GError     **error)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  return gk_database_prepare (db,
                              "SELECT organization_id || char(31) || coalesce (item_id, '') || char(31) || title"
                              " || char(31) || body || char(31) || planned_date || char(31) || layout || char(31) || major"
                              " || char(31) || coalesce ((SELECT group_concat (audience_id, char(30)) FROM"
                              "     (SELECT audience_id FROM notice_audiences WHERE notice_id = ?1 ORDER BY position)), '')"
                              " || char(31) || coalesce ((SELECT group_concat (method_id, char(30)) FROM"
                              "     (SELECT method_id FROM notice_methods WHERE notice_id = ?1 ORDER BY position)), '')"
                              " FROM notices WHERE id = ?1",
                              error);
}

char *
gk_workflow_step_content_sha256 (GkDatabase    *db,
                                 sqlite3_stmt  *stmt,
                                 gint64         notice_id,
                                 GError       **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (stmt != NULL, NULL);

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, notice_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          gk_database_set_error (db, error, _("Cannot read the notice"));
          return NULL;
        }
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no notice %" PRId64), notice_id);
      return NULL;
    }
  g_checksum_update (sum, sqlite3_column_text (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

char *
gk_workflow_content_sha256 (GkDatabase  *db,
                            gint64       notice_id,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_workflow_prepare_content_sha256 (db, error);
  if (stmt == NULL)
    return NULL;
  return gk_workflow_step_content_sha256 (db, stmt, notice_id, error);
}
