/* gk-report-widgets.h — the annual report and the period summary on screen
 * and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "core/gk-report.h"

G_BEGIN_DECLS

/* Appends to BOX the headline figures of REPORT in groups (notices,
 * obligations, applications, feedback and supervision) and each of its
 * tables under its title. */
void gk_report_widgets_fill   (GtkBox         *box,
                               const GkReport *report);

/* Called with what FUNC left in DATA, on BOX emptied. */
typedef void (*GkReportWidgetsFillFunc) (GtkBox   *box,
                                         gpointer  data);

/* A read of the whole file that must not block the window: FUNC runs on a
 * worker connection of DB (gk_database_run_async()) and leaves its result
 * in DATA (freed with DATA_FREE) while BOX shows a spinner; then FILL
 * fills BOX, or BOX shows ERROR_TITLE and what went wrong. Only the
 * newest load of a box fills it: an older result is dropped. */
void gk_report_widgets_load   (GtkBox                  *box,
                               GkDatabase              *db,
                               const char              *error_title,
                               GkDatabaseJobFunc        func,
                               gpointer                 data,
                               GDestroyNotify           data_free,
                               GkReportWidgetsFillFunc  fill);

/* The annual report of ORGANIZATION_ID for YEAR, or, YEAR 0, its summary
 * FROM … TO, computed and shown in BOX with gk_report_widgets_load(). */
void gk_report_widgets_load_report (GtkBox     *box,
                                    GkDatabase *db,
                                    gint64      organization_id,
                                    int         year,
                                    const char *from,
                                    const char *to,
                                    const char *error_title);

/* The report BOX shows, filled by gk_report_widgets_load_report(), or
 * NULL (still computing, or it failed). */
const GkReport *gk_report_widgets_get_shown (GtkBox *box);

/* Asks where to save the report BOX shows (see above; not NULL) under
 * NAME (without extension) and writes it there on a worker: as PDF when
 * AS_PDF, else as CSV, through a temporary file renamed when complete.
 * TOASTS shows the progress with Cancel, then the outcome; a failure is
 * shown in a dialog. */
void gk_report_widgets_export (GtkWidget       *parent,
                               AdwToastOverlay *toasts,
                               GtkBox          *box,
                               const char      *name,
                               gboolean         as_pdf);

G_END_DECLS
