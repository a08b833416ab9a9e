#pragma once

#include <glib.h>

#include "core/gk-database.h"

G_BEGIN_DECLS

/* 督查 (第十九条): party office (党委办公室) and the discipline office
 * (纪检监察办公室) inspect — routinely (经常性检查) or on a subject
 * (专项督查) — and record what they found per organization, the
 * rectification (整改) each finding requires, its deadline and its
 * completion. Only people with the role party-office or inspector record
 * inspections and findings; a completion is recorded by them, by the
 * person responsible for the rectification or by the principal or
 * secretary of the organization concerned. Every change is one
 * transaction with its audit event.
 *
 * Who answers for a rectification: the person named when the finding was
 * recorded, or, when none was, the principal (主要负责同志) and the
 * secretary of the organization. */

typedef enum
{
  GK_INSPECTION_ROUTINE,   /* 经常性检查 */
  GK_INSPECTION_SPECIAL,   /* 专项督查 */
} GkInspectionKind;

/* "routine", "special" */
const char *gk_inspection_kind_to_string   (GkInspectionKind  kind);
gboolean    gk_inspection_kind_from_string (const char       *text,
                                            GkInspectionKind *kind);
/* 经常性检查, 专项督查: the words of the record, not translated */
const char *gk_inspection_kind_describe    (GkInspectionKind  kind);

typedef struct
{
  gint64            id;
  GkInspectionKind  kind;
  char             *inspectors;       /* by whom, as written: 党委办公室、纪检监察办公室 */
  char             *scope;            /* what was inspected */
  char             *inspection_date;  /* YYYY-MM-DD */
  char             *recorded_by;      /* name */
  guint             n_findings;
  guint             n_open;           /* findings whose rectification is not completed */
  gint64            row_version;
} GkInspection;

void gk_inspection_free (GkInspection *inspection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkInspection, gk_inspection_free)

typedef enum
{
  GK_RECTIFICATION_NONE,       /* the finding requires no rectification */
  GK_RECTIFICATION_OPEN,       /* 整改中: before its deadline */
  GK_RECTIFICATION_OVERDUE,    /* 逾期未整改: the deadline passed */
  GK_RECTIFICATION_DONE,       /* 已整改 */
} GkRectificationStatus;

/* none, open, overdue, done: stable, for scripts */
const char *gk_rectification_status_to_string (GkRectificationStatus status);
/* 无需整改, 整改中, 逾期未整改, 已整改 */
const char *gk_rectification_status_describe  (GkRectificationStatus status);

typedef struct
{
  gint64                 id;
  gint64                 inspection_id;
  GkInspectionKind       inspection_kind;
  char                  *inspection_date;
  gint64                 organization_id;
  char                  *organization;      /* short name, or name */
  char                  *finding;
  char                  *rectification;     /* NULL: none required */
  char                  *deadline;          /* YYYY-MM-DD, NULL with no rectification */
  gint64                 responsible_id;    /* 0: the organization's principal and secretary */
  char                  *responsible;       /* the named person, or "" */
  char                  *completed_date;    /* NULL until completed */
  char                  *completion_note;
  GkRectificationStatus  status;            /* judged on the TODAY of the listing */
  gint64                 row_version;
} GkFinding;

void gk_finding_free (GkFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GkFinding, gk_finding_free)

/* Whether PERSON may record inspections and findings (party-office or
 * inspector). */
gboolean   gk_inspections_may_record       (GkDatabase  *db,
                                            gint64       person_id);

/* Records an inspection; returns its id, or 0. DATE is YYYY-MM-DD. */
gint64     gk_inspections_new              (GkDatabase        *db,
                                            gint64             actor_id,
                                            GkInspectionKind   kind,
                                            const char        *inspectors,
                                            const char        *scope,
                                            const char        *date,
                                            GError           **error);

/* Records a finding about ORGANIZATION_ID. RECTIFICATION and DEADLINE go
 * together (both NULL: nothing to rectify); the deadline may not precede
 * the inspection. RESPONSIBLE_ID 0: the organization's principal and
 * secretary answer for it. Returns the finding's id, or 0. */
gint64     gk_inspections_add_finding      (GkDatabase  *db,
                                            gint64       actor_id,
                                            gint64       inspection_id,
                                            gint64       organization_id,
                                            const char  *finding,
                                            const char  *rectification,
                                            const char  *deadline,
                                            gint64       responsible_id,
                                            GError     **error);

/* Records that the rectification of FINDING_ID was completed on DATE,
 * with a note of what was done. EXPECTED_ROW_VERSION 0: do not check. */
gboolean   gk_inspections_complete         (GkDatabase  *db,
                                            gint64       actor_id,
                                            gint64       finding_id,
                                            gint64       expected_row_version,
                                            const char  *date,
                                            const char  *note,
                                            GError     **error);

GkInspection *gk_inspections_get           (GkDatabase  *db,
                                            gint64       inspection_id,
                                            GError     **error);

/* Inspections dated FROM … TO (YYYY-MM-DD, inclusive, NULL: no bound), as
 * GkInspection, newest first. */
GPtrArray *gk_inspections_list             (GkDatabase  *db,
                                            const char  *from,
                                            const char  *to,
                                            GError     **error);

/* What a listing of findings shows; zero fields do not filter. */
typedef struct
{
  gint64      inspection_id;
  gint64      organization_id;   /* findings about it and its sub-organizations */
  const char *from;              /* the inspection's date, inclusive */
  const char *to;
  const char *today;             /* statuses are judged on it; NULL: the database's today */
  gboolean    overdue_only;
} GkFindingQuery;

/* Findings as GkFinding, by inspection date, then id. */
GPtrArray *gk_inspections_list_findings    (GkDatabase            *db,
                                            const GkFindingQuery  *query,
                                            GError               **error);

/* The overdue rectifications PERSON answers for on TODAY (NULL: the
 * database's today), as GkFinding by deadline: what the responsible
 * person's inbox and the calendar show. */
GPtrArray *gk_inspections_overdue_for_person (GkDatabase  *db,
                                              gint64       person_id,
                                              const char  *today,
                                              GError     **error);

/* Findings whose rectification deadline lies FROM … TO (YYYY-MM-DD,
 * inclusive, both required), as GkFinding by deadline then id, with their
 * status on TODAY (NULL: the database's today): what the calendar shows
 * beside the obligations. ORGANIZATION_ID (0: any): findings about it or
 * one under it; PERSON_ID (0: anyone's): those the person answers for. */
GPtrArray *gk_inspections_list_deadlines   (GkDatabase  *db,
                                            const char  *from,
                                            const char  *to,
                                            gint64       organization_id,
                                            gint64       person_id,
                                            const char  *today,
                                            GError     **error);

/* One finding, its status judged on TODAY (NULL: the database's today). */
GkFinding *gk_inspections_get_finding      (GkDatabase  *db,
                                            gint64       finding_id,
                                            const char  *today,
                                            GError     **error);

/* Whether PERSON may record the completion of FINDING_ID's rectification
 * (the rule of gk_inspections_complete()). */
gboolean   gk_inspections_may_complete     (GkDatabase  *db,
                                            gint64       person_id,
                                            gint64       finding_id);

G_END_DECLS
