/* gk-inspections.c: 督查 (第十九条) — inspections, findings, rectification
 *
 * Status of a finding is not stored: it follows from its deadline, its
 * completion and the day it is judged on, so that the same database read
 * on another day (or with --today) tells the truth of that day.
 */

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "core/gk-audit.h"
#include "core/gk-core-error.h"
#include "core/gk-dates.h"
#include "core/gk-inspections.h"

static const char * const kind_names[] = {
  [GK_INSPECTION_ROUTINE] = "routine",
  [GK_INSPECTION_SPECIAL] = "special",
};

static const char * const status_names[] = {
  [GK_RECTIFICATION_NONE] = "none",
  [GK_RECTIFICATION_OPEN] = "open",
  [GK_RECTIFICATION_OVERDUE] = "overdue",
  [GK_RECTIFICATION_DONE] = "done",
};

const char *
gk_inspection_kind_to_string (GkInspectionKind kind)
{
  g_return_val_if_fail (kind <= GK_INSPECTION_SPECIAL, NULL);
  return kind_names[kind];
}

gboolean
gk_inspection_kind_from_string (const char       *text,
                                GkInspectionKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (kind_names[i], text) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
gk_inspection_kind_describe (GkInspectionKind kind)
{
  return kind == GK_INSPECTION_SPECIAL ? "专项督查" : "经常性检查";
}

const char *
gk_rectification_status_to_string (GkRectificationStatus status)
{
  g_return_val_if_fail (status <= GK_RECTIFICATION_DONE, NULL);
  return status_names[status];
}

const char *
gk_rectification_status_describe (GkRectificationStatus status)
{
  switch (status)
    {
    case GK_RECTIFICATION_NONE:
      return "无需整改";
    case GK_RECTIFICATION_OPEN:
      return "整改中";
    case GK_RECTIFICATION_OVERDUE:
      return "逾期未整改";
    case GK_RECTIFICATION_DONE:
    default:
      return "已整改";
    }
}

void
gk_inspection_free (GkInspection *inspection)
{
  if (inspection == NULL)
    return;
  g_free (inspection->inspectors);
  g_free (inspection->scope);
  g_free (inspection->inspection_date);
  g_free (inspection->recorded_by);
  g_free (inspection);
}

void
gk_finding_free (GkFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->inspection_date);
  g_free (finding->organization);
  g_free (finding->finding);
  g_free (finding->rectification);
  g_free (finding->deadline);
  g_free (finding->responsible);
  g_free (finding->completed_date);
  g_free (finding->completion_note);
  g_free (finding);
}

static gboolean
person_has_role (GkDatabase *db,
                 gint64      person_id,
                 const char *sql_roles)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM roles r JOIN people p ON p.id = r.person_id"
                                          " WHERE r.person_id = ? AND p.active AND r.role IN (%s)",
                                          sql_roles);
  g_autoptr(sqlite3_stmt) stmt = gk_database_prepare (db, sql, NULL);

  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, person_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
gk_inspections_may_record (GkDatabase *db,
                           gint64      person_id)
{
  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  return person_has_role (db, person_id, "'party-office', 'inspector'");
}

static gboolean
require_recorder (GkDatabase  *db,
                  gint64       actor_id,
                  GError     **error)
{
  if (gk_inspections_may_record (db, actor_id))
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
               _("Only party office or the discipline office’s inspectors record inspections (第十九条)"));
  return FALSE;
}

static gboolean
require_text (const char  *text,
              const char  *what,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] != '\0')
    return TRUE;
  g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID, _("%s is required"), what);
  return FALSE;
}

/* ---- writes ---- */

typedef struct
{
  gint64            actor_id;
  GkInspectionKind  kind;
  const char       *inspectors;
  const char       *scope;
  const char       *date;
  gint64            new_id;
} NewInspection;

