/* gk-findings-window.h — rectifications (督查整改) to read and complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-database.h"
#include "core/gk-inspections.h"

G_BEGIN_DECLS

#define GK_TYPE_FINDINGS_WINDOW (gk_findings_window_get_type ())
G_DECLARE_FINAL_TYPE (GkFindingsWindow, gk_findings_window, GK, FINDINGS_WINDOW, AdwWindow)

/* A small window of inspection findings, each with its organization, the
 * rectification required, its deadline and status (icon and words), and
 * Mark Rectified… for someone who may record the completion. Emits
 * "changed" after a completion is recorded. */

/* The rectifications PERSON_ID answers for that are past their deadline:
 * what the inbox's banner opens. */
GtkWidget *gk_findings_window_new_overdue     (GtkWindow  *parent,
                                               GkDatabase *db,
                                               gint64      person_id);
/* One finding: what the calendar's agenda opens. */
GtkWidget *gk_findings_window_new_for_finding (GtkWindow  *parent,
                                               GkDatabase *db,
                                               gint64      person_id,
                                               gint64      finding_id);

/* Called when a completion was recorded (RECORDED), or was refused
 * because another desktop changed the finding first (the list is to be
 * read again), if OWNER still exists. */
typedef void (*GkRectificationRecorded) (GObject  *owner,
                                         gboolean  recorded);

/* An AdwActionRow for FINDING:
 * "<organization>: <finding>", the rectification with its deadline,
 * completion and who answers for it, the inspection, a status badge (icon
 * and words), and Mark Rectified… when PERSON_ID may record it (through
 * gk_rectification_dialog_present() with DONE and OWNER). */
GtkWidget *gk_finding_row_new                 (const GkFinding         *finding,
                                               GkDatabase              *db,
                                               gint64                   person_id,
                                               GkRectificationRecorded  done,
                                               GObject                 *owner);

/* Asks PERSON_ID when and how the rectification of FINDING_ID (read at
 * ROW_VERSION; DESCRIPTION says which it is) was completed, records it
 * through gk_inspections_complete() on a worker (gk_write_job_run(), its
 * progress in PARENT's toast overlay), and calls DONE with OWNER. PARENT
 * is the widget the dialog is transient for. */
void       gk_rectification_dialog_present    (GtkWidget               *parent,
                                               GkDatabase              *db,
                                               gint64                   person_id,
                                               gint64                   finding_id,
                                               gint64                   row_version,
                                               const char              *description,
                                               GkRectificationRecorded  done,
                                               GObject                 *owner);

G_END_DECLS