static gboolean
insert_inspection (GkDatabase *db,
                   gpointer    user_data,
                   GError    **error)
{
  NewInspection *change = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);
  g_autofree char *json = NULL;

  if (!require_recorder (db, change->actor_id, error))
    return FALSE;

  stmt = gk_database_prepare (db,
                              "INSERT INTO inspections (kind, inspectors, scope, inspection_date, recorded_by, at)"
                              " VALUES (?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind_names[change->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->inspectors, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, change->scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, change->actor_id);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;
  change->new_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  json = gk_audit_json ("kind", kind_names[change->kind], "inspectors", change->inspectors,
                        "scope", change->scope, "date", change->date, NULL);
  return gk_audit_append (db, "inspection", change->new_id, "add", NULL, json, error);
}

gint64
gk_inspections_new (GkDatabase        *db,
                    gint64             actor_id,
                    GkInspectionKind   kind,
                    const char        *inspectors,
                    const char        *scope,
                    const char        *date,
                    GError           **error)
{
  NewInspection change = { actor_id, kind, inspectors, scope, date, 0 };
  GDate parsed;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);
  g_return_val_if_fail (kind <= GK_INSPECTION_SPECIAL, 0);

  if (!require_text (inspectors, _("Who inspected"), error) ||
      !require_text (scope, _("The scope of the inspection"), error) ||
      !gk_date_parse (date, &parsed, error))
    return 0;

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, insert_inspection, &change, error))
    return 0;
  return change.new_id;
}

typedef struct
{
  gint64      actor_id;
  gint64      inspection_id;
  gint64      organization_id;
  const char *finding;
  const char *rectification;
  const char *deadline;
  gint64      responsible_id;
  gint64      new_id;
} NewFinding;

static gboolean
insert_finding (GkDatabase *db,
                gpointer    user_data,
                GError    **error)
{
  NewFinding *change = user_data;
  g_autoptr(sqlite3_stmt) inspection = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = gk_database_timestamp (db);
  g_autofree char *json = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *inspection_text = NULL;
  g_autofree char *responsible = NULL;

  if (!require_recorder (db, change->actor_id, error))
    return FALSE;

  inspection = gk_database_prepare (db, "SELECT inspection_date FROM inspections WHERE id = ?", error);
  if (inspection == NULL)
    return FALSE;
  sqlite3_bind_int64 (inspection, 1, change->inspection_id);
  if (sqlite3_step (inspection) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no inspection %" PRId64), change->inspection_id);
      return FALSE;
    }
  if (change->deadline != NULL &&
      g_strcmp0 (change->deadline, (const char *) sqlite3_column_text (inspection, 0)) < 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The rectification deadline %s is before the inspection (%s)"),
                   change->deadline, (const char *) sqlite3_column_text (inspection, 0));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "INSERT INTO inspection_findings (inspection_id, organization_id, finding, rectification,"
                              "  deadline, responsible_id, recorded_by, at)"
                              " VALUES (?, ?, ?, ?, ?, nullif (?, 0), ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->inspection_id);
  sqlite3_bind_int64 (stmt, 2, change->organization_id);
  sqlite3_bind_text (stmt, 3, change->finding, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, change->rectification, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, change->deadline, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, change->responsible_id);
  sqlite3_bind_int64 (stmt, 7, change->actor_id);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Cannot record the finding: the organization or the responsible person does not exist"));
      return FALSE;
    }
  change->new_id = sqlite3_last_insert_rowid (gk_database_get_handle (db));

  organization = g_strdup_printf ("%" PRId64, change->organization_id);
  inspection_text = g_strdup_printf ("%" PRId64, change->inspection_id);
  responsible = change->responsible_id > 0 ? g_strdup_printf ("%" PRId64, change->responsible_id) : NULL;
  json = gk_audit_json ("inspection_id", inspection_text, "organization_id", organization,
                        "finding", change->finding, "rectification", change->rectification,
                        "deadline", change->deadline, "responsible_id", responsible, NULL);
  return gk_audit_append (db, "inspection-finding", change->new_id, "add", NULL, json, error);
}

gint64
gk_inspections_add_finding (GkDatabase  *db,
                            gint64       actor_id,
                            gint64       inspection_id,
                            gint64       organization_id,
                            const char  *finding,
                            const char  *rectification,
                            const char  *deadline,
                            gint64       responsible_id,
                            GError     **error)
{
  NewFinding change = { actor_id, inspection_id, organization_id, finding, rectification, deadline,
                        responsible_id, 0 };
  GDate parsed;

  g_return_val_if_fail (GK_IS_DATABASE (db), 0);

  if (!require_text (finding, _("The finding"), error))
    return 0;
  if ((rectification == NULL) != (deadline == NULL))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("A required rectification needs a deadline, and a deadline needs the rectification it is for"));
      return 0;
    }
  if (rectification != NULL &&
      (!require_text (rectification, _("The required rectification"), error) ||
       !gk_date_parse (deadline, &parsed, error)))
    return 0;

  gk_database_set_actor (db, actor_id);
  if (!gk_database_write (db, insert_finding, &change, error))
    return 0;
  return change.new_id;
}

typedef struct
{
  gint64      actor_id;
  gint64      finding_id;
  gint64      expected_row_version;
  const char *date;
  const char *note;
} Completion;

/* Party office, an inspector, the named person, or the principal or
 * secretary of the organization concerned. */
static gboolean
may_complete (GkDatabase *db,
              gint64      actor_id,
              gint64      organization_id,
              gint64      responsible_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (actor_id == responsible_id || gk_inspections_may_record (db, actor_id))
    return TRUE;
  stmt = gk_database_prepare (db,
                              "SELECT 1 FROM roles WHERE person_id = ? AND organization_id = ?"
                              " AND role IN ('principal', 'secretary')",
                              NULL);
  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, actor_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
complete_finding (GkDatabase *db,
                  gpointer    user_data,
                  GError    **error)
{
  Completion *change = user_data;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *new_json = NULL;
  gint64 row_version;

  read = gk_database_prepare (db,
                              "SELECT f.organization_id, coalesce (f.responsible_id, 0), f.rectification,"
                              "       f.completed_date, f.row_version, i.inspection_date"
                              " FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id"
                              " WHERE f.id = ?",
                              error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, change->finding_id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no finding %" PRId64), change->finding_id);
      return FALSE;
    }
  row_version = sqlite3_column_int64 (read, 4);
  if (change->expected_row_version != 0 && change->expected_row_version != row_version)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_CONFLICT,
                   _("Finding %" PRId64 " was changed by someone else first; reload it"), change->finding_id);
      return FALSE;
    }
  if (!may_complete (db, change->actor_id, sqlite3_column_int64 (read, 0), sqlite3_column_int64 (read, 1)))
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Only party office, an inspector, or the person or organization responsible may record the rectification of finding %" PRId64),
                   change->finding_id);
      return FALSE;
    }
  if (sqlite3_column_type (read, 2) == SQLITE_NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("Finding %" PRId64 " requires no rectification"), change->finding_id);
      return FALSE;
    }
  if (sqlite3_column_type (read, 3) != SQLITE_NULL)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("The rectification of finding %" PRId64 " was already recorded as completed on %s"),
                   change->finding_id, (const char *) sqlite3_column_text (read, 3));
      return FALSE;
    }
  if (g_strcmp0 (change->date, (const char *) sqlite3_column_text (read, 5)) < 0)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_INVALID,
                   _("A rectification cannot be completed before the inspection (%s)"),
                   (const char *) sqlite3_column_text (read, 5));
      return FALSE;
    }

  stmt = gk_database_prepare (db,
                              "UPDATE inspection_findings SET completed_date = ?, completion_note = ?, completed_by = ?,"
                              "  row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, change->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, change->note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, change->actor_id);
  sqlite3_bind_int64 (stmt, 4, change->finding_id);
  sqlite3_bind_int64 (stmt, 5, row_version);
  if (!gk_database_step_done (db, stmt, error))
    return FALSE;

  new_json = gk_audit_json ("completed_date", change->date, "completion_note", change->note, NULL);
  return gk_audit_append (db, "inspection-finding", change->finding_id, "complete",
                          "{\"completed_date\":null}", new_json, error);
}

gboolean
gk_inspections_complete (GkDatabase  *db,
                         gint64       actor_id,
                         gint64       finding_id,
                         gint64       expected_row_version,
                         const char  *date,
                         const char  *note,
                         GError     **error)
{
  Completion change = { actor_id, finding_id, expected_row_version, date, note };
  GDate parsed;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (!gk_date_parse (date, &parsed, error) ||
      !require_text (note, _("What was done to rectify"), error))
    return FALSE;

  gk_database_set_actor (db, actor_id);
  return gk_database_write (db, complete_finding, &change, error);
}

/* ---- reads ---- */

#define INSPECTION_SQL \
  "SELECT i.id, i.kind, i.inspectors, i.scope, i.inspection_date, coalesce (p.name, ''), i.row_version," \
  "       (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = i.id)," \
  "       (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = i.id" \
  "          AND f.rectification IS NOT NULL AND f.completed_date IS NULL)" \
  " FROM inspections i LEFT JOIN people p ON p.id = i.recorded_by"

static GkInspection *
inspection_from_row (sqlite3_stmt *stmt)
{
  GkInspection *inspection = g_new0 (GkInspection, 1);

  inspection->id = sqlite3_column_int64 (stmt, 0);
  gk_inspection_kind_from_string ((const char *) sqlite3_column_text (stmt, 1), &inspection->kind);
  inspection->inspectors = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  inspection->scope = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  inspection->inspection_date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  inspection->recorded_by = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  inspection->row_version = sqlite3_column_int64 (stmt, 6);
  inspection->n_findings = (guint) sqlite3_column_int64 (stmt, 7);
  inspection->n_open = (guint) sqlite3_column_int64 (stmt, 8);
  return inspection;
}

GkInspection *
gk_inspections_get (GkDatabase  *db,
                    gint64       inspection_id,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db, INSPECTION_SQL " WHERE i.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND,
                   _("There is no inspection %" PRId64), inspection_id);
      return NULL;
    }
  return inspection_from_row (stmt);
}

GPtrArray *
gk_inspections_list (GkDatabase  *db,
                     const char  *from,
                     const char  *to,
                     GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_inspection_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  stmt = gk_database_prepare (db,
                              INSPECTION_SQL
                              " WHERE (?1 IS NULL OR i.inspection_date >= ?1) AND (?2 IS NULL OR i.inspection_date <= ?2)"
                              " ORDER BY i.inspection_date DESC, i.id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, inspection_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the inspections"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The finding's status on TODAY. */
#define FINDING_SQL \
  "SELECT f.id, f.inspection_id, i.kind, i.inspection_date, f.organization_id," \
  "       coalesce (o.short_name, o.name), f.finding, f.rectification, f.deadline," \
  "       coalesce (f.responsible_id, 0), coalesce (p.name, ''), f.completed_date, f.completion_note," \
  "       CASE WHEN f.rectification IS NULL THEN 0" \
  "            WHEN f.completed_date IS NOT NULL THEN 3" \
  "            WHEN f.deadline < :today THEN 2 ELSE 1 END AS status," \
  "       f.row_version" \
  " FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id" \
  " JOIN organizations o ON o.id = f.organization_id" \
  " LEFT JOIN people p ON p.id = f.responsible_id"

static GkFinding *
finding_from_row (sqlite3_stmt *stmt)
{
  GkFinding *finding = g_new0 (GkFinding, 1);

  finding->id = sqlite3_column_int64 (stmt, 0);
  finding->inspection_id = sqlite3_column_int64 (stmt, 1);
  gk_inspection_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &finding->inspection_kind);
  finding->inspection_date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  finding->organization_id = sqlite3_column_int64 (stmt, 4);
  finding->organization = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  finding->finding = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  finding->rectification = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  finding->deadline = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  finding->responsible_id = sqlite3_column_int64 (stmt, 9);
  finding->responsible = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  finding->completed_date = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  finding->completion_note = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  finding->status = (GkRectificationStatus) sqlite3_column_int (stmt, 13);
  finding->row_version = sqlite3_column_int64 (stmt, 14);
  return finding;
}

static GPtrArray *
collect_findings (GkDatabase    *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) gk_finding_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, finding_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      gk_database_set_error (db, error, _("Cannot read the inspection findings"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
gk_inspections_list_findings (GkDatabase            *db,
                              const GkFindingQuery  *query,
                              GError               **error)
{
  static const GkFindingQuery everything = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  if (query == NULL)
    query = &everything;
  today = query->today != NULL ? g_strdup (query->today) : gk_database_today (db);

  stmt = gk_database_prepare (db,
                              "WITH RECURSIVE subtree (id) AS ("
                              "  SELECT :org UNION SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id)"
                              " SELECT * FROM (" FINDING_SQL
                              " WHERE (:inspection = 0 OR f.inspection_id = :inspection)"
                              "   AND (:org = 0 OR f.organization_id IN subtree)"
                              "   AND (:from IS NULL OR i.inspection_date >= :from)"
                              "   AND (:to IS NULL OR i.inspection_date <= :to))"
                              " WHERE (:overdue = 0 OR status = 2)"
                              " ORDER BY inspection_date, id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), today, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":org"), query->organization_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":inspection"), query->inspection_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), query->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), query->to, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":overdue"), query->overdue_only ? 1 : 0);
  return collect_findings (db, stmt, error);
}

/* Whom a finding's rectification falls to: the person named, or, when
 * none was, the principal and the secretary of the organization. */
#define ANSWERS_FOR_SQL \
  "(f.responsible_id = :person" \
  "  OR (f.responsible_id IS NULL AND EXISTS (SELECT 1 FROM roles r" \
  "        WHERE r.person_id = :person AND r.organization_id = f.organization_id" \
  "          AND r.role IN ('principal', 'secretary'))))"

GPtrArray *
gk_inspections_overdue_for_person (GkDatabase  *db,
                                   gint64       person_id,
                                   const char  *today,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  day = today != NULL ? g_strdup (today) : gk_database_today (db);
  stmt = gk_database_prepare (db,
                              FINDING_SQL
                              " WHERE f.rectification IS NOT NULL AND f.completed_date IS NULL AND f.deadline < :today"
                              "   AND " ANSWERS_FOR_SQL
                              " ORDER BY f.deadline, f.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":person"), person_id);
  return collect_findings (db, stmt, error);
}

GPtrArray *
gk_inspections_list_deadlines (GkDatabase  *db,
                               const char  *from,
                               const char  *to,
                               gint64       organization_id,
                               gint64       person_id,
                               const char  *today,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  day = today != NULL ? g_strdup (today) : gk_database_today (db);
  stmt = gk_database_prepare (db,
                              "WITH RECURSIVE subtree (id) AS ("
                              "  SELECT :org UNION SELECT o.id FROM organizations o JOIN subtree s ON o.parent_id = s.id) "
                              FINDING_SQL
                              " WHERE f.rectification IS NOT NULL AND f.deadline BETWEEN :from AND :to"
                              "   AND (:org = 0 OR f.organization_id IN subtree)"
                              "   AND (:person = 0 OR " ANSWERS_FOR_SQL ")"
                              " ORDER BY f.deadline, f.id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":org"), organization_id);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":person"), person_id);
  return collect_findings (db, stmt, error);
}

GkFinding *
gk_inspections_get_finding (GkDatabase  *db,
                            gint64       finding_id,
                            const char  *today,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *day = NULL;
  int rc;

  g_return_val_if_fail (GK_IS_DATABASE (db), NULL);

  day = today != NULL ? g_strdup (today) : gk_database_today (db);
  stmt = gk_database_prepare (db, FINDING_SQL " WHERE f.id = :id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), day, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":id"), finding_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return finding_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, GK_CORE_ERROR, GK_CORE_ERROR_NOT_FOUND, _("There is no finding %" PRId64), finding_id);
  else
    gk_database_set_error (db, error, _("Cannot read the inspection findings"));
  return NULL;
}

gboolean
gk_inspections_may_complete (GkDatabase *db,
                             gint64      person_id,
                             gint64      finding_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (GK_IS_DATABASE (db), FALSE);

  if (person_id <= 0)
    return FALSE;
  stmt = gk_database_prepare (db,
                              "SELECT organization_id, coalesce (responsible_id, 0) FROM inspection_findings"
                              " WHERE id = ? AND rectification IS NOT NULL",
                              NULL);
  g_return_val_if_fail (stmt != NULL, FALSE);
  sqlite3_bind_int64 (stmt, 1, finding_id);
  return sqlite3_step (stmt) == SQLITE_ROW &&
         may_complete (db, person_id, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
}
